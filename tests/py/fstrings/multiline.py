# f-strings spanning lines, concatenated with other literals.
a, b = 1, 2
msg = (f"a={a} "
       "plain "
       f"b={b}")
print(msg)
block = f"""first {a}
second {b}
third {a + b}"""
print(block)
print(f"tab\t{a}\nnewline")
print(f'{a}' + f"{b}" + "3")
