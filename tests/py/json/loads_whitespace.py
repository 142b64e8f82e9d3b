# only space, tab, newline and carriage return are whitespace in JSON
import json

print(json.loads(' \t\n\r[ 1 ,\t2 ]\r\n '), json.loads('{ "a" : 1 }'))
for ws in ['\f', '\v', '\xa0', '\u2028', '\u3000', '\x1c']:
    try:
        print(repr(ws), json.loads(ws + '1'))
    except json.JSONDecodeError as e:
        print(repr(ws), e.msg, e.pos)
    try:
        print(repr(ws), json.loads('[1' + ws + ']'))
    except json.JSONDecodeError as e:
        print(repr(ws), e.msg, e.pos)
