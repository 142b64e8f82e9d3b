"""A nested package."""
DEEP = "deep init"
