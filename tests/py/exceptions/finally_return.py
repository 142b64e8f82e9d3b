# return, break and continue interacting with finally.
def f1():
    try:
        return "try"
    finally:
        print("f1 finally")


def f2():
    try:
        return "try"
    finally:
        return "finally wins"


def f3():
    try:
        raise ValueError
    finally:
        return "finally swallows the exception"


def f4():
    x = "before"
    try:
        return x
    finally:
        x = "changed in finally"


def f5():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i


def f6():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "break in finally drops exception, i=%d" % i


def f7():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


print(f1())
print(f2())
print(f3())
print(f4())
print(f5())
print(f6())
print(f7())
