// modules/mod_collections.c: the _collections module, the C half of `collections` (the rest,
// namedtuple, Counter and ChainMap, is Python in lib/collections/):
//   deque        a ring buffer of power-of-two capacity in one GC block (halved when a
//                quarter full); `state` counts changes of length or order, and iterators and
//                comparisons raise RuntimeError when it moves under them, as CPython does.
//   OrderedDict  a dict (same layout, another type): dicts already keep insertion order, so
//                only move_to_end, popitem(last=), order-sensitive == and the repr are new.
//                move_to_end(last=False) is O(n), not O(1); so is move_to_end(last=True)
//                when the dict has no free entry slot (as often as a dict grows).
//   defaultdict  a dict followed by default_factory.
//   _tuple_new, _tuplegetter: what lib/collections/__init__.py's namedtuple needs from C.
// All types can be subclassed in Python: methods unwrap the native object of an instance.
#include <string.h>

#include "modules/modules.h"
#include "py/objlist.h"
#include "py/objtype.h"
#include "py/runtime.h"

// The built-in object behind `v` (the instance's native object for a Python subclass).
static py_val native(py_val v) {
    if (py_is_obj(v) && (v->type->flags & PY_TF_HEAP) && !py_is_type(v)) {
        py_val n = ((py_instance *)v)->native;
        if (n != PY_NULL) {
            return n;
        }
    }
    return v;
}

// ---- deque ------------------------------------------------------------------------------------
typedef struct deque_obj {
    py_obj base;
    py_val *items;   // ring of `cap` slots (0 or a power of two); a separate GC block
    size_t cap;
    size_t head;     // slot of item 0
    size_t len;
    py_int_t maxlen; // -1: unbounded
    uint32_t state;  // bumped whenever the length or the order changes
} deque_obj;

static const py_type deque_type;

static deque_obj *as_deque(py_val v) {
    v = native(v);
    if (!py_isinstance(v, &deque_type)) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires a 'deque' object but received '%T'", v);
    }
    return (deque_obj *)v;
}

static inline py_val *slot(deque_obj *d, size_t i) { return &d->items[(d->head + i) & (d->cap - 1)]; }

// Moves the items into a new ring of `cap` slots (a power of two >= len). Returns false
// (nothing changed) when shrinking finds no memory; growing raises MemoryError.
static bool deque_resize(deque_obj *d, size_t cap) {
    if (cap > SIZE_MAX / sizeof(py_val) / 2) {
        py_raise_memory_error();
    }
    py_val *n = cap < d->cap ? py_gc_try_alloc(cap * sizeof(py_val), 0)
                             : py_gc_alloc(cap * sizeof(py_val), 0);
    if (n == NULL) {
        return false;
    }
    for (size_t i = 0; i < d->len; i++) {
        n[i] = *slot(d, i);
    }
    d->items = n;
    d->cap = cap;
    d->head = 0;
    return true;
}

static void deque_reserve(deque_obj *d, size_t n) {
    if (n > d->cap) {
        size_t cap = d->cap ? d->cap : 8;
        while (cap < n) {
            cap *= 2;
        }
        deque_resize(d, cap);
    }
}

static void deque_maybe_shrink(deque_obj *d) {
    if (d->cap > 16 && d->len < d->cap / 4) {
        deque_resize(d, d->cap / 2);
    }
}

static py_val deque_pop_back(deque_obj *d) {
    if (d->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from an empty deque");
    }
    py_val *s = slot(d, d->len - 1);
    py_val v = *s;
    *s = PY_NULL;
    d->len--;
    d->state++;
    deque_maybe_shrink(d);
    return v;
}

static py_val deque_pop_front(deque_obj *d) {
    if (d->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from an empty deque");
    }
    py_val *s = slot(d, 0);
    py_val v = *s;
    *s = PY_NULL;
    d->head = (d->head + 1) & (d->cap - 1);
    d->len--;
    d->state++;
    deque_maybe_shrink(d);
    return v;
}

// append/appendleft: a full bounded deque drops an item from the other end.
static void deque_push_back(deque_obj *d, py_val v) {
    if (d->maxlen == 0) {
        return;
    }
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) {
        deque_pop_front(d);
    }
    deque_reserve(d, d->len + 1);
    *slot(d, d->len) = v;
    d->len++;
    d->state++;
}

static void deque_push_front(deque_obj *d, py_val v) {
    if (d->maxlen == 0) {
        return;
    }
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) {
        deque_pop_back(d);
    }
    deque_reserve(d, d->len + 1);
    d->head = (d->head - 1) & (d->cap - 1);
    *slot(d, 0) = v;
    d->len++;
    d->state++;
}

static void deque_clear_items(deque_obj *d) {
    d->items = NULL;
    d->cap = d->len = d->head = 0;
    d->state++;
}

