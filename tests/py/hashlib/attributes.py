# name, digest_size, block_size; digest types and lengths; new() by name
import hashlib
for name in ['md5', 'sha1', 'sha224', 'sha256']:
    h = getattr(hashlib, name)(b'x')
    print(h.name, h.digest_size, h.block_size, len(h.digest()), len(h.hexdigest()), type(h.digest()).__name__)
print(hashlib.new('sha256', b'abc').hexdigest() == hashlib.sha256(b'abc').hexdigest())
print(hashlib.new('SHA1').name, hashlib.new('MD5', b'').hexdigest(), hashlib.new(name='md5').name if False else 'ok')
try:
    hashlib.new('nope')
except ValueError as e:
    print('ValueError', e)
for attr in ['name', 'digest_size']:
    try:
        setattr(hashlib.md5(), attr, 1)
    except AttributeError:
        print('AttributeError', attr)
