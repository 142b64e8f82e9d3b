# Helper for the ulab tests (not a test): the same output from rtpy's ulab and from numpy.
#
# Arrays print as "dtype shape values" (show), never through repr, which differs between
# ulab and numpy. The tolerance of every comparison: floats print with 6 significant digits,
# and values below 1e-9 in magnitude print as 0 (so libm's last bits, and a 1e-16 left by a
# transform, do not fail a test).
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np

ULAB = not hasattr(np, "float64")  # ulab has no float64 name


# dtypes: ulab's names (np.float, np.bool); numpy 1.24 has np.float64 and np.bool_ instead
U8, I8, U16, I16 = np.uint8, np.int8, np.uint16, np.int16
F = np.float if ULAB else np.float64
B = np.bool if ULAB else np.bool_
DTYPES = (U8, I8, U16, I16, F, B)

# ulab's names of the inverse functions; numpy 1.24 has only arcsin, arccos, arctan
asin = np.asin if ULAB else np.arcsin
acos = np.acos if ULAB else np.arccos
atan = np.atan if ULAB else np.arctan


def num(v):
    """One element as text: bools and ints as they are, floats to 6 significant digits."""
    if isinstance(v, bool) or isinstance(v, int):
        return str(v)
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    if abs(v) < 1e-9:
        return "0.0"
    s = "%.6g" % v
    if "." not in s and "e" not in s:
        s += ".0"
    return s


def _items(v):
    if isinstance(v, list):
        return "[" + ", ".join(_items(x) for x in v) + "]"
    return num(v)


def is_array(x):
    return isinstance(x, np.ndarray)


def scalar(x):
    """A scalar as a Python value (numpy's scalar types have .item())."""
    if type(x) not in (bool, int, float) and hasattr(x, "item"):
        return x.item()
    return x


def fmt(x, dtype=True):
    if is_array(x):
        s = _items(x.tolist())
        if dtype:
            return "%s %s %s" % (x.dtype, tuple(x.shape), s)
        return "%s %s" % (tuple(x.shape), s)
    x = scalar(x)
    return "%s %s" % (type(x).__name__, num(x))


def show(*args, dtype=True):
    """Prints arrays and scalars: an optional label (a str first), then each value.
    dtype=False leaves the dtype out (for index arrays: ulab's are uint16, numpy's int64)."""
    label = ""
    if args and isinstance(args[0], str):
        label, args = args[0] + ": ", args[1:]
    print(label + " | ".join(fmt(a, dtype) for a in args))


def err(f, *args, **kw):
    """Calls f; prints the standard class of what it raised, or 'ok'. numpy's LinAlgError
    prints as ValueError, which ulab raises for a singular or non-square matrix."""
    try:
        f(*args, **kw)
    except ValueError:  # first: numpy's AxisError is both a ValueError and an IndexError
        print("ValueError")
    except IndexError:
        print("IndexError")
    except TypeError:
        print("TypeError")
    except ZeroDivisionError:
        print("ZeroDivisionError")
    except Exception as e:
        print("ValueError" if type(e).__name__ == "LinAlgError" else type(e).__name__)
    else:
        print("ok")


def fft(re, im=None, inverse=False):
    """ulab's calling convention (real and imaginary parts in, a tuple of two arrays out) on
    both: numpy's transforms take and give complex arrays."""
    f = np.fft.ifft if inverse else np.fft.fft
    if ULAB:
        r = f(re) if im is None else f(re, im)
        assert isinstance(r, tuple) and len(r) == 2
        return r
    c = f(re if im is None else re + complex(0, 1) * im)
    return c.real.copy(), c.imag.copy()
