# comparisons between arrays (lexicographic by value, any typecodes) and with other types
import array
A = array.array
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1]) != A('i', [1]))
print(A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) < A('i', [1, 2, 0]), A('i', [2]) > A('i', [1, 9]))
print(A('b', [1, 2]) <= A('b', [1, 2]), A('b', []) < A('b', [0]), A('B', [5]) >= A('d', [5.0]))
print(A('i', [1]) == [1], A('i') == (), A('i') != [])
print(A('d', [float('nan')]) == A('d', [float('nan')]), A('f', [0.1]) == A('d', [0.1]))
try:
    A('i') < [1]
except TypeError:
    print('TypeError')
try:
    hash(A('i'))
except TypeError:
    print('TypeError hash')
print(sorted([A('i', [3]), A('i', [1, 2]), A('i', [1])]))
