# every one-argument function on inf, -inf, nan, 0.0 and -0.0: value or CPython's exception
import math
names = ['sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'cbrt', 'sin', 'cos', 'tan',
         'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'fabs', 'erf', 'erfc',
         'gamma', 'lgamma', 'degrees', 'radians', 'ulp']
for name in names:
    f = getattr(math, name)
    out = []
    for x in [math.inf, -math.inf, math.nan, 0.0, -0.0]:
        try:
            r = f(x)
            out.append('nan' if math.isnan(r) else repr(r))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
