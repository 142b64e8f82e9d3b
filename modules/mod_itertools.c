// modules/mod_itertools.c: the itertools module (CPython 3.11's), every iterator a C type.
// Iterators hold their state in one GC object each and never recurse into themselves; the
// ones that pull from another iterator check the C stack first, so a deep nest of them
// (chain(chain(chain(...)))) raises RecursionError instead of overflowing. Combinatoric
// iterators copy their input into tuples at construction and keep index arrays (leaf blocks)
// sized by the input, never by r when r > n. A new tuple is built for every result (CPython
// reuses one when nobody kept it; a tracing GC cannot know). Not supported: pickling,
// __length_hint__, subclassing these types.
#include <string.h>

#include "modules/modules.h"
#include "py/objint.h"
#include "py/runtime.h"

#define ITER_SLOTS                                                                             \
    .base = {&py_type_type}, .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,                          \
    .base_type = &py_type_object

// ---- helpers ---------------------------------------------------------------------------------
// next(it), after a C stack check (iterators nest: each level is a C frame).
static py_val next_of(py_val it) {
    py_stack_check();
    return py_iternext(it);
}

static size_t *size_array(size_t n) { return py_gc_alloc(n * sizeof(size_t) + 1, PY_GC_LEAF); }

// A non-negative count argument (r, n): TypeError for a non-int, ValueError `neg` if < 0.
static size_t get_count(py_val v, const char *neg) {
    py_int_t i;
    if (!py_index_maybe(v, &i)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    if (i < 0) {
        py_raise_msg(&py_type_ValueError, neg);
    }
    return (size_t)i;
}

// The items of tuple(iterable) (the tuple itself is returned to keep them alive).
static py_val as_tuple(py_val iterable, size_t *n, py_val **items) {
    py_val t = py_is_obj(iterable) && iterable->type == &py_type_tuple
                   ? iterable
                   : py_call1((py_val)&py_type_tuple, iterable);
    *items = py_seq_items(t, n);
    return t;
}

// ---- count ----------------------------------------------------------------------------------
typedef struct count_obj {
    py_obj base;
    py_val cur, step;
} count_obj;

static bool is_number(py_val v) {
    const py_type *t = py_typeof(v);
    return py_is_int(v) || t == &py_type_float || (t->flags & PY_TF_HEAP) ||
           py_type_lookup(t, PY_QSTR___add__) != PY_NULL;
}

static py_val count_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_start, 0, py_small_const(0)},
        {PY_QSTR_step, 0, py_small_const(1)},
    };
    py_val a[2];
    py_arg_parse("count", n_args, n_kw, args, 0, spec, 2, a);
    if (!is_number(a[0]) || !is_number(a[1])) {
        py_raise_msg(&py_type_TypeError, "a number is required");
    }
    count_obj *c = py_new(count_obj, t);
    // bools (and int subclasses) count as plain ints
    c->cur = py_int_unwrap(a[0]) ? py_int_unwrap(a[0]) : a[0];
    c->step = py_int_unwrap(a[1]) ? py_int_unwrap(a[1]) : a[1];
    return (py_val)c;
}

static py_val count_next(py_val self) {
    count_obj *c = (count_obj *)self;
    py_val v = c->cur;
    if (py_is_small(v) && py_is_small(c->step)) {
        c->cur = py_int_from(py_small_get(v) + py_small_get(c->step)); // no overflow: 62-bit
    } else {
        c->cur = py_binary_op(PY_OP_ADD, v, c->step);
    }
    return v;
}

static void count_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    count_obj *c = (count_obj *)self;
    if (py_is_small(c->step) && py_small_get(c->step) == 1) {
        py_printf(p, "count(%r)", c->cur);
    } else {
        py_printf(p, "count(%r, %r)", c->cur, c->step);
    }
}

static const py_type count_type = {
    ITER_SLOTS, .name = PY_QSTR_count, .print = count_print, .make_new = count_make_new,
    .iternext = count_next,
};

// ---- cycle -----------------------------------------------------------------------------------
typedef struct cycle_obj {
    py_obj base;
    py_val it;    // PY_NULL once exhausted: then replay `saved`
    py_val saved; // list
    size_t i;
} cycle_obj;

static py_val cycle_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("cycle", n_kw);
    py_arg_check_count("cycle", n_args, 1, 1);
    py_val it = py_getiter(args[0]);
    cycle_obj *c = py_new(cycle_obj, t);
    c->it = it;
    c->saved = py_list_new(0, NULL);
    return (py_val)c;
}

