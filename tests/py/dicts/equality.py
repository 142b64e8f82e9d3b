# Dict equality ignores order; nested dicts compare deeply.
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {})
print({"a": [1, {"b": 2}]} == {"a": [1, {"b": 2}]}, {"a": 1} != {"a": 2})
print({1: 2} == [(1, 2)], {"a": 1} == dict(a=1))
try:
    {} < {}
except TypeError:
    print("TypeError: dicts are not ordered")
