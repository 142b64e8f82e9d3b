// py/objlist.c: list, and the sequence helpers list and tuple share (compare, repr, index).
// Items live in a separate GC block that grows geometrically; sort() is a stable merge sort
// on a detached copy, so a key function that mutates the list is caught, not a crash.
#include <string.h>

#include "py/objlist.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- sequence helpers -------------------------------------------------------------------------
void py_seq_print(const py_print *p, const py_val *items, size_t n, const char *open, const char *close,
                  bool one_comma) {
    py_print_str(p, open);
    for (size_t i = 0; i < n; i++) {
        if (i) {
            py_print_str(p, ", ");
        }
        py_print_val(p, items[i], PY_PRINT_REPR);
    }
    if (one_comma && n == 1) {
        py_print_str(p, ",");
    }
    py_print_str(p, close);
}

// Lexicographic comparison as CPython: the first unequal pair decides.
py_val py_seq_compare(int op, const py_val *a, size_t an, const py_val *b, size_t bn) {
    size_t n = an < bn ? an : bn;
    size_t i = 0;
    for (; i < n; i++) {
        if (!py_equal(a[i], b[i])) {
            break;
        }
    }
    if (i < n) {
        if (op == PY_OP_EQ) {
            return PY_FALSE;
        }
        if (op == PY_OP_NE) {
            return PY_TRUE;
        }
        return py_binary_op(op, a[i], b[i]);
    }
    switch (op) {
    case PY_OP_EQ: return py_bool(an == bn);
    case PY_OP_NE: return py_bool(an != bn);
    case PY_OP_LT: return py_bool(an < bn);
    case PY_OP_LE: return py_bool(an <= bn);
    case PY_OP_GT: return py_bool(an > bn);
    default: return py_bool(an >= bn);
    }
}

size_t py_seq_count(const py_val *items, size_t n, py_val v) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += py_equal(items[i], v);
    }
    return c;
}

static py_int_t clamp_index(py_val v, size_t len) {
    py_int_t i = py_get_int(v);
    if (i < 0) {
        i += (py_int_t)len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > (py_int_t)len) {
        i = (py_int_t)len;
    }
    return i;
}

py_val py_seq_index_of(const char *what, size_t n_args, const py_val *args, py_val *items, size_t len) {
    py_int_t start = n_args > 2 ? clamp_index(args[2], len) : 0;
    py_int_t stop = n_args > 3 ? clamp_index(args[3], len) : (py_int_t)len;
    for (py_int_t i = start; i < stop && (size_t)i < len; i++) {
        if (py_equal(items[i], args[1])) {
            return py_small(i);
        }
    }
    py_raise_fmt(&py_type_ValueError, "%s.index(x): x not in %s", what, what);
}

// ---- construction ---------------------------------------------------------------------------------
static void list_reserve(py_list *l, size_t n) {
    if (n <= l->cap) {
        return;
    }
    size_t cap = l->cap ? l->cap : 4;
    while (cap < n) {
        cap = cap + (cap >> 1) + 4;
    }
    if (cap > SIZE_MAX / sizeof(py_val) / 2) {
        py_raise_memory_error();
    }
    l->items = py_gc_realloc(l->items, cap * sizeof(py_val));
    l->cap = cap;
}

py_val py_list_new(size_t n, const py_val *items) {
    py_list *l = py_new(py_list, &py_type_list);
    if (n) {
        l->items = py_gc_alloc(n * sizeof(py_val), 0);
        l->cap = n;
        if (items) {
            py_memcpy(l->items, items, n * sizeof(py_val));
        } else {
            for (size_t i = 0; i < n; i++) {
                l->items[i] = PY_NONE;
            }
        }
    }
    l->len = n;
    return (py_val)l;
}

static py_list *as_list(py_val v) {
    if (py_is_obj(v) && v->type != &py_type_list && (v->type->flags & PY_TF_HEAP)) {
        return (py_list *)((py_instance *)v)->native;
    }
    return (py_list *)v;
}

void py_list_append(py_val lv, py_val item) {
    py_list *l = as_list(lv);
    if (l->len == l->cap) {
        list_reserve(l, l->len + 1);
    }
    l->items[l->len++] = item;
}

static void extend_cb(void *ctx, py_val item) { py_list_append((py_val)ctx, item); }

