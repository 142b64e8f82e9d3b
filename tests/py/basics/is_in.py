# is, is not, in, not in.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(1 in a, 3 in a, 3 not in a)
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
print(2 in (1, 2), 2 in {2: "x"}, "x" in {2: "x"})
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print(None in [None], 1.0 in [1], True in [1])
s = {1, 2, 3}
print(2 in s, 4 not in s)
print(not 1 in a)
