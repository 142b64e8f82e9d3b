// py/objdict.c: dict, insertion ordered. Entries are appended in order. Up to
// PY_DICT_LINEAR_MAX entries there is no index (a linear scan over a few words is faster and
// smaller) and a deletion closes the gap; beyond, an open-addressing index of entry numbers
// is probed with CPython's perturbation scheme and a deletion leaves a hole (compacted on the
// next resize). Hashes are stored only for keys whose hash is not cheap and pure to recompute
// (see obj.h). Const dicts (flash) hold qstr keys and are searched by identity. Name lookups
// (qstr keys) in small dicts compare identities only, unless the dict has ever held an object
// key (PY_DICT_OBJ_KEYS).
#include <string.h>

#include "py/objlist.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"
#include "py/state.h"

#define PERTURB_SHIFT 5
// what py_dict's cap and fill can count
#define CAP_MAX (UINTPTR_MAX >> 8 < UINT32_MAX ? UINTPTR_MAX >> 8 : UINT32_MAX)

static py_dict *as_dict(py_val v) {
    if (py_is_obj(v) && v->type != &py_type_dict && py_type_is_instance_layout(v->type)) {
        return (py_dict *)((py_instance *)v)->native;
    }
    return (py_dict *)v;
}

// A key whose hash may run Python code or costs more than a load: stored with the entry.
static inline bool needs_stored_hash(py_val k) {
    return py_is_obj(k) && k->type != &py_type_str && k->type != &py_type_bytes;
}

static inline py_uint_t *hashes_of(const py_dict *d) { return (py_uint_t *)(d->entries + d->cap); }

static inline py_uint_t entry_hash(const py_dict *d, size_t i) {
    return (d->flags & PY_DICT_HASHES) ? hashes_of(d)[i] : py_hash(d->entries[i].key);
}

py_uint_t py_dict_entry_hash(const py_dict *d, const py_dict_entry *e) {
    return entry_hash(d, (size_t)(e - d->entries));
}

// Entry i holds a key equal to `key` (of hash h), though not the same object.
static inline bool entry_matches(const py_dict *d, size_t i, py_val key, py_uint_t h) {
    py_val k = d->entries[i].key;
    if (k == PY_NULL || (!py_is_obj(k) && !py_is_obj(key))) {
        return false; // two distinct qstrs or small ints, or a qstr and an int, are unequal
    }
    return entry_hash(d, i) == h && py_equal(k, key);
}

static inline size_t index_slots_log2(uint32_t cap) {
    size_t lg = 3;
    while (((size_t)1 << lg) < (size_t)cap * 3 / 2 + 1) {
        lg++;
    }
    return lg;
}