void py_list_extend(py_val lv, py_val iterable) {
    py_list *l = as_list(lv);
    size_t n;
    py_val *items;
    if (py_get_items(iterable, &n, &items)) {
        if (n == 0) {
            return;
        }
        list_reserve(l, l->len + n);
        py_get_items(iterable, &n, &items); // (l may be iterable itself)
        py_memmove(l->items + l->len, items, n * sizeof(py_val));
        l->len += n;
        return;
    }
    py_iterate(iterable, extend_cb, l);
}

py_val py_list_pop(py_val lv) {
    py_list *l = as_list(lv);
    if (l->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from empty list");
    }
    return l->items[--l->len];
}

static py_val list_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_no_kw("list", n_kw);
    py_arg_check_count("list", n_args, 0, 1);
    py_val l = py_list_new(0, NULL);
    if (n_args) {
        py_list_extend(l, args[0]);
    }
    return l;
}

// ---- operators ---------------------------------------------------------------------------------------
static void list_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_list *l = (py_list *)self;
    if (!py_repr_enter(self)) {
        py_print_str(p, "[...]");
        return;
    }
    py_seq_print(p, l->items, l->len, "[", "]", false);
    py_repr_leave(self);
}

static py_val list_repeat(py_list *l, py_val n) {
    py_int_t k;
    if (!py_index_maybe(n, &k)) {
        return PY_NULL;
    }
    if (k <= 0 || l->len == 0) {
        return py_list_new(0, NULL);
    }
    if ((size_t)k > SIZE_MAX / sizeof(py_val) / 4 / l->len) {
        py_raise_memory_error();
    }
    py_list *r = (py_list *)py_list_new(l->len * (size_t)k, NULL);
    for (py_int_t i = 0; i < k; i++) {
        py_memcpy(r->items + (size_t)i * l->len, l->items, l->len * sizeof(py_val));
    }
    return (py_val)r;
}

