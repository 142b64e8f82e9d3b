# A SyntaxError in the main script itself: nothing runs and the exit status is 1.
print("this is never printed because the file does not compile")
x = (1,
def oops