static void deque_extend_impl(deque_obj *d, py_val iterable, bool left) {
    if (native(iterable) == (py_val)d) {
        iterable = py_list_new(0, NULL);
        for (size_t i = 0; i < d->len; i++) {
            py_list_append(iterable, *slot(d, i));
        }
    }
    py_val it = py_getiter(iterable);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        if (left) {
            deque_push_front(d, v);
        } else {
            deque_push_back(d, v);
        }
    }
}

static py_int_t get_maxlen(py_val v) {
    if (v == PY_NONE) {
        return -1;
    }
    py_int_t n;
    if (!py_index_maybe(v, &n)) {
        py_raise_msg(&py_type_TypeError, "an integer is required");
    }
    if (n < 0) {
        py_raise_msg(&py_type_ValueError, "maxlen must be non-negative");
    }
    return n;
}

static void deque_init_args(deque_obj *d, size_t n_args, size_t n_kw, const py_val *args, size_t skip) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, 0, PY_NULL},
        {PY_QSTR_maxlen, 0, PY_NONE},
    };
    py_val a[2];
    py_arg_parse("deque", n_args, n_kw, args, skip, spec, 2, a);
    d->maxlen = get_maxlen(a[1]);
    if (d->len) {
        deque_clear_items(d);
    }
    if (a[0] != PY_NULL) {
        deque_extend_impl(d, a[0], false);
    }
}

static deque_obj *deque_new(py_int_t maxlen) {
    deque_obj *d = py_new(deque_obj, &deque_type);
    d->maxlen = maxlen;
    return d;
}

static py_val deque_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    deque_obj *d = deque_new(-1);
    deque_init_args(d, n_args, n_kw, args, 0);
    return (py_val)d;
}

static py_val deque_init(size_t n_args, size_t n_kw, const py_val *args) {
    deque_init_args(as_deque(args[0]), n_args, n_kw, args, 1);
    return PY_NONE;
}
static PY_FN_OBJ_KW(deque_init_obj, __init__, deque_init);

static deque_obj *deque_copy_of(deque_obj *d) {
    deque_obj *c = deque_new(d->maxlen);
    if (d->len) {
        size_t cap = 8;
        while (cap < d->len) {
            cap *= 2;
        }
        c->items = py_gc_alloc(cap * sizeof(py_val), 0);
        c->cap = cap;
        for (size_t i = 0; i < d->len; i++) {
            c->items[i] = *slot(d, i);
        }
        c->len = d->len;
    }
    return c;
}

static void deque_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    deque_obj *d = (deque_obj *)self;
    if (!py_repr_enter(self)) {
        py_print_str(p, "[...]");
        return;
    }
    py_print_str(p, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i) {
            py_print_str(p, ", ");
        }
        py_print_val(p, *slot(d, i), PY_PRINT_REPR);
    }
    py_print_str(p, "]");
    if (d->maxlen >= 0) {
        py_printf(p, ", maxlen=%ld", (long)d->maxlen);
    }
    py_print_str(p, ")");
    py_repr_leave(self);
}

static _Noreturn void mutated(const py_type *type) {
    py_raise_msg(type, "deque mutated during iteration");
}

// a == b item by item, raising if either deque changes meanwhile.
static py_val deque_compare(int op, deque_obj *a, deque_obj *b) {
    uint32_t sa = a->state, sb = b->state;
    size_t n = a->len < b->len ? a->len : b->len, i = 0;
    for (; i < n; i++) {
        bool eq = py_equal(*slot(a, i), *slot(b, i));
        if (a->state != sa || b->state != sb) {
            mutated(&py_type_RuntimeError);
        }
        if (!eq) {
            break;
        }
    }
    if (i < n) {
        if (op == PY_OP_EQ || op == PY_OP_NE) {
            return py_bool(op == PY_OP_NE);
        }
        return py_binary_op(op, *slot(a, i), *slot(b, i));
    }
    size_t x = a->len, y = b->len;
    switch (op) {
    case PY_OP_EQ: return py_bool(x == y);
    case PY_OP_NE: return py_bool(x != y);
    case PY_OP_LT: return py_bool(x < y);
    case PY_OP_LE: return py_bool(x <= y);
    case PY_OP_GT: return py_bool(x > y);
    default: return py_bool(x >= y);
    }
}

