# Iterating over strings.
for ch in "abc":
    print(ch, end=".")
print()
print(list(reversed("hello")), "".join(reversed("hello")))
print(list(enumerate("xy")))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted("hello"), "".join(sorted("hello")))
print(set("aab") == {"a", "b"})
it = iter("ab")
print(next(it), next(it), next(it, "end"))
