# Objects with only __getitem__ are iterable (the old sequence protocol).
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i


print(list(Squares()))
print(9 in Squares(), 10 in Squares())
for v in Squares():
    print(v, end=" ")
print()
print(list(enumerate(Squares()))[-1])
