# String literal forms and escapes.
print("a\tb\\c\'d\"e")
print('\x41\x42', "\101\102", "\u0041", "\U00000042")
print("line1\nline2")
print(r"C:\new\table", r'\x41')
s = """first
second
  third"""
print(s)
print(len("""\
x"""))
print('''a 'quoted' "mixed" one''')
print("ab" "cd" 'ef')
print(repr("\0\a\b\f\v\r"))
print(repr("it's"), repr('say "x"'), repr("both ' and \""))
print(len("\\"), len(r"\\"))
