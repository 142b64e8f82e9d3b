# Lists used as a stack and as a queue.
stack = []
for x in "abc":
    stack.append(x)
out = []
while stack:
    out.append(stack.pop())
print(out)
queue = list(range(5))
order = []
while queue:
    v = queue.pop(0)
    order.append(v)
    if v == 1:
        queue.append(10)
print(order)


def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st


print([balanced(s) for s in ["()", "([]{})", "(]", "((", "", "a(b)c"]])
