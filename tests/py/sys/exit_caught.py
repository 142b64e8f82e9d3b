# SystemExit raised by sys.exit can be caught; raising SystemExit directly works too.
import sys

try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    sys.exit("text")
except SystemExit as e:
    print("code is the message:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no code:", e.code)
print("exiting with 4")
raise SystemExit(4)
