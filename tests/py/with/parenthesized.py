# Parenthesized context managers (Python 3.10 syntax), one per line.
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
with (CM("x", log) as x,
      CM("y", log) as y):
    log.append("body " + x + y)
print(log)
log = []
with (CM("a", log), CM("b", log),):
    pass
print(log)
with (CM("single", log)) as s:
    print(s)
