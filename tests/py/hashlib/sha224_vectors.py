# SHA-224 vectors and its relation to SHA-256 (different initial values, truncated output)
import hashlib
print(hashlib.sha224(b'').hexdigest())
print(hashlib.sha224(b'abc').hexdigest())
print(hashlib.sha224(b'a' * 1000000).hexdigest())
print(hashlib.sha224(b'x').digest_size, hashlib.sha224(b'x').hexdigest()[:8] != hashlib.sha256(b'x').hexdigest()[:8])
for n in [0, 55, 56, 64, 100]:
    print(n, hashlib.sha224(bytes(n)).hexdigest())
