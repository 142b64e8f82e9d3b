"""Helper importing _counter: both importers share one module object."""
import _counter


def bump_twice():
    _counter.bump()
    return _counter.bump()
