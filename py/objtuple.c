// py/objtuple.c: tuple. Items are stored inline after the header; the empty tuple is shared.
#include <string.h>

#include "py/objlist.h"
#include "py/runtime.h"

static const py_tuple empty_tuple = {{&py_type_tuple}, 0};

py_val py_tuple_new(size_t n, const py_val *items) {
    if (n == 0) {
        return (py_val)&empty_tuple;
    }
    if (n > SIZE_MAX / sizeof(py_val) / 2) {
        py_raise_memory_error();
    }
    py_tuple *t = py_new_var(py_tuple, n * sizeof(py_val), &py_type_tuple);
    t->len = n;
    if (items) {
        py_memcpy(t->items, items, n * sizeof(py_val));
    } else {
        for (size_t i = 0; i < n; i++) {
            t->items[i] = PY_NONE;
        }
    }
    return (py_val)t;
}

static py_tuple *as_tuple(py_val v) {
    if (py_is_obj(v) && v->type != &py_type_tuple && (v->type->flags & PY_TF_HEAP)) {
        return (py_tuple *)((py_instance *)v)->native;
    }
    return (py_tuple *)v;
}

static py_val tuple_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_no_kw("tuple", n_kw);
    py_arg_check_count("tuple", n_args, 0, 1);
    if (n_args == 0) {
        return py_tuple_new(0, NULL);
    }
    if (py_is_obj(args[0]) && args[0]->type == &py_type_tuple) {
        return args[0];
    }
    size_t n;
    py_val *items;
    if (py_get_items(args[0], &n, &items)) {
        return py_tuple_new(n, items);
    }
    py_val l = py_list_new(0, NULL);
    py_list_extend(l, args[0]);
    py_list *ll = (py_list *)l;
    return py_tuple_new(ll->len, ll->items);
}

static void tuple_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_tuple *t = (py_tuple *)self;
    py_seq_print(p, t->items, t->len, "(", ")", true);
}

