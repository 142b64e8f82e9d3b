# Tuples as dict keys and set members.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, (5, 5) in grid)
visited = {(0, 0), (0, 1), (0, 0)}
print(len(visited), sorted(visited))
pairs = {}
for w in ["ab", "ba", "ab"]:
    key = tuple(sorted(w))
    pairs[key] = pairs.get(key, 0) + 1
print(pairs)