static py_val cycle_next(py_val self) {
    cycle_obj *c = (cycle_obj *)self;
    if (c->it != PY_NULL) {
        py_val v = next_of(c->it);
        if (v != PY_STOP) {
            py_list_append(c->saved, v);
            return v;
        }
        c->it = PY_NULL;
    }
    py_list *l = (py_list *)c->saved;
    if (l->len == 0) {
        return PY_STOP;
    }
    if (c->i >= l->len) {
        c->i = 0;
    }
    return l->items[c->i++];
}

static const py_type cycle_type = {
    ITER_SLOTS, .name = PY_QSTR_cycle, .make_new = cycle_make_new, .iternext = cycle_next,
};

// ---- repeat ----------------------------------------------------------------------------------
typedef struct repeat_obj {
    py_obj base;
    py_val obj;
    py_int_t left; // -1: forever
} repeat_obj;

static py_val repeat_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_object, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_times, 0, PY_NULL},
    };
    py_val a[2];
    py_arg_parse("repeat", n_args, n_kw, args, 0, spec, 2, a);
    repeat_obj *r = py_new(repeat_obj, t);
    r->obj = a[0];
    r->left = -1;
    if (a[1] != PY_NULL) {
        py_int_t n;
        if (!py_index_maybe(a[1], &n)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
        }
        r->left = n < 0 ? 0 : n;
    }
    return (py_val)r;
}

static py_val repeat_next(py_val self) {
    repeat_obj *r = (repeat_obj *)self;
    if (r->left == 0) {
        return PY_STOP;
    }
    if (r->left > 0) {
        r->left--;
    }
    return r->obj;
}

static void repeat_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    repeat_obj *r = (repeat_obj *)self;
    if (r->left < 0) {
        py_printf(p, "repeat(%r)", r->obj);
    } else {
        py_printf(p, "repeat(%r, %ld)", r->obj, (long)r->left);
    }
}

static const py_type repeat_type = {
    ITER_SLOTS, .name = PY_QSTR_repeat, .print = repeat_print, .make_new = repeat_make_new,
    .iternext = repeat_next,
};

// ---- chain -----------------------------------------------------------------------------------
typedef struct chain_obj {
    py_obj base;
    py_val source; // iterator over the iterables; PY_NULL when done
    py_val active; // iterator of the current one, or PY_NULL
} chain_obj;

static const py_type chain_type;

static py_val chain_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("chain", n_kw);
    chain_obj *c = py_new(chain_obj, t);
    c->source = py_getiter(py_tuple_new(n_args, args));
    return (py_val)c;
}

static py_val chain_next(py_val self) {
    chain_obj *c = (chain_obj *)self;
    py_stack_check();
    while (c->source != PY_NULL) {
        if (c->active == PY_NULL) {
            py_val iterable = py_iternext(c->source);
            if (iterable == PY_STOP) {
                c->source = PY_NULL;
                return PY_STOP;
            }
            c->active = py_getiter(iterable);
        }
        py_val v = py_iternext(c->active);
        if (v != PY_STOP) {
            return v;
        }
        c->active = PY_NULL;
    }
    return PY_STOP;
}

static py_val chain_from_iterable(py_val cls, py_val iterable) {
    py_val src = py_getiter(iterable);
    chain_obj *c = py_new(chain_obj, (const py_type *)cls);
    c->source = src;
    return (py_val)c;
}
static PY_FN_OBJ_2(chain_from_iterable_fn, from_iterable, chain_from_iterable);
static const py_wrapper chain_from_iterable_obj = {{&py_type_classmethod},
                                                   (py_val)&chain_from_iterable_fn};

static const py_dict_entry chain_locals_table[] = {
    PY_ROM_ENTRY(from_iterable, &chain_from_iterable_obj),
};
static PY_ROM_DICT(chain_locals, chain_locals_table);

static const py_type chain_type = {
    ITER_SLOTS, .name = PY_QSTR_chain, .make_new = chain_make_new, .iternext = chain_next,
    .locals = (py_dict *)&chain_locals,
};

// ---- islice ----------------------------------------------------------------------------------
typedef struct islice_obj {
    py_obj base;
    py_val it;     // PY_NULL when done
    py_int_t next; // index of the next item to return
    py_int_t stop; // -1: none
    py_int_t step;
    py_int_t cnt;  // items consumed so far
} islice_obj;