// Index of the entry holding key, or -1. For a fixed dict, key must be a qstr value.
static ptrdiff_t lookup(const py_dict *d, py_val key, py_uint_t h) {
    const py_dict_entry *e = d->entries;
    if (!(d->flags & PY_DICT_INDEXED)) {
        uint32_t n = d->fill;
        for (uint32_t i = 0; i < n; i++) {
            if (e[i].key == key) {
                return (ptrdiff_t)i;
            }
        }
        if ((d->flags & PY_DICT_FIXED) || (!(d->flags & PY_DICT_OBJ_KEYS) && !py_is_obj(key))) {
            return -1;
        }
        for (uint32_t i = 0; i < n; i++) {
            if (entry_matches(d, i, key, h)) {
                return (ptrdiff_t)i;
            }
        }
        return -1;
    }
    const py_dict_index *x = py_dict_index_of(d);
    size_t mask = ((size_t)1 << x->log2) - 1;
    size_t i = h & mask;
    for (py_uint_t perturb = h;;) {
        uint32_t slot = x->slot[i];
        if (slot == 0) {
            return -1;
        }
        if (e[slot - 1].key == key || entry_matches(d, slot - 1, key, h)) {
            return (ptrdiff_t)(slot - 1);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static void index_add(py_dict_index *x, py_uint_t h, uint32_t n) {
    size_t mask = ((size_t)1 << x->log2) - 1;
    size_t i = h & mask;
    for (py_uint_t perturb = h; x->slot[i];) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    x->slot[i] = n + 1;
}

// Gives d a new entries block of room for `cap` entries (with stored hashes if `hashes`)
// holding its live entries in order, and an index if it needs one. The old block is cleared:
// it may be an instance's inline entries, which must keep nothing alive. Raises MemoryError
// with d unchanged.
static void resize(py_dict *d, size_t cap, bool hashes) {
    bool indexed = cap > PY_DICT_LINEAR_MAX;
    size_t per = sizeof(py_dict_entry) + (hashes ? sizeof(py_uint_t) : 0);
    if (cap > CAP_MAX || cap > SIZE_MAX / 4 / per) {
        py_raise_memory_error();
    }
    size_t lg = indexed ? index_slots_log2(cap) : 0;
    size_t bytes = cap * per;
    if (indexed) {
        bytes += sizeof(py_dict_index) + ((size_t)1 << lg) * sizeof(uint32_t);
    } else {
        // the block's rounding is room for more entries
        size_t whole = (bytes + PY_CFG_GC_BLOCK - 1) / PY_CFG_GC_BLOCK * PY_CFG_GC_BLOCK;
        cap = whole / per < PY_DICT_LINEAR_MAX ? whole / per : PY_DICT_LINEAR_MAX;
        bytes = cap * per;
    }
    py_dict_entry *ne = py_gc_alloc(bytes ? bytes : 1, 0);
    py_uint_t *nh = (py_uint_t *)(ne + cap);
    py_dict_entry *old = d->entries;
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->fill; i++) {
        if (old[i].key != PY_NULL) {
            if (hashes) {
                nh[n] = entry_hash(d, i);
            }
            ne[n++] = old[i];
        }
    }
    if (old) {
        py_memset0(old, d->cap * sizeof(py_dict_entry));
    }
    d->entries = ne;
    d->fill = n;
    d->cap = cap;
    d->flags = (d->flags & ~(PY_DICT_HASHES | PY_DICT_INDEXED)) | (hashes ? PY_DICT_HASHES : 0) |
               (indexed ? PY_DICT_INDEXED : 0);
    if (indexed) {
        py_dict_index *x = py_dict_index_of(d);
        x->used = n;
        x->log2 = (uint32_t)lg;
        for (uint32_t k = 0; k < n; k++) {
            index_add(x, hashes ? nh[k] : py_hash(ne[k].key), k);
        }
    }
}

py_val py_dict_new(size_t n_hint) {
    py_dict *d = py_new(py_dict, &py_type_dict);
    if (n_hint) {
        resize(d, n_hint, false);
    }
    return (py_val)d;
}

static void check_mutable(py_dict *d) {
    if (d->flags & PY_DICT_FIXED) {
        py_raise_msg(&py_type_TypeError, "'dict' object is read-only");
    }
}

// Appends a key known to be absent.
static void insert_new(py_dict *d, py_val key, py_uint_t h, py_val value) {
    bool hashes = (d->flags & PY_DICT_HASHES) || needs_stored_hash(key);
    if (d->fill == d->cap || hashes != !!(d->flags & PY_DICT_HASHES)) {
        // room for one more: compacts deleted entries, grows
        size_t used = py_dict_len(d);
        size_t cap = used < 4 ? 4 : used * 2;
        resize(d, cap < d->cap ? d->cap : cap, hashes);
    }
    if (d->flags & PY_DICT_NS) {
        PY_S->globals_version++;
    }
    if (py_is_obj(key)) {
        d->flags |= PY_DICT_OBJ_KEYS;
    }
    uint32_t n = d->fill++;
    d->entries[n] = (py_dict_entry){key, value};
    if (hashes) {
        hashes_of(d)[n] = h;
    }
    if (d->flags & PY_DICT_INDEXED) {
        py_dict_index *x = py_dict_index_of(d);
        x->used++;
        index_add(x, h, n);
    }
}

static void insert(py_dict *d, py_val key, py_uint_t h, py_val value) {
    check_mutable(d);
    ptrdiff_t k = lookup(d, key, h);
    if (k >= 0) {
        d->entries[k].value = value;
        return;
    }
    insert_new(d, key, h, value);
}

py_val py_dict_get(py_dict *d, py_val key) {
    if (d->flags & PY_DICT_FIXED) {
        if (!py_is_qstr(key)) {
            if (!py_is_str(key)) {
                return PY_NULL;
            }
            size_t len;
            const char *s = py_get_str(key, &len);
            qstr q = py_qstr_find(s, len);
            if (q == PY_QSTR_NULL) {
                return PY_NULL;
            }
            key = py_qstr_val(q);
        }
        ptrdiff_t k = lookup(d, key, 0);
        return k < 0 ? PY_NULL : d->entries[k].value;
    }
    ptrdiff_t k = lookup(d, key, py_hash(key));
    return k < 0 ? PY_NULL : d->entries[k].value;
}

// The rest of py_dict_find_qstr (kept apart so that the common path stays a short leaf).
static __attribute__((noinline)) ptrdiff_t find_qstr_slow(py_dict *d, py_val key, qstr q) {
    return lookup(d, key, py_qstr_hash(q));
}

ptrdiff_t py_dict_find_qstr(py_dict *d, qstr q) {
    py_val key = py_qstr_val(q);
    if (!(d->flags & PY_DICT_INDEXED)) {
        // Small and const dicts: by identity (names are nearly always qstr keys); an object
        // key (a str not interned) may still be equal.
        const py_dict_entry *e = d->entries;
        for (uint32_t i = 0, n = d->fill; i < n; i++) {
            if (e[i].key == key) {
                return (ptrdiff_t)i;
            }
        }
        if (!(d->flags & PY_DICT_OBJ_KEYS)) {
            return -1;
        }
    }
    return find_qstr_slow(d, key, q);
}

py_val py_dict_get_qstr(py_dict *d, qstr q) {
    ptrdiff_t k = py_dict_find_qstr(d, q);
    return k < 0 ? PY_NULL : d->entries[k].value;
}

void py_dict_set(py_dict *d, py_val key, py_val value) { insert(d, key, py_hash(key), value); }

void py_dict_set_qstr(py_dict *d, qstr key, py_val value) {
    check_mutable(d);
    ptrdiff_t k = py_dict_find_qstr(d, key);
    if (k >= 0) {
        d->entries[k].value = value;
        return;
    }
    insert_new(d, py_qstr_val(key), py_qstr_hash(key), value);
}

py_val py_dict_remove(py_dict *d, py_val key) {
    check_mutable(d);
    ptrdiff_t k = lookup(d, key, py_hash(key));
    if (k < 0) {
        return PY_NULL;
    }
    if (d->flags & PY_DICT_NS) {
        PY_S->globals_version++;
    }
    py_dict_entry *e = d->entries;
    py_val v = e[k].value;
    if (d->flags & PY_DICT_INDEXED) {
        e[k].key = PY_NULL;
        e[k].value = PY_NULL;
        py_dict_index_of(d)->used--;
        return v;
    }
    // no index: close the gap, keeping the order
    uint32_t n = --d->fill;
    memmove(&e[k], &e[k + 1], (n - (size_t)k) * sizeof(py_dict_entry));
    e[n].key = e[n].value = PY_NULL;
    if (d->flags & PY_DICT_HASHES) {
        py_uint_t *h = hashes_of(d);
        memmove(&h[k], &h[k + 1], (n - (size_t)k) * sizeof(py_uint_t));
    }
    return v;
}

void py_dict_clear(py_dict *d) {
    check_mutable(d);
    if (d->flags & PY_DICT_NS) {
        PY_S->globals_version++;
    }
    if (d->entries) {
        py_memset0(d->entries, d->cap * sizeof(py_dict_entry));
    }
    d->fill = 0;
    d->cap = 0;
    d->entries = NULL;
    d->flags &= ~(PY_DICT_HASHES | PY_DICT_INDEXED | PY_DICT_OBJ_KEYS);
}

py_dict_entry *py_dict_next(py_dict *d, size_t *pos) {
    while (*pos < d->fill) {
        py_dict_entry *e = &d->entries[(*pos)++];
        if (e->key != PY_NULL) {
            return e;
        }
    }
    return NULL;
}

// ---- update ------------------------------------------------------------------------------------
void py_dict_update_checked(py_dict *dst, py_val m, bool as_kwargs) {
    if (py_isinstance(m, &py_type_dict)) {
        py_dict *src = as_dict(m);
        size_t pos = 0;
        for (py_dict_entry *e; (e = py_dict_next(src, &pos)) != NULL;) {
            if (as_kwargs) {
                if (!py_is_str(e->key)) {
                    py_raise_msg(&py_type_TypeError, "keywords must be strings");
                }
                if (py_dict_get(dst, e->key) != PY_NULL) {
                    py_raise_fmt(&py_type_TypeError, "got multiple values for keyword argument '%S'", e->key);
                }
            }
            insert(dst, e->key, py_dict_entry_hash(src, e), e->value);
        }
        return;
    }
    // a mapping with keys(), or an iterable of pairs
    py_val keys = py_load_attr_maybe(m, PY_QSTR_keys);
    if (keys != PY_NULL) {
        py_val it = py_getiter(py_call0(keys));
        for (py_val k; (k = py_iternext(it)) != PY_STOP;) {
            if (as_kwargs && py_dict_get(dst, k) != PY_NULL) {
                py_raise_fmt(&py_type_TypeError, "got multiple values for keyword argument '%S'", k);
            }
            py_dict_set(dst, k, py_subscr_load(m, k));
        }
        return;
    }
    if (as_kwargs) {
        py_raise_fmt(&py_type_TypeError, "argument after ** must be a mapping, not %T", m);
    }
    py_val it = py_getiter(m);
    size_t i = 0;
    for (py_val item; (item = py_iternext(it)) != PY_STOP; i++) {
        size_t n;
        py_val *kv;
        py_val tmp = item;
        if (!py_get_items(item, &n, &kv)) {
            if (!py_is_iterable(item)) {
                py_raise_fmt(&py_type_TypeError, "cannot convert dictionary update sequence element #%d to a sequence",
                             (int)i);
            }
            tmp = py_call1((py_val)&py_type_tuple, item);
            py_get_items(tmp, &n, &kv);
        }
        if (n != 2) {
            py_raise_fmt(&py_type_ValueError, "dictionary update sequence element #%d has length %d; 2 is required",
                         (int)i, (int)n);
        }
        py_dict_set(dst, kv[0], kv[1]);
    }
}

void py_dict_update(py_dict *dst, py_val src) { py_dict_update_checked(dst, src, false); }

// ---- type ---------------------------------------------------------------------------------------
static void dict_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_dict *d = (py_dict *)self;
    if (!py_repr_enter(self)) {
        py_print_str(p, "{...}");
        return;
    }
    py_print_str(p, "{");
    size_t pos = 0;
    bool first = true;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
        if (!first) {
            py_print_str(p, ", ");
        }
        first = false;
        py_print_val(p, e->key, PY_PRINT_REPR);
        py_print_str(p, ": ");
        py_print_val(p, e->value, PY_PRINT_REPR);
    }
    py_print_str(p, "}");
    py_repr_leave(self);
}

