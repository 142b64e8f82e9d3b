# Iterating dicts; changing size during iteration raises RuntimeError.
d = {"x": 1, "y": 2, "z": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    d[k] = v * 10
print(d)
try:
    for k in d:
        d[k + k] = 0
except RuntimeError:
    print("RuntimeError: dictionary changed size during iteration")
d = {"x": 1, "y": 2, "z": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
print(list(reversed({"a": 1, "b": 2})))
