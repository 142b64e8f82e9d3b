x = (((((((((1)))))))))
for i in range(10**9): pass
