# Nested comprehensions: matrices, flattening, transposition.
matrix = [[i * 3 + j for j in range(3)] for i in range(4)]
print(matrix)
print([row[i] for row in matrix for i in range(len(row)) if i == 1])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([(i, j) for i in range(4) for j in range(i, 4) if i + j == 4])
identity = [[1 if i == j else 0 for j in range(3)] for i in range(3)]
print(identity)
print(sum(sum(r) for r in matrix))
