// modules/mod_functools.c: the _functools module, the C half of `functools` (wraps,
// update_wrapper, lru_cache, cache and total_ordering are Python in lib/functools.py):
//   partial      a callable holding func, args (tuple) and keywords (dict); a partial of a
//                partial is flattened; other attributes go to a per-object dict (so
//                update_wrapper works on it). Not a descriptor: it does not bind as a method,
//                as in CPython. Cannot be subclassed here.
//   reduce       a loop in C.
//   cmp_to_key   a KeyWrapper type whose comparisons call the cmp function.
//   _lru         the cache of lru_cache (see below).
#include "modules/modules.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- partial -------------------------------------------------------------------------------------
typedef struct partial_obj {
    py_obj base;
    py_val func;
    py_val args;     // tuple
    py_val keywords; // dict
    py_dict *dict;   // other attributes (lazily)
} partial_obj;

static const py_type partial_type;

static py_val partial_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 0) {
        py_raise_msg(&py_type_TypeError, "type 'partial' takes at least one argument");
    }
    py_val func = args[0];
    if (!py_is_callable(func)) {
        py_raise_msg(&py_type_TypeError, "the first argument must be callable");
    }
    py_val kw = py_dict_new(n_kw);
    size_t n_inner = 0;
    const py_val *inner = NULL;
    if (py_typeof(func) == &partial_type && ((partial_obj *)func)->dict == NULL) {
        partial_obj *p = (partial_obj *)func;
        inner = ((py_tuple *)p->args)->items;
        n_inner = ((py_tuple *)p->args)->len;
        py_dict_update((py_dict *)kw, p->keywords);
        func = p->func;
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_dict_set((py_dict *)kw, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
    }
    py_tuple *a = (py_tuple *)py_tuple_new(n_inner + n_args - 1, NULL);
    for (size_t i = 0; i < n_inner; i++) {
        a->items[i] = inner[i];
    }
    for (size_t i = 1; i < n_args; i++) {
        a->items[n_inner + i - 1] = args[i];
    }
    partial_obj *p = py_new(partial_obj, t);
    p->func = func;
    p->args = (py_val)a;
    p->keywords = kw;
    return (py_val)p;
}

static py_val partial_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    partial_obj *p = (partial_obj *)self;
    py_tuple *pa = (py_tuple *)p->args;
    py_dict *kw = (py_dict *)p->keywords;
    if (n_kw && py_dict_len(kw)) {
        // call keywords override the stored ones: merge into a fresh dict
        kw = (py_dict *)py_dict_new(py_dict_len(kw) + n_kw);
        py_dict_update(kw, p->keywords);
        for (size_t k = 0; k < n_kw; k++) {
            py_dict_set(kw, args[n_args + 2 * k], args[n_args + 2 * k + 1]);
        }
        n_kw = 0;
    }
    size_t np = pa->len + n_args, nk = py_dict_len(kw) + n_kw;
    py_val buf[8];
    py_val *a = np + 2 * nk <= 8 ? buf : py_gc_alloc((np + 2 * nk) * sizeof(py_val), 0);
    py_memcpy(a, pa->items, pa->len * sizeof(py_val));
    py_memcpy(a + pa->len, args, n_args * sizeof(py_val));
    size_t j = np, pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(kw, &pos)) != NULL;) {
        a[j++] = py_is_qstr(e->key) ? e->key : py_qstr_val(py_str_intern(e->key));
        a[j++] = e->value;
    }
    py_memcpy(a + j, args + n_args, 2 * n_kw * sizeof(py_val));
    return py_call(p->func, np, nk, a);
}

static void partial_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    partial_obj *o = (partial_obj *)self;
    if (!py_repr_enter(self)) {
        py_print_str(p, "...");
        return;
    }
    py_print_str(p, "functools.partial(");
    py_print_val(p, o->func, PY_PRINT_REPR);
    py_tuple *a = (py_tuple *)o->args;
    for (size_t i = 0; i < a->len; i++) {
        py_print_str(p, ", ");
        py_print_val(p, a->items[i], PY_PRINT_REPR);
    }
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next((py_dict *)o->keywords, &pos)) != NULL;) {
        py_val v = e->value;
        py_print_str(p, ", ");
        py_print_val(p, e->key, PY_PRINT_STR);
        py_print_str(p, "=");
        py_print_val(p, v, PY_PRINT_REPR);
    }
    py_print_str(p, ")");
    py_repr_leave(self);
}

