// modules/ulab/ndarray_index.c: indexing of the ndarray (the subscr slot), loads and stores.
//
// Basic indices (ints, slices of any step, an Ellipsis, tuples of them) give views that share
// the items, or a Python scalar when every dimension is indexed by an int. Advanced indices
// (a boolean mask of the array's shape, a 1-D boolean array along the first axis, a 1-D list or
// array of integer positions) give copies, as numpy. Stores go through the same selection and
// ul_assign, which broadcasts the value.
#include <string.h>

#include "modules/ulab/ndarray_impl.h"
#include "py/runtime.h"

static void set_len(ul_array *v) {
    v->len = 1;
    for (int d = 0; d < UL_MAX_DIMS; d++) {
        if (d < v->ndim) {
            v->len *= v->shape[d];
        } else {
            v->shape[d] = 0;
            v->strides[d] = 0;
        }
    }
}

// Row i of a (i < shape[0]) in *r, a header on the stack: ndim - 1 dimensions, or for a 1-D
// array a 1-D view of the one item.
static void row_view(const ul_array *a, size_t i, ul_array *r) {
    *r = *a;
    r->data = a->data + (ptrdiff_t)i * a->strides[0];
    if (a->ndim == 1) {
        r->shape[0] = 1;
        r->len = 1;
        return;
    }
    r->ndim--;
    memmove(r->shape, r->shape + 1, (UL_MAX_DIMS - 1) * sizeof(size_t));
    memmove(r->strides, r->strides + 1, (UL_MAX_DIMS - 1) * sizeof(ptrdiff_t));
    set_len(r);
}

py_val ul_ndarray_row(ul_array *a, size_t i) {
    ul_array r;
    row_view(a, i, &r);
    if (a->ndim == 1) {
        return ul_item_obj(a->dtype, r.data);
    }
    return (py_val)ul_view(&r);
}

static size_t check_pos(py_int_t k, size_t n, int axis) {
    if (k < 0) {
        k += (py_int_t)n;
    }
    if (k < 0 || (size_t)k >= n) {
        py_raise_fmt(&py_type_IndexError, "index %d is out of bounds for axis %d with size %u",
                     (int)k, axis, (unsigned)n);
    }
    return (size_t)k;
}

// A basic index applied to a, into the header *v (on the stack). Returns false when the index
// is not basic (an array or a list); v->ndim is 0 when every dimension was indexed by an int
// (v->data is the item then).
static bool basic(const ul_array *a, py_val index, ul_array *v) {
    size_t n;
    py_val *items;
    if (py_is_obj(index) && index->type == &py_type_tuple) {
        py_get_items(index, &n, &items);
    } else {
        n = 1;
        items = &index;
    }
    size_t used = 0;
    bool ellipsis = false;
    for (size_t i = 0; i < n; i++) {
        py_int_t k;
        if (items[i] == PY_ELLIPSIS) {
            if (ellipsis) {
                py_raise_msg(&py_type_IndexError, "an index can only have a single ellipsis");
            }
            ellipsis = true;
        } else if (py_is_obj(items[i]) && items[i]->type == &py_type_slice) {
            used++;
        } else if (!ul_is_array(items[i]) && py_index_maybe(items[i], &k)) {
            used++;
        } else if (n == 1) {
            return false; // an advanced index
        } else {
            py_raise_msg(&py_type_IndexError,
                         "only integers, slices, ellipsis and a single array are valid indices");
        }
    }
    if (used > a->ndim) {
        py_raise_msg(&py_type_IndexError, "too many indices for array");
    }
    *v = *a;
    v->ndim = 0;
    uint8_t *p = a->data;
    int d = 0; // a's dimension
    for (size_t i = 0; i < n; i++) {
        py_int_t k, start, stop, step;
        if (items[i] == PY_ELLIPSIS) {
            for (size_t e = used; e < a->ndim; e++, d++) {
                v->shape[v->ndim] = a->shape[d];
                v->strides[v->ndim++] = a->strides[d];
            }
        } else if (py_is_obj(items[i]) && items[i]->type == &py_type_slice) {
            size_t cnt = py_slice_indices(items[i], a->shape[d], &start, &stop, &step);
            if (cnt && a->len) {
                p += start * a->strides[d];
            }
            v->shape[v->ndim] = cnt;
            v->strides[v->ndim++] = step * a->strides[d];
            d++;
        } else {
            py_index_maybe(items[i], &k);
            size_t pos = check_pos(k, a->shape[d], d);
            p += (ptrdiff_t)pos * a->strides[d];
            d++;
        }
    }
    for (; d < a->ndim; d++) {
        v->shape[v->ndim] = a->shape[d];
        v->strides[v->ndim++] = a->strides[d];
    }
    v->data = p;
    set_len(v);
    return true;
}