// An islice argument: None (-> dflt) or an int in 0..sys.maxsize; ValueError `msg` otherwise.
static py_int_t islice_arg(py_val v, py_int_t dflt, const char *msg) {
    if (v == PY_NONE) {
        return dflt;
    }
    py_val i = py_int_unwrap(v);
    py_int_t r;
    if (i != PY_NULL) {
        if (py_is_small(i)) {
            r = py_small_get(i);
        } else {
            // a big int: fits only if below sys.maxsize (the host's small ints are narrower)
            uint8_t b[sizeof(py_int_t)];
            if (py_int_sign(i) < 0 || !py_int_to_bytes(i, b, sizeof(b), true, true)) {
                py_raise_msg(&py_type_ValueError, msg);
            }
            r = 0;
            for (size_t k = 0; k < sizeof(b); k++) {
                r = (py_int_t)(((py_uint_t)r << 8) | b[k]);
            }
        }
    } else if (!py_index_maybe(v, &r)) {
        py_raise_msg(&py_type_ValueError, msg);
    }
    if (r < 0) {
        py_raise_msg(&py_type_ValueError, msg);
    }
    return r;
}

static py_val islice_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("islice", n_kw);
    py_arg_check_count("islice", n_args, 2, 4);
    py_int_t start = 0, stop, step = 1;
    if (n_args == 2) {
        stop = islice_arg(args[1], -1,
                          "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    } else {
        const char *msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        start = islice_arg(args[1], 0, msg);
        stop = islice_arg(args[2], -1, msg);
        if (n_args == 4) {
            const char *smsg = "Step for islice() must be a positive integer or None.";
            step = islice_arg(args[3], 1, smsg);
            if (step == 0) {
                py_raise_msg(&py_type_ValueError, smsg);
            }
        }
    }
    py_val it = py_getiter(args[0]);
    islice_obj *s = py_new(islice_obj, t);
    s->it = it;
    s->next = start;
    s->stop = stop;
    s->step = step;
    return (py_val)s;
}

// As CPython: skip to the next index, return that item, then aim at next + step (clipped to
// stop, so the items up to stop are consumed by the call that ends the iteration).
static py_val islice_next(py_val self) {
    islice_obj *s = (islice_obj *)self;
    if (s->it == PY_NULL) {
        return PY_STOP;
    }
    py_stack_check();
    while (s->cnt < s->next) {
        if (py_iternext(s->it) == PY_STOP) {
            s->it = PY_NULL;
            return PY_STOP;
        }
        s->cnt++;
    }
    if (s->stop != -1 && s->cnt >= s->stop) {
        s->it = PY_NULL;
        return PY_STOP;
    }
    py_val v = py_iternext(s->it);
    if (v == PY_STOP) {
        s->it = PY_NULL;
        return PY_STOP;
    }
    s->cnt++;
    py_int_t old = s->next;
    s->next = s->step > INTPTR_MAX - old ? INTPTR_MAX : old + s->step;
    if (s->stop != -1 && s->next > s->stop) {
        s->next = s->stop;
    }
    return v;
}

static const py_type islice_type = {
    ITER_SLOTS, .name = PY_QSTR_islice, .make_new = islice_make_new, .iternext = islice_next,
};

// ---- accumulate --------------------------------------------------------------------------------
typedef struct accumulate_obj {
    py_obj base;
    py_val it;
    py_val func;    // PY_NONE: +
    py_val total;   // PY_NULL before the first item
    py_val initial; // PY_NULL once yielded (or absent)
} accumulate_obj;

static py_val accumulate_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_func, 0, PY_NONE},
        {PY_QSTR_initial, PY_ARG_KW_ONLY, PY_NONE},
    };
    py_val a[3];
    py_arg_parse("accumulate", n_args, n_kw, args, 0, spec, 3, a);
    py_val it = py_getiter(a[0]);
    accumulate_obj *s = py_new(accumulate_obj, t);
    s->it = it;
    s->func = a[1];
    s->initial = a[2] == PY_NONE ? PY_NULL : a[2];
    return (py_val)s;
}

static py_val accumulate_next(py_val self) {
    accumulate_obj *s = (accumulate_obj *)self;
    if (s->initial != PY_NULL) {
        s->total = s->initial;
        s->initial = PY_NULL;
        return s->total;
    }
    py_val v = next_of(s->it);
    if (v == PY_STOP) {
        return PY_STOP;
    }
    if (s->total == PY_NULL) {
        s->total = v;
    } else if (s->func == PY_NONE) {
        s->total = py_binary_op(PY_OP_ADD, s->total, v);
    } else {
        s->total = py_call2(s->func, s->total, v);
    }
    return s->total;
}

static const py_type accumulate_type = {
    ITER_SLOTS, .name = PY_QSTR_accumulate, .make_new = accumulate_make_new,
    .iternext = accumulate_next,
};

// ---- product -----------------------------------------------------------------------------------
// Shared by the combinatoric iterators: the pool(s), the index state and the stage.
enum { COMB_FIRST, COMB_RUNNING, COMB_DONE };