static void partial_attr(py_val self, qstr attr, py_val *dest) {
    partial_obj *p = (partial_obj *)self;
    bool fixed = attr == PY_QSTR_func || attr == PY_QSTR_args || attr == PY_QSTR_keywords;
    if (dest[0] == PY_SENTINEL) {
        if (fixed || attr == PY_QSTR___dict__) {
            py_raise_msg(&py_type_AttributeError, "readonly attribute");
        }
        if (dest[1] != PY_NULL) {
            if (p->dict == NULL) {
                p->dict = (py_dict *)py_dict_new(0);
            }
            py_dict_set_qstr(p->dict, attr, dest[1]);
        } else if (p->dict == NULL || py_dict_remove(p->dict, py_qstr_val(attr)) == PY_NULL) {
            py_raise_attr_error(self, attr);
        }
        dest[0] = PY_NULL;
        return;
    }
    switch (attr) {
    case PY_QSTR_func: dest[0] = p->func; return;
    case PY_QSTR_args: dest[0] = p->args; return;
    case PY_QSTR_keywords: dest[0] = p->keywords; return;
    case PY_QSTR___dict__:
        if (p->dict == NULL) {
            p->dict = (py_dict *)py_dict_new(0);
        }
        dest[0] = (py_val)p->dict;
        return;
    default:
        if (p->dict) {
            dest[0] = py_dict_get_qstr(p->dict, attr);
        }
    }
}

static const py_type partial_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_partial,
    .flags = PY_TF_EQ_ID,
    .print = partial_print,
    .make_new = partial_make_new,
    .call = partial_call,
    .attr = partial_attr,
    .base_type = &py_type_object,
};

// ---- reduce ------------------------------------------------------------------------------------
static py_val functools_reduce(size_t n_args, const py_val *args) {
    py_val fn = args[0];
    py_val it;
    if (!py_is_iterable(args[1])) {
        py_raise_msg(&py_type_TypeError, "reduce() arg 2 must support iteration");
    }
    it = py_getiter(args[1]);
    py_val acc = n_args > 2 ? args[2] : py_iternext(it);
    if (acc == PY_STOP) {
        py_raise_msg(&py_type_TypeError, "reduce() of empty iterable with no initial value");
    }
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        acc = py_call2(fn, acc, v);
    }
    return acc;
}
static PY_FN_OBJ_VAR(functools_reduce_obj, reduce, 2, 3, functools_reduce);

// ---- cmp_to_key ---------------------------------------------------------------------------------
// cmp_to_key(cmp) is a KeyWrapper without obj; calling it wraps an object.
typedef struct keywrapper_obj {
    py_obj base;
    py_val cmp;
    py_val obj; // PY_NULL for the factory
} keywrapper_obj;

static const py_type keywrapper_type;

static py_val keywrapper_new(py_val cmp, py_val obj) {
    keywrapper_obj *k = py_new(keywrapper_obj, &keywrapper_type);
    k->cmp = cmp;
    k->obj = obj;
    return (py_val)k;
}

static py_val keywrapper_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_obj, PY_ARG_REQUIRED, PY_NULL}};
    py_val a[1];
    py_arg_parse("K", n_args, n_kw, args, 0, spec, 1, a);
    return keywrapper_new(((keywrapper_obj *)self)->cmp, a[0]);
}

static py_val keywrapper_binary_op(int op, py_val lhs, py_val rhs) {
    if (op > PY_OP_GE) {
        return PY_NULL;
    }
    if (py_typeof(rhs) != &keywrapper_type) {
        py_raise_msg(&py_type_TypeError, "other argument must be K instance");
    }
    keywrapper_obj *a = (keywrapper_obj *)lhs, *b = (keywrapper_obj *)rhs;
    if (a->obj == PY_NULL || b->obj == PY_NULL) {
        py_raise_msg(&py_type_AttributeError, "object");
    }
    py_val r = py_call2(a->cmp, a->obj, b->obj);
    return py_binary_op(op, r, py_small(0));
}

static void keywrapper_attr(py_val self, qstr attr, py_val *dest) {
    keywrapper_obj *k = (keywrapper_obj *)self;
    if (attr == PY_QSTR_obj && k->obj != PY_NULL) {
        if (dest[0] == PY_SENTINEL) {
            if (dest[1] != PY_NULL) {
                k->obj = dest[1];
                dest[0] = PY_NULL;
            }
            return;
        }
        dest[0] = k->obj;
    }
}

static const py_type keywrapper_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_KeyWrapper,
    .call = keywrapper_call,
    .binary_op = keywrapper_binary_op,
    .attr = keywrapper_attr,
    .base_type = &py_type_object,
};

