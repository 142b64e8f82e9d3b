# Triple-quoted strings and their contents.
text = """Line one
    indented line
Line three"""
print(text)
print(text.count("\n"), len(text.splitlines()))
for i, line in enumerate(text.splitlines()):
    print(i, repr(line.strip()))
block = '''\
no leading newline
'''
print(repr(block))
