"""The mods package used by the package import tests."""
print("mods package init")
PKG_VALUE = "package value"
