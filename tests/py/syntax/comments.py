# Comments in odd places and blank lines.

x = 1  # trailing comment
# a comment line
    # an indented comment line is fine

def f(a,  # comment in arguments
      b):
    # comment at start of body
    return a + b  # return


print(f(1,
        # comment between args
        2))
lst = [1,  # one
       2]  # two
print(lst, x)  # done
