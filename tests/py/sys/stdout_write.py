# sys.stdout.write and print interleave in order.
import sys

sys.stdout.write("a")
print("b", end="")
sys.stdout.write("c\n")
n = sys.stdout.write("xyz\n")
print(n)
print("err", file=sys.stderr)
print("done")
