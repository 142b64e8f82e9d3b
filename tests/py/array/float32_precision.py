# 'f' items are rounded to float32 when stored; 'd' items are exact
import array
vals = [0.1, 1 / 3, 16777217.0, 1e-7, 3.14159265358979, -2.5, 1e38, 1e-45, 1e-46]
f = array.array('f', vals)
d = array.array('d', vals)
for x, y, z in zip(vals, f, d):
    print(x, y, z == x)
print(f == array.array('f', f.tolist()), f.tobytes()[:4])
f[0] = 2**128
f[1] = -2**128
print(f[0], f[1])