static py_val list_binary_op(int op, py_val lhs, py_val rhs) {
    py_list *l = (py_list *)lhs;
    switch (op) {
    case PY_OP_ADD: {
        if (!py_is_obj(rhs) || py_typeof(rhs) != &py_type_list) {
            if (!py_isinstance(rhs, &py_type_list)) {
                // the right operand's __radd__ first, as CPython (a ulab array adds a list)
                const py_type *t = py_typeof(rhs);
                py_val r = t->binary_op ? t->binary_op(PY_OP_RADD, rhs, lhs) : PY_NULL;
                if (r != PY_NULL && r != PY_NOTIMPLEMENTED) {
                    return r;
                }
                py_raise_fmt(&py_type_TypeError, "can only concatenate list (not \"%T\") to list", rhs);
            }
        }
        py_list *r = as_list(rhs);
        py_list *out = (py_list *)py_list_new(l->len + r->len, NULL);
        py_memcpy(out->items, l->items, l->len * sizeof(py_val));
        py_memcpy(out->items + l->len, r->items, r->len * sizeof(py_val));
        return (py_val)out;
    }
    case PY_OP_IADD:
        py_list_extend(lhs, rhs);
        return lhs;
    case PY_OP_MUL:
    case PY_OP_RMUL:
        return list_repeat(l, rhs);
    case PY_OP_IMUL: {
        py_val r = list_repeat(l, rhs);
        if (r == PY_NULL) {
            return PY_NULL;
        }
        py_list *rl = (py_list *)r;
        l->items = rl->items;
        l->len = rl->len;
        l->cap = rl->cap;
        return lhs;
    }
    case PY_OP_CONTAINS:
        for (size_t i = 0; i < l->len; i++) {
            if (py_equal(l->items[i], rhs)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    case PY_OP_EQ: case PY_OP_NE: case PY_OP_LT: case PY_OP_LE: case PY_OP_GT: case PY_OP_GE: {
        if (!py_isinstance(rhs, &py_type_list)) {
            return PY_NULL;
        }
        py_list *r = as_list(rhs);
        return py_seq_compare(op, l->items, l->len, r->items, r->len);
    }
    default:
        return PY_NULL;
    }
}

static py_val list_unary_op(int op, py_val self) {
    py_list *l = (py_list *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(l->len != 0);
    case PY_UOP_LEN: return py_small((py_int_t)l->len);
    default: return PY_NULL;
    }
}

static void list_del_slice(py_list *l, py_int_t start, py_int_t step, size_t n) {
    if (n == 0) {
        return;
    }
    if (step < 0) {
        start = start + (py_int_t)(n - 1) * step;
        step = -step;
    }
    size_t w = (size_t)start;
    for (size_t r = (size_t)start, k = 0; r < l->len; r++) {
        if (k < n && r == (size_t)start + k * (size_t)step) {
            k++;
            continue;
        }
        l->items[w++] = l->items[r];
    }
    l->len = w;
}

static void list_set_slice(py_list *l, py_val slice, py_val value) {
    py_int_t start, stop, step;
    size_t n = py_slice_indices(slice, l->len, &start, &stop, &step);
    // the source may be the list itself: take a copy of its items first
    py_val src = value;
    if (!py_is_obj(value) || (value->type != &py_type_list && value->type != &py_type_tuple) ||
        value == (py_val)l) {
        if (!py_is_iterable(value)) {
            py_raise_msg(&py_type_TypeError, step == 1 ? "can only assign an iterable"
                                                       : "must assign iterable to extended slice");
        }
        src = py_call1((py_val)&py_type_tuple, value);
    }
    size_t m;
    py_val *items;
    py_get_items(src, &m, &items);
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        size_t old = (size_t)(stop - start);
        size_t newlen = l->len - old + m;
        list_reserve(l, newlen);
        py_get_items(src, &m, &items);
        py_memmove(l->items + start + m, l->items + stop, (l->len - (size_t)stop) * sizeof(py_val));
        py_memcpy(l->items + start, items, m * sizeof(py_val));
        l->len = newlen;
        return;
    }
    if (m != n) {
        py_raise_fmt(&py_type_ValueError, "attempt to assign sequence of size %d to extended slice of size %d",
                     (int)m, (int)n);
    }
    for (size_t i = 0; i < n; i++) {
        l->items[start + (py_int_t)i * step] = items[i];
    }
}

static py_val list_subscr(py_val self, py_val index, py_val value) {
    py_list *l = (py_list *)self;
    if (py_is_obj(index) && index->type == &py_type_slice) {
        if (value == PY_SENTINEL) {
            py_int_t start, stop, step;
            size_t n = py_slice_indices(index, l->len, &start, &stop, &step);
            py_list *r = (py_list *)py_list_new(n, NULL);
            for (size_t i = 0; i < n; i++) {
                r->items[i] = l->items[start + (py_int_t)i * step];
            }
            return (py_val)r;
        }
        if (value == PY_NULL) {
            py_int_t start, stop, step;
            size_t n = py_slice_indices(index, l->len, &start, &stop, &step);
            list_del_slice(l, start, step, n);
            return PY_NONE;
        }
        list_set_slice(l, index, value);
        return PY_NONE;
    }
    size_t i = py_seq_index(value == PY_SENTINEL || value == PY_NULL ? "list" : "list assignment", l->len, index);
    if (value == PY_SENTINEL) {
        return l->items[i];
    }
    if (value == PY_NULL) {
        py_memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(py_val));
        l->len--;
        return PY_NONE;
    }
    l->items[i] = value;
    return PY_NONE;
}

// ---- iteration ------------------------------------------------------------------------------------------
typedef struct list_iter {
    py_obj base;
    py_val seq;
    size_t i;
} list_iter;

static py_val list_iter_next(py_val self) {
    list_iter *it = (list_iter *)self;
    py_list *l = (py_list *)it->seq;
    if (l == NULL || it->i >= l->len) {
        it->seq = PY_NULL;
        return PY_STOP;
    }
    return l->items[it->i++];
}

static const py_type list_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_list_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = list_iter_next,
    .base_type = &py_type_object,
};

static py_val list_getiter(py_val self) {
    list_iter *it = py_new(list_iter, &list_iter_type);
    it->seq = self;
    return (py_val)it;
}

typedef struct list_reviter {
    py_obj base;
    py_val seq;
    size_t i; // items left
} list_reviter;

static py_val list_reviter_next(py_val self) {
    list_reviter *it = (list_reviter *)self;
    py_list *l = (py_list *)it->seq;
    if (l == NULL || it->i == 0 || it->i > l->len) {
        it->seq = PY_NULL;
        return PY_STOP;
    }
    return l->items[--it->i];
}

static const py_type list_reviter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_list_reverseiterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = list_reviter_next,
    .base_type = &py_type_object,
};

py_val py_list_reversed(py_val self) {
    list_reviter *it = py_new(list_reviter, &list_reviter_type);
    it->seq = self;
    it->i = ((py_list *)self)->len;
    return (py_val)it;
}

// ---- methods ----------------------------------------------------------------------------------------
static py_val list_append(py_val self, py_val v) {
    py_list_append(self, v);
    return PY_NONE;
}
static PY_FN_OBJ_2(list_append_obj, append, list_append);