// ---- advanced indices ---------------------------------------------------------------------
// The index as an array: an ndarray, or a list/tuple (ints as float items, checked integral).
static const ul_array *index_array(py_val index) {
    if (ul_is_array(index)) {
        const ul_array *x = (const ul_array *)index;
        if (x->dtype == UL_FLOAT) {
            py_raise_msg(&py_type_IndexError,
                         "arrays used as indices must be of integer (or boolean) type");
        }
        return x;
    }
    size_t n;
    py_val *items;
    if (!py_get_items(index, &n, &items)) {
        py_raise_fmt(&py_type_IndexError, "can't index an array with '%T'", index);
    }
    return ul_from_obj(index, -1);
}

// Position k of a 1-D integer index array.
static size_t fancy_pos(const ul_array *x, size_t k, size_t n) {
    double d = ul_get(x->dtype, x->data + (ptrdiff_t)k * x->strides[0]);
    if (d != floor(d)) {
        py_raise_msg(&py_type_IndexError,
                     "arrays used as indices must be of integer (or boolean) type");
    }
    return check_pos((py_int_t)d, n, 0);
}

static void put_number(ul_array *dst, double v) {
    ul_walk w;
    ul_walk_init(&w, dst);
    for (size_t i = 0; i < dst->len; i++, ul_walk_next(&w)) {
        ul_put(dst->dtype, w.p, v);
    }
}

// A Python number as a double (true), or false for anything else.
static bool number_value(py_val v, double *d) {
    return !ul_is_array(v) && py_get_float_maybe(v, d);
}

// a[x] or a[x] = value for a 1-D integer array x: rows of a along the first axis.
static py_val fancy(ul_array *a, const ul_array *x, py_val value) {
    if (x->ndim != 1) {
        py_raise_msg(&py_type_IndexError, "only 1-D index arrays are supported");
    }
    size_t n = x->len;
    ul_array ra, ro;
    if (value == PY_SENTINEL) {
        size_t shape[UL_MAX_DIMS];
        memcpy(shape, a->shape, sizeof(shape));
        shape[0] = n;
        ul_array *out = ul_new(a->dtype, a->ndim, shape);
        for (size_t k = 0; k < n; k++) {
            row_view(a, fancy_pos(x, k, a->shape[0]), &ra);
            row_view(out, k, &ro);
            ul_assign(&ro, &ra);
        }
        return (py_val)out;
    }
    double d;
    if (number_value(value, &d)) {
        for (size_t k = 0; k < n; k++) {
            row_view(a, fancy_pos(x, k, a->shape[0]), &ra);
            put_number(&ra, d);
        }
        return PY_NONE;
    }
    ul_array *v = ul_arg(value, a->dtype);
    if (v->mem && v->mem == a->mem) {
        v = ul_copy(v, -1);
    }
    bool per_row = v->ndim == a->ndim && v->shape[0] == n && n != 1;
    for (size_t k = 0; k < n; k++) {
        row_view(a, fancy_pos(x, k, a->shape[0]), &ra);
        if (per_row) {
            row_view(v, k, &ro);
            ul_assign(&ra, &ro);
        } else {
            ul_assign(&ra, v);
        }
    }
    return PY_NONE;
}

