# All importers share one module object and its state.
import _counter
import _uses_counter

print(_counter.bump())
print(_uses_counter.bump_twice())
print(_counter.count, _uses_counter._counter is _counter)
from _counter import count
_counter.bump()
print(count, _counter.count)
