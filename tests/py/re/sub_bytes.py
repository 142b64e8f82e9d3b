# sub, split and findall on bytes, bytearray and memoryview subjects (results are bytes)
import re

print(re.sub(rb'(\w)(\d)', rb'\2\1', b'a1 b2'))
print(re.sub(b'a', b'\\n', b'xax'))
print(re.sub(b'a', lambda m: m.group().upper(), b'banana'))
print(re.sub(b'a', lambda m: bytearray(b'Q'), b'xa'))
print(re.subn(b'a', b'', bytearray(b'aXa')))
print(re.split(b',', bytearray(b'a,b')), re.findall(b'\\d', memoryview(b'1a2')))
print(re.search(b'b', bytearray(b'abc')).group(), re.match(b'a', memoryview(b'ab'))[0])
print(re.sub(b'x', bytearray(b'yy'), b'axb'))
try:
    re.sub(b'a', lambda m: 'str', b'a')
except TypeError as e:
    print('TypeError', e)
print(re.sub(b'', b'-', bytearray()), re.findall(b'x*', bytearray()), re.split(b'a', bytearray()))
print(re.escape(bytearray()), re.sub(b'a', bytearray(), b'bab'), re.match(b'', memoryview(b'')).span())
