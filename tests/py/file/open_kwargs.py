# open() by keyword, and the keyword errors
import os
N = 'tmp_open_kwargs.txt'
try:
    with open(file=N, mode='w', encoding='utf-8', newline=None) as f:
        f.write('kw')
    with open(N, mode='r', buffering=-1, errors=None) as f:
        print(f.read())
    try:
        open(N, bogus=1)
    except TypeError:
        print('TypeError')
    try:
        open()
    except TypeError:
        print('TypeError')
    try:
        open(N, 'r', -1, None, None, None, True, None, 'extra')
    except TypeError:
        print('TypeError')
finally:
    os.remove(N)
