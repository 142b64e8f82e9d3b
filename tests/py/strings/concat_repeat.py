# Concatenation, repetition and comparison of strings.
a = "foo"
b = "bar"
print(a + b, a * 3, 2 * b, a * 0, a * -1)
s = ""
for i in range(5):
    s += str(i)
print(s)
print("abc" < "abd", "abc" < "abcd", "B" < "a", "é" > "z", "" == "")
print("abc" == "abc", "abc" != "ABC", "a" * 3 == "aaa")
print(sorted(["banana", "Apple", "cherry", "apple"]))
print(max("hello"), min("hello"))
try:
    "a" + 1
except TypeError:
    print("TypeError")
try:
    "a" * 1.5
except TypeError:
    print("TypeError float repeat")
