# sys.exit() with no argument, or None, exits with status 0.
import sys

print("exiting")
sys.exit()
