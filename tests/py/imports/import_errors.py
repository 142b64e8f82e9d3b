# Failing imports raise ImportError (ModuleNotFoundError) and can be retried.
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, isinstance(e, ImportError))
try:
    from mods import no_such_submodule
except ImportError as e:
    print(type(e).__name__)
try:
    import _raises
except ValueError as e:
    print("ValueError during import:", e)
try:
    import _raises
except ValueError as e:
    print("again:", e)
print("no_such_module_anywhere" in dir())
