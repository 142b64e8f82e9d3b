# KeyboardInterrupt and SystemExit can be raised and caught like other exceptions.
try:
    raise KeyboardInterrupt
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
try:
    raise SystemExit(5)
except SystemExit as e:
    print("SystemExit code", e.code)
try:
    try:
        raise KeyboardInterrupt
    except Exception:
        print("wrong: Exception must not catch it")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
