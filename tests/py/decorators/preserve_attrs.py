# A hand-written wraps() that copies __name__ and __doc__ to the wrapper.
def wraps(fn):
    def deco(wrapper):
        wrapper.__name__ = fn.__name__
        wrapper.__doc__ = fn.__doc__
        wrapper.__wrapped__ = fn
        return wrapper
    return deco


def noisy(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@noisy
def documented(x):
    """Return x squared."""
    return x * x


print(documented.__name__, documented.__doc__, documented(7))
print(documented.__wrapped__(3))