// Index of the first item equal to v in [start, stop), or -1; `err` is raised on mutation.
static ptrdiff_t deque_find(deque_obj *d, py_val v, size_t start, size_t stop, const py_type *err) {
    uint32_t st = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        bool eq = py_equal(*slot(d, i), v);
        if (d->state != st) {
            mutated(err);
        }
        if (eq) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

// d * n: the last min(n * len, maxlen) items of the repetition, built in a new ring.
static py_val deque_repeat(deque_obj *d, py_val n, bool in_place) {
    py_int_t k;
    if (!py_index_maybe(n, &k)) {
        return PY_NULL;
    }
    deque_obj *r = in_place ? d : deque_new(d->maxlen);
    size_t len = d->len;
    if (k <= 0 || len == 0) {
        deque_clear_items(r);
        return (py_val)r;
    }
    size_t keep = (size_t)k > SIZE_MAX / len ? SIZE_MAX : (size_t)k * len;
    if (d->maxlen >= 0 && (size_t)d->maxlen < keep) {
        keep = (size_t)d->maxlen;
    }
    if (keep > SIZE_MAX / sizeof(py_val) / 4) {
        py_raise_memory_error();
    }
    size_t cap = 8, off = (len - keep % len) % len;
    while (cap < keep) {
        cap *= 2;
    }
    py_val *items = py_gc_alloc(cap * sizeof(py_val), 0);
    for (size_t j = 0; j < keep; j++) {
        items[j] = *slot(d, (off + j) % len);
    }
    r->items = items;
    r->cap = cap;
    r->head = 0;
    r->len = keep;
    r->state++;
    return (py_val)r;
}

static py_val deque_binary_op(int op, py_val lhs, py_val rhs) {
    deque_obj *d = (deque_obj *)lhs;
    switch (op) {
    case PY_OP_CONTAINS:
        return py_bool(deque_find(d, rhs, 0, d->len, &py_type_RuntimeError) >= 0);
    case PY_OP_EQ: case PY_OP_NE: case PY_OP_LT: case PY_OP_LE: case PY_OP_GT: case PY_OP_GE:
        if (!py_isinstance(rhs, &deque_type)) {
            return PY_NULL;
        }
        return deque_compare(op, d, (deque_obj *)native(rhs));
    case PY_OP_ADD: {
        if (!py_isinstance(rhs, &deque_type)) {
            py_raise_fmt(&py_type_TypeError, "can only concatenate deque (not \"%T\") to deque", rhs);
        }
        deque_obj *r = deque_copy_of(d);
        deque_extend_impl(r, native(rhs), false);
        return (py_val)r;
    }
    case PY_OP_IADD:
        deque_extend_impl(d, rhs, false);
        return lhs;
    case PY_OP_MUL:
    case PY_OP_RMUL:
        return deque_repeat(d, rhs, false);
    case PY_OP_IMUL:
        return deque_repeat(d, rhs, true);
    default:
        return PY_NULL;
    }
}

static py_val deque_unary_op(int op, py_val self) {
    deque_obj *d = (deque_obj *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(d->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)d->len);
    default: return PY_NULL;
    }
}

static size_t deque_index_arg(deque_obj *d, py_val index) {
    if (!py_is_int(index) && py_unary_op(PY_UOP_INDEX, index) == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "sequence index must be integer, not '%T'", index);
    }
    return py_seq_index("deque", d->len, index);
}

static void deque_del_at(deque_obj *d, size_t i) {
    // shift the shorter side over the hole
    if (i < d->len / 2) {
        for (size_t k = i; k > 0; k--) {
            *slot(d, k) = *slot(d, k - 1);
        }
        deque_pop_front(d);
    } else {
        for (size_t k = i; k + 1 < d->len; k++) {
            *slot(d, k) = *slot(d, k + 1);
        }
        deque_pop_back(d);
    }
}

static py_val deque_subscr(py_val self, py_val index, py_val value) {
    deque_obj *d = (deque_obj *)self;
    size_t i = deque_index_arg(d, index);
    if (value == PY_SENTINEL) {
        return *slot(d, i);
    }
    if (value == PY_NULL) {
        deque_del_at(d, i);
    } else {
        *slot(d, i) = value;
    }
    return PY_NONE;
}

// ---- deque iterators ----
typedef struct deque_iter {
    py_obj base;
    deque_obj *d;
    size_t i;      // items returned so far
    uint32_t state;
} deque_iter;

static py_val deque_iter_next(py_val self) {
    deque_iter *it = (deque_iter *)self;
    deque_obj *d = it->d;
    if (d == NULL) {
        return PY_STOP;
    }
    if (d->state != it->state) {
        mutated(&py_type_RuntimeError); // (again on every later call, as CPython)
    }
    if (it->i >= d->len) {
        it->d = NULL;
        return PY_STOP;
    }
    return *slot(d, it->i++);
}

static py_val deque_reviter_next(py_val self) {
    deque_iter *it = (deque_iter *)self;
    deque_obj *d = it->d;
    if (d == NULL) {
        return PY_STOP;
    }
    if (d->state != it->state) {
        mutated(&py_type_RuntimeError); // (again on every later call, as CPython)
    }
    if (it->i >= d->len) {
        it->d = NULL;
        return PY_STOP;
    }
    return *slot(d, d->len - 1 - it->i++);
}