typedef struct product_obj {
    py_obj base;
    py_val pools;    // tuple of tuples, one per position (repeat already applied)
    size_t *indices; // one per pool
    uint8_t stage;
} product_obj;

static py_val product_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_repeat, PY_ARG_KW_ONLY, py_small_const(1)}};
    py_val a[1];
    py_arg_parse("product", n_args, n_kw, args, n_args, spec, 1, a);
    size_t rep = get_count(a[0], "repeat argument cannot be negative");
    if (n_args && rep > SIZE_MAX / sizeof(py_val) / 4 / n_args) {
        py_raise_msg(&py_type_OverflowError, "repeat argument too large");
    }
    size_t n = n_args * rep;
    py_val pools = py_tuple_new(n, NULL);
    for (size_t i = 0; i < n_args; i++) {
        size_t m;
        py_val *items;
        py_val p = as_tuple(args[i], &m, &items);
        for (size_t r = 0; r < rep; r++) {
            ((py_tuple *)pools)->items[r * n_args + i] = p;
        }
    }
    product_obj *s = py_new(product_obj, t);
    s->pools = pools;
    s->indices = size_array(n);
    for (size_t i = 0; i < n; i++) {
        if (((py_tuple *)((py_tuple *)pools)->items[i])->len == 0) {
            s->stage = COMB_DONE;
        }
    }
    return (py_val)s;
}

static py_val product_next(py_val self) {
    product_obj *s = (product_obj *)self;
    py_tuple *pools = (py_tuple *)s->pools;
    size_t n = pools->len;
    if (s->stage == COMB_DONE) {
        return PY_STOP;
    }
    if (s->stage == COMB_RUNNING) {
        // odometer: bump the rightmost index that can move, reset the ones after it
        size_t i = n;
        while (i > 0) {
            i--;
            if (++s->indices[i] < ((py_tuple *)pools->items[i])->len) {
                break;
            }
            s->indices[i] = 0;
            if (i == 0) {
                s->stage = COMB_DONE;
                return PY_STOP;
            }
        }
        if (n == 0) {
            s->stage = COMB_DONE;
            return PY_STOP;
        }
    }
    s->stage = COMB_RUNNING;
    py_tuple *r = (py_tuple *)py_tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        r->items[i] = ((py_tuple *)pools->items[i])->items[s->indices[i]];
    }
    return (py_val)r;
}

static const py_type product_type = {
    ITER_SLOTS, .name = PY_QSTR_product, .make_new = product_make_new, .iternext = product_next,
};

// ---- permutations, combinations, combinations_with_replacement ---------------------------------
typedef struct comb_obj {
    py_obj base;
    py_val pool; // tuple
    size_t r;
    size_t *indices;
    size_t *cycles; // permutations only
    uint8_t stage;
} comb_obj;

static comb_obj *comb_new(const py_type *t, py_val iterable, size_t r, bool perm, bool repl) {
    size_t n;
    py_val *items;
    py_val pool = as_tuple(iterable, &n, &items);
    comb_obj *s = py_new(comb_obj, t);
    s->pool = pool;
    s->r = r;
    bool empty = repl ? (n == 0 && r > 0) : r > n;
    if (empty) {
        s->stage = COMB_DONE;
        return s;
    }
    s->indices = size_array(perm ? n : r);
    for (size_t i = 0; i < (perm ? n : r); i++) {
        s->indices[i] = repl ? 0 : i;
    }
    if (perm) {
        s->cycles = size_array(r);
        for (size_t i = 0; i < r; i++) {
            s->cycles[i] = n - i;
        }
    }
    return s;
}

static py_val comb_result(comb_obj *s) {
    py_tuple *pool = (py_tuple *)s->pool;
    py_tuple *t = (py_tuple *)py_tuple_new(s->r, NULL);
    for (size_t i = 0; i < s->r; i++) {
        t->items[i] = pool->items[s->indices[i]];
    }
    return (py_val)t;
}

static py_val permutations_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_r, 0, PY_NONE},
    };
    py_val a[2];
    py_arg_parse("permutations", n_args, n_kw, args, 0, spec, 2, a);
    size_t n;
    py_val *items;
    py_val pool = as_tuple(a[0], &n, &items);
    size_t r = a[1] == PY_NONE ? n : get_count(a[1], "r must be non-negative");
    return (py_val)comb_new(t, pool, r, true, false);
}

