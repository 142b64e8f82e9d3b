# input() takes at most one argument
try:
    input('a', 'b')
except TypeError:
    print('TypeError')
try:
    input(prompt='x')
except TypeError:
    print('TypeError')
