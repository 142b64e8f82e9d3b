# input() at the end of standard input raises EOFError
try:
    input()
except EOFError as e:
    print('EOFError', e)
