# Substring tests with in.
s = "the quick brown fox"
for sub in ["quick", "Quick", "", "fox", "the quick brown fox", "x"]:
    print(repr(sub), sub in s)
print("é" in "café", "ab" not in "ba")
try:
    1 in "abc"
except TypeError:
    print("TypeError")