static py_val dict_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    (void)t;
    py_arg_check_count("dict", n_args, 0, 1);
    py_dict *d = (py_dict *)py_dict_new(0);
    if (n_args) {
        py_dict_update(d, args[0]);
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_dict_set(d, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    return (py_val)d;
}

static bool dict_equal(py_dict *a, py_dict *b) {
    if (py_dict_len(a) != py_dict_len(b)) {
        return false;
    }
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(a, &pos)) != NULL;) {
        py_val v = py_dict_get(b, e->key);
        if (v == PY_NULL || !py_equal(e->value, v)) {
            return false;
        }
    }
    return true;
}

static py_val dict_copy_val(py_val self);

static py_val dict_binary_op(int op, py_val lhs, py_val rhs) {
    py_dict *d = (py_dict *)lhs;
    switch (op) {
    case PY_OP_CONTAINS: return py_bool(py_dict_get(d, rhs) != PY_NULL);
    case PY_OP_EQ:
    case PY_OP_NE:
        if (!py_isinstance(rhs, &py_type_dict)) {
            return PY_NULL;
        }
        return py_bool(dict_equal(d, as_dict(rhs)) == (op == PY_OP_EQ));
    case PY_OP_OR:
        if (!py_isinstance(rhs, &py_type_dict)) {
            return PY_NULL;
        }
        {
            py_val r = dict_copy_val(lhs);
            py_dict_update((py_dict *)r, rhs);
            return r;
        }
    case PY_OP_IOR:
        py_dict_update(d, rhs);
        return lhs;
    default:
        return PY_NULL;
    }
}

