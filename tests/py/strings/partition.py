# partition and rpartition.
print("key=value=x".partition("="))
print("key=value=x".rpartition("="))
print("no-sep".partition("="), "no-sep".rpartition("="))
k, _, v = "name: bob".partition(": ")
print(k, v)
print("".partition("x"))
