"""Helper: first half of a circular import."""
print("_circ_a start")
A_VALUE = "a"
import _circ_b
print("_circ_a end, sees", _circ_b.B_VALUE)


def from_a():
    return "from_a uses " + _circ_b.B_VALUE
