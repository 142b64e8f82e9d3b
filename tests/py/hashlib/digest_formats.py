# digest() bytes versus hexdigest() text for each algorithm, and empty-input digests
import hashlib
import binascii
for name in ['md5', 'sha1', 'sha224', 'sha256']:
    h = hashlib.new(name)
    print(name, h.hexdigest(), binascii.hexlify(h.digest()).decode() == h.hexdigest())
    h.update(b'rtpy')
    print(name, h.digest())
