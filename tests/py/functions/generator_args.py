# A generator expression as the only argument needs no extra parentheses.
print(sum(x * x for x in range(5)))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(c.upper() for c in "hey"))
print(sorted((n % 3 for n in range(7)), reverse=True))
print(" ".join(str(i) for i in range(4)))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
print(dict((k, len(k)) for k in ["aa", "b"]))
print(tuple(i for i in range(3) if i))
