# Sets of strings: print them sorted (string hash order varies between runs).
words = "the quick brown fox jumps over the lazy dog the end".split()
unique = set(words)
print(len(words), len(unique), sorted(unique))
vowels = set("aeiou")
print(sorted(vowels & set("hello world")), sorted(set("abc") - vowels))
print("the" in unique, "cat" in unique)
print(sorted({w[0] for w in words}))
