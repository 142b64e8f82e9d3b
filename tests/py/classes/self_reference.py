# Objects referencing each other and themselves (a linked list and a cycle).
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.nxt = nxt


head = None
for v in range(5):
    head = Node(v, head)
vals = []
n = head
while n:
    vals.append(n.val)
    n = n.nxt
print(vals)
a = Node("a")
b = Node("b", a)
a.nxt = b
print(a.nxt.nxt.val, a.nxt.nxt is a)
lst = [1]
lst.append(lst)
print(lst)
d = {}
d["self"] = d
print(d)
