# IGNORECASE with Unicode case rules, and ASCII-only folding under re.ASCII
import re

print(re.findall('é', 'éÉ', re.I), re.findall('é', 'éÉ', re.I | re.A))
print(re.findall('σ', 'σΣς', re.I), re.findall('[σ]', 'σΣς', re.I))
print(re.findall('k', 'kK\u212a', re.I), re.findall('\u212a', 'kK\u212a', re.I))
print(re.findall('s', 'sSſ', re.I), re.findall('[a-z]', 'ſ\u212a', re.I))
print(re.findall('i', 'iIıİ', re.I), re.findall('[A-Z]', 'ıİ', re.I))
print(re.findall('ß', 'ßẞss', re.I), re.findall('µ', 'µμΜ', re.I))
print(re.findall('ǅ', 'ǄǅǆDž', re.I))
print(re.findall('[à-ÿ]+', 'ÀÉÎÕÜ', re.I))
print(re.findall('θ', 'θΘϑϴ', re.I), re.findall('[ϖ-϶]', 'θΘπΠ', re.I))
print(re.findall('ﬅ', 'ﬅﬆ', re.I))
print(re.match(r'(?i)(ǆ)\1', 'ǆǄ'))
print(re.findall('[^é]', 'éÉe', re.I))
