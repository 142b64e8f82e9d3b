# The global statement.
counter = 0


def bump():
    global counter
    counter += 1


for _ in range(5):
    bump()
print(counter)


def create():
    global created
    created = "yes"


create()
print(created)


def read_only():
    return counter * 2


print(read_only())


def shadow():
    counter = 100
    return counter


print(shadow(), counter)


def nested():
    def inner():
        global counter
        counter = -1
    inner()


nested()
print(counter)
