# options must be given by keyword; unknown keywords and wrong types fail
import json

def t(*a, **k):
    try:
        print(json.dumps(*a, **k))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
t([1], True)
t([1], foo=1)
t({'a': 1}, sort_keys='yes')
t({'a': 1}, indent=None, separators=None)
t({'a': [1]}, indent=2, separators=(',', ':'))
t('é', ensure_ascii=None)
t([float('inf')], allow_nan=0)
t([1], default=None)
t({1: 2}, skipkeys=None)
