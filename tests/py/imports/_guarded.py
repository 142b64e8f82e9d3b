"""Helper with a __main__ guard: the guarded code must not run on import."""


def main():
    print("main() of _guarded")


print("_guarded imported, __name__ =", __name__)
if __name__ == "__main__":
    main()
