# digest() does not finish the object: update and copy still work afterwards
import hashlib
for name in ['md5', 'sha1', 'sha256']:
    h = hashlib.new(name, b'part1')
    first = h.hexdigest()
    h.update(b'part2')
    c = h.copy()
    print(name, first == hashlib.new(name, b'part1').hexdigest(), h.hexdigest() == hashlib.new(name, b'part1part2').hexdigest())
    c.update(b'3')
    print(name, c.hexdigest() == hashlib.new(name, b'part1part23').hexdigest(), h.hexdigest() != c.hexdigest())
