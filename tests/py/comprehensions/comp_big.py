# A larger comprehension workload: primes and Pythagorean triples.
N = 200
sieve = [True] * N
sieve[0] = sieve[1] = False
for i in range(2, N):
    if sieve[i]:
        for j in range(i * i, N, i):
            sieve[j] = False
primes = [i for i, p in enumerate(sieve) if p]
print(len(primes), primes[-5:])
triples = [(a, b, c) for c in range(1, 40) for b in range(1, c) for a in range(1, b)
           if a * a + b * b == c * c]
print(triples)
print(sum(x * x for x in range(1000)))
