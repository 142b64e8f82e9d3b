# from module import names, including private names and "as".
from _helper import CONST, func
from _helper import Thing as T, _private
from _helper import (add_item,
                     items)

print(CONST, func(1), T(2), _private)
add_item(1)
print(items)
try:
    from _helper import does_not_exist
except ImportError as e:
    print(type(e).__name__)
