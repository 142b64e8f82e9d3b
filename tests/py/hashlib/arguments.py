# data types accepted and refused by the constructors and update()
import hashlib
import array
print(hashlib.sha256(bytearray(b'abc')).hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.sha256(memoryview(b'xabcx')[1:4]).hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.md5(array.array('i', [1, 2])).hexdigest())
print(hashlib.sha256(string=b'abc').hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.sha1(b'abc', usedforsecurity=False).hexdigest())
for bad in ['text', 5, None, [1]]:
    try:
        hashlib.sha256(bad)
    except TypeError as e:
        print('TypeError', e)
    try:
        hashlib.md5().update(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    hashlib.sha256(data=b'x')
except TypeError:
    print('TypeError data=')
try:
    hashlib.sha256(b'a', b'b')
except TypeError:
    print('TypeError two args')
