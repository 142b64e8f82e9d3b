# exponential backtracking on small inputs finishes; the answers are right
import re

print(re.match('(a*)*b', 'a' * 16), re.match('(a*)*b', 'a' * 16 + 'b').span())
print(re.match('(x+x+)+y', 'x' * 14), re.match('(x+x+)+y', 'x' * 14 + 'y').span())
print(re.match('(a|aa)+$', 'a' * 20 + 'b'), re.match('(a|aa)+$', 'a' * 20).span())
print(re.search(r'(\w+\s?)+$', 'a b c d e f g h i j!'))
print(re.match('(?:a+)+b', 'a' * 18))
print(re.match('(?>a+)+b', 'a' * 30))
