# SHA-256 and SHA-224 on the FIPS 180 test vectors and around the block boundaries
import hashlib
for msg in [b'', b'abc', b'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
            b'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu']:
    print(hashlib.sha256(msg).hexdigest())
    print(hashlib.sha224(msg).hexdigest())
for n in [55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129]:
    print(n, hashlib.sha256(b'a' * n).hexdigest())
print(hashlib.sha256(b'a' * 1000000).hexdigest())
