# hashing megabytes in one call and in uneven chunks gives the same digest
import hashlib
data = bytes(range(256)) * 8192
print(len(data), hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest())
h = hashlib.sha256()
i = 0
step = 1
while i < len(data):
    h.update(data[i:i + step])
    i += step
    step = step * 3 % 10007 + 1
print(h.hexdigest() == hashlib.sha256(data).hexdigest())
mv = memoryview(data)
h2 = hashlib.md5()
for k in range(0, len(data), 65536):
    h2.update(mv[k:k + 65536])
print(h2.hexdigest() == hashlib.md5(data).hexdigest())
