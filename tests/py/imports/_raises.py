"""Helper that raises while being imported."""
print("_raises running")
raise ValueError("error during import")
