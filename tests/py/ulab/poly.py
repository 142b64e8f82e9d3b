# ulab: polyfit, polyval, interp, trapz, convolve: exact fits, extrapolation, left/right
# values, uneven spacing, kernels longer than the signal
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

# polyfit: data on a line and on a parabola are fitted exactly; noisy data by least squares
x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
show(np.polyfit(x, 2 * x - 1, 1), np.polyfit(x, x * x - 3 * x + 0.5, 2))
show(np.polyfit(x, np.array([1.0, 2.9, 5.2, 7.1, 8.8]), 1))
show(np.polyfit(np.array([-1.0, 0.0, 1.0]), np.array([2.0, 0.0, 2.0]), 2))
show(np.polyfit(x, np.array([3.0, 3.0, 3.0, 3.0, 3.0]), 0))

# polyval: coefficients highest power first, as a list or an array; a number or an array
show(np.polyval([1.0, 0.0, -2.0], x), np.polyval(np.array([2.0, -1.0]), x))
show(np.polyval([3.0], x), np.polyval([1.0, 2.0, 3.0], np.array([[0.0, 1.0], [-1.0, 2.0]])))
show(np.polyval([1.0, 1.0], 2.5), np.polyval(np.array([1.0, 0.0, 0.0, 1.0]), -2.0))
show(np.polyval([1.0, -1.0], np.array([1, 2, 250], dtype=U8)))

# interp: between points, exactly on them, beyond both ends, left and right values
xp = np.array([0.0, 1.0, 3.0])
fp = np.array([10.0, 20.0, -20.0])
q = np.array([-1.0, 0.0, 0.5, 1.0, 2.0, 3.0, 4.0])
show(np.interp(q, xp, fp), np.interp(q, xp, fp, left=0.0, right=99.0))
show(np.interp(np.array([2.5]), np.array([1.0, 2.0]), np.array([5.0, 6.0])))
show(np.interp(np.array([0.5, 1.5]), np.array([0.0, 1.0, 2.0]), np.array([0, 10, 0], dtype=I16)))

# trapz: unit spacing, dx, uneven x; one point integrates to 0
y = np.array([1.0, 2.0, 4.0, 7.0])
show(np.trapz(y), np.trapz(y, dx=0.5), np.trapz(y, x=np.array([0.0, 1.0, 1.5, 4.0])))
show(np.trapz(np.array([5.0])), np.trapz(np.array([0, 10, 20], dtype=U8)))

# convolve: the full result (length n + m - 1), in either order, one-element kernels
s = np.array([1.0, 2.0, 3.0, 4.0])
k = np.array([1.0, 0.0, -1.0])
show(np.convolve(s, k), np.convolve(k, s), np.convolve(s, np.array([2.0])))
show(np.convolve(np.array([1.0]), np.array([3.0])), np.convolve(np.array([1.0, 1.0]), np.array([0.5, 0.5, 0.5, 0.5, 0.5])))
