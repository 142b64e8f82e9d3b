# Exception classes defined in Python, with extra attributes and a hierarchy.
class AppError(Exception):
    """Base of this app's errors."""


class NotFound(AppError):
    def __init__(self, name, code=404):
        super().__init__("not found: " + name)
        self.name = name
        self.code = code


class Invalid(AppError):
    def __init__(self, field):
        self.field = field

    def __str__(self):
        return "invalid field " + self.field


for exc in [NotFound("page"), Invalid("age"), AppError("generic"), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.name, e.code, e.args)
    except AppError as e:
        print(type(e).__name__, str(e), e.args, repr(str(e)))
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__)
print(AppError.__doc__)
e = NotFound("x", code=410)
print(e.code, isinstance(e, AppError))
