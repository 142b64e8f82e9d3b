# Mixed indentation depths, single-line bodies and deep nesting.
def f(x):
  if x > 0:
        return "pos"
  else:
   return "non-pos"


print(f(1), f(-1))
for i in range(2): print("one-liner", i)
while False: pass
class K: attr = 1
print(K.attr)
def deep(n):
    if n > 0:
        if n > 1:
            if n > 2:
                if n > 3:
                    return "big"
                return 3
            return 2
        return 1
    return 0


print([deep(i) for i in range(6)])
if True:

    print("blank line inside a block")
