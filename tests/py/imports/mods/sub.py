"""A submodule of mods."""
print("mods.sub imported as", __name__)
value = "sub value"


def twice(x):
    return 2 * x