static const py_type deque_iter_type = {
    .base = {&py_type_type}, .name = PY_QSTR__deque_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID, .iternext = deque_iter_next,
    .base_type = &py_type_object,
};

static const py_type deque_reviter_type = {
    .base = {&py_type_type}, .name = PY_QSTR__deque_reverse_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID, .iternext = deque_reviter_next,
    .base_type = &py_type_object,
};

static py_val deque_iter_new(deque_obj *d, const py_type *t) {
    deque_iter *it = py_new(deque_iter, t);
    it->d = d;
    it->state = d->state;
    return (py_val)it;
}

static py_val deque_getiter(py_val self) { return deque_iter_new((deque_obj *)self, &deque_iter_type); }

// ---- deque methods ----
static py_val deque_append(py_val self, py_val v) {
    deque_push_back(as_deque(self), v);
    return PY_NONE;
}
static PY_FN_OBJ_2(deque_append_obj, append, deque_append);

static py_val deque_appendleft(py_val self, py_val v) {
    deque_push_front(as_deque(self), v);
    return PY_NONE;
}
static PY_FN_OBJ_2(deque_appendleft_obj, appendleft, deque_appendleft);

static py_val deque_pop(py_val self) { return deque_pop_back(as_deque(self)); }
static PY_FN_OBJ_1(deque_pop_obj, pop, deque_pop);

static py_val deque_popleft(py_val self) { return deque_pop_front(as_deque(self)); }
static PY_FN_OBJ_1(deque_popleft_obj, popleft, deque_popleft);

static py_val deque_extend(py_val self, py_val it) {
    deque_extend_impl(as_deque(self), it, false);
    return PY_NONE;
}
static PY_FN_OBJ_2(deque_extend_obj, extend, deque_extend);

static py_val deque_extendleft(py_val self, py_val it) {
    deque_extend_impl(as_deque(self), it, true);
    return PY_NONE;
}
static PY_FN_OBJ_2(deque_extendleft_obj, extendleft, deque_extendleft);

static py_val deque_rotate(size_t n_args, const py_val *args) {
    deque_obj *d = as_deque(args[0]);
    py_int_t n = 1;
    if (n_args > 1 && !py_index_maybe(args[1], &n)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", args[1]);
    }
    if (d->len <= 1) {
        return PY_NONE;
    }
    py_int_t len = (py_int_t)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    if (n == 0) {
        return PY_NONE;
    }
    // move n items from the back to the front, or len - n from the front to the back
    if (n <= len / 2) {
        for (py_int_t k = 0; k < n; k++) {
            py_val v = *slot(d, d->len - 1);
            d->head = (d->head - 1) & (d->cap - 1);
            *slot(d, 0) = v;
        }
    } else {
        for (py_int_t k = 0; k < len - n; k++) {
            py_val v = *slot(d, 0);
            d->head = (d->head + 1) & (d->cap - 1);
            *slot(d, d->len - 1) = v;
        }
    }
    d->state++;
    return PY_NONE;
}
static PY_FN_OBJ_VAR(deque_rotate_obj, rotate, 1, 2, deque_rotate);

static py_val deque_clear(py_val self) {
    deque_clear_items(as_deque(self));
    return PY_NONE;
}
static PY_FN_OBJ_1(deque_clear_obj, clear, deque_clear);

static py_val deque_count(py_val self, py_val v) {
    deque_obj *d = as_deque(self);
    uint32_t st = d->state;
    size_t c = 0;
    for (size_t i = 0; i < d->len; i++) {
        bool eq = py_equal(*slot(d, i), v);
        if (d->state != st) {
            mutated(&py_type_RuntimeError);
        }
        c += eq;
    }
    return py_small((py_int_t)c);
}
static PY_FN_OBJ_2(deque_count_obj, count, deque_count);

// start/stop of index(): negative from the end, clipped to 0..len.
static size_t clip_index(py_val v, size_t len) {
    py_int_t i;
    if (!py_index_maybe(v, &i)) {
        py_raise_msg(&py_type_TypeError, "slice indices must be integers or have an __index__ method");
    }
    if (i < 0) {
        i += (py_int_t)len;
        if (i < 0) {
            i = 0;
        }
    }
    return (size_t)i > len ? len : (size_t)i;
}

static py_val deque_index(size_t n_args, const py_val *args) {
    deque_obj *d = as_deque(args[0]);
    size_t start = n_args > 2 ? clip_index(args[2], d->len) : 0;
    size_t stop = n_args > 3 ? clip_index(args[3], d->len) : d->len;
    ptrdiff_t i = deque_find(d, args[1], start, stop, &py_type_RuntimeError);
    if (i < 0) {
        py_raise_fmt(&py_type_ValueError, "%r is not in deque", args[1]);
    }
    return py_small((py_int_t)i);
}
static PY_FN_OBJ_VAR(deque_index_obj, index, 2, 4, deque_index);

