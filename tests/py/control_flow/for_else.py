# for ... else: the else runs when the loop was not ended by break.
def find(seq, target):
    for i, v in enumerate(seq):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 5)
find([], 1)
for i in range(3):
    continue
else:
    print("else after continue-only loop")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
