# sys.stdin at the end: readline() and read() return ''
import sys
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()))