static py_val deque_remove(py_val self, py_val v) {
    deque_obj *d = as_deque(self);
    ptrdiff_t i = deque_find(d, v, 0, d->len, &py_type_IndexError);
    if (i < 0) {
        py_raise_fmt(&py_type_ValueError, "%r is not in deque", v);
    }
    deque_del_at(d, (size_t)i);
    return PY_NONE;
}
static PY_FN_OBJ_2(deque_remove_obj, remove, deque_remove);

static py_val deque_insert(py_val self, py_val index, py_val v) {
    deque_obj *d = as_deque(self);
    py_int_t i;
    if (!py_index_maybe(index, &i)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", index);
    }
    if (d->maxlen >= 0 && d->len >= (size_t)d->maxlen) {
        py_raise_msg(&py_type_IndexError, "deque already at its maximum size");
    }
    py_int_t len = (py_int_t)d->len;
    if (i < 0) {
        i = i + len < 0 ? 0 : i + len;
    }
    if (i > len) {
        i = len;
    }
    deque_push_back(d, v);
    for (size_t k = d->len - 1; k > (size_t)i; k--) {
        *slot(d, k) = *slot(d, k - 1);
    }
    *slot(d, (size_t)i) = v;
    return PY_NONE;
}
static PY_FN_OBJ_3(deque_insert_obj, insert, deque_insert);

static py_val deque_reverse(py_val self) {
    deque_obj *d = as_deque(self);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        py_val t = *slot(d, i);
        *slot(d, i) = *slot(d, j - 1);
        *slot(d, j - 1) = t;
    }
    d->state++;
    return PY_NONE;
}
static PY_FN_OBJ_1(deque_reverse_obj, reverse, deque_reverse);

static py_val deque_copy(py_val self) { return (py_val)deque_copy_of(as_deque(self)); }
static PY_FN_OBJ_1(deque_copy_obj, copy, deque_copy);
static PY_FN_OBJ_1(deque_dcopy_obj, __copy__, deque_copy);

static py_val deque_reversed(py_val self) { return deque_iter_new(as_deque(self), &deque_reviter_type); }
static PY_FN_OBJ_1(deque_reversed_obj, __reversed__, deque_reversed);

static void deque_attr(py_val self, qstr attr, py_val *dest) {
    if (attr != PY_QSTR_maxlen) {
        return;
    }
    deque_obj *d = (deque_obj *)self;
    if (dest[0] == PY_SENTINEL) {
        py_raise_msg(&py_type_AttributeError, "attribute 'maxlen' of 'collections.deque' objects is not writable");
    }
    dest[0] = d->maxlen < 0 ? PY_NONE : py_int_from(d->maxlen);
}

static const py_dict_entry deque_locals_table[] = {
    PY_ROM_ENTRY(append, &deque_append_obj),
    PY_ROM_ENTRY(appendleft, &deque_appendleft_obj),
    PY_ROM_ENTRY(pop, &deque_pop_obj),
    PY_ROM_ENTRY(popleft, &deque_popleft_obj),
    PY_ROM_ENTRY(extend, &deque_extend_obj),
    PY_ROM_ENTRY(extendleft, &deque_extendleft_obj),
    PY_ROM_ENTRY(rotate, &deque_rotate_obj),
    PY_ROM_ENTRY(clear, &deque_clear_obj),
    PY_ROM_ENTRY(count, &deque_count_obj),
    PY_ROM_ENTRY(index, &deque_index_obj),
    PY_ROM_ENTRY(remove, &deque_remove_obj),
    PY_ROM_ENTRY(insert, &deque_insert_obj),
    PY_ROM_ENTRY(reverse, &deque_reverse_obj),
    PY_ROM_ENTRY(copy, &deque_copy_obj),
    PY_ROM_ENTRY(__copy__, &deque_dcopy_obj),
    PY_ROM_ENTRY(__reversed__, &deque_reversed_obj),
    PY_ROM_ENTRY(__init__, &deque_init_obj),
};
static PY_ROM_DICT(deque_locals, deque_locals_table);

static const py_type deque_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_deque,
    .flags = PY_TF_BASETYPE,
    .print = deque_print,
    .make_new = deque_make_new,
    .unary_op = deque_unary_op,
    .binary_op = deque_binary_op,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals = (py_dict *)&deque_locals,
    .base_type = &py_type_object,
};

// ---- dict subtypes: shared -------------------------------------------------------------------
static py_dict *as_dict(py_val v) { return (py_dict *)native(v); }

