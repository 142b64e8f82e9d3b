# A reusable context manager counting its uses and a generator-free lock.
class Lock:
    def __init__(self):
        self.held = False
        self.uses = 0

    def __enter__(self):
        if self.held:
            raise RuntimeError("already held")
        self.held = True
        self.uses += 1
        return self

    def __exit__(self, *a):
        self.held = False


lock = Lock()
with lock:
    print("held", lock.held)
    try:
        with lock:
            pass
    except RuntimeError as e:
        print(e)
print("held", lock.held)
with lock:
    pass
print("uses", lock.uses)
