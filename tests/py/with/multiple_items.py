# Several context managers in one with statement: entered left to right, exited reversed.
class CM:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name

    def __exit__(self, *exc):
        self.log.append("exit " + self.name)
        return False


log = []
with CM("a", log) as a, CM("b", log) as b, CM("c", log):
    log.append("body %s %s" % (a, b))
print(log)
log = []
try:
    with CM("p", log), CM("q", log):
        raise RuntimeError
except RuntimeError:
    log.append("caught")
print(log)
