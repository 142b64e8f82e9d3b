# Functions and classes defined inside functions and conditionals.
def outer(flag):
    if flag:
        def inner():
            return "A"
    else:
        def inner():
            return "B"
    return inner()


print(outer(True), outer(False))


def make_class(base_value):
    class Local:
        value = base_value

        def get(self):
            return self.value
    return Local


C1 = make_class(1)
C2 = make_class(2)
print(C1().get(), C2().get(), C1 is C2)

for i in range(2):
    def loop_fn(i=i):
        return i * 10
    print(loop_fn())
