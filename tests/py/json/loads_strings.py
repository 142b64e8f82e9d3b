# strings: escapes, \u escapes, surrogate pairs and lone surrogates, raw non-ASCII
import json

for s in [r'"\"\\\/\b\f\n\r\t"', r'"\u0041\u00e9\u20ac"', r'"\ud83d\ude00"', r'"\ud800"', r'"\udc00\ud800"',
          r'"\ud83d\u0041"', r'"\uDBFF\uDFFF"', '"é€😀"', r'"\u0000"', r'"a\u0020b"', r'"\ud800\ud800\udc00"']:
    v = json.loads(s)
    print(s, repr(v), len(v))
print(json.loads('"tab\there"', strict=False), json.loads('"nl\nhere"', strict=False) == 'nl\nhere')
print(json.loads('{"k\u00e9y": "v"}'))