static py_val tuple_binary_op(int op, py_val lhs, py_val rhs) {
    py_tuple *t = (py_tuple *)lhs;
    switch (op) {
    case PY_OP_ADD: {
        if (!py_isinstance(rhs, &py_type_tuple)) {
            py_raise_fmt(&py_type_TypeError, "can only concatenate tuple (not \"%T\") to tuple", rhs);
        }
        py_tuple *r = as_tuple(rhs);
        if (r->len == 0) {
            return lhs;
        }
        py_tuple *o = (py_tuple *)py_tuple_new(t->len + r->len, NULL);
        py_memcpy(o->items, t->items, t->len * sizeof(py_val));
        py_memcpy(o->items + t->len, r->items, r->len * sizeof(py_val));
        return (py_val)o;
    }
    case PY_OP_MUL:
    case PY_OP_RMUL: {
        py_int_t k;
        if (!py_index_maybe(rhs, &k)) {
            return PY_NULL;
        }
        if (k <= 0 || t->len == 0) {
            return py_tuple_new(0, NULL);
        }
        if (k == 1) {
            return lhs;
        }
        if ((size_t)k > SIZE_MAX / sizeof(py_val) / 4 / t->len) {
            py_raise_memory_error();
        }
        py_tuple *o = (py_tuple *)py_tuple_new(t->len * (size_t)k, NULL);
        for (py_int_t i = 0; i < k; i++) {
            py_memcpy(o->items + (size_t)i * t->len, t->items, t->len * sizeof(py_val));
        }
        return (py_val)o;
    }
    case PY_OP_CONTAINS:
        for (size_t i = 0; i < t->len; i++) {
            if (py_equal(t->items[i], rhs)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    case PY_OP_EQ: case PY_OP_NE: case PY_OP_LT: case PY_OP_LE: case PY_OP_GT: case PY_OP_GE: {
        if (!py_isinstance(rhs, &py_type_tuple)) {
            return PY_NULL;
        }
        py_tuple *r = as_tuple(rhs);
        return py_seq_compare(op, t->items, t->len, r->items, r->len);
    }
    default:
        return PY_NULL;
    }
}

// CPython's tuple hash (xxHash-based since 3.8), so hash((1, 2)) matches.
static py_val tuple_hash(py_tuple *t) {
#if INTPTR_MAX > 0x7fffffff
    const uint64_t P1 = 11400714785074694791ULL, P2 = 14029467366897019727ULL, P5 = 2870177450012600261ULL;
    uint64_t acc = P5;
    for (size_t i = 0; i < t->len; i++) {
        uint64_t lane = (uint64_t)py_hash(t->items[i]);
        acc += lane * P2;
        acc = (acc << 31) | (acc >> 33);
        acc *= P1;
    }
    acc += t->len ^ (P5 ^ 3527539UL);
    if (acc == (uint64_t)-1) {
        return py_small(1546275796);
    }
    int64_t h = (int64_t)acc;
    // fold into the small-int range (one bit less than a word)
    return py_small((py_int_t)(h >> 1) ^ (h & 1));
#else
    uint32_t acc = 374761393U;
    for (size_t i = 0; i < t->len; i++) {
        uint32_t lane = (uint32_t)py_hash(t->items[i]);
        acc += lane * 2246822519U;
        acc = (acc << 13) | (acc >> 19);
        acc *= 2654435761U;
    }
    acc += (uint32_t)t->len ^ (374761393U ^ 3527539UL);
    return py_small((py_int_t)(acc >> 2));
#endif
}

static py_val tuple_unary_op(int op, py_val self) {
    py_tuple *t = (py_tuple *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(t->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)t->len);
    case PY_UOP_HASH: return tuple_hash(t);
    default: return PY_NULL;
    }
}

static py_val tuple_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    py_tuple *t = (py_tuple *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        py_int_t start, stop, step;
        size_t n = py_slice_indices(index, t->len, &start, &stop, &step);
        if (step == 1 && n == t->len) {
            return self;
        }
        py_tuple *r = (py_tuple *)py_tuple_new(n, NULL);
        for (size_t i = 0; i < n; i++) {
            r->items[i] = t->items[start + (py_int_t)i * step];
        }
        return (py_val)r;
    }
    return t->items[py_seq_index("tuple", t->len, index)];
}

typedef struct tuple_iter {
    py_obj base;
    py_tuple *t;
    size_t i;
} tuple_iter;

static py_val tuple_iter_next(py_val self) {
    tuple_iter *it = (tuple_iter *)self;
    if (it->i >= it->t->len) {
        return PY_STOP;
    }
    return it->t->items[it->i++];
}

static const py_type tuple_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_tuple_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = tuple_iter_next,
    .base_type = &py_type_object,
};

static py_val tuple_getiter(py_val self) {
    tuple_iter *it = py_new(tuple_iter, &tuple_iter_type);
    it->t = (py_tuple *)self;
    return (py_val)it;
}

static py_val tuple_index(size_t n_args, const py_val *args) {
    py_tuple *t = as_tuple(args[0]);
    return py_seq_index_of("tuple", n_args, args, t->items, t->len);
}
static PY_FN_OBJ_VAR(tuple_index_obj, index, 2, 4, tuple_index);

static py_val tuple_count(py_val self, py_val v) {
    py_tuple *t = as_tuple(self);
    return py_small((py_int_t)py_seq_count(t->items, t->len, v));
}
static PY_FN_OBJ_2(tuple_count_obj, count, tuple_count);

static const py_dict_entry tuple_locals_table[] = {
    PY_ROM_ENTRY(index, &tuple_index_obj),
    PY_ROM_ENTRY(count, &tuple_count_obj),
};
static PY_ROM_DICT(tuple_locals, tuple_locals_table);

const py_type py_type_tuple = {
    .base = {&py_type_type},
    .name = PY_QSTR_tuple,
    .flags = PY_TF_BASETYPE,
    .print = tuple_print,
    .make_new = tuple_make_new,
    .unary_op = tuple_unary_op,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .getiter = tuple_getiter,
    .locals = (py_dict *)&tuple_locals,
    .base_type = &py_type_object,
};