static py_val dict_unary_op(int op, py_val self) {
    py_dict *d = (py_dict *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(py_dict_len(d) != 0);
    case PY_UOP_LEN: return py_small((py_int_t)py_dict_len(d));
    default: return PY_NULL;
    }
}

static py_val dict_subscr(py_val self, py_val index, py_val value) {
    py_dict *d = (py_dict *)self;
    if (value == PY_SENTINEL) {
        py_val v = py_dict_get(d, index);
        if (v == PY_NULL) {
            py_raise_key_error(index);
        }
        return v;
    }
    if (value == PY_NULL) {
        if (py_dict_remove(d, index) == PY_NULL) {
            py_raise_key_error(index);
        }
        return PY_NONE;
    }
    py_dict_set(d, index, value);
    return PY_NONE;
}

// ---- iterators and views ---------------------------------------------------------------------------
enum { KIND_KEYS, KIND_VALUES, KIND_ITEMS };

typedef struct dict_iter {
    py_obj base;
    py_dict *d;
    size_t pos;
    uint32_t used; // size at creation: a change is an error, as in CPython
    uint8_t kind;
} dict_iter;

static py_val dict_iter_next(py_val self) {
    dict_iter *it = (dict_iter *)self;
    if (it->d == NULL) {
        return PY_STOP;
    }
    if (py_dict_len(it->d) != it->used) {
        it->used = py_dict_len(it->d);
        py_raise_msg(&py_type_RuntimeError, "dictionary changed size during iteration");
    }
    py_dict_entry *e = py_dict_next(it->d, &it->pos);
    if (e == NULL) {
        it->d = NULL;
        return PY_STOP;
    }
    switch (it->kind) {
    case KIND_KEYS: return e->key;
    case KIND_VALUES: return e->value;
    default: {
        py_val kv[2] = {e->key, e->value};
        return py_tuple_new(2, kv);
    }
    }
}

