# SHA-1 on standard vectors and block boundaries
import hashlib
for msg in [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
            b'The quick brown fox jumps over the lazy dog', b'The quick brown fox jumps over the lazy cog']:
    print(hashlib.sha1(msg).hexdigest())
for n in [55, 56, 63, 64, 65, 128]:
    print(n, hashlib.sha1(bytes(range(n))).hexdigest())
print(hashlib.sha1(b'a' * 1000000).hexdigest())
