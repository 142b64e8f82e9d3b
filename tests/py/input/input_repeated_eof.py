# every input() at the end raises EOFError again
n = 0
for i in range(3):
    try:
        input('> ')
    except EOFError:
        n += 1
print()
print(n)
