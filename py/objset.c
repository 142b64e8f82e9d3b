// py/objset.c: set and frozenset. The table is probed exactly as CPython's set (linear
// probes, then perturbation; the same growth rule), so iterating a set of ints gives the
// same order as CPython — scripts that print sets print the same thing.
#include <string.h>

#include "py/objlist.h"
#include "py/objtype.h"
#include "py/runtime.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY PY_SENTINEL

static py_set *as_set(py_val v) {
    if (py_is_obj(v) && v->type != &py_type_set && v->type != &py_type_frozenset &&
        (v->type->flags & PY_TF_HEAP)) {
        return (py_set *)((py_instance *)v)->native;
    }
    return (py_set *)v;
}

static bool is_anyset(py_val v) { return py_isinstance(v, &py_type_set) || py_isinstance(v, &py_type_frozenset); }

static py_set *set_alloc(const py_type *t) {
    py_set *s = py_new(py_set, t);
    s->mask = MINSIZE - 1;
    s->table = py_gc_alloc(MINSIZE * sizeof(py_set_entry), 0);
    return s;
}

// Inserts into a table known to have room and no equal key (resizing).
static void insert_clean(py_set_entry *table, size_t mask, py_uint_t hash, py_val key) {
    size_t i = hash & mask;
    py_uint_t perturb = hash;
    for (;;) {
        py_set_entry *e = &table[i];
        if (e->key == PY_NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == PY_NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static void set_resize(py_set *s, size_t minused) {
    size_t newsize = MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    if (newsize > SIZE_MAX / sizeof(py_set_entry) / 2) {
        py_raise_memory_error();
    }
    py_set_entry *nt = py_gc_alloc(newsize * sizeof(py_set_entry), 0);
    size_t mask = newsize - 1;
    py_set_entry *old = s->table;
    size_t oldsize = s->mask + 1;
    for (size_t i = 0; i < oldsize; i++) {
        if (old[i].key != PY_NULL && old[i].key != DUMMY) {
            insert_clean(nt, mask, old[i].hash, old[i].key);
        }
    }
    s->table = nt;
    s->mask = mask;
    s->fill = s->used;
}

static bool entry_matches(py_set_entry *e, py_val key, py_uint_t hash) {
    if (e->key == key) {
        return true;
    }
    if (e->hash != hash || e->key == DUMMY) {
        return false;
    }
    if (py_is_small(key) && py_is_small(e->key)) {
        return false;
    }
    return py_equal(e->key, key);
}

static void set_add_entry(py_set *s, py_val key, py_uint_t hash) {
    size_t mask = s->mask;
    size_t i = hash & mask;
    py_uint_t perturb = hash;
    py_set_entry *freeslot = NULL;
    for (;;) {
        py_set_entry *e = &s->table[i];
        size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        for (;;) {
            if (e->key == PY_NULL) {
                if (freeslot) {
                    freeslot->key = key;
                    freeslot->hash = hash;
                    s->used++;
                    return;
                }
                e->key = key;
                e->hash = hash;
                s->fill++;
                s->used++;
                if (s->fill * 5 >= mask * 3) {
                    set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
                }
                return;
            }
            if (e->key == DUMMY) {
                if (freeslot == NULL) {
                    freeslot = e;
                }
            } else if (entry_matches(e, key, hash)) {
                return;
            }
            if (probes-- == 0) {
                break;
            }
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static py_set_entry *set_lookup(py_set *s, py_val key, py_uint_t hash) {
    size_t mask = s->mask;
    size_t i = hash & mask;
    py_uint_t perturb = hash;
    for (;;) {
        py_set_entry *e = &s->table[i];
        size_t probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        for (;;) {
            if (e->key == PY_NULL) {
                return NULL;
            }
            if (e->key != DUMMY && entry_matches(e, key, hash)) {
                return e;
            }
            if (probes-- == 0) {
                break;
            }
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static py_uint_t key_hash(py_val key) {
    if (py_is_obj(key) && key->type == &py_type_set) {
        py_raise_msg(&py_type_TypeError, "unhashable type: 'set'");
    }
    return py_hash(key);
}

void py_set_add(py_val sv, py_val key) {
    py_set *s = as_set(sv);
    set_add_entry(s, key, key_hash(key));
}

static bool set_has(py_set *s, py_val key) { return set_lookup(s, key, key_hash(key)) != NULL; }

static bool set_discard(py_set *s, py_val key) {
    py_set_entry *e = set_lookup(s, key, key_hash(key));
    if (e == NULL) {
        return false;
    }
    e->key = DUMMY;
    s->used--;
    return true;
}

static py_set_entry *set_next(py_set *s, size_t *pos) {
    while (*pos <= s->mask) {
        py_set_entry *e = &s->table[(*pos)++];
        if (e->key != PY_NULL && e->key != DUMMY) {
            return e;
        }
    }
    return NULL;
}

static void add_cb(void *ctx, py_val item) { py_set_add((py_val)ctx, item); }

void py_set_update(py_val sv, py_val iterable) {
    py_set *s = as_set(sv);
    if (is_anyset(iterable)) {
        py_set *o = as_set(iterable);
        if ((s->fill + o->used) * 5 >= s->mask * 3) {
            set_resize(s, (s->used + o->used) * 2);
        }
        size_t pos = 0;
        for (py_set_entry *e; (e = set_next(o, &pos)) != NULL;) {
            set_add_entry(s, e->key, e->hash);
        }
        return;
    }
    py_iterate(iterable, add_cb, s);
}

py_val py_set_new(size_t n, const py_val *items) {
    py_set *s = set_alloc(&py_type_set);
    for (size_t i = 0; i < n; i++) {
        py_set_add((py_val)s, items[i]);
    }
    return (py_val)s;
}

py_val py_frozenset_new(size_t n, const py_val *items) {
    py_set *s = (py_set *)py_set_new(n, items);
    s->base.type = &py_type_frozenset;
    return (py_val)s;
}

static py_val set_copy_as(py_set *s, const py_type *t) {
    py_set *r = set_alloc(t);
    py_set_update((py_val)r, (py_val)s);
    return (py_val)r;
}

// ---- construction and printing ---------------------------------------------------------------------
static py_val set_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    const char *name = t == &py_type_frozenset ? "frozenset" : "set";
    py_arg_check_no_kw(name, n_kw);
    py_arg_check_count(name, n_args, 0, 1);
    if (t == &py_type_frozenset && n_args == 1 && py_typeof(args[0]) == &py_type_frozenset) {
        return args[0];
    }
    py_set *s = set_alloc(t);
    if (n_args) {
        py_set_update((py_val)s, args[0]);
    }
    return (py_val)s;
}

static void set_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_set *s = (py_set *)self;
    bool frozen = py_typeof(self) == &py_type_frozenset;
    if (s->used == 0) {
        py_print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    if (!py_repr_enter(self)) {
        py_printf(p, "%s(...)", frozen ? "frozenset" : "set");
        return;
    }
    py_print_str(p, frozen ? "frozenset({" : "{");
    size_t pos = 0;
    bool first = true;
    for (py_set_entry *e; (e = set_next(s, &pos)) != NULL;) {
        if (!first) {
            py_print_str(p, ", ");
        }
        first = false;
        py_print_val(p, e->key, PY_PRINT_REPR);
    }
    py_print_str(p, frozen ? "})" : "}");
    py_repr_leave(self);
}

// ---- algebra --------------------------------------------------------------------------------------
static bool is_subset(py_set *a, py_set *b) {
    if (a->used > b->used) {
        return false;
    }
    size_t pos = 0;
    for (py_set_entry *e; (e = set_next(a, &pos)) != NULL;) {
        if (set_lookup(b, e->key, e->hash) == NULL) {
            return false;
        }
    }
    return true;
}

static py_val set_intersection_of(py_set *s, py_val other, const py_type *t) {
    py_set *r = set_alloc(t);
    if (is_anyset(other)) {
        py_set *o = as_set(other);
        if (o->used > s->used) {
            py_set *tmp = s;
            s = o;
            o = tmp;
        }
        size_t pos = 0;
        for (py_set_entry *e; (e = set_next(o, &pos)) != NULL;) {
            if (set_lookup(s, e->key, e->hash)) {
                set_add_entry(r, e->key, e->hash);
            }
        }
        return (py_val)r;
    }
    py_val it = py_getiter(other);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        py_uint_t h = key_hash(v);
        if (set_lookup(s, v, h)) {
            set_add_entry(r, v, h);
        }
    }
    return (py_val)r;
}

static py_val set_difference_of(py_set *s, py_val other, const py_type *t) {
    py_set *o = is_anyset(other) ? as_set(other) : (py_set *)py_set_new(0, NULL);
    if (!is_anyset(other)) {
        py_set_update((py_val)o, other);
    }
    py_set *r = set_alloc(t);
    size_t pos = 0;
    for (py_set_entry *e; (e = set_next(s, &pos)) != NULL;) {
        if (set_lookup(o, e->key, e->hash) == NULL) {
            set_add_entry(r, e->key, e->hash);
        }
    }
    return (py_val)r;
}

static py_val set_symdiff_of(py_set *s, py_val other, const py_type *t) {
    py_set *o = is_anyset(other) ? as_set(other) : (py_set *)py_set_new(0, NULL);
    if (!is_anyset(other)) {
        py_set_update((py_val)o, other);
    }
    py_set *r = (py_set *)set_copy_as(s, t);
    size_t pos = 0;
    for (py_set_entry *e; (e = set_next(o, &pos)) != NULL;) {
        py_set_entry *f = set_lookup(r, e->key, e->hash);
        if (f) {
            f->key = DUMMY;
            r->used--;
        } else {
            set_add_entry(r, e->key, e->hash);
        }
    }
    return (py_val)r;
}

static void replace_contents(py_set *s, py_set *r) {
    s->table = r->table;
    s->mask = r->mask;
    s->used = r->used;
    s->fill = r->fill;
}

static py_val set_binary_op(int op, py_val lhs, py_val rhs) {
    py_set *s = (py_set *)lhs;
    const py_type *t = py_typeof(lhs);
    if (op == PY_OP_CONTAINS) {
        if (py_is_obj(rhs) && rhs->type == &py_type_set) {
            // a set key is looked up as a frozenset
            py_val f = set_copy_as(as_set(rhs), &py_type_frozenset);
            return py_bool(set_has(s, f));
        }
        return py_bool(set_has(s, rhs));
    }
    if (!is_anyset(rhs)) {
        return PY_NULL;
    }
    py_set *o = as_set(rhs);
    bool mutable_self = t == &py_type_set;
    switch (op) {
    case PY_OP_EQ: return py_bool(s->used == o->used && is_subset(s, o));
    case PY_OP_NE: return py_bool(!(s->used == o->used && is_subset(s, o)));
    case PY_OP_LE: return py_bool(is_subset(s, o));
    case PY_OP_GE: return py_bool(is_subset(o, s));
    case PY_OP_LT: return py_bool(s->used < o->used && is_subset(s, o));
    case PY_OP_GT: return py_bool(s->used > o->used && is_subset(o, s));
    case PY_OP_OR: case PY_OP_ROR: {
        py_val r = set_copy_as(s, t);
        py_set_update(r, rhs);
        return r;
    }
    case PY_OP_AND: case PY_OP_RAND: return set_intersection_of(s, rhs, t);
    case PY_OP_SUB: return set_difference_of(s, rhs, t);
    case PY_OP_RSUB: return set_difference_of(o, lhs, py_typeof(rhs));
    case PY_OP_XOR: case PY_OP_RXOR: return set_symdiff_of(s, rhs, t);
    case PY_OP_IOR:
        if (!mutable_self) {
            return PY_NULL;
        }
        py_set_update(lhs, rhs);
        return lhs;
    case PY_OP_IAND:
        if (!mutable_self) {
            return PY_NULL;
        }
        replace_contents(s, (py_set *)set_intersection_of(s, rhs, t));
        return lhs;
    case PY_OP_ISUB:
        if (!mutable_self) {
            return PY_NULL;
        }
        replace_contents(s, (py_set *)set_difference_of(s, rhs, t));
        return lhs;
    case PY_OP_IXOR:
        if (!mutable_self) {
            return PY_NULL;
        }
        replace_contents(s, (py_set *)set_symdiff_of(s, rhs, t));
        return lhs;
    default:
        return PY_NULL;
    }
}

static py_val set_unary_op(int op, py_val self) {
    py_set *s = (py_set *)self;
    switch (op) {
    case PY_UOP_BOOL: return py_bool(s->used != 0);
    case PY_UOP_LEN: return py_small((py_int_t)s->used);
    case PY_UOP_HASH: {
        if (py_typeof(self) != &py_type_frozenset) {
            return PY_NULL;
        }
        // CPython's frozenset hash: xor of shuffled entry hashes, then a final mix
        if (s->frozen_hash == 0) {
            py_uint_t h = 0;
            size_t pos = 0;
            for (py_set_entry *e; (e = set_next(s, &pos)) != NULL;) {
                py_uint_t x = e->hash;
                h ^= ((x ^ 89869747UL) ^ (x << 16)) * 3644798167UL;
            }
            h ^= (s->used + 1) * 1927868237UL;
            h ^= (h >> 11) ^ (h >> 25);
            h = h * 69069U + 907133923UL;
            s->frozen_hash = h ? h : 590923713UL;
        }
        return py_small((py_int_t)(s->frozen_hash >> 2));
    }
    default: return PY_NULL;
    }
}

// ---- iteration -------------------------------------------------------------------------------------
typedef struct set_iter {
    py_obj base;
    py_set *s;
    size_t pos;
    size_t used;
} set_iter;

static py_val set_iter_next(py_val self) {
    set_iter *it = (set_iter *)self;
    if (it->s == NULL) {
        return PY_STOP;
    }
    if (it->s->used != it->used) {
        it->used = it->s->used;
        py_raise_msg(&py_type_RuntimeError, "Set changed size during iteration");
    }
    py_set_entry *e = set_next(it->s, &it->pos);
    if (e == NULL) {
        it->s = NULL;
        return PY_STOP;
    }
    return e->key;
}

static const py_type set_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_set_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = set_iter_next,
    .base_type = &py_type_object,
};

static py_val set_getiter(py_val self) {
    set_iter *it = py_new(set_iter, &set_iter_type);
    it->s = (py_set *)self;
    it->used = it->s->used;
    return (py_val)it;
}

// ---- methods --------------------------------------------------------------------------------------
static py_val m_add(py_val self, py_val v) {
    py_set_add(self, v);
    return PY_NONE;
}
static PY_FN_OBJ_2(set_add_obj, add, m_add);

static py_val m_remove(py_val self, py_val v) {
    if (py_is_obj(v) && v->type == &py_type_set) {
        v = set_copy_as(as_set(v), &py_type_frozenset);
    }
    if (!set_discard(as_set(self), v)) {
        py_raise_key_error(v);
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(set_remove_obj, remove, m_remove);

static py_val m_discard(py_val self, py_val v) {
    if (py_is_obj(v) && v->type == &py_type_set) {
        v = set_copy_as(as_set(v), &py_type_frozenset);
    }
    set_discard(as_set(self), v);
    return PY_NONE;
}
static PY_FN_OBJ_2(set_discard_obj, discard, m_discard);

static py_val m_pop(py_val self) {
    py_set *s = as_set(self);
    if (s->used == 0) {
        py_raise_msg(&py_type_KeyError, "pop from an empty set");
    }
    // CPython scans from a moving finger; a fresh scan from 0 gives the same first pick
    // in the common pop-until-empty pattern because popped slots become dummies.
    for (size_t i = 0; i <= s->mask; i++) {
        py_set_entry *e = &s->table[i];
        if (e->key != PY_NULL && e->key != DUMMY) {
            py_val k = e->key;
            e->key = DUMMY;
            s->used--;
            return k;
        }
    }
    py_raise_msg(&py_type_KeyError, "pop from an empty set");
}
static PY_FN_OBJ_1(set_pop_obj, pop, m_pop);

static py_val m_clear(py_val self) {
    py_set *s = as_set(self);
    s->table = py_gc_alloc(MINSIZE * sizeof(py_set_entry), 0);
    s->mask = MINSIZE - 1;
    s->used = s->fill = 0;
    return PY_NONE;
}
static PY_FN_OBJ_1(set_clear_obj, clear, m_clear);

static py_val m_copy(py_val self) { return set_copy_as(as_set(self), py_typeof((py_val)as_set(self))); }
static PY_FN_OBJ_1(set_copy_obj, copy, m_copy);

static py_val m_update(size_t n_args, const py_val *args) {
    for (size_t i = 1; i < n_args; i++) {
        py_set_update(args[0], args[i]);
    }
    return PY_NONE;
}
static PY_FN_OBJ_VAR(set_update_obj, update, 1, PY_ARGS_MANY, m_update);

static py_val m_union(size_t n_args, const py_val *args) {
    py_set *s = as_set(args[0]);
    py_val r = set_copy_as(s, py_typeof((py_val)s));
    for (size_t i = 1; i < n_args; i++) {
        py_set_update(r, args[i]);
    }
    return r;
}
static PY_FN_OBJ_VAR(set_union_obj, union, 1, PY_ARGS_MANY, m_union);

static py_val m_intersection(size_t n_args, const py_val *args) {
    py_set *s = as_set(args[0]);
    py_val r = set_copy_as(s, py_typeof((py_val)s));
    for (size_t i = 1; i < n_args; i++) {
        r = set_intersection_of((py_set *)r, args[i], py_typeof((py_val)s));
    }
    return r;
}
static PY_FN_OBJ_VAR(set_intersection_obj, intersection, 1, PY_ARGS_MANY, m_intersection);

static py_val m_intersection_update(size_t n_args, const py_val *args) {
    py_set *s = as_set(args[0]);
    replace_contents(s, (py_set *)m_intersection(n_args, args));
    return PY_NONE;
}
static PY_FN_OBJ_VAR(set_intersection_update_obj, intersection_update, 1, PY_ARGS_MANY, m_intersection_update);

static py_val m_difference(size_t n_args, const py_val *args) {
    py_set *s = as_set(args[0]);
    py_val r = set_copy_as(s, py_typeof((py_val)s));
    for (size_t i = 1; i < n_args; i++) {
        r = set_difference_of((py_set *)r, args[i], py_typeof((py_val)s));
    }
    return r;
}
static PY_FN_OBJ_VAR(set_difference_obj, difference, 1, PY_ARGS_MANY, m_difference);

static py_val m_difference_update(size_t n_args, const py_val *args) {
    py_set *s = as_set(args[0]);
    replace_contents(s, (py_set *)m_difference(n_args, args));
    return PY_NONE;
}
static PY_FN_OBJ_VAR(set_difference_update_obj, difference_update, 1, PY_ARGS_MANY, m_difference_update);

static py_val m_symdiff(py_val self, py_val other) {
    py_set *s = as_set(self);
    return set_symdiff_of(s, other, py_typeof((py_val)s));
}
static PY_FN_OBJ_2(set_symdiff_obj, symmetric_difference, m_symdiff);

static py_val m_symdiff_update(py_val self, py_val other) {
    py_set *s = as_set(self);
    replace_contents(s, (py_set *)set_symdiff_of(s, other, py_typeof((py_val)s)));
    return PY_NONE;
}
static PY_FN_OBJ_2(set_symdiff_update_obj, symmetric_difference_update, m_symdiff_update);

static py_set *to_set(py_val v) {
    if (is_anyset(v)) {
        return as_set(v);
    }
    py_val s = py_set_new(0, NULL);
    py_set_update(s, v);
    return (py_set *)s;
}

static py_val m_issubset(py_val self, py_val other) { return py_bool(is_subset(as_set(self), to_set(other))); }
static PY_FN_OBJ_2(set_issubset_obj, issubset, m_issubset);
static py_val m_issuperset(py_val self, py_val other) { return py_bool(is_subset(to_set(other), as_set(self))); }
static PY_FN_OBJ_2(set_issuperset_obj, issuperset, m_issuperset);
static py_val m_isdisjoint(py_val self, py_val other) {
    py_set *s = as_set(self), *o = to_set(other);
    size_t pos = 0;
    for (py_set_entry *e; (e = set_next(o, &pos)) != NULL;) {
        if (set_lookup(s, e->key, e->hash)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}
static PY_FN_OBJ_2(set_isdisjoint_obj, isdisjoint, m_isdisjoint);

static const py_dict_entry set_locals_table[] = {
    PY_ROM_ENTRY(add, &set_add_obj),
    PY_ROM_ENTRY(remove, &set_remove_obj),
    PY_ROM_ENTRY(discard, &set_discard_obj),
    PY_ROM_ENTRY(pop, &set_pop_obj),
    PY_ROM_ENTRY(clear, &set_clear_obj),
    PY_ROM_ENTRY(copy, &set_copy_obj),
    PY_ROM_ENTRY(update, &set_update_obj),
    PY_ROM_ENTRY(union, &set_union_obj),
    PY_ROM_ENTRY(intersection, &set_intersection_obj),
    PY_ROM_ENTRY(intersection_update, &set_intersection_update_obj),
    PY_ROM_ENTRY(difference, &set_difference_obj),
    PY_ROM_ENTRY(difference_update, &set_difference_update_obj),
    PY_ROM_ENTRY(symmetric_difference, &set_symdiff_obj),
    PY_ROM_ENTRY(symmetric_difference_update, &set_symdiff_update_obj),
    PY_ROM_ENTRY(issubset, &set_issubset_obj),
    PY_ROM_ENTRY(issuperset, &set_issuperset_obj),
    PY_ROM_ENTRY(isdisjoint, &set_isdisjoint_obj),
};
static PY_ROM_DICT(set_locals, set_locals_table);

static const py_dict_entry frozenset_locals_table[] = {
    PY_ROM_ENTRY(copy, &set_copy_obj),
    PY_ROM_ENTRY(union, &set_union_obj),
    PY_ROM_ENTRY(intersection, &set_intersection_obj),
    PY_ROM_ENTRY(difference, &set_difference_obj),
    PY_ROM_ENTRY(symmetric_difference, &set_symdiff_obj),
    PY_ROM_ENTRY(issubset, &set_issubset_obj),
    PY_ROM_ENTRY(issuperset, &set_issuperset_obj),
    PY_ROM_ENTRY(isdisjoint, &set_isdisjoint_obj),
};
static PY_ROM_DICT(frozenset_locals, frozenset_locals_table);

const py_type py_type_set = {
    .base = {&py_type_type},
    .name = PY_QSTR_set,
    .flags = PY_TF_BASETYPE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = (py_dict *)&set_locals,
    .base_type = &py_type_object,
};

const py_type py_type_frozenset = {
    .base = {&py_type_type},
    .name = PY_QSTR_frozenset,
    .flags = PY_TF_BASETYPE,
    .print = set_print,
    .make_new = set_make_new,
    .unary_op = set_unary_op,
    .binary_op = set_binary_op,
    .getiter = set_getiter,
    .locals = (py_dict *)&frozenset_locals,
    .base_type = &py_type_object,
};
