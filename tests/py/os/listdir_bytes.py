# listdir(bytes) gives bytes names
import os
D = 'tmp_listdir_bytes'
os.mkdir(D)
try:
    open(D + '/f', 'w').close()
    print(os.listdir(D.encode()), os.listdir(D))
finally:
    os.remove(D + '/f')
    os.rmdir(D)
