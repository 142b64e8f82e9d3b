# Lists are mutable and shared by reference.
def add_item(lst, item):
    lst.append(item)


x = []
add_item(x, 1)
add_item(x, 2)
print(x)
y = x
y.append(3)
print(x, x is y)
y = y + [4]
print(x, y, x is y)
m = [[1, 2], [3, 4]]
row = m[0]
row.append(99)
print(m)
copies = [m[1]] * 3
copies[0].append("shared")
print(copies)
