# register/modify/unregister errors
import select
p = select.poll()
for bad in ('x', None, 1.5):
    try:
        p.register(bad)
    except TypeError:
        print('TypeError')
try:
    p.register(-1)
except ValueError:
    print('ValueError')
try:
    p.unregister(5)
except KeyError as e:
    print('KeyError', e)
try:
    p.modify(5, select.POLLIN)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    p.poll('x')
except TypeError:
    print('TypeError')
