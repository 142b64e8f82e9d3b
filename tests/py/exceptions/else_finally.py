# The order in which try, except, else and finally run.
def run(fail):
    try:
        print("  try")
        if fail:
            raise ValueError("x")
    except ValueError:
        print("  except")
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")


print("no error:")
run(False)
print("error:")
run(True)


def uncaught():
    try:
        raise KeyError("k")
    except ValueError:
        print("not here")
    finally:
        print("  finally before propagation")


try:
    uncaught()
except KeyError:
    print("caught outside")
try:
    pass
finally:
    print("finally without except")
