# print() with sep, end and file.
import sys

print(1, 2, 3, sep=", ")
print("a", "b", sep="")
print("no newline", end="")
print(" -> continued")
print("x", "y", sep="-", end="!\n")
print(sep="+")
print("end", end="\n\n")
print(*[1, 2, 3], sep=":")
print("to stdout", file=sys.stdout)
print("to stderr is not compared", file=sys.stderr)
print(None, sep=None, end=None)
print("last", file=None)
sys.stdout.write("written\n")
