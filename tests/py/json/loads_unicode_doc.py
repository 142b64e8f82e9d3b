# non-ASCII documents: values and error positions in characters
import json

print(json.loads('{"ключ": "значение", "😀": ["é", "中文"]}'))
for s in ['["é", é]', '{"😀": 1 "x": 2}', '"日本語', '[1, 2, 3] 日本']:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(e.msg, e.pos, e.colno)
print(json.loads('"\u00e9\\u00e9"'), len(json.loads('"\U0001f600\\ud83d\\ude00"')))
