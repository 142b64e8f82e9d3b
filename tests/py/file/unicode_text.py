# UTF-8 text: read(n) counts characters, the file holds UTF-8 bytes
import os
N = 'tmp_unicode_text.txt'
S = 'h\u00e9llo \u4e16\u754c \U0001f600!\n\u00fc'
try:
    with open(N, 'w', encoding='utf-8') as f:
        print(f.write(S))
    with open(N, encoding='utf-8') as f:
        print(f.read(2) == 'h\u00e9', f.read(5) == 'llo \u4e16', f.read() == S[7:])
    with open(N, 'rb') as f:
        b = f.read()
    print(len(b), b == S.encode())
    with open(N, encoding='UTF8') as f:
        print(f.readline() == S.split('\n')[0] + '\n', len(f.readline()))
finally:
    os.remove(N)
