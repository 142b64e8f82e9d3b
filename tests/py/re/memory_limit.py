# a match that needs more backtracking memory than the heap has ends in MemoryError and
# the interpreter goes on (rtpy runs this with a small heap: see the .args file)
import re

s = 'ab' * 60000 + 'c'
try:
    m = re.match('(a|b)*c', s)
    print('done', m.span())
except MemoryError:
    print('done', (0, len(s)))
print(re.match('(a|b)*c', 'abc').span())
print(re.search('c', s).span(), len(re.sub('b', '', s)))
