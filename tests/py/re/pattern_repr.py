# repr of Pattern and Match objects, truncation of long ones
import re

print(repr(re.compile('a+b')), repr(re.compile(b'a+b')))
print(repr(re.compile('a', re.I | re.M)), repr(re.compile('a', re.S | re.X)))
print(repr(re.compile('(?i)a')), repr(re.compile('a', re.A)))
print(repr(re.compile(b'a', re.L | re.I)))
print(repr(re.compile("it's")), repr(re.compile('"q"')))
print(repr(re.compile('x' * 250)))
print(repr(re.match('a+', 'aaa')), repr(re.match(b'.', b'\xff')))
print(repr(re.match('.*', 'y' * 80)))
print(repr(re.match('', 'abc')), repr(re.search('é', 'xé')))
print(str(re.match('a', 'a')) == repr(re.match('a', 'a')))
