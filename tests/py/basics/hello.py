# The smallest program: print a few values of the basic types.
print("hello world")
print(1, 2, 3)
print()
print(None, True, False)
print(1.5, -2, "x")
print("a" "b" "c")
print('single', "double", '''triple''', """triple2""")
