# bytearray is a mutable sequence of bytes.
ba = bytearray(b"hello")
ba[0] = ord("H")
print(ba)
ba.append(33)
print(ba, len(ba))
ba.extend(b" ok")
print(ba)
ba[1:5] = b"EY"
print(ba)
del ba[0]
print(ba)
print(ba.pop(), ba)
ba.insert(0, 65)
print(ba)
ba += b"!!"
print(ba)
ba.reverse()
print(ba)
ba.remove(ord("!"))
print(ba)
ba[::2] = b"xxxx"
print(ba)
try:
    ba[0] = 300
except ValueError:
    print("ValueError: byte must be in range(0, 256)")
print(bytes(ba), ba == bytes(ba), ba.decode())
ba.clear()
print(ba, len(ba))
