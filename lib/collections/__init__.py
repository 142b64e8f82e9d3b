# collections: deque, OrderedDict, defaultdict are C (_collections); namedtuple is here;
# Counter and ChainMap are imported on first use (importing collections stays cheap).
# See docs/modules-containers.md for what differs from CPython.
from _collections import deque, OrderedDict, defaultdict, _tuple_new, _tuplegetter
import sys


def __getattr__(name):
    if name == 'Counter':
        from collections._counter import Counter as v
    elif name == 'ChainMap':
        from collections._chainmap import ChainMap as v
    else:
        raise AttributeError("module 'collections' has no attribute '%s'" % name)
    globals()[name] = v
    return v


def _bad_name(name):  # not an identifier, or a keyword (exec rejects 'def=0')
    if not name.isidentifier():
        return True
    try:
        exec(name + '=0', {})
    except SyntaxError:
        return True
    return False


# The methods every namedtuple class shares.
def _make(cls, iterable):
    result = _tuple_new(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError('Expected %d arguments, got %d' % (len(cls._fields), len(result)))
    return result


def _replace(self, /, **kwds):
    result = self._make(map(kwds.pop, self._fields, self))
    if kwds:
        raise ValueError('Got unexpected field names: %r' % list(kwds))
    return result


def _repr(self):
    return '%s(%s)' % (self.__class__.__name__,
                       ', '.join(['%s=%r' % kv for kv in zip(self._fields, self)]))


def _asdict(self):
    return dict(zip(self._fields, self))


def _getnewargs(self):
    return tuple(self)


def _setattr(self, name, value):  # CPython's namedtuples have __slots__ = ()
    if '_fields' in type(self).__dict__:
        raise AttributeError("'%s' object has no attribute '%s'" % (type(self).__name__, name))
    object.__setattr__(self, name, value)


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = sys.intern(str(typename))
    if rename:
        seen = set()
        for i, name in enumerate(field_names):
            if _bad_name(name) or name.startswith('_') or name in seen:
                field_names[i] = '_%d' % i
            seen.add(name)
    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             'identifiers: %r' % name)
        if _bad_name(name):
            raise ValueError('Type names and field names cannot be a '
                             'keyword: %r' % name)
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: %r' % name)
        if name in seen:
            raise ValueError('Encountered duplicate field name: %r' % name)
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names), reversed(defaults)))))
    field_names = tuple(map(sys.intern, field_names))
    args = ', '.join(field_names)
    ns = {'_tuple_new': _tuple_new}
    exec('def __new__(_cls, %s): return _tuple_new(_cls, (%s%s))'
         % (args, args, ',' if len(field_names) == 1 else ''), ns)
    __new__ = ns['__new__']
    if defaults:
        __new__.__defaults__ = defaults
    ns = {
        '__doc__': '%s(%s)' % (typename, args),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': classmethod(_make),
        '_replace': _replace,
        '__repr__': _repr,
        '_asdict': _asdict,
        '__getnewargs__': _getnewargs,
        '__setattr__': _setattr,
        '__match_args__': field_names,
    }
    for i, name in enumerate(field_names):
        ns[name] = property(_tuplegetter(i), doc='Alias for field number %d' % i)
    cls = type(typename, (tuple,), ns)
    if module is not None:
        cls.__module__ = module
    return cls