// dict's slots, which a C subtype does not inherit by itself
static py_val dict_unary_op(int op, py_val self) { return py_type_dict.unary_op(op, self); }
static py_val dict_getiter(py_val self) { return py_type_dict.getiter(self); }
static py_val dict_subscr(py_val self, py_val index, py_val value) {
    return py_type_dict.subscr(self, index, value);
}

// Fills a new dict-layout object from dict()-style arguments.
static void dict_fill(py_dict *d, const char *name, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_count(name, n_args, 0, 1);
    if (n_args) {
        py_dict_update(d, args[0]);
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_dict_set(d, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
}

// ---- OrderedDict -------------------------------------------------------------------------------
static const py_type odict_type;

static py_dict *odict_new(void) {
    py_dict *d = (py_dict *)py_dict_new(0);
    d->base.type = &odict_type;
    return d;
}

static py_val odict_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_dict *d = odict_new();
    dict_fill(d, "OrderedDict", n_args, n_kw, args);
    return (py_val)d;
}

static void odict_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_dict *d = (py_dict *)self;
    if (!py_repr_enter(self)) {
        py_print_str(p, "...");
        return;
    }
    py_print_str(p, "OrderedDict(");
    if (py_dict_len(d)) {
        py_print_str(p, "[");
        size_t pos = 0;
        bool first = true;
        for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
            py_val k = e->key, v = e->value;
            py_print_str(p, first ? "(" : ", (");
            first = false;
            py_print_val(p, k, PY_PRINT_REPR);
            py_print_str(p, ", ");
            py_print_val(p, v, PY_PRINT_REPR);
            py_print_str(p, ")");
        }
        py_print_str(p, "]");
    }
    py_print_str(p, ")");
    py_repr_leave(self);
}

// Two OrderedDicts are equal when their items are, in the same order.
static bool odict_equal(py_dict *a, py_dict *b) {
    if (py_dict_len(a) != py_dict_len(b)) {
        return false;
    }
    size_t pa = 0, pb = 0;
    for (;;) {
        py_dict_entry *ea = py_dict_next(a, &pa), *eb = py_dict_next(b, &pb);
        if (ea == NULL || eb == NULL) {
            return ea == eb;
        }
        py_val ka = ea->key, kb = eb->key, vb = eb->value, va = ea->value;
        if (!py_equal(ka, kb) || !py_equal(va, vb)) {
            return false;
        }
    }
}

static py_val odict_copy(py_val self) {
    py_dict *d = odict_new();
    py_dict_update(d, (py_val)as_dict(self));
    return (py_val)d;
}
static PY_FN_OBJ_1(odict_copy_obj, copy, odict_copy);

static py_val odict_binary_op(int op, py_val lhs, py_val rhs) {
    switch (op) {
    case PY_OP_EQ:
    case PY_OP_NE:
        if (py_isinstance(rhs, &odict_type)) {
            return py_bool(odict_equal((py_dict *)lhs, as_dict(rhs)) == (op == PY_OP_EQ));
        }
        break;
    case PY_OP_OR:
        if (!py_isinstance(rhs, &py_type_dict)) {
            return PY_NULL;
        }
        {
            py_val r = odict_copy(lhs);
            py_dict_update((py_dict *)r, rhs);
            return r;
        }
    default:
        break;
    }
    return py_type_dict.binary_op(op, lhs, rhs);
}

// The key object d stores for `key` (an equal key may be another object: 1.0 for 1).
static py_val stored_key(py_dict *d, py_val key) {
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
        if (e->key == key) {
            return key;
        }
    }
    py_uint_t h = py_hash(key);
    pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
        py_val k = e->key;
        if (py_dict_entry_hash(d, e) == h && py_equal(k, key)) {
            return k;
        }
    }
    return key;
}

// Dicts only append, and appending may need memory. So unless the re-insertion at the end
// surely fits (a free entry slot), the new order is built in a new dict whose contents then
// replace d's: running out of memory leaves d as it was, never without the key.
static py_val odict_move_to_end(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_key, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_last, 0, PY_TRUE},
    };
    py_val a[2];
    py_arg_parse("move_to_end", n_args, n_kw, args, 1, spec, 2, a);
    py_dict *d = as_dict(args[0]);
    py_val v = py_dict_get(d, a[0]);
    if (v == PY_NULL) {
        py_raise_key_error(a[0]);
    }
    bool last = py_is_true(a[1]);
    py_val key = stored_key(d, a[0]);
    if (last && d->fill < d->cap) {
        py_dict_remove(d, key);
        py_dict_set(d, key, v);
        return PY_NONE;
    }
    py_dict *n = (py_dict *)py_dict_new(0);
    if (!last) {
        py_dict_set(n, key, v);
    }
    py_dict_update(n, (py_val)d);
    if (last) {
        py_dict_remove(n, key);
        py_dict_set(n, key, v);
    }
    py_dict moved = *n;
    moved.base = d->base;
    *d = moved;
    return PY_NONE;
}
static PY_FN_OBJ_KW(odict_move_to_end_obj, move_to_end, odict_move_to_end);

