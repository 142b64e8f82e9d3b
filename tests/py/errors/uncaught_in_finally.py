# finally clauses run before the program dies from an uncaught exception.
try:
    print("in try")
    {}["missing"]
finally:
    print("finally ran")
