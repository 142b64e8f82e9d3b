# split with maxsplit and zero-width or optional separators
import re

print(re.split(r'\b', 'a b c', 2), re.split(r'(\b)', 'ab cd', 1))
print(re.split('(?=[A-Z])', 'HelloWorldFoo'), re.split('(?=[A-Z])', 'HelloWorldFoo', 1))
print(re.split('(a)?b', 'xbyab'), re.split('(a)|b', 'xbyab'))
print(re.split('x*', 'axb', maxsplit=1), re.split('(x*)', 'axb'))
print(re.split(r'\s', ' a ', ), re.split(r'(\s)', ' a '))
print(re.split('$', 'a\nb'), re.split('(?m)^', 'a\nb\nc'))
print(re.split('', 'ab', maxsplit=-1), re.split('b', 'abc', maxsplit=10))
