# itertools.accumulate: running sums, a function, initial=, strings and lists.
from itertools import accumulate

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([3, 1, 4, 1, 5], min)))
print(list(accumulate("abc")))
print(list(accumulate([[1], [2], [3]])))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=5)))
print(list(accumulate([])))
print(list(accumulate([7])))
print(list(accumulate([1, 2], func=lambda a, b: a - b)))
print(list(accumulate(range(5), initial=None)))
print(list(accumulate([1.5, 2.5, -1])))
print(list(accumulate((x for x in range(4)), lambda a, b: a + 2 * b, initial=1)))
a = accumulate([1, 2])
print(iter(a) is a, next(a), next(a), list(a))
