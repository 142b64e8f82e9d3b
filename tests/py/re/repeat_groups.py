# repeated groups: the last iteration's capture, empty iterations, counted repeats of groups
import re

print(re.match('(a|b)*', 'abba').group(1), re.match('(a|b){2}', 'abba').group(1))
print(re.match('(a*)*', 'b').groups(), re.match('(a*)+', 'b').groups(), re.match('(a*)+', 'aa').groups())
print(re.match('(a*?)*', 'aa').groups(), re.match('(a|)*', 'aa').groups(), re.match('(|a)*', 'aa').groups())
print(re.match('(a*){2,3}', 'aa').groups(), re.match('(?:a*){2,}x', 'aax').span())
print(re.match('(ab){2,3}?', 'ababab').groups(), re.match('(ab){2,3}?c', 'abababc').group())
print(re.match('((a)|(b))*', 'ab').groups(), re.match('((a)|(b))*?$', 'ab').groups())
print(re.match('(?:(a)|b|(c))+', 'acb').groups())
print(re.match('(a){1000}', 'a' * 1000).span(), re.match('(?:ab){500,}', 'ab' * 600).span())
print(re.match('(a){0}b', 'b').groups(), re.match('(?:(a)|x){0,1}b', 'xb').groups())
print(re.findall('(a|b)+?', 'ab'), re.match('(?:a(?=b)|b)+', 'abb').group())
