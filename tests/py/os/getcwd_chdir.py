# getcwd() and chdir(); relative paths follow the current directory
import os
D = 'tmp_getcwd_chdir'
start = os.getcwd()
print(type(start).__name__, start.startswith('/'))
os.mkdir(D)
try:
    os.chdir(D)
    print(os.getcwd() == start + '/' + D)
    open('inner.txt', 'w').close()
    print(os.listdir('.'))
    os.remove('inner.txt')
    os.chdir('..')
    print(os.getcwd() == start)
    try:
        os.chdir('tmp_getcwd_chdir_missing')
    except FileNotFoundError as e:
        print(type(e).__name__)
finally:
    os.chdir(start)
    os.rmdir(D)
