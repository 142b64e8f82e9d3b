# Swapping and rotating values with tuple assignment; evaluation order.
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
l = [10, 20, 30]
l[0], l[2] = l[2], l[0]
print(l)
i = 0
lst = [0, 0]
i, lst[i] = 1, 5
print(i, lst)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
