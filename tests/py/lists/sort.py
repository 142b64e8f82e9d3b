# list.sort and sorted with key and reverse; sorting is stable.
nums = [5, 2, 9, 1, 5, 6, -3]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "apple", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
records = [("b", 2), ("a", 2), ("c", 1), ("d", 1)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
print(sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([]), sorted([1]), sorted("cba"), sorted((3, 1, 2)))
mixed = [3, 1.5, True, -2]
mixed.sort()
print(mixed)
try:
    [1, "a"].sort()
except TypeError:
    print("TypeError")
big = list(range(100, 0, -1))
big.sort()
print(big[:5], big[-3:], big == list(range(1, 101)))
r = [1, 2, 3]
print(r.sort(), r)
