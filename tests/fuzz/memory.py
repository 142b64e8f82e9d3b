a = []
while 1: a.append(a * 2)
