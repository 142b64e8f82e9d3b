# \b and \B, at the ends, with Unicode and ASCII word characters
import re

print(re.findall(r'\bcat\b', 'cat concat cat.'))
print(re.findall(r'\Bcat\B', 'concatenate cat'))
print(re.findall(r'\b', 'ab cd'))
print(re.findall(r'\B', 'ab cd'))
print(re.search(r'\b', ''), re.search(r'\B', ''))
print(re.search(r'\b', ' ').span() if re.search(r'\b', ' ') else None, re.search(r'\B', ' ').span())
print(re.findall(r'\bé\w*', 'été x été'))
print(re.findall(r'\bé\w*', 'été x été', re.A))
print(re.search(r'\b', 'a', 1).span())
print(re.compile(r'\bb').search('ab', 1))
print(re.split(r'\b', 'hi there'))
