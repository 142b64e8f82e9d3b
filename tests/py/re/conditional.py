# conditional groups (?(id)yes|no) and (?(name)yes|no)
import re

p = re.compile(r'(<)?(\w+)(?(1)>|$)')
for s in ['<user>', 'user', '<user', 'user>']:
    m = p.match(s)
    print(s, m.groups() if m else None)
p = re.compile(r'(?P<q>")?\w+(?(q)")')
print([bool(p.fullmatch(s)) for s in ['"a"', 'a', '"a', 'a"']])
print(re.match('(a)?(?(1)b)c', 'c').groups(), re.match('(a)?(?(1)b)c', 'abc').groups())
print(re.findall(r'(a)?(?(1)b|c)', 'abcac'))
print(re.match('(?(1)a|b)(x)', 'bx'))
print(re.match('(a)(?(1)|z)', 'a').span())
