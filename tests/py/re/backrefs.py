# numbered backreferences \1..\99, octal escapes versus references
import re

print(re.match(r'(a+)b\1', 'aabaa').group(), re.match(r'(a+)b\1', 'aaba').group())
print(re.search(r'(\w)\1', 'abccd').group())
print(re.findall(r'\b(\w+) \1\b', 'the the cat sat sat'))
print(re.match(r'(a)|\1', 'x'))
print(re.match(r'(a)?b\1', 'b'))
print(re.match(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj').group())
print(re.match(r'(a)\11', 'a\t'))
print(re.match(r'\0', '\x00').span(), re.match(r'\012', '\n').span(), re.match(r'(a)\0123', 'a\n3').span())
print(re.match(r'(x)\1*', 'xxxx').group())
print(re.match(r'(?i)(a)\1', 'aA'))
print(re.match(r'(a|b)*\1', 'abb').group())
print(re.match(r'((a)|b)+\2', 'aba'))
