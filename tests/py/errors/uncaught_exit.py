# An uncaught exception prints a traceback to stderr and exits with status 1; stdout before
# the error is still written.
def inner():
    raise ValueError("uncaught on purpose")


def outer():
    inner()


print("line before the error")
print("second line")
outer()
print("never printed")
