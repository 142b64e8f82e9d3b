# Comparison operators on mixed types.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2))
print(True == 1, False == 0, True is True)
print(None == None, None is None, None == 0)
print(1 == "1", [] == (), [] == [])
print(0.1 + 0.2 == 0.3, 3 == 3.0, 2 ** 53 == 2.0 ** 53)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4)
try:
    print(1 < "a")
except TypeError:
    print("TypeError")
try:
    print([1] < ["a"])
except TypeError:
    print("TypeError nested")
