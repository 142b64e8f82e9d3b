# input(prompt) writes the prompt (no newline) before reading
try:
    input('name? ')
except EOFError:
    print('<EOF>')
try:
    input(42)
except EOFError:
    print('<EOF>')
