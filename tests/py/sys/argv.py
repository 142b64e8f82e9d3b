# sys.argv is a list whose first item is the script path.
import sys

print(type(sys.argv).__name__, len(sys.argv))
print(sys.argv[0].endswith("argv.py"))
print(sys.argv[0].replace("\\", "/").split("/")[-1])