static py_val permutations_next(py_val self) {
    comb_obj *s = (comb_obj *)self;
    size_t n = ((py_tuple *)s->pool)->len, r = s->r;
    if (s->stage == COMB_DONE) {
        return PY_STOP;
    }
    if (s->stage == COMB_FIRST) {
        s->stage = COMB_RUNNING;
        return comb_result(s);
    }
    size_t *ix = s->indices, *cy = s->cycles;
    for (size_t i = r; i-- > 0;) {
        if (--cy[i] == 0) {
            // rotate indices[i:] left by one
            size_t first = ix[i];
            memmove(ix + i, ix + i + 1, (n - i - 1) * sizeof(size_t));
            ix[n - 1] = first;
            cy[i] = n - i;
        } else {
            size_t j = cy[i];
            size_t tmp = ix[i];
            ix[i] = ix[n - j];
            ix[n - j] = tmp;
            return comb_result(s);
        }
    }
    s->stage = COMB_DONE;
    return PY_STOP;
}

static const py_type permutations_type = {
    ITER_SLOTS, .name = PY_QSTR_permutations, .make_new = permutations_make_new,
    .iternext = permutations_next,
};

static py_val comb_make_new_common(const py_type *t, size_t n_args, size_t n_kw, const py_val *args,
                                   const char *name, bool repl) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_r, PY_ARG_REQUIRED, PY_NULL},
    };
    py_val a[2];
    py_arg_parse(name, n_args, n_kw, args, 0, spec, 2, a);
    size_t r = get_count(a[1], "r must be non-negative");
    return (py_val)comb_new(t, a[0], r, false, repl);
}

static py_val combinations_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return comb_make_new_common(t, n_args, n_kw, args, "combinations", false);
}

static py_val combinations_next(py_val self) {
    comb_obj *s = (comb_obj *)self;
    size_t n = ((py_tuple *)s->pool)->len, r = s->r;
    if (s->stage == COMB_DONE) {
        return PY_STOP;
    }
    if (s->stage == COMB_FIRST) {
        s->stage = COMB_RUNNING;
        return comb_result(s);
    }
    size_t *ix = s->indices;
    // the rightmost index not at its maximum moves up; those after it follow it
    size_t i = r;
    while (i > 0 && ix[i - 1] == i - 1 + n - r) {
        i--;
    }
    if (i == 0) {
        s->stage = COMB_DONE;
        return PY_STOP;
    }
    i--;
    ix[i]++;
    for (size_t j = i + 1; j < r; j++) {
        ix[j] = ix[j - 1] + 1;
    }
    return comb_result(s);
}

static const py_type combinations_type = {
    ITER_SLOTS, .name = PY_QSTR_combinations, .make_new = combinations_make_new,
    .iternext = combinations_next,
};

static py_val cwr_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return comb_make_new_common(t, n_args, n_kw, args, "combinations_with_replacement", true);
}

static py_val cwr_next(py_val self) {
    comb_obj *s = (comb_obj *)self;
    size_t n = ((py_tuple *)s->pool)->len, r = s->r;
    if (s->stage == COMB_DONE) {
        return PY_STOP;
    }
    if (s->stage == COMB_FIRST) {
        s->stage = COMB_RUNNING;
        return comb_result(s);
    }
    size_t *ix = s->indices;
    size_t i = r;
    while (i > 0 && ix[i - 1] == n - 1) {
        i--;
    }
    if (i == 0) {
        s->stage = COMB_DONE;
        return PY_STOP;
    }
    i--;
    size_t v = ix[i] + 1;
    for (size_t j = i; j < r; j++) {
        ix[j] = v;
    }
    return comb_result(s);
}

static const py_type cwr_type = {
    ITER_SLOTS, .name = PY_QSTR_combinations_with_replacement, .make_new = cwr_make_new,
    .iternext = cwr_next,
};

// ---- zip_longest -----------------------------------------------------------------------------
typedef struct zip_longest_obj {
    py_obj base;
    py_val its; // tuple of iterators; exhausted ones become PY_NULL
    py_val fill;
    size_t active;
} zip_longest_obj;

static py_val zip_longest_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_fillvalue, PY_ARG_KW_ONLY, PY_NONE}};
    py_val a[1];
    py_arg_parse("zip_longest", n_args, n_kw, args, n_args, spec, 1, a);
    py_tuple *its = (py_tuple *)py_tuple_new(n_args, NULL);
    for (size_t i = 0; i < n_args; i++) {
        its->items[i] = py_getiter(args[i]);
    }
    zip_longest_obj *z = py_new(zip_longest_obj, t);
    z->its = (py_val)its;
    z->fill = a[0];
    z->active = n_args;
    return (py_val)z;
}