static py_val list_extend(py_val self, py_val it) {
    py_list_extend(self, it);
    return PY_NONE;
}
static PY_FN_OBJ_2(list_extend_obj, extend, list_extend);

static py_val list_insert(py_val self, py_val idx, py_val v) {
    py_list *l = as_list(self);
    py_int_t i = py_get_int(idx);
    if (i < 0) {
        i += (py_int_t)l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > l->len) {
        i = (py_int_t)l->len;
    }
    list_reserve(l, l->len + 1);
    py_memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(py_val));
    l->items[i] = v;
    l->len++;
    return PY_NONE;
}
static PY_FN_OBJ_3(list_insert_obj, insert, list_insert);

static py_val list_pop(size_t n_args, const py_val *args) {
    py_list *l = as_list(args[0]);
    if (l->len == 0) {
        py_raise_msg(&py_type_IndexError, "pop from empty list");
    }
    size_t i = n_args > 1 ? py_seq_index("pop", l->len, args[1]) : l->len - 1;
    py_val v = l->items[i];
    py_memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(py_val));
    l->len--;
    if (l->cap > 16 && l->len < l->cap / 4) {
        size_t cap = l->cap / 2;
        if (py_gc_resize_in_place(l->items, cap * sizeof(py_val))) {
            l->cap = cap;
        }
    }
    return v;
}
static PY_FN_OBJ_VAR(list_pop_obj, pop, 1, 2, list_pop);

static py_val list_remove(py_val self, py_val v) {
    py_list *l = as_list(self);
    for (size_t i = 0; i < l->len; i++) {
        if (py_equal(l->items[i], v)) {
            py_memmove(l->items + i, l->items + i + 1, (l->len - i - 1) * sizeof(py_val));
            l->len--;
            return PY_NONE;
        }
    }
    py_raise_msg(&py_type_ValueError, "list.remove(x): x not in list");
}
static PY_FN_OBJ_2(list_remove_obj, remove, list_remove);

static py_val list_index(size_t n_args, const py_val *args) {
    py_list *l = as_list(args[0]);
    return py_seq_index_of("list", n_args, args, l->items, l->len);
}
static PY_FN_OBJ_VAR(list_index_obj, index, 2, 4, list_index);

static py_val list_count(py_val self, py_val v) {
    py_list *l = as_list(self);
    return py_small((py_int_t)py_seq_count(l->items, l->len, v));
}
static PY_FN_OBJ_2(list_count_obj, count, list_count);

static py_val list_clear(py_val self) {
    py_list *l = as_list(self);
    l->len = 0;
    l->cap = 0;
    l->items = NULL;
    return PY_NONE;
}
static PY_FN_OBJ_1(list_clear_obj, clear, list_clear);

static py_val list_copy(py_val self) {
    py_list *l = as_list(self);
    return py_list_new(l->len, l->items);
}
static PY_FN_OBJ_1(list_copy_obj, copy, list_copy);

