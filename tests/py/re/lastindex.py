# lastindex and lastgroup: the group whose end was reached last
import re

for p, s in [('(a)(b)', 'ab'), ('((a)b)', 'ab'), ('(a)|(b)', 'b'), ('(a)(b)?', 'a'), ('(?:(a)|b)+', 'ab'),
             ('(a)*', 'aa'), ('(a)*', ''), ('x', 'x'), ('(?P<n>a)(?P<m>b)?', 'a'), ('(?P<n>a(?P<m>b))', 'ab'),
             ('(a)(?=(b))', 'ab'), ('(a)(?!(c))', 'ab'), ('(?>(a))', 'a'), ('(a)(?(1)(b))', 'ab')]:
    m = re.match(p, s)
    print(p, m.lastindex, m.lastgroup)
