# Arithmetic dunder methods on a small vector class.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)

    def __mod__(self, k):
        return V(self.x % k, self.y % k)

    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return V(+self.x, +self.y)

    def __abs__(self):
        return self.x * self.x + self.y * self.y

    def __invert__(self):
        return V(self.y, self.x)

    def __divmod__(self, k):
        return (self // k, self % k)


a, b = V(1, 2), V(3, 5)
print(a + b, b - a, a * 3, b / 2, b // 2, b % 2, a ** 2)
print(a @ b, -a, +a, abs(b), ~a, divmod(b, 2))
print(a + b + a * 2)
