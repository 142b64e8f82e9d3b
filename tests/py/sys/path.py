# sys.path is a list of strings whose first entry is the script's directory. CPython gives
# it as an absolute path; an interpreter may also give the directory as "" or "." when the
# script was named relative to the current directory (the runner starts every test from its
# own directory), so both forms are accepted.
import sys

print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
first = sys.path[0].replace("\\", "/").rstrip("/")
print(first in ("", ".") or first.split("/")[-1] == "sys")
sys.path.append("/nonexistent-dir-for-test")
print(sys.path[-1])
sys.path.pop()
print(sys.path[-1] != "/nonexistent-dir-for-test")
