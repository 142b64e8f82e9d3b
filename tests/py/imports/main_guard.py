# __name__ is "__main__" for the script and the module name for imports.
import _guarded

print("script __name__ =", __name__)
if __name__ == "__main__":
    print("running as a script")
    _guarded.main()
