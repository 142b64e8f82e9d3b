# iterating an exhausted sys.stdin yields nothing
import sys
print([line for line in sys.stdin])
print(sys.stdin.readlines())
