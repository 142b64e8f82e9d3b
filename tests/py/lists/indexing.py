# Indexing and negative indices.
l = ["a", "b", "c", "d"]
print(l[0], l[-1], l[-4], l[2])
l[1] = "B"
l[-1] = "D"
print(l)
for bad in (4, -5, 100):
    try:
        l[bad]
    except IndexError:
        print("IndexError", bad)
try:
    l[4] = 1
except IndexError:
    print("IndexError assignment")
try:
    l["0"]
except TypeError:
    print("TypeError: indices must be integers")
try:
    l[1.0]
except TypeError:
    print("TypeError float index")
print(l[True], l[False])
