# A class used as a decorator; instances stand in for the function.
class Retry:
    def __init__(self, fn):
        self.fn = fn
        self.attempts = 0

    def __call__(self, *a):
        for _ in range(3):
            self.attempts += 1
            try:
                return self.fn(*a)
            except ValueError:
                pass
        return "gave up"


state = {"n": 0}


@Retry
def flaky():
    state["n"] += 1
    if state["n"] < 3:
        raise ValueError
    return "ok on try %d" % state["n"]


print(flaky(), flaky.attempts)


@Retry
def always_fails():
    raise ValueError


print(always_fails(), always_fails.attempts)
