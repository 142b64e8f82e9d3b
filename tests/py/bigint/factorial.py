# Large factorials and their digit sums.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


f50 = fact(50)
print(f50)
print(len(str(fact(100))), sum(int(d) for d in str(fact(100))))
print(fact(30) // fact(28), fact(25) % 1000003)
print(fact(40) == fact(39) * 40)
