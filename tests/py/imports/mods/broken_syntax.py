"""A module with a syntax error, imported by imports/syntax_error.py."""
x = (1, 2
def
