// modules/ulab/ulab.h: the ndarray of rtpy's ulab (docs/ulab.md) and the helpers every part of
// the module shares: dtypes, allocation, element access, strided walks, broadcasting, axes.
//
// An ndarray is a header (this struct, a GC object) and its items (a separate GC leaf block,
// or another object's buffer for frombuffer). Views (slices, .T, reshape of a contiguous
// array, flip) share the items: they point `data` into the same block and keep `mem`, the
// start of the block, so the collector keeps the block alive. Strides are in bytes and may be
// negative or 0 (broadcast). Shapes have 1..UL_MAX_DIMS dimensions; ulab has no 0-d arrays:
// indexing every dimension gives a Python scalar.
//
// Items are read and written as double (the port's float): ul_get/ul_put convert, and ul_put
// wraps integers modulo 2**bits as C arithmetic on the item type does (numpy's and ulab's
// overflow). Loops that matter for speed have dtype-specific paths; the rest go through
// double, exact for every integer dtype here.
#ifndef MODULES_ULAB_ULAB_H
#define MODULES_ULAB_ULAB_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "py/obj.h"

#define UL_MAX_DIMS 4

// dtypes, in the order of the upcasting table (ulab.c). Python sees ulab's codes: np.uint8 is
// the int ord('B') and so on (UL_CODE).
enum { UL_BOOL, UL_UINT8, UL_INT8, UL_UINT16, UL_INT16, UL_FLOAT, UL_NDTYPES };
extern const uint8_t ul_itemsize[UL_NDTYPES];
extern const char ul_code[UL_NDTYPES]; // '?', 'B', 'b', 'H', 'h', 'd'

typedef struct ul_array {
    py_obj base;
    uint8_t dtype;    // UL_*
    uint8_t ndim;     // 1..UL_MAX_DIMS
    uint8_t itemsize; // ul_itemsize[dtype]
    uint8_t flags;    // UL_READONLY
    size_t len;       // items: the product of the shape
    size_t shape[UL_MAX_DIMS];       // [0, ndim) used; the rest 0
    ptrdiff_t strides[UL_MAX_DIMS];  // bytes; [0, ndim) used
    uint8_t *data;    // the first item (NULL when len is 0)
    void *mem;        // the block (or object) the items live in, for the collector
} ul_array;

#define UL_READONLY 0x01 // a view on an immutable buffer (bytes; perhaps in flash)

extern const py_type ul_ndarray_type;
extern const py_type ul_dtype_type;

static inline bool ul_is_array(py_val v) {
    return py_is_obj(v) && v->type == &ul_ndarray_type;
}

// ---- dtypes ------------------------------------------------------------------------------
// The dtype a Python value names: ulab's int codes, a dtype object (a.dtype) or None
// (`dflt`). TypeError otherwise.
int ul_dtype_arg(py_val v, int dflt);
// The dtype object of a.dtype: str() is numpy's name ('uint8', ..., 'float64', 'bool'),
// repr() "dtype('uint8')", and it equals the int code and other dtype objects of its kind.
py_val ul_dtype_obj(int dtype);
const char *ul_dtype_name(int dtype);
// The result dtype of a binary operation on two arrays: ulab's upcasting rules (docs/ulab.md).
int ul_upcast(int a, int b);
// The dtype a Python scalar takes in an operation with an array, as ulab: a bool is bool, an
// int the first of uint8, int8, uint16, int16 that holds it (else float), a float float.
// -1 if v is not a number.
int ul_scalar_dtype(py_val v);
static inline bool ul_is_int_dtype(int dt) {
    return dt != UL_FLOAT && dt != UL_BOOL;
}

// ---- items -------------------------------------------------------------------------------
static inline double ul_get(int dt, const uint8_t *p) {
    switch (dt) {
    case UL_BOOL:
    case UL_UINT8: return *p;
    case UL_INT8: return *(const int8_t *)p;
    case UL_UINT16: return *(const uint16_t *)p;
    case UL_INT16: return *(const int16_t *)p;
    default: return *(const double *)p;
    }
}
// A double to an integer modulo 2**64 as a C conversion would wrap it; NaN and infinities
// give 0 (where C leaves the conversion undefined).
int64_t ul_wrap_int(double v);
static inline void ul_put(int dt, uint8_t *p, double v) {
    switch (dt) {
    case UL_BOOL: *p = v != 0; break;
    case UL_UINT8:
    case UL_INT8: *p = (uint8_t)ul_wrap_int(v); break;
    case UL_UINT16:
    case UL_INT16: *(uint16_t *)p = (uint16_t)ul_wrap_int(v); break;
    default: *(double *)p = v; break;
    }
}
// An item as a Python value: bool, int or float.
py_val ul_item_obj(int dt, const uint8_t *p);
// A Python number (int, float, bool) stored as an item; TypeError for anything else.
void ul_put_obj(int dt, uint8_t *p, py_val v);

