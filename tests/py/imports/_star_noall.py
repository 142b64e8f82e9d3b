"""Helper module without __all__: star import takes names not starting with _."""
public_a = 1
public_b = 2
_hidden = 3