// a[m] or a[m] = value for a boolean mask m of a's shape: the items where m is true.
static py_val masked(ul_array *a, const ul_array *m, py_val value) {
    size_t cnt = 0;
    ul_walk wm, wa;
    ul_walk_init(&wm, m);
    for (size_t i = 0; i < m->len; i++, ul_walk_next(&wm)) {
        cnt += *wm.p != 0;
    }
    ul_walk_init(&wm, m);
    ul_walk_init(&wa, a);
    if (value == PY_SENTINEL) {
        ul_array *out = ul_new1(a->dtype, cnt);
        uint8_t *o = out->data;
        for (size_t i = 0; i < a->len; i++, ul_walk_next(&wm), ul_walk_next(&wa)) {
            if (*wm.p) {
                memcpy(o, wa.p, a->itemsize);
                o += a->itemsize;
            }
        }
        return (py_val)out;
    }
    double d;
    const ul_array *v = NULL;
    if (!number_value(value, &d)) {
        v = ul_dense(ul_arg(value, a->dtype), -1);
        if (v->len != cnt && v->len != 1) {
            py_raise_fmt(&py_type_ValueError,
                         "boolean index assignment cannot assign %u input values to the %u "
                         "output values where the mask is true",
                         (unsigned)v->len, (unsigned)cnt);
        }
        if (v->len == 1) {
            d = ul_get(v->dtype, v->data);
            v = NULL;
        } else if (v->mem == a->mem) {
            v = ul_copy(v, -1);
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < a->len; i++, ul_walk_next(&wm), ul_walk_next(&wa)) {
        if (*wm.p) {
            ul_put(a->dtype, wa.p, v ? ul_get(v->dtype, v->data + k++ * v->itemsize) : d);
        }
    }
    return PY_NONE;
}

static py_val advanced(ul_array *a, py_val index, py_val value) {
    const ul_array *x = index_array(index);
    if (x->dtype != UL_BOOL) {
        return fancy(a, x, value);
    }
    if (x->ndim == a->ndim && memcmp(x->shape, a->shape, a->ndim * sizeof(size_t)) == 0) {
        return masked(a, x, value);
    }
    if (x->ndim == 1 && x->len == a->shape[0]) { // rows where x is true: their positions
        size_t cnt = 0;
        for (size_t i = 0; i < x->len; i++) {
            cnt += x->data[(ptrdiff_t)i * x->strides[0]] != 0;
        }
        ul_array *pos = ul_new1(a->shape[0] <= 65535 ? UL_UINT16 : UL_FLOAT, cnt);
        for (size_t i = 0, k = 0; i < x->len; i++) {
            if (x->data[(ptrdiff_t)i * x->strides[0]]) {
                ul_put(pos->dtype, pos->data + k++ * pos->itemsize, (double)i);
            }
        }
        return fancy(a, pos, value);
    }
    py_raise_msg(&py_type_IndexError, "boolean index did not match indexed array");
}

py_val ul_ndarray_subscr(py_val self, py_val index, py_val value) {
    ul_array *a = (ul_array *)self;
    if (value == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "'ndarray' object doesn't support item deletion");
    }
    if (value != PY_SENTINEL) {
        ul_check_writable(a);
    }
    size_t n;
    py_val *items;
    if (py_is_obj(index) && index->type == &py_type_tuple && py_get_items(index, &n, &items) &&
        n == 1) {
        index = items[0]; // a[(x,)] is a[x]
    }
    ul_array v;
    if (!basic(a, index, &v)) {
        return advanced(a, index, value);
    }
    if (value == PY_SENTINEL) {
        if (v.ndim == 0) {
            return ul_item_obj(v.dtype, v.data);
        }
        return (py_val)ul_view(&v);
    }
    if (v.ndim == 0) { // one item
        v.ndim = 1;
        v.shape[0] = 1;
        v.strides[0] = v.itemsize;
        v.len = 1;
    }
    double d;
    if (number_value(value, &d)) {
        put_number(&v, d);
    } else {
        ul_assign(&v, ul_arg(value, a->dtype));
    }
    return PY_NONE;
}
