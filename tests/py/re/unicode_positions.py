# spans, pos and endpos are character indices in non-ASCII strings
import re

s = 'héllo wörld ☃ 😀 end'
print([m.span() for m in re.finditer(r'\w+', s)])
print(re.search('😀', s).span(), re.search('☃ (.)', s).span(1))
print(re.compile(r'\w+').search(s, 7).span(), re.compile(r'\w+').search(s, 7, 9).span())
print(re.split(' ', s), re.sub('ö', 'oe', s))
print(re.findall('.', 'a😀b'), re.match('.{2}', '😀😀x').span())
print(re.search('(?<=😀)x', '😀x').span(), re.search(r'(?<=\w)😀', 'é😀').span())
m = re.search('(ö)(r)', s)
print(m.start(1), m.end(2), m.regs)
print(re.sub('', '.', 'éü'), re.split('', 'é😀'))
print(re.fullmatch('[^a]+', '😀é'), re.match('[😀-😂]+', '😀😁😂😃').group())
print(re.escape('😀'), re.findall('[é-ê]', 'éêë'))
