# Empty-looking blocks with pass and Ellipsis in all compound statements.
for _ in range(1):
    pass
while False:
    ...
if True:
    pass
elif False:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
else:
    pass
finally:
    pass


class C:
    ...


def f():
    ...


with type("CM", (), {"__enter__": lambda s: s, "__exit__": lambda s, *a: None})():
    pass
print(f(), C.__name__)