static py_val list_reverse(py_val self) {
    py_list *l = as_list(self);
    for (size_t i = 0, j = l->len; i + 1 < j; i++, j--) {
        py_val t = l->items[i];
        l->items[i] = l->items[j - 1];
        l->items[j - 1] = t;
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(list_reverse_obj, reverse, list_reverse);

// Stable merge sort of (key, value) index pairs; `keys` may be NULL (values compare).
static void merge_sort(py_val *vals, py_val *keys, size_t n, py_val *tv, py_val *tk, bool reverse) {
    if (n < 2) {
        return;
    }
    if (n <= 8) {
        // insertion sort for short runs
        for (size_t i = 1; i < n; i++) {
            py_val v = vals[i], k = keys ? keys[i] : v;
            size_t j = i;
            while (j > 0) {
                py_val pk = keys ? keys[j - 1] : vals[j - 1];
                bool less = reverse ? py_less(pk, k) : py_less(k, pk);
                if (!less) {
                    break;
                }
                vals[j] = vals[j - 1];
                if (keys) {
                    keys[j] = keys[j - 1];
                }
                j--;
            }
            vals[j] = v;
            if (keys) {
                keys[j] = k;
            }
        }
        return;
    }
    size_t h = n / 2;
    merge_sort(vals, keys, h, tv, tk, reverse);
    merge_sort(vals + h, keys ? keys + h : NULL, n - h, tv, tk, reverse);
    py_memcpy(tv, vals, h * sizeof(py_val));
    if (keys) {
        py_memcpy(tk, keys, h * sizeof(py_val));
    }
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        py_val ki = keys ? tk[i] : tv[i], kj = keys ? keys[j] : vals[j];
        // take from the right only when strictly before: keeps the sort stable
        bool right = reverse ? py_less(ki, kj) : py_less(kj, ki);
        if (right) {
            vals[k] = vals[j];
            if (keys) {
                keys[k] = keys[j];
            }
            j++;
        } else {
            vals[k] = tv[i];
            if (keys) {
                keys[k] = tk[i];
            }
            i++;
        }
        k++;
    }
    while (i < h) {
        vals[k] = tv[i];
        if (keys) {
            keys[k] = tk[i];
        }
        i++;
        k++;
    }
}

static void sort_items(py_val *items, size_t n, py_val key, bool reverse) {
    py_val *keys = NULL, *tk = NULL;
    if (key != PY_NULL && key != PY_NONE) {
        keys = py_gc_alloc(n * sizeof(py_val) + 1, 0);
        for (size_t i = 0; i < n; i++) {
            keys[i] = py_call1(key, items[i]);
        }
        tk = py_gc_alloc(n * sizeof(py_val) + 1, 0);
    }
    py_val *tv = py_gc_alloc(n * sizeof(py_val) + 1, 0);
    merge_sort(items, keys, n, tv, tk, reverse);
}

void py_list_sort(py_val self, py_val key, bool reverse) {
    py_list *volatile l = as_list(self);
    const size_t n = l->len;
    py_val *const items = l->items;
    // detach the items: the list looks empty while sorting, so a key function or a
    // comparison that modifies it is detected
    l->items = NULL;
    l->len = 0;
    l->cap = 0;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        sort_items(items, n, key, reverse);
        py_nlr_pop();
    } else {
        if (l->len == 0) {
            l->items = items;
            l->len = n;
            l->cap = n;
        }
        py_raise(nlr.exc);
    }
    bool modified = l->len != 0;
    l->items = items;
    l->len = n;
    l->cap = n;
    if (modified) {
        py_raise_msg(&py_type_ValueError, "list modified during sort");
    }
}

static py_val list_sort(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_key, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_reverse, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[2];
    if (n_args != 1) {
        py_raise_msg(&py_type_TypeError, "sort() takes no positional arguments");
    }
    py_arg_parse("sort", n_args, n_kw, args, 1, spec, 2, a);
    py_list_sort(args[0], a[0], py_is_true(a[1]));
    return PY_NONE;
}
static PY_FN_OBJ_KW(list_sort_obj, sort, list_sort);

static py_val list_init(size_t n_args, const py_val *args) {
    py_list *l = as_list(args[0]);
    l->len = 0;
    if (n_args > 1) {
        py_list_extend((py_val)l, args[1]);
    }
    return PY_NONE;
}
static PY_FN_OBJ_VAR(list_init_obj, __init__, 1, 2, list_init);

static py_val list_reversed_m(py_val self) { return py_list_reversed((py_val)as_list(self)); }
static PY_FN_OBJ_1(list_reversed_obj, __reversed__, list_reversed_m);

static const py_dict_entry list_locals_table[] = {
    PY_ROM_ENTRY(append, &list_append_obj),   PY_ROM_ENTRY(extend, &list_extend_obj),
    PY_ROM_ENTRY(insert, &list_insert_obj),   PY_ROM_ENTRY(pop, &list_pop_obj),
    PY_ROM_ENTRY(remove, &list_remove_obj),   PY_ROM_ENTRY(index, &list_index_obj),
    PY_ROM_ENTRY(count, &list_count_obj),     PY_ROM_ENTRY(clear, &list_clear_obj),
    PY_ROM_ENTRY(copy, &list_copy_obj),       PY_ROM_ENTRY(reverse, &list_reverse_obj),
    PY_ROM_ENTRY(sort, &list_sort_obj),       PY_ROM_ENTRY(__init__, &list_init_obj),
    PY_ROM_ENTRY(__reversed__, &list_reversed_obj),
};
static PY_ROM_DICT(list_locals, list_locals_table);

const py_type py_type_list = {
    .base = {&py_type_type},
    .name = PY_QSTR_list,
    .flags = PY_TF_BASETYPE,
    .print = list_print,
    .make_new = list_make_new,
    .unary_op = list_unary_op,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .getiter = list_getiter,
    .locals = (py_dict *)&list_locals,
    .base_type = &py_type_object,
};
