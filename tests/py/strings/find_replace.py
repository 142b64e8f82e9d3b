# find, rfind, index, rindex, count, replace.
s = "hello world, hello there"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"))
print(s.index("world"), s.rindex("o"), s.count("hello"), s.count("l"), s.count(""))
print(s.find("o", 5, 10), s.count("l", 0, 5))
try:
    s.index("nope")
except ValueError:
    print("ValueError: substring not found")
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1))
print("aaa".replace("a", "bb"), "abc".replace("", "-"), "abc".replace("x", "y"))
print("ünïcödé".find("ö"), "ünïcödé".replace("ö", "o"))
