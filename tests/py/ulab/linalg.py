# ulab: dot, cross, linalg.inv, linalg.det, linalg.norm: vectors and matrices, identity and
# permuted matrices, integer inputs
try:
    from ulab import numpy as np
except ImportError:
    import numpy as np
from _ul import show, U8, I8, U16, I16, F, B

a = np.array([[2.0, 1.0], [5.0, 3.0]])
b = np.array([[1.0, -1.0, 0.5], [0.0, 2.0, 4.0]])
v = np.array([1.0, 2.0, 3.0])
show(np.dot(a, b), np.dot(b, v), np.dot(v, v), np.dot(a, np.array([1.0, -1.0])))
show(np.dot(np.array([1.0, 2.0]), b), np.dot(b, b.T), np.dot(b.T, b))
show(np.dot(np.array([[3.0]]), np.array([[4.0]])), np.dot(v[::-1], v))

# inv: 1x1, 2x2, 3x3 (one needing a row swap), the identity; inv(inv(a)) is a again
show(np.linalg.inv(np.array([[4.0]])), np.linalg.inv(a))
p = np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 3.0], [4.0, -3.0, 8.0]])
show(np.linalg.inv(p), np.linalg.inv(np.eye(3)))
show(np.linalg.inv(np.linalg.inv(p)), np.dot(p, np.linalg.inv(p)))
show(np.linalg.inv(np.array([[1, 2], [3, 4]], dtype=I16)))

# det: signs from row swaps, singular matrices, 1x1
show(np.linalg.det(a), np.linalg.det(p), np.linalg.det(np.array([[0.0, 1.0], [1.0, 0.0]])))
show(np.linalg.det(np.array([[1.0, 2.0], [2.0, 4.0]])), np.linalg.det(np.array([[-3.0]])))
show(np.linalg.det(np.array([[2, 0, 0], [0, 3, 0], [0, 0, 4]], dtype=U8)))

# norm: the Euclidean norm of a vector, the Frobenius norm of a matrix, along an axis
show(np.linalg.norm(np.array([3.0, 4.0])), np.linalg.norm(b), np.linalg.norm(np.array([], dtype=F)))
show(np.linalg.norm(b, axis=0), np.linalg.norm(b, axis=1))
show(np.linalg.norm(np.array([-5, 12], dtype=I8)))

# cross: 3-vectors, right-handed; integer inputs
ex = np.array([1.0, 0.0, 0.0])
ey = np.array([0.0, 1.0, 0.0])
show(np.cross(ex, ey), np.cross(ey, ex), np.cross(v, np.array([4.0, 5.0, 6.0])), np.cross(v, v))
show(np.cross(np.array([1, 2, 3], dtype=I16), np.array([-1, 0, 2], dtype=I16)))