static py_val zip_longest_next(py_val self) {
    zip_longest_obj *z = (zip_longest_obj *)self;
    py_tuple *its = (py_tuple *)z->its;
    if (z->active == 0) {
        return PY_STOP;
    }
    py_stack_check();
    py_tuple *r = (py_tuple *)py_tuple_new(its->len, NULL);
    for (size_t i = 0; i < its->len; i++) {
        py_val v = PY_STOP;
        if (its->items[i] != PY_NULL) {
            v = py_iternext(its->items[i]);
            if (v == PY_STOP) {
                its->items[i] = PY_NULL;
                if (--z->active == 0) {
                    return PY_STOP;
                }
            }
        }
        r->items[i] = v == PY_STOP ? z->fill : v;
    }
    return (py_val)r;
}

static const py_type zip_longest_type = {
    ITER_SLOTS, .name = PY_QSTR_zip_longest, .make_new = zip_longest_make_new,
    .iternext = zip_longest_next,
};

// ---- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---------------------------
// One layout for the iterators over one input with a function (or a second input).
typedef struct pred_obj {
    py_obj base;
    py_val func; // starmap/takewhile/dropwhile/filterfalse: the function; compress: selectors
    py_val it;   // PY_NULL when done
    py_val old;  // pairwise: the previous item; dropwhile: PY_TRUE once dropping stopped
} pred_obj;

static pred_obj *pred_new(const py_type *t, const char *name, size_t n_args, size_t n_kw,
                          const py_val *args) {
    py_arg_check_no_kw(name, n_kw);
    py_arg_check_count(name, n_args, 2, 2);
    py_val it = py_getiter(args[1]);
    pred_obj *s = py_new(pred_obj, t);
    s->func = args[0];
    s->it = it;
    return s;
}

static py_val starmap_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return (py_val)pred_new(t, "starmap", n_args, n_kw, args);
}

static py_val starmap_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    py_val v = next_of(s->it);
    if (v == PY_STOP) {
        return PY_STOP;
    }
    size_t n;
    py_val *items;
    if (!py_get_items(v, &n, &items)) {
        v = as_tuple(v, &n, &items);
    }
    return py_call(s->func, n, 0, items);
}

static const py_type starmap_type = {
    ITER_SLOTS, .name = PY_QSTR_starmap, .make_new = starmap_make_new, .iternext = starmap_next,
};

static py_val takewhile_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return (py_val)pred_new(t, "takewhile", n_args, n_kw, args);
}

static py_val takewhile_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    if (s->it == PY_NULL) {
        return PY_STOP;
    }
    py_val v = next_of(s->it);
    if (v == PY_STOP) {
        return PY_STOP;
    }
    if (py_is_true(py_call1(s->func, v))) {
        return v;
    }
    s->it = PY_NULL;
    return PY_STOP;
}

static const py_type takewhile_type = {
    ITER_SLOTS, .name = PY_QSTR_takewhile, .make_new = takewhile_make_new,
    .iternext = takewhile_next,
};

static py_val dropwhile_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return (py_val)pred_new(t, "dropwhile", n_args, n_kw, args);
}

static py_val dropwhile_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    for (;;) {
        py_val v = next_of(s->it);
        if (v == PY_STOP || s->old == PY_TRUE) {
            return v;
        }
        if (!py_is_true(py_call1(s->func, v))) {
            s->old = PY_TRUE;
            return v;
        }
    }
}

static const py_type dropwhile_type = {
    ITER_SLOTS, .name = PY_QSTR_dropwhile, .make_new = dropwhile_make_new,
    .iternext = dropwhile_next,
};

static py_val filterfalse_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    return (py_val)pred_new(t, "filterfalse", n_args, n_kw, args);
}

static py_val filterfalse_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    for (;;) {
        py_val v = next_of(s->it);
        if (v == PY_STOP) {
            return v;
        }
        bool t = s->func == PY_NONE ? py_is_true(v) : py_is_true(py_call1(s->func, v));
        if (!t) {
            return v;
        }
    }
}

static const py_type filterfalse_type = {
    ITER_SLOTS, .name = PY_QSTR_filterfalse, .make_new = filterfalse_make_new,
    .iternext = filterfalse_next,
};

static py_val compress_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_data, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_selectors, PY_ARG_REQUIRED, PY_NULL},
    };
    py_val a[2];
    py_arg_parse("compress", n_args, n_kw, args, 0, spec, 2, a);
    py_val data = py_getiter(a[0]);
    py_val sel = py_getiter(a[1]);
    pred_obj *s = py_new(pred_obj, t);
    s->it = data;
    s->func = sel;
    return (py_val)s;
}

static py_val compress_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    for (;;) {
        py_val v = next_of(s->it);
        if (v == PY_STOP) {
            return v;
        }
        py_val sel = py_iternext(s->func);
        if (sel == PY_STOP) {
            return sel;
        }
        if (py_is_true(sel)) {
            return v;
        }
    }
}

