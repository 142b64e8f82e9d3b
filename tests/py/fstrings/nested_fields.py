# Nested replacement fields in format specs.
width = 10
prec = 3
value = 2.718281828
print(f"{value:{width}.{prec}f}|")
print(f"{value:>{width}}|")
for w in (4, 6, 8):
    print(f"{'x':{'-'}^{w}}|")
align = "<"
print(f"{'left':{align}{width}}|")
fill = "0"
print(f"{42:{fill}>{6}}")
