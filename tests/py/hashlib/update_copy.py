# incremental update, digest repeatable, copy independence
import hashlib
for name in ['md5', 'sha1', 'sha224', 'sha256']:
    h = getattr(hashlib, name)()
    for piece in [b'ab', b'', b'c' * 70, b'd' * 3]:
        h.update(piece)
    print(name, h.hexdigest() == getattr(hashlib, name)(b'ab' + b'c' * 70 + b'ddd').hexdigest())
    d1 = h.digest()
    print(d1 == h.digest(), h.hexdigest() == d1.hex())
    c = h.copy()
    c.update(b'more')
    print(h.hexdigest() != c.hexdigest(), c.hexdigest() == getattr(hashlib, name)(b'ab' + b'c' * 70 + b'dddmore').hexdigest())
    h.update(b'x')
    print(h.digest() != d1)
h = hashlib.sha256()
for i in range(1000):
    h.update(bytes([i & 0xff]) * (i % 131))
print(h.hexdigest())
