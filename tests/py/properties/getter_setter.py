# @property with setter and deleter.
class Temperature:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        """Temperature in degrees Celsius."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.fahrenheit = 5
except AttributeError:
    print("AttributeError: read-only property")
print(Temperature.celsius.__doc__)
print(type(Temperature.celsius).__name__)