static py_val odict_popitem(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_last, 0, PY_TRUE}};
    py_val a[1];
    py_arg_parse("popitem", n_args, n_kw, args, 1, spec, 1, a);
    py_dict *d = as_dict(args[0]);
    if (py_dict_len(d) == 0) {
        py_raise_key_error(py_str_from_cstr("dictionary is empty"));
    }
    py_dict_entry *e = NULL;
    if (py_is_true(a[0])) {
        for (size_t i = d->fill; i-- > 0;) {
            if (d->entries[i].key != PY_NULL) {
                e = &d->entries[i];
                break;
            }
        }
    } else {
        size_t pos = 0;
        e = py_dict_next(d, &pos);
    }
    py_val kv[2] = {e->key, e->value};
    py_dict_remove(d, kv[0]);
    return py_tuple_new(2, kv);
}
static PY_FN_OBJ_KW(odict_popitem_obj, popitem, odict_popitem);

static const py_dict_entry odict_locals_table[] = {
    PY_ROM_ENTRY(move_to_end, &odict_move_to_end_obj),
    PY_ROM_ENTRY(popitem, &odict_popitem_obj),
    PY_ROM_ENTRY(copy, &odict_copy_obj),
};
static PY_ROM_DICT(odict_locals, odict_locals_table);

static const py_type odict_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_OrderedDict,
    .flags = PY_TF_BASETYPE,
    .print = odict_print,
    .make_new = odict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = odict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals = (py_dict *)&odict_locals,
    .base_type = &py_type_dict,
};

// ---- defaultdict -------------------------------------------------------------------------------
typedef struct defaultdict_obj {
    py_dict d;       // first: dict's methods work on it unchanged
    py_val factory;  // default_factory (PY_NONE: none)
} defaultdict_obj;

static const py_type defaultdict_type;

static defaultdict_obj *dd_new(py_val factory) {
    defaultdict_obj *d = py_new(defaultdict_obj, &defaultdict_type);
    d->factory = factory;
    return d;
}

static void dd_fill(defaultdict_obj *d, size_t n_args, size_t n_kw, const py_val *args) {
    py_val f = n_args ? args[0] : PY_NONE;
    if (f != PY_NONE && !py_is_callable(f)) {
        py_raise_msg(&py_type_TypeError, "first argument must be callable or None");
    }
    d->factory = f;
    dict_fill(&d->d, "defaultdict", n_args ? n_args - 1 : 0, n_kw, args + (n_args ? 1 : 0));
}

static py_val dd_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    defaultdict_obj *d = dd_new(PY_NONE);
    dd_fill(d, n_args, n_kw, args);
    return (py_val)d;
}

static py_val dd_init(size_t n_args, size_t n_kw, const py_val *args) {
    defaultdict_obj *d = (defaultdict_obj *)native(args[0]);
    dd_fill(d, n_args - 1, n_kw, args + 1);
    return PY_NONE;
}
static PY_FN_OBJ_KW(dd_init_obj, __init__, dd_init);

static py_val dd_missing(py_val self, py_val key) {
    defaultdict_obj *d = (defaultdict_obj *)native(self);
    if (d->factory == PY_NONE) {
        py_raise_key_error(key);
    }
    py_val v = py_call0(d->factory);
    py_dict_set(&d->d, key, v);
    return v;
}
static PY_FN_OBJ_2(dd_missing_obj, __missing__, dd_missing);

static py_val dd_subscr(py_val self, py_val index, py_val value) {
    if (value == PY_SENTINEL) {
        py_val v = py_dict_get((py_dict *)self, index);
        return v != PY_NULL ? v : dd_missing(self, index);
    }
    return dict_subscr(self, index, value);
}

static py_val dd_copy(py_val self) {
    defaultdict_obj *d = (defaultdict_obj *)native(self);
    defaultdict_obj *c = dd_new(d->factory);
    py_dict_update(&c->d, (py_val)d);
    return (py_val)c;
}
static PY_FN_OBJ_1(dd_copy_obj, copy, dd_copy);
static PY_FN_OBJ_1(dd_dcopy_obj, __copy__, dd_copy);

static py_val dd_binary_op(int op, py_val lhs, py_val rhs) {
    if (op == PY_OP_OR) {
        if (!py_isinstance(rhs, &py_type_dict)) {
            return PY_NULL;
        }
        py_val r = dd_copy(lhs);
        py_dict_update((py_dict *)r, rhs);
        return r;
    }
    return py_type_dict.binary_op(op, lhs, rhs);
}

