# MD5 on the RFC 1321 test suite and block boundaries
import hashlib
for msg in [b'', b'a', b'abc', b'message digest', b'abcdefghijklmnopqrstuvwxyz',
            b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
            b'12345678901234567890123456789012345678901234567890123456789012345678901234567890']:
    print(hashlib.md5(msg).hexdigest())
for n in [55, 56, 63, 64, 65, 1000]:
    print(n, hashlib.md5(b'\xff' * n).hexdigest())
