# global declarations in nested functions and class bodies.
value = "module"


class C:
    global value
    value = "set from class body"


print(value)


def outer():
    value = "outer local"

    def inner():
        global value
        return value
    return inner(), value


print(outer())


def setter():
    global new_global
    new_global = 1

    def deeper():
        global new_global
        new_global += 1
    deeper()


setter()
print(new_global)
