# string escaping with ensure_ascii on and off
import json

s = 'é€😀\x00\x1f\x7f"\\\n\r\t\b\f/ plain'
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps('\ud800\udfff'), json.dumps('\U0010ffff'), json.dumps('\uffff'))
print(json.dumps({'ключ': 'значение'}), json.dumps({'ключ': 'значение'}, ensure_ascii=False))
print(json.dumps('\x01\x02\x0b\x0c\x0e\x1b'))
class S(str):
    pass
print(json.dumps(S('sub')), json.dumps({S('k'): S('v')}))
