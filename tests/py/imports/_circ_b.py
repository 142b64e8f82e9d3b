"""Helper: second half of a circular import."""
print("_circ_b start")
import _circ_a
print("_circ_b sees partial _circ_a:", _circ_a.A_VALUE, hasattr(_circ_a, "from_a"))
B_VALUE = "b"


def from_b():
    return "from_b uses " + _circ_a.from_a()