static py_val functools_cmp_to_key(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_mycmp, PY_ARG_REQUIRED, PY_NULL}};
    py_val a[1];
    py_arg_parse("cmp_to_key", n_args, n_kw, args, 0, spec, 1, a);
    return keywrapper_new(a[0], PY_NULL);
}
static PY_FN_OBJ_KW(functools_cmp_to_key_obj, cmp_to_key, functools_cmp_to_key);

// ---- lru_cache ------------------------------------------------------------------------------------
// _lru(func, maxsize, typed): the cache behind functools.lru_cache. Keys map to nodes of a
// circular list in recency order (root.next is the oldest), so a hit moves one node and an
// eviction unlinks the oldest: O(1) besides the dict lookup. maxsize None keeps results in
// the dict directly; 0 caches nothing. lib/functools.py subclasses it in Python so that the
// wrapper binds as a method (through __get__) and adds cache_info().
typedef struct lru_node {
    py_obj base;
    struct lru_node *prev, *next; // NULL once unlinked
    py_val key, result;
} lru_node;

typedef struct lru_obj {
    py_obj base;
    py_val func;
    py_dict *map;    // key -> lru_node (bounded) or result (unbounded)
    lru_node *root;  // list sentinel
    py_int_t maxsize; // -1: unbounded
    size_t hits, misses;
    bool typed;
} lru_obj;

static const py_type lru_type, lru_node_type, kwd_mark_type;
static const py_obj kwd_mark = {&kwd_mark_type}; // separates positional and keyword parts of a key

static const py_type kwd_mark_type = {
    .base = {&py_type_type}, .name = PY_QSTR__kwd_mark, .flags = PY_TF_EQ_ID,
    .base_type = &py_type_object,
};

static const py_type lru_node_type = {
    .base = {&py_type_type}, .name = PY_QSTR__lru_list_elem, .flags = PY_TF_EQ_ID,
    .base_type = &py_type_object,
};

static lru_obj *lru_of(py_val v) {
    if (py_is_obj(v) && (v->type->flags & PY_TF_HEAP) && ((py_instance *)v)->native) {
        v = ((py_instance *)v)->native;
    }
    if (!py_isinstance(v, &lru_type)) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires a '_lru' object but received '%T'", v);
    }
    return (lru_obj *)v;
}

static void lru_reset_list(lru_obj *c) {
    lru_node *r = c->root;
    r->prev = r->next = r;
}

static py_val lru_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("_lru", n_kw);
    py_arg_check_count("_lru", n_args, 3, 3);
    if (!py_is_callable(args[0])) {
        py_raise_msg(&py_type_TypeError, "the first argument must be callable");
    }
    lru_obj *c = py_new(lru_obj, t);
    c->func = args[0];
    c->maxsize = -1;
    if (args[1] != PY_NONE) {
        c->maxsize = py_get_int(args[1]);
        if (c->maxsize < 0) {
            c->maxsize = 0;
        }
    }
    c->typed = py_is_true(args[2]);
    c->map = (py_dict *)py_dict_new(0);
    c->root = py_new(lru_node, &lru_node_type);
    lru_reset_list(c);
    return (py_val)c;
}

// The cache key of a call: the argument itself for one int or str, else a tuple of the
// positional args, then the keyword mark and name/value pairs, then (typed) the types.
static py_val lru_key(lru_obj *c, size_t np, size_t n_kw, const py_val *args) {
    if (np == 1 && n_kw == 0 && !c->typed) {
        const py_type *t = py_typeof(args[0]);
        if (t == &py_type_int || t == &py_type_str) {
            return args[0];
        }
    }
    size_t n = np + (n_kw ? 1 + 2 * n_kw : 0) + (c->typed ? np + n_kw : 0);
    py_tuple *k = (py_tuple *)py_tuple_new(n, NULL);
    size_t j = 0;
    for (size_t i = 0; i < np; i++) {
        k->items[j++] = args[i];
    }
    if (n_kw) {
        k->items[j++] = (py_val)&kwd_mark;
        for (size_t i = 0; i < 2 * n_kw; i++) {
            k->items[j++] = args[np + i];
        }
    }
    if (c->typed) {
        for (size_t i = 0; i < np; i++) {
            k->items[j++] = (py_val)py_typeof(args[i]);
        }
        for (size_t i = 0; i < n_kw; i++) {
            k->items[j++] = (py_val)py_typeof(args[np + 2 * i + 1]);
        }
    }
    return (py_val)k;
}

static void lru_unlink(lru_node *n) {
    n->prev->next = n->next;
    n->next->prev = n->prev;
    n->prev = n->next = NULL;
}

