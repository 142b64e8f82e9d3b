# HMAC-SHA256 built from hashlib (RFC 4231 test case 2), as scripts on the board would do it
import hashlib
def hmac_sha256(key, msg):
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key + bytes(64 - len(key))
    inner = hashlib.sha256(bytes(k ^ 0x36 for k in key))
    inner.update(msg)
    outer = hashlib.sha256(bytes(k ^ 0x5c for k in key))
    outer.update(inner.digest())
    return outer.hexdigest()
print(hmac_sha256(b'Jefe', b'what do ya want for nothing?'))
print(hmac_sha256(b'\x0b' * 20, b'Hi There'))
print(hmac_sha256(b'\xaa' * 131, b'Test Using Larger Than Block-Size Key - Hash Key First'))
