# DOTALL: . matches a newline too
import re

print(re.match('.*', 'ab\ncd').group(), re.match('.*', 'ab\ncd', re.S).group())
print(re.match('(?s).+', 'a\nb').group())
print(re.findall('a.b', 'a\nb', re.DOTALL))
print(re.match('(?s:.)(.)', '\n\n'))
print(re.match('(?s:.)(.)', '\nx').groups())
print(re.match('(?-s:.)', '\n', re.S))
print(re.findall('.', '\r\n'))