static const py_type dict_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_dict_keyiterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = dict_iter_next,
    .base_type = &py_type_object,
};

static py_val dict_iter_new(py_dict *d, uint8_t kind) {
    dict_iter *it = py_new(dict_iter, &dict_iter_type);
    it->d = d;
    it->used = py_dict_len(d);
    it->kind = kind;
    return (py_val)it;
}

static py_val dict_getiter(py_val self) { return dict_iter_new((py_dict *)self, KIND_KEYS); }

typedef struct dict_view {
    py_obj base;
    py_dict *d;
} dict_view;

static uint8_t view_kind(py_val v) {
    const py_type *t = py_typeof(v);
    return t == &py_type_dict_keys ? KIND_KEYS : t == &py_type_dict_values ? KIND_VALUES : KIND_ITEMS;
}

static py_val view_getiter(py_val self) { return dict_iter_new(((dict_view *)self)->d, view_kind(self)); }

static void view_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "%q(", py_type_qname(py_typeof(self)));
    py_val l = py_call1((py_val)&py_type_list, self);
    py_print_val(p, l, PY_PRINT_REPR);
    py_print_str(p, ")");
}

static py_val view_unary_op(int op, py_val self) {
    py_dict *d = ((dict_view *)self)->d;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(py_dict_len(d) != 0);
    case PY_UOP_LEN: return py_small((py_int_t)py_dict_len(d));
    default: return PY_NULL;
    }
}

static py_val view_binary_op(int op, py_val lhs, py_val rhs) {
    py_dict *d = ((dict_view *)lhs)->d;
    uint8_t kind = view_kind(lhs);
    if (op == PY_OP_CONTAINS) {
        if (kind == KIND_KEYS) {
            return py_bool(py_dict_get(d, rhs) != PY_NULL);
        }
        if (kind == KIND_ITEMS) {
            size_t n;
            py_val *kv;
            if (!py_get_items(rhs, &n, &kv) || n != 2) {
                return PY_FALSE;
            }
            py_val v = py_dict_get(d, kv[0]);
            return py_bool(v != PY_NULL && py_equal(v, kv[1]));
        }
        return PY_NULL; // values: iterate
    }
    if (kind == KIND_VALUES) {
        return PY_NULL;
    }
    // keys and items views act as sets for comparisons and set operations
    py_val a = py_set_new(0, NULL);
    py_set_update(a, lhs);
    int plain = py_op_plain(op);
    if (op >= PY_OP_ROR) {
        // reflected: rhs op lhs-as-set
        py_val b = py_set_new(0, NULL);
        py_set_update(b, rhs);
        return py_binary_op(plain, b, a);
    }
    if (op <= PY_OP_GE || plain == PY_OP_AND || plain == PY_OP_OR || plain == PY_OP_SUB || plain == PY_OP_XOR) {
        py_val b = rhs;
        if (!py_isinstance(rhs, &py_type_set) && !py_isinstance(rhs, &py_type_frozenset)) {
            if (op <= PY_OP_GE) {
                if (py_typeof(rhs) != py_typeof(lhs)) {
                    return PY_NULL;
                }
            }
            b = py_set_new(0, NULL);
            py_set_update(b, rhs);
        }
        return py_binary_op(op <= PY_OP_GE ? op : plain, a, b);
    }
    return PY_NULL;
}

