"""Helper module with __all__ for the star-import test."""
__all__ = ["exported", "also"]
exported = "exported"
also = "also"
not_listed = "not listed"
