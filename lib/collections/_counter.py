# collections.Counter (imported on first use by collections.__getattr__). The operators are
# closures made by one factory each, so they share code objects (less RAM).


def _compare(kind):  # 'eq' 'ne' 'le' 'lt' 'ge' 'gt'; missing elements count as zero
    def method(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        if kind in ('eq', 'ne'):
            r = all(self[e] == other[e] for c in (self, other) for e in c)
            return r if kind == 'eq' else not r
        ge = kind[0] == 'g'
        r = all(self[e] >= other[e] if ge else self[e] <= other[e]
                for c in (self, other) for e in c)
        return r and self != other if kind[1] == 't' else r
    return method


def _combine(op, a, b):
    return a + b if op == '+' else a - b if op == '-' else max(a, b) if op == '|' else min(a, b)


def _binary(op):  # + - | &: a new Counter of the positive results
    def method(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem in list(self) + [e for e in other if e not in self]:
            n = _combine(op, self[elem], other[elem])
            if n > 0:
                result[elem] = n
        return result
    return method


def _inplace(op):  # += -= |= &=: in place, then drop the counts that are not positive
    def method(self, other):
        if op == '&':
            for elem in list(self):
                self[elem] = min(self[elem], other[elem])
        else:
            for elem, count in other.items():
                self[elem] = _combine(op, self[elem], count)
        for elem in [e for e, c in self.items() if not c > 0]:
            del self[elem]
        return self
    return method


class Counter(dict):
    __module__ = 'collections'

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:max(n, 0)]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def _count(self, iterable, kwds, sign):
        if iterable is not None:
            if isinstance(iterable, dict) or hasattr(iterable, 'keys'):
                if self or sign < 0:
                    for elem in iterable.keys():
                        self[elem] = self[elem] + iterable[elem] if sign > 0 else \
                            self[elem] - iterable[elem]
                else:
                    dict.update(self, iterable)
            else:
                for elem in iterable:
                    self[elem] = self[elem] + sign
        if kwds:
            self._count(kwds, None, sign)

    def update(self, iterable=None, /, **kwds):
        self._count(iterable, kwds, 1)

    def subtract(self, iterable=None, /, **kwds):
        self._count(iterable, kwds, -1)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, elem):
        dict.pop(self, elem, None)

    def __repr__(self):
        if not self:
            return '%s()' % self.__class__.__name__
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        return '%s(%r)' % (self.__class__.__name__, d)

    __eq__ = _compare('eq')
    __ne__ = _compare('ne')
    __le__ = _compare('le')
    __lt__ = _compare('lt')
    __ge__ = _compare('ge')
    __gt__ = _compare('gt')
    __add__ = _binary('+')
    __sub__ = _binary('-')
    __or__ = _binary('|')
    __and__ = _binary('&')
    __iadd__ = _inplace('+')
    __isub__ = _inplace('-')
    __ior__ = _inplace('|')
    __iand__ = _inplace('&')

    def __pos__(self):
        return self + Counter()

    def __neg__(self):
        return Counter() - self