static const py_type compress_type = {
    ITER_SLOTS, .name = PY_QSTR_compress, .make_new = compress_make_new, .iternext = compress_next,
};

static py_val pairwise_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("pairwise", n_kw);
    py_arg_check_count("pairwise", n_args, 1, 1);
    py_val it = py_getiter(args[0]);
    pred_obj *s = py_new(pred_obj, t);
    s->it = it;
    return (py_val)s;
}

static py_val pairwise_next(py_val self) {
    pred_obj *s = (pred_obj *)self;
    if (s->it == PY_NULL) {
        return PY_STOP;
    }
    if (s->old == PY_NULL) {
        s->old = next_of(s->it);
        if (s->old == PY_STOP) {
            s->it = s->old = PY_NULL;
            return PY_STOP;
        }
    }
    py_val v = next_of(s->it);
    if (v == PY_STOP) {
        s->it = s->old = PY_NULL;
        return PY_STOP;
    }
    py_val pair[2] = {s->old, v};
    s->old = v;
    return py_tuple_new(2, pair);
}

static const py_type pairwise_type = {
    ITER_SLOTS, .name = PY_QSTR_pairwise, .make_new = pairwise_make_new, .iternext = pairwise_next,
};

// ---- groupby -----------------------------------------------------------------------------------
// The groups share the parent's iterator: a group is valid only until the parent advances
// (it then yields nothing), as in CPython. Values are consumed lazily: the current value is
// held until a group returns it.
typedef struct groupby_obj {
    py_obj base;
    py_val it;
    py_val keyfunc;  // PY_NONE: identity
    py_val tgtkey;   // key of the current group (PY_NULL before the first)
    py_val currkey;  // key of currvalue (PY_NULL before the first item)
    py_val currvalue; // PY_NULL once handed out
    py_val grouper;  // the only valid group
} groupby_obj;

typedef struct grouper_obj {
    py_obj base;
    groupby_obj *parent;
    py_val tgtkey;
} grouper_obj;

static const py_type grouper_type;

static py_val groupby_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_key, 0, PY_NONE},
    };
    py_val a[2];
    py_arg_parse("groupby", n_args, n_kw, args, 0, spec, 2, a);
    py_val it = py_getiter(a[0]);
    groupby_obj *g = py_new(groupby_obj, t);
    g->it = it;
    g->keyfunc = a[1];
    return (py_val)g;
}

// Reads the next value and its key; false at the end.
static bool groupby_step(groupby_obj *g) {
    py_val v = next_of(g->it);
    if (v == PY_STOP) {
        return false;
    }
    py_val k = g->keyfunc == PY_NONE ? v : py_call1(g->keyfunc, v);
    g->currvalue = v;
    g->currkey = k;
    return true;
}

static py_val groupby_next(py_val self) {
    groupby_obj *g = (groupby_obj *)self;
    g->grouper = PY_NULL;
    // skip the rest of the current group
    for (;;) {
        if (g->currkey != PY_NULL) {
            if (g->tgtkey == PY_NULL || !py_equal(g->tgtkey, g->currkey)) {
                break;
            }
        }
        if (!groupby_step(g)) {
            return PY_STOP;
        }
    }
    g->tgtkey = g->currkey;
    grouper_obj *gr = py_new(grouper_obj, &grouper_type);
    gr->parent = g;
    gr->tgtkey = g->tgtkey;
    g->grouper = (py_val)gr;
    py_val pair[2] = {g->tgtkey, (py_val)gr};
    return py_tuple_new(2, pair);
}

static py_val grouper_next(py_val self) {
    grouper_obj *gr = (grouper_obj *)self;
    groupby_obj *g = gr->parent;
    if (g->grouper != self) {
        return PY_STOP;
    }
    if (g->currvalue == PY_NULL && !groupby_step(g)) {
        return PY_STOP;
    }
    if (!py_equal(gr->tgtkey, g->currkey)) {
        return PY_STOP;
    }
    py_val v = g->currvalue;
    g->currvalue = PY_NULL;
    return v;
}

static const py_type groupby_type = {
    ITER_SLOTS, .name = PY_QSTR_groupby, .make_new = groupby_make_new, .iternext = groupby_next,
};

static const py_type grouper_type = {
    ITER_SLOTS, .name = PY_QSTR__grouper, .iternext = grouper_next,
};

// ---- tee ---------------------------------------------------------------------------------------
// The copies share a singly linked list of the values read so far: each copy points at the
// link before its next value, the shared source appends at the tail. Links no copy can reach
// any more are garbage, so memory follows the gap between the fastest and the slowest copy.
typedef struct tee_link {
    struct tee_link *next; // PY_NULL-like NULL: not read yet
    py_val value;
} tee_link;

