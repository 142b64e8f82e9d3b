# everyday patterns: dates, e-mail addresses, key=value pairs, log lines, tokenizing
import re

text = 'Meeting on 2024-03-15 and 2024-12-01; mail bob@example.com or ann.lee@mail.co.uk'
print(re.findall(r'(\d{4})-(\d{2})-(\d{2})', text))
print(re.findall(r'[\w.+-]+@[\w-]+(?:\.[\w-]+)+', text))
print(dict(re.findall(r'(\w+)=("[^"]*"|\S+)', 'a=1 b="two words" c=x=y')))
log = '2024-01-02 12:00:01 ERROR [db] connection lost (code=7)'
m = re.match(r'(?P<date>\S+) (?P<time>\S+) (?P<level>[A-Z]+) \[(?P<src>\w+)\] (?P<msg>.*)', log)
print(m.groupdict())
tokens = re.findall(r'\d+\.\d*|\d+|[A-Za-z_]\w*|\*\*|[-+*/()=]', 'x1 = 3.5 * (y + 42) ** 2')
print(tokens)
print(re.sub(r'\s+', ' ', '  too   many \n spaces ').strip())
print(re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseName').lower())
print(re.split(r'[;,]\s*', 'a, b;c ,d'))
print(bool(re.fullmatch(r'(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}', '192.168.0.255')))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
