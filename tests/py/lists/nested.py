# Nested lists and deep comparison.
grid = [[c + str(r) for c in "abc"] for r in range(3)]
print(grid)
print(grid[1][2], grid[-1][-1])
grid[0][0] = "X"
print(grid[0])
print([[1, [2, 3]], 4] == [[1, [2, 3]], 4], [[1, [2, 3]]] < [[1, [2, 4]]])
flat = [x for row in grid for x in row]
print(len(flat), flat[:4])
deep = [1, [2, [3, [4, [5]]]]]
d = deep
depth = 0
while isinstance(d, list):
    depth += 1
    d = d[-1]
print(depth, d)
