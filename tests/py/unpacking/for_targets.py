# Unusual for-loop targets: attributes, subscripts, starred.
class O:
    pass


o = O()
for o.attr in range(3):
    pass
print(o.attr)
d = {}
for d["k"] in "xyz":
    pass
print(d)
lst = [0, 0]
for lst[1] in [5, 6]:
    pass
print(lst)
for first, *others in ["abc", "de"]:
    print(first, others)