static void dd_print(const py_print *p, py_val self, int kind) {
    defaultdict_obj *d = (defaultdict_obj *)self;
    py_print_str(p, "defaultdict(");
    if (!py_repr_enter(d->factory)) {
        py_print_str(p, "...");
    } else {
        py_print_val(p, d->factory, PY_PRINT_REPR);
        py_repr_leave(d->factory);
    }
    py_print_str(p, ", ");
    py_type_dict.print(p, self, kind);
    py_print_str(p, ")");
}

static void dd_attr(py_val self, qstr attr, py_val *dest) {
    if (attr != PY_QSTR_default_factory) {
        return;
    }
    defaultdict_obj *d = (defaultdict_obj *)self;
    if (dest[0] == PY_SENTINEL) {
        d->factory = dest[1] ? dest[1] : PY_NONE;
        dest[0] = PY_NULL;
        return;
    }
    dest[0] = d->factory;
}

static const py_dict_entry dd_locals_table[] = {
    PY_ROM_ENTRY(__missing__, &dd_missing_obj),
    PY_ROM_ENTRY(__init__, &dd_init_obj),
    PY_ROM_ENTRY(copy, &dd_copy_obj),
    PY_ROM_ENTRY(__copy__, &dd_dcopy_obj),
};
static PY_ROM_DICT(dd_locals, dd_locals_table);

static const py_type defaultdict_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_defaultdict,
    .flags = PY_TF_BASETYPE,
    .print = dd_print,
    .make_new = dd_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dd_binary_op,
    .attr = dd_attr,
    .subscr = dd_subscr,
    .getiter = dict_getiter,
    .locals = (py_dict *)&dd_locals,
    .base_type = &py_type_dict,
};

// ---- namedtuple support --------------------------------------------------------------------
// _tuple_new(cls, iterable): an instance of the tuple subclass cls holding tuple(iterable)
// (what tuple.__new__(cls, iterable) does in CPython).
static py_val tuple_new_fn(py_val cls, py_val iterable) {
    if (!py_is_type(cls) || !(((const py_type *)cls)->flags & PY_TF_HEAP) ||
        ((const py_type *)cls)->native != &py_type_tuple) {
        py_raise_msg(&py_type_TypeError, "_tuple_new: not a tuple subclass");
    }
    py_val t = py_is_obj(iterable) && iterable->type == &py_type_tuple
                   ? iterable
                   : py_call1((py_val)&py_type_tuple, iterable);
    py_instance *o = (py_instance *)py_instance_new((const py_type *)cls);
    o->native = t;
    return (py_val)o;
}
static PY_FN_OBJ_2(tuple_new_obj, _tuple_new, tuple_new_fn);

// _tuplegetter(i): a callable returning item i of a tuple (a namedtuple field's getter).
typedef struct tuplegetter_obj {
    py_obj base;
    size_t index;
} tuplegetter_obj;

static const py_type tuplegetter_type;

static py_val tuplegetter_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("_tuplegetter", n_kw);
    py_arg_check_count("_tuplegetter", n_args, 1, 1);
    tuplegetter_obj *g = py_new(tuplegetter_obj, t);
    g->index = (size_t)py_get_int(args[0]);
    return (py_val)g;
}

static py_val tuplegetter_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("_tuplegetter", n_kw);
    py_arg_check_count("_tuplegetter", n_args, 1, 1);
    py_val t = native(args[0]);
    size_t i = ((tuplegetter_obj *)self)->index;
    if (!py_is_obj(t) || t->type != &py_type_tuple) {
        py_raise_fmt(&py_type_TypeError, "descriptor for index '%d' for tuple subclasses doesn't apply to '%T' object",
                     (int)i, args[0]);
    }
    if (i >= ((py_tuple *)t)->len) {
        py_raise_msg(&py_type_IndexError, "tuple index out of range");
    }
    return ((py_tuple *)t)->items[i];
}

static const py_type tuplegetter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR__tuplegetter,
    .flags = PY_TF_EQ_ID,
    .make_new = tuplegetter_make_new,
    .call = tuplegetter_call,
    .base_type = &py_type_object,
};

// ---- the module --------------------------------------------------------------------------------
static const py_dict_entry collections_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR__collections)),
    PY_ROM_ENTRY(deque, &deque_type),
    PY_ROM_ENTRY(OrderedDict, &odict_type),
    PY_ROM_ENTRY(defaultdict, &defaultdict_type),
    PY_ROM_ENTRY(_tuple_new, &tuple_new_obj),
    PY_ROM_ENTRY(_tuplegetter, &tuplegetter_type),
};
static PY_ROM_DICT(collections_globals, collections_table);

const py_module mod_collections_module = {{&py_type_module}, (py_dict *)&collections_globals};
