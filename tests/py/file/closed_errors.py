# operations on a closed file raise ValueError; close() twice is fine
import os
N = 'tmp_closed_errors.txt'
try:
    f = open(N, 'w')
    f.write('abc')
    f.close()
    f.close()
    for name, args in [('write', ('x',)), ('read', ()), ('readline', ()), ('tell', ()),
                       ('seek', (0,)), ('flush', ()), ('fileno', ()), ('readlines', ()),
                       ('writelines', (['a'],)), ('writable', ()), ('seekable', ())]:
        try:
            getattr(f, name)(*args)
            print(name, 'no error')
        except ValueError:
            print(name, 'ValueError')
    try:
        next(iter([]))
        for line in f:
            pass
    except (ValueError, StopIteration) as e:
        print(type(e).__name__)
    try:
        with f:
            pass
    except ValueError:
        print('with ValueError')
    print(f.closed, f.name)
finally:
    os.remove(N)
