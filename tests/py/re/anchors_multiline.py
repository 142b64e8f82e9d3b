# MULTILINE: ^ and $ at every line; \A and \Z stay at the string's ends
import re

s = 'one\ntwo\nthree\n'
print(re.findall('^\\w+', s), re.findall('^\\w+', s, re.M))
print(re.findall('\\w+$', s), re.findall('\\w+$', s, re.M))
print(re.findall('(?m)^$', 'a\n\nb\n'))
print(re.findall(r'(?m)\A\w+', s), re.findall(r'(?m)\w+\Z', 'a\nb'))
print(re.search('(?m)^b', 'a\nb').span())
print(re.findall('(?m)^', 'a\nb\n'))
print(re.findall('(?m)$', 'a\nb\n'))
print(re.sub('(?m)^', '> ', 'x\ny'))
print(re.match('a$', 'a\n'), re.match('(?m)a$', 'a\nb').span())