// ---- arrays ------------------------------------------------------------------------------
// A new contiguous array of zeros. MemoryError (heap) or ValueError (a negative or too large
// size) as numpy; shape may contain 0.
ul_array *ul_new(int dtype, int ndim, const size_t *shape);
ul_array *ul_new1(int dtype, size_t n); // 1-D
// Contiguous (C order) strides for a's shape.
void ul_set_strides(ul_array *a);
bool ul_is_contiguous(const ul_array *a);
// A new header on a's items (the caller changes shape/strides/data as the view needs).
ul_array *ul_view(const ul_array *a);
// A contiguous copy of a with dtype `dtype` (-1: a's), items converted as ul_put does.
ul_array *ul_copy(const ul_array *a, int dtype);
// a itself when contiguous and of dtype `dtype` (-1: any), else ul_copy(a, dtype).
ul_array *ul_dense(ul_array *a, int dtype);
// ValueError "assignment destination is read-only" (numpy's) when a may not be written.
void ul_check_writable(const ul_array *a);
// a's items as a 1-D contiguous array in C order: a itself when it is one, else a copy.
ul_array *ul_flat(ul_array *a);
// Copies src into dst, broadcasting src to dst's shape (ValueError if it cannot), converting.
void ul_assign(ul_array *dst, const ul_array *src);
// The argument of a function that takes an array: an ndarray as it is; a Python number as a
// 1-element array of dtype `dtype` (-1: ul_scalar_dtype); a list, tuple, range or other
// iterable (nested for 2-D and more) as a new array of dtype `dtype` (-1: float, ulab's
// default).
ul_array *ul_arg(py_val v, int dtype);
// As ul_arg, for the `array(obj, dtype=)` constructor: an ndarray is copied.
ul_array *ul_from_obj(py_val v, int dtype);
// A Python list (nested for ndim > 1) of the items.
py_val ul_tolist(const ul_array *a);

// ---- walks ------------------------------------------------------------------------------
// Visits the items of an array (or of a broadcast view of it) in C order:
//     ul_walk w; ul_walk_init(&w, a);
//     for (size_t i = 0; i < a->len; i++, ul_walk_next(&w)) use(w.p);
typedef struct ul_walk {
    uint8_t *p;
    int ndim;
    size_t shape[UL_MAX_DIMS];
    ptrdiff_t strides[UL_MAX_DIMS];
    size_t idx[UL_MAX_DIMS];
} ul_walk;
void ul_walk_init(ul_walk *w, const ul_array *a);
// As ul_walk_init, with a broadcast to `shape` (ndim dims; ul_broadcast_shape made it): the
// dimensions a lacks or has as 1 get stride 0.
void ul_walk_init_bc(ul_walk *w, const ul_array *a, int ndim, const size_t *shape);
void ul_walk_carry(ul_walk *w); // out-of-line part of ul_walk_next
static inline void ul_walk_next(ul_walk *w) {
    int d = w->ndim - 1;
    w->p += w->strides[d];
    if (++w->idx[d] >= w->shape[d]) {
        ul_walk_carry(w);
    }
}
// The shape a and b broadcast to (numpy's rules); ValueError "operands could not be broadcast
// together" otherwise. Returns its ndim.
int ul_broadcast_shape(const ul_array *a, const ul_array *b, size_t *shape);

// ---- axes ------------------------------------------------------------------------------
// The axis= argument: None (PY_NULL too) → -1 (the whole array); negative counts from the end;
// ValueError "axis is out of bounds" beyond ndim.
int ul_axis_arg(py_val axis, int ndim);
// Calls fn for every 1-D lane of a along `axis`, in C order of the other dimensions: p is the
// lane's first item, n its length, stride its step in bytes, k the lane's number. With axis -1
// the whole array is one lane (a is made contiguous first when it is not).
typedef void (*ul_lane_fn)(void *ctx, const uint8_t *p, size_t n, ptrdiff_t stride, size_t k);
void ul_lanes(const ul_array *a, int axis, ul_lane_fn fn, void *ctx);
// The shape of a with `axis` removed; returns its ndim (0 for a 1-D array: callers return a
// scalar then).
int ul_shape_without(const ul_array *a, int axis, size_t *shape);

// ---- element-wise ------------------------------------------------------------------------
// f applied to every item of the argument (anything ul_arg takes); a float array of its shape,
// or a Python float when the argument was a Python number (numpy returns a scalar then).
py_val ul_map_float(py_val arg, double (*f)(double));

#endif // MODULES_ULAB_ULAB_H