static void lru_append(lru_obj *c, lru_node *n) {
    lru_node *r = c->root;
    n->prev = r->prev;
    n->next = r;
    r->prev->next = n;
    r->prev = n;
}

// f(*args, **kw) through the cache; args: np positional values, then n_kw name/value pairs.
static py_val lru_call_impl(lru_obj *c, size_t np, size_t n_kw, const py_val *args) {
    if (c->maxsize == 0) {
        c->misses++;
        return py_call(c->func, np, n_kw, args);
    }
    py_val key = lru_key(c, np, n_kw, args);
    py_val v = py_dict_get(c->map, key);
    if (v != PY_NULL) {
        c->hits++;
        if (c->maxsize < 0) {
            return v;
        }
        lru_node *n = (lru_node *)v;
        if (n->next != NULL) {
            lru_unlink(n);
            lru_append(c, n);
        }
        return n->result;
    }
    c->misses++;
    py_val r = py_call(c->func, np, n_kw, args);
    if (c->maxsize < 0) {
        py_dict_set(c->map, key, r);
        return r;
    }
    if (py_dict_get(c->map, key) != PY_NULL) {
        return r; // the call itself cached this key (recursion): keep that entry
    }
    if (py_dict_len(c->map) >= (size_t)c->maxsize && c->root->next != c->root) {
        lru_node *old = c->root->next;
        lru_unlink(old);
        py_dict_remove(c->map, old->key);
    }
    lru_node *n = py_new(lru_node, &lru_node_type);
    n->key = key;
    n->result = r;
    py_dict_set(c->map, key, (py_val)n); // (first: if it fails, the list is unchanged)
    lru_append(c, n);
    return r;
}

static py_val lru_call_slot(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    return lru_call_impl((lru_obj *)self, n_args, n_kw, args);
}

// __call__ for the Python subclass (whose instances keep the _lru as their native object)
static py_val lru_call_m(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 0) {
        py_raise_msg(&py_type_TypeError, "__call__ needs an argument");
    }
    return lru_call_impl(lru_of(args[0]), n_args - 1, n_kw, args + 1);
}
static PY_FN_OBJ_KW(lru_call_obj, __call__, lru_call_m);

static py_val lru_cache_clear(py_val self) {
    lru_obj *c = lru_of(self);
    for (lru_node *n = c->root->next; n != c->root;) {
        lru_node *next = n->next;
        n->prev = n->next = NULL;
        n = next;
    }
    lru_reset_list(c);
    py_dict_clear(c->map);
    c->hits = c->misses = 0;
    return PY_NONE;
}
static PY_FN_OBJ_1(lru_cache_clear_obj, cache_clear, lru_cache_clear);

// (hits, misses, maxsize, currsize, typed) for cache_info() and cache_parameters()
static py_val lru_stats(py_val self) {
    lru_obj *c = lru_of(self);
    py_val t[5] = {py_int_from((py_int_t)c->hits), py_int_from((py_int_t)c->misses),
                   c->maxsize < 0 ? PY_NONE : py_int_from(c->maxsize),
                   py_int_from((py_int_t)py_dict_len(c->map)), py_bool(c->typed)};
    return py_tuple_new(5, t);
}
static PY_FN_OBJ_1(lru_stats_obj, _stats, lru_stats);

static const py_dict_entry lru_locals_table[] = {
    PY_ROM_ENTRY(__call__, &lru_call_obj),
    PY_ROM_ENTRY(cache_clear, &lru_cache_clear_obj),
    PY_ROM_ENTRY(_stats, &lru_stats_obj),
};
static PY_ROM_DICT(lru_locals, lru_locals_table);

static const py_type lru_type = {
    .base = {&py_type_type},
    .name = PY_QSTR__lru,
    .flags = PY_TF_BASETYPE | PY_TF_EQ_ID,
    .make_new = lru_make_new,
    .call = lru_call_slot,
    .locals = (py_dict *)&lru_locals,
    .base_type = &py_type_object,
};

// ---- the module --------------------------------------------------------------------------------
static const py_dict_entry functools_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR__functools)),
    PY_ROM_ENTRY(partial, &partial_type),
    PY_ROM_ENTRY(reduce, &functools_reduce_obj),
    PY_ROM_ENTRY(cmp_to_key, &functools_cmp_to_key_obj),
    PY_ROM_ENTRY(_lru, &lru_type),
};
static PY_ROM_DICT(functools_globals, functools_table);

const py_module mod_functools_module = {{&py_type_module}, (py_dict *)&functools_globals};