typedef struct tee_source {
    py_obj base;
    py_val it;      // PY_NULL once exhausted
    tee_link *tail; // the last link read
} tee_source;

typedef struct tee_obj {
    py_obj base;
    tee_source *src;
    tee_link *at; // the link whose successor is this copy's next value
} tee_obj;

static const py_type tee_type, tee_source_type;

static py_val tee_copy(tee_obj *t) {
    tee_obj *c = py_new(tee_obj, &tee_type);
    c->src = t->src;
    c->at = t->at;
    return (py_val)c;
}

static py_val tee_next(py_val self) {
    tee_obj *t = (tee_obj *)self;
    if (t->at->next == NULL) {
        tee_source *s = t->src;
        if (s->it == PY_NULL) {
            return PY_STOP;
        }
        py_val v = next_of(s->it);
        if (v == PY_STOP) {
            s->it = PY_NULL;
            return PY_STOP;
        }
        tee_link *l = py_gc_alloc(sizeof(tee_link), 0);
        l->value = v;
        s->tail->next = l; // (the source may have advanced meanwhile: append at its tail)
        s->tail = l;
        if (t->at->next == NULL) {
            t->at->next = l;
        }
    }
    t->at = t->at->next;
    return t->at->value;
}

static py_val tee_copy_m(py_val self) { return tee_copy((tee_obj *)self); }
static PY_FN_OBJ_1(tee_copy_obj, __copy__, tee_copy_m);

static const py_dict_entry tee_locals_table[] = {
    PY_ROM_ENTRY(__copy__, &tee_copy_obj),
};
static PY_ROM_DICT(tee_locals, tee_locals_table);

static const py_type tee_type = {
    ITER_SLOTS, .name = PY_QSTR__tee, .iternext = tee_next, .locals = (py_dict *)&tee_locals,
};

static const py_type tee_source_type = {
    .base = {&py_type_type}, .name = PY_QSTR__tee_dataobject, .flags = PY_TF_EQ_ID,
    .base_type = &py_type_object,
};

static py_val itertools_tee(size_t n_args, const py_val *args) {
    size_t n = n_args > 1 ? get_count(args[1], "n must be >= 0") : 2;
    py_val it = py_getiter(args[0]);
    py_tuple *r = (py_tuple *)py_tuple_new(n, NULL);
    if (n == 0) {
        return (py_val)r;
    }
    tee_obj *first;
    if (py_typeof(it) == &tee_type) {
        first = (tee_obj *)it; // as CPython: a tee is its own first copy
    } else {
        tee_source *s = py_new(tee_source, &tee_source_type);
        s->it = it;
        s->tail = py_gc_alloc(sizeof(tee_link), 0);
        first = py_new(tee_obj, &tee_type);
        first->src = s;
        first->at = s->tail;
    }
    r->items[0] = (py_val)first;
    for (size_t i = 1; i < n; i++) {
        r->items[i] = tee_copy(first);
    }
    return (py_val)r;
}
static PY_FN_OBJ_VAR(itertools_tee_obj, tee, 1, 2, itertools_tee);

// ---- the module ----------------------------------------------------------------------------------
static const py_dict_entry itertools_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_itertools)),
    PY_ROM_ENTRY(count, &count_type),
    PY_ROM_ENTRY(cycle, &cycle_type),
    PY_ROM_ENTRY(repeat, &repeat_type),
    PY_ROM_ENTRY(chain, &chain_type),
    PY_ROM_ENTRY(islice, &islice_type),
    PY_ROM_ENTRY(accumulate, &accumulate_type),
    PY_ROM_ENTRY(product, &product_type),
    PY_ROM_ENTRY(permutations, &permutations_type),
    PY_ROM_ENTRY(combinations, &combinations_type),
    PY_ROM_ENTRY(combinations_with_replacement, &cwr_type),
    PY_ROM_ENTRY(zip_longest, &zip_longest_type),
    PY_ROM_ENTRY(starmap, &starmap_type),
    PY_ROM_ENTRY(takewhile, &takewhile_type),
    PY_ROM_ENTRY(dropwhile, &dropwhile_type),
    PY_ROM_ENTRY(filterfalse, &filterfalse_type),
    PY_ROM_ENTRY(compress, &compress_type),
    PY_ROM_ENTRY(pairwise, &pairwise_type),
    PY_ROM_ENTRY(groupby, &groupby_type),
    PY_ROM_ENTRY(tee, &itertools_tee_obj),
};
static PY_ROM_DICT(itertools_globals, itertools_table);

const py_module mod_itertools_module = {{&py_type_module}, (py_dict *)&itertools_globals};
