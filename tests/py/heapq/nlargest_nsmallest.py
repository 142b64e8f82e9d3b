# heapq.nlargest / nsmallest: like sorted(...)[:n], ties in input order, key functions.
import heapq

data = [5, 1, 8, 3, 9, 2, 8, 1, 7]
for n in range(0, 11):
    print(n, heapq.nlargest(n, data), heapq.nsmallest(n, data))
words = ["bb", "a", "dddd", "cc", "e", "ffff"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nsmallest(2, words, key=lambda w: -len(w)))
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(heapq.nlargest(2, pairs, key=lambda p: p[0]), heapq.nsmallest(3, pairs, key=lambda p: p[0]))
for n in (1, 2, 3, 4):
    assert heapq.nlargest(n, pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: p[0], reverse=True)[:n]
    assert heapq.nsmallest(n, pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: p[0])[:n]
print("ties ok")
