# Exceptions are normal objects: they can carry attributes and be stored.
errors = []
for i in range(3):
    try:
        if i == 0:
            raise ValueError("zero")
        elif i == 1:
            raise KeyError(i)
        else:
            raise OSError(5, "I/O error")
    except Exception as e:
        errors.append(e)
print([type(e).__name__ for e in errors])
print(errors[0].args, errors[1].args)
print(errors[2].errno, errors[2].strerror, errors[2].args)
e = ValueError("x")
e.code = 7
e.details = {"k": 1}
print(e.code, e.details)


class WithState(Exception):
    count = 0

    def __init__(self, *a):
        super().__init__(*a)
        WithState.count += 1


for _ in range(3):
    try:
        raise WithState("s")
    except WithState:
        pass
print(WithState.count)
