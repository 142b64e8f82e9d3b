# the generator state is shared by the module functions; reseeding restarts the sequence
import random
random.seed(42)
seq = [random.random() for _ in range(3)] + [random.randrange(100) for _ in range(3)]
random.seed(42)
seq2 = [random.random() for _ in range(3)] + [random.randrange(100) for _ in range(3)]
print(seq == seq2)
random.seed(42)
random.random()
mid = random.random()
random.seed(42)
print(random.random() != mid, random.random() == mid)
import random as r2
print(r2 is random)
r2.seed(9)
a = random.getrandbits(16)
random.seed(9)
print(a == r2.getrandbits(16))