static py_val view_isdisjoint(py_val self, py_val other) {
    py_val it = py_getiter(other);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        if (py_contains(self, v)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}
static PY_FN_OBJ_2(view_isdisjoint_obj, isdisjoint, view_isdisjoint);
static const py_dict_entry view_locals_table[] = {
    PY_ROM_ENTRY(isdisjoint, &view_isdisjoint_obj),
};
static PY_ROM_DICT(view_locals, view_locals_table);

#define VIEW_TYPE(cname, qname)                                                                \
    const py_type cname = {                                                                    \
        .base = {&py_type_type},                                                               \
        .name = PY_QSTR_##qname,                                                               \
        .flags = PY_TF_EQ_ID,                                                                  \
        .print = view_print,                                                                   \
        .unary_op = view_unary_op,                                                             \
        .binary_op = view_binary_op,                                                           \
        .getiter = view_getiter,                                                               \
        .locals = (py_dict *)&view_locals,                                                     \
        .base_type = &py_type_object,                                                          \
    }
VIEW_TYPE(py_type_dict_keys, dict_keys);
VIEW_TYPE(py_type_dict_values, dict_values);
VIEW_TYPE(py_type_dict_items, dict_items);

static py_val view_new(py_val self, const py_type *t) {
    dict_view *v = py_new(dict_view, t);
    v->d = as_dict(self);
    return (py_val)v;
}

// ---- methods --------------------------------------------------------------------------------------
static py_val dict_keys(py_val self) { return view_new(self, &py_type_dict_keys); }
static py_val dict_values(py_val self) { return view_new(self, &py_type_dict_values); }
static py_val dict_items(py_val self) { return view_new(self, &py_type_dict_items); }
static PY_FN_OBJ_1(dict_keys_obj, keys, dict_keys);
static PY_FN_OBJ_1(dict_values_obj, values, dict_values);
static PY_FN_OBJ_1(dict_items_obj, items, dict_items);

static py_val dict_get(size_t n_args, const py_val *args) {
    py_val v = py_dict_get(as_dict(args[0]), args[1]);
    return v ? v : n_args > 2 ? args[2] : PY_NONE;
}
static PY_FN_OBJ_VAR(dict_get_obj, get, 2, 3, dict_get);

static py_val dict_pop(size_t n_args, const py_val *args) {
    py_val v = py_dict_remove(as_dict(args[0]), args[1]);
    if (v == PY_NULL) {
        if (n_args > 2) {
            return args[2];
        }
        py_raise_key_error(args[1]);
    }
    return v;
}
static PY_FN_OBJ_VAR(dict_pop_obj, pop, 2, 3, dict_pop);

static py_val dict_popitem(py_val self) {
    py_dict *d = as_dict(self);
    check_mutable(d);
    for (uint32_t i = d->fill; i-- > 0;) {
        py_dict_entry *e = &d->entries[i];
        if (e->key != PY_NULL) {
            py_val kv[2] = {e->key, e->value};
            py_dict_remove(d, e->key);
            return py_tuple_new(2, kv);
        }
    }
    py_raise_msg(&py_type_KeyError, "popitem(): dictionary is empty");
}
static PY_FN_OBJ_1(dict_popitem_obj, popitem, dict_popitem);

static py_val dict_setdefault(size_t n_args, const py_val *args) {
    py_dict *d = as_dict(args[0]);
    if (d->flags & PY_DICT_FIXED) {
        py_val v = py_dict_get(d, args[1]);
        if (v != PY_NULL) {
            return v;
        }
        check_mutable(d);
    }
    py_uint_t h = py_hash(args[1]); // once, as CPython
    ptrdiff_t k = lookup(d, args[1], h);
    if (k >= 0) {
        return d->entries[k].value;
    }
    py_val v = n_args > 2 ? args[2] : PY_NONE;
    insert_new(d, args[1], h, v);
    return v;
}
static PY_FN_OBJ_VAR(dict_setdefault_obj, setdefault, 2, 3, dict_setdefault);

static py_val dict_update_m(size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_count("update", n_args, 1, 2);
    py_dict *d = as_dict(args[0]);
    if (n_args > 1) {
        py_dict_update(d, args[1]);
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_dict_set(d, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(dict_update_obj, update, dict_update_m);

static py_val dict_clear_m(py_val self) {
    py_dict_clear(as_dict(self));
    return PY_NONE;
}
static PY_FN_OBJ_1(dict_clear_obj, clear, dict_clear_m);

static py_val dict_copy_val(py_val self) {
    py_dict *d = as_dict(self);
    py_dict *r = (py_dict *)py_dict_new(py_dict_len(d));
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
        insert(r, e->key, py_dict_entry_hash(d, e), e->value);
    }
    return (py_val)r;
}
static PY_FN_OBJ_1(dict_copy_obj, copy, dict_copy_val);

static py_val dict_fromkeys(size_t n_args, const py_val *args) {
    py_val cls = args[0];
    py_val d = py_call0(cls);
    py_val v = n_args > 2 ? args[2] : PY_NONE;
    py_val it = py_getiter(args[1]);
    for (py_val k; (k = py_iternext(it)) != PY_STOP;) {
        py_subscr_store(d, k, v);
    }
    return d;
}
static PY_FN_OBJ_VAR(dict_fromkeys_fn, fromkeys, 2, 3, dict_fromkeys);
static const py_wrapper dict_fromkeys_obj = {{&py_type_classmethod}, (py_val)&dict_fromkeys_fn};

static py_val dict_init(size_t n_args, size_t n_kw, const py_val *args) {
    py_dict *d = as_dict(args[0]);
    if (n_args > 1) {
        py_dict_update(d, args[1]);
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_dict_set(d, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(dict_init_obj, __init__, dict_init);

static py_val dict_reversed(py_val self) {
    py_dict *d = as_dict(self);
    py_val keys = py_list_new(0, NULL);
    py_list_extend(keys, (py_val)d);
    return py_list_reversed(keys);
}
static PY_FN_OBJ_1(dict_reversed_obj, __reversed__, dict_reversed);

static py_val dict_getitem(py_val self, py_val key) { return dict_subscr((py_val)as_dict(self), key, PY_SENTINEL); }
static PY_FN_OBJ_2(dict_getitem_obj, __getitem__, dict_getitem);
static py_val dict_setitem(py_val self, py_val key, py_val v) { return dict_subscr((py_val)as_dict(self), key, v); }
static PY_FN_OBJ_3(dict_setitem_obj, __setitem__, dict_setitem);
static py_val dict_contains(py_val self, py_val key) { return py_bool(py_dict_get(as_dict(self), key) != PY_NULL); }
static PY_FN_OBJ_2(dict_contains_obj, __contains__, dict_contains);

static const py_dict_entry dict_locals_table[] = {
    PY_ROM_ENTRY(keys, &dict_keys_obj),         PY_ROM_ENTRY(values, &dict_values_obj),
    PY_ROM_ENTRY(items, &dict_items_obj),       PY_ROM_ENTRY(get, &dict_get_obj),
    PY_ROM_ENTRY(pop, &dict_pop_obj),           PY_ROM_ENTRY(popitem, &dict_popitem_obj),
    PY_ROM_ENTRY(setdefault, &dict_setdefault_obj), PY_ROM_ENTRY(update, &dict_update_obj),
    PY_ROM_ENTRY(clear, &dict_clear_obj),       PY_ROM_ENTRY(copy, &dict_copy_obj),
    PY_ROM_ENTRY(fromkeys, &dict_fromkeys_obj), PY_ROM_ENTRY(__init__, &dict_init_obj),
    PY_ROM_ENTRY(__getitem__, &dict_getitem_obj), PY_ROM_ENTRY(__setitem__, &dict_setitem_obj),
    PY_ROM_ENTRY(__contains__, &dict_contains_obj), PY_ROM_ENTRY(__reversed__, &dict_reversed_obj),
};
static PY_ROM_DICT(dict_locals, dict_locals_table);

const py_type py_type_dict = {
    .base = {&py_type_type},
    .name = PY_QSTR_dict,
    .flags = PY_TF_BASETYPE,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .locals = (py_dict *)&dict_locals,
    .base_type = &py_type_object,
};
