# the same seed gives the same sequence (values differ from CPython's generator: only
# properties are printed)
import random
def draw():
    return [random.random(), random.getrandbits(64), random.randrange(1000), random.randint(-5, 5),
            random.choice('abcdef'), random.uniform(1, 2), random.sample(range(50), 4)]
for seed in [0, 1, 12345, 2**100, 'hello', b'bytes', bytearray(b'ba'), 3.5]:
    random.seed(seed)
    a = draw()
    random.seed(seed)
    b = draw()
    print(repr(seed), a == b)
random.seed(7)
x = [random.random() for _ in range(5)]
random.seed(8)
y = [random.random() for _ in range(5)]
print(x != y)
random.seed(-42)
p = random.getrandbits(32)
random.seed(42)
print(p == random.getrandbits(32))
random.seed('abc')
s1 = random.random()
random.seed(b'abc')
print(s1 == random.random())
random.seed(2.0)
f1 = random.random()
random.seed(2)
print(f1 == random.random())
random.seed()
random.seed(None)
print(0 <= random.random() < 1)
