// modules/ulab/ndarray_impl.h: what the files of the ndarray type (ndarray.c, ndarray_index.c,
// ndarray_ops.c) and create.c share; not part of ulab's interface (ulab.h).
#ifndef MODULES_ULAB_NDARRAY_IMPL_H
#define MODULES_ULAB_NDARRAY_IMPL_H

#include "modules/ulab/ulab.h"

// A shape argument: an int or a tuple (list) of ints. Returns its ndim; ValueError for more
// than UL_MAX_DIMS dimensions or a negative one, TypeError for anything else.
int ul_shape_arg(py_val v, size_t *shape);

// The subscr slot (ndarray_index.c): load (value PY_SENTINEL), store, delete (TypeError).
py_val ul_ndarray_subscr(py_val self, py_val index, py_val value);
// Row i of a (first dimension; i already checked): a view of ndim - 1 dimensions, or the
// item as a Python value when a is 1-D.
py_val ul_ndarray_row(ul_array *a, size_t i);

// The binary_op and unary_op slots (ndarray_ops.c).
py_val ul_ndarray_binary_op(int op, py_val lhs, py_val rhs);
py_val ul_ndarray_unary_op(int op, py_val self);

#endif // MODULES_ULAB_NDARRAY_IMPL_H
