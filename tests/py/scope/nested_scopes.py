# Name resolution: local, enclosing, global, builtin (LEGB).
x = "global"


def outer():
    x = "enclosing"

    def inner():
        return x

    def inner_local():
        x = "local"
        return x

    def inner_global():
        global x
        return x
    return inner(), inner_local(), inner_global()


print(outer())


def uses_builtin():
    return abs(-3)


print(uses_builtin())


def level1():
    a = 1

    def level2():
        b = 2

        def level3():
            return a + b
        return level3()
    return level2()


print(level1())
