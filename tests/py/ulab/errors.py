# ulab: wrong shapes, dtypes and indices raise the exceptions numpy raises (class names only;
# numpy's LinAlgError is a ValueError and prints as one)
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import err, show, U8, I8, U16, I16, F, B

a = np.array([1.0, 2.0, 3.0])
m = np.array([[1.0, 2.0], [3.0, 4.0]])
u = np.array([1, 2, 3], dtype=U8)

# shapes that do not broadcast
err(lambda: a + np.array([1.0, 2.0]))
err(lambda: m * np.array([1.0, 2.0, 3.0]))
err(lambda: np.zeros((2, 3)) - np.zeros((3, 2)))
def iadd():
    b = np.zeros(3)
    b += np.zeros(4)
err(iadd)
err(lambda: np.maximum(a, np.array([1.0, 2.0])))
err(lambda: np.where(np.array([True, False]), a, a))

# indices out of range, too many indices
err(lambda: a[3])
err(lambda: a[-4])
err(lambda: m[2, 0])
err(lambda: m[0, -3])
err(lambda: a[0, 0])
def setitem():
    a[5] = 1.0
err(setitem)
err(lambda: np.array([], dtype=F)[0])

# boolean masks of the wrong length
err(lambda: a[np.array([True, False])])

# reshape to another size; creation from ragged lists
err(lambda: a.reshape((2, 2)))
err(lambda: np.arange(6.0).reshape((4, -1)))
err(lambda: np.array([[1.0, 2.0], [3.0]]))

# bitwise operators need integer arrays
err(lambda: a & a)
err(lambda: a | u)
err(lambda: ~a)
err(lambda: u << a)

# reductions of empty arrays that have no value
err(lambda: np.max(np.array([], dtype=F)))
err(lambda: np.argmin(np.array([], dtype=F)))

# axis out of range
err(lambda: np.sum(m, axis=2))
err(lambda: np.sort(a, axis=1))

# linear algebra: shapes, singular and non-square matrices
err(lambda: np.dot(m, a))
err(lambda: np.dot(a, np.array([1.0, 2.0])))
err(lambda: np.linalg.inv(np.array([[1.0, 2.0], [2.0, 4.0]])))
err(lambda: np.linalg.inv(np.zeros((2, 3))))
err(lambda: np.linalg.det(np.zeros((3, 2))))
err(lambda: np.cross(np.array([1.0, 2.0, 3.0]), np.array([3.0, 4.0, 5.0, 6.0])))

# concatenate and frombuffer with mismatched sizes
err(lambda: np.concatenate((m, np.zeros((1, 3)))))
err(lambda: np.concatenate((m, np.zeros((3, 1))), axis=1))
err(lambda: np.frombuffer(b"\x00\x01\x02", dtype=I16))

# interp and polyfit need matching lengths
err(lambda: np.interp(a, np.array([0.0, 1.0]), np.array([1.0, 2.0, 3.0])))
err(lambda: np.polyfit(a, np.array([1.0, 2.0]), 1))

# an unknown dtype; non-numbers
err(lambda: np.zeros(2, dtype="int128"))
err(lambda: np.array(["a", "b"], dtype=F))

# a view of bytes is read-only (through slices and frombuffer of it too); a bytearray's is not
ro = np.frombuffer(b"\x01\x02\x03\x04", dtype=U8)
def store(x): x[0] = 5
def iadd(x): x += 1
err(store, ro)
err(store, ro[1:])
err(store, np.frombuffer(ro, dtype=I8))
err(iadd, ro)
err(lambda: ro.sort())
rw = np.frombuffer(bytearray(b"\x01\x02"), dtype=U8)
store(rw)
show(rw, ro)
