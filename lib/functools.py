# functools: partial, reduce, cmp_to_key and the lru_cache's cache are C (_functools); the
# rest is Python.
# See docs/modules-containers.md for what differs from CPython.
from _functools import partial, reduce, cmp_to_key, _lru

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


# total_ordering: each missing comparison is the defined one (the root), maybe negated, then
# maybe combined with ==: 'n' negates, then 'a' means "and a != b", 'o' means "or a == b".
_DERIVE = {
    '__lt__': {'__gt__': 'na', '__le__': 'o', '__ge__': 'n'},
    '__le__': {'__ge__': 'no', '__lt__': 'a', '__gt__': 'n'},
    '__gt__': {'__lt__': 'na', '__ge__': 'o', '__le__': 'n'},
    '__ge__': {'__le__': 'no', '__gt__': 'a', '__lt__': 'n'},
}


def _derived(root, how):
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if how[0] == 'n':
            r = not r
        if how[-1] == 'a':
            return r and self != other
        if how[-1] == 'o':
            return r or self == other
        return r
    return method


def total_ordering(cls):
    roots = [op for op in _DERIVE if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = roots[0]
    for op, how in _DERIVE[root].items():
        if op not in roots:
            method = _derived(root, how)
            method.__name__ = op
            setattr(cls, op, method)
    return cls


# lru_cache: the cache is C (_functools._lru); this subclass makes it bind as a method.
_CacheInfo = None


class _lru_cache_wrapper(_lru):
    def __get__(self, obj, cls=None):
        return self if obj is None else partial(self, obj)

    def cache_info(self):
        global _CacheInfo
        if _CacheInfo is None:
            from collections import namedtuple
            _CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])
        return _CacheInfo(*self._stats()[:4])

    def cache_parameters(self):
        s = self._stats()
        return {'maxsize': s[2], 'typed': s[4]}


def lru_cache(maxsize=128, typed=False):
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return update_wrapper(_lru_cache_wrapper(maxsize, 128, typed), maxsize)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        return update_wrapper(_lru_cache_wrapper(user_function, maxsize, typed), user_function)

    return decorating_function


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)
