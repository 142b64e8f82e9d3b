// py/runtime.c: the generic operations behind the bytecodes and the built-ins: calls,
// attribute lookup, operators, subscripts, iteration and conversions. Each dispatches on the
// operand's type slots; classes defined in Python get slots that look up dunder methods
// (py/objtype.c), so this file treats built-in and Python types alike.
#include <string.h>

#include "py/objexc.h"
#include "py/objfun.h"
#include "py/objtype.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- calls ------------------------------------------------------------------------------------
py_val py_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args) {
    const py_type *t = py_typeof(fn);
    if (t == &py_type_function) {
        return py_fun_call(fn, n_args, n_kw, args);
    }
    if (t == &py_type_builtin) {
        return py_builtin_call(fn, n_args, n_kw, args);
    }
    if (t->call) {
        return t->call(fn, n_args, n_kw, args);
    }
    if (py_is_type(fn)) {
        const py_type *ty = (const py_type *)fn;
        if (ty->make_new == NULL) {
            py_raise_fmt(&py_type_TypeError, "cannot create '%q' instances", py_type_qname(ty));
        }
        return ty->make_new(ty, n_args, n_kw, args);
    }
    py_raise_fmt(&py_type_TypeError, "'%T' object is not callable", fn);
}

py_val py_call0(py_val fn) { return py_call(fn, 0, 0, NULL); }
py_val py_call1(py_val fn, py_val a) { return py_call(fn, 1, 0, &a); }
py_val py_call2(py_val fn, py_val a, py_val b) {
    py_val args[2] = {a, b};
    return py_call(fn, 2, 0, args);
}
py_val py_call3(py_val fn, py_val a, py_val b, py_val c) {
    py_val args[3] = {a, b, c};
    return py_call(fn, 3, 0, args);
}

py_val py_call_method(py_val obj, qstr name, size_t n_args, const py_val *args) {
    py_val dest[2];
    py_load_method(obj, name, dest);
    if (dest[1] == PY_NULL) {
        return py_call(dest[0], n_args, 0, args);
    }
    py_val buf[8];
    py_val *a = n_args < 8 ? buf : py_gc_alloc((n_args + 1) * sizeof(py_val), 0);
    a[0] = dest[1];
    py_memcpy(a + 1, args, n_args * sizeof(py_val));
    return py_call(dest[0], n_args + 1, 0, a);
}

bool py_is_callable(py_val v) {
    const py_type *t = py_typeof(v);
    if (t == &py_type_function || t == &py_type_builtin || py_is_type(v)) {
        return true;
    }
    if (t->flags & PY_TF_HEAP) {
        return py_type_lookup(t, PY_QSTR___call__) != PY_NULL;
    }
    return t->call != NULL;
}

py_val py_call_ex(py_val fn, py_val args_it, py_val kwargs) {
    size_t npos = 0;
    py_val *pos = NULL;
    py_val tmp = PY_NULL;
    if (args_it != PY_NULL) {
        if (!py_get_items(args_it, &npos, &pos)) {
            if (!py_is_iterable(args_it)) {
                py_raise_fmt(&py_type_TypeError, "%s argument after * must be an iterable, not %T",
                             "function", args_it);
            }
            tmp = py_call1((py_val)&py_type_tuple, args_it);
            py_get_items(tmp, &npos, &pos);
        }
    }
    size_t nkw = 0;
    py_dict *kw = NULL;
    if (kwargs != PY_NULL) {
        if (!py_isinstance(kwargs, &py_type_dict)) {
            py_dict *d = (py_dict *)py_dict_new(0);
            py_dict_update_checked(d, kwargs, true);
            kwargs = (py_val)d;
        }
        kw = (py_dict *)kwargs;
        nkw = py_dict_len(kw);
    }
    py_val *a = py_gc_alloc((npos + 2 * nkw + 1) * sizeof(py_val), 0);
    py_memcpy(a, pos, npos * sizeof(py_val));
    size_t k = npos, it = 0;
    if (kw) {
        for (py_dict_entry *e; (e = py_dict_next(kw, &it)) != NULL;) {
            if (!py_is_str(e->key)) {
                py_raise_msg(&py_type_TypeError, "keywords must be strings");
            }
            a[k++] = py_is_qstr(e->key) ? e->key : py_qstr_val(py_str_intern(e->key));
            a[k++] = e->value;
        }
    }
    (void)tmp;
    py_val r = py_call(fn, npos, nkw, a);
    return r;
}

// ---- argument parsing ------------------------------------------------------------------------
void py_arg_check_count(const char *fn_name, size_t n, size_t min, size_t max) {
    if (n < min || n > max) {
        if (min == max) {
            py_raise_fmt(&py_type_TypeError, "%s() takes exactly %d argument%s (%d given)", fn_name,
                         (int)min, min == 1 ? "" : "s", (int)n);
        }
        if (n < min) {
            py_raise_fmt(&py_type_TypeError, "%s expected at least %d argument%s, got %d", fn_name,
                         (int)min, min == 1 ? "" : "s", (int)n);
        }
        py_raise_fmt(&py_type_TypeError, "%s expected at most %d argument%s, got %d", fn_name,
                     (int)max, max == 1 ? "" : "s", (int)n);
    }
}

void py_arg_check_no_kw(const char *fn_name, size_t n_kw) {
    if (n_kw) {
        py_raise_fmt(&py_type_TypeError, "%s() takes no keyword arguments", fn_name);
    }
}

void py_arg_parse(const char *fn_name, size_t n_args, size_t n_kw, const py_val *args, size_t n_skip,
                  const py_arg_spec *spec, size_t n_spec, py_val *out) {
    size_t npos = n_args - n_skip;
    size_t max_pos = 0;
    while (max_pos < n_spec && !(spec[max_pos].flags & PY_ARG_KW_ONLY)) {
        max_pos++;
    }
    if (npos > max_pos) {
        py_raise_fmt(&py_type_TypeError, "%s() takes at most %d positional argument%s (%d given)",
                     fn_name, (int)max_pos, max_pos == 1 ? "" : "s", (int)npos);
    }
    for (size_t i = 0; i < n_spec; i++) {
        out[i] = i < npos ? args[n_skip + i] : PY_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_val key = args[n_args + 2 * k];
        qstr q = py_is_qstr(key) ? py_qstr_get(key) : py_str_intern(key);
        size_t i = 0;
        for (; i < n_spec; i++) {
            if (spec[i].name == q) {
                break;
            }
        }
        if (i == n_spec) {
            py_raise_fmt(&py_type_TypeError, "%s() got an unexpected keyword argument '%q'", fn_name, q);
        }
        if (out[i] != PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "%s() got multiple values for argument '%q'", fn_name, q);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
    for (size_t i = 0; i < n_spec; i++) {
        if (out[i] == PY_NULL) {
            if (spec[i].flags & PY_ARG_REQUIRED) {
                py_raise_fmt(&py_type_TypeError, "%s() missing required argument '%q' (pos %d)",
                             fn_name, (qstr)spec[i].name, (int)i + 1);
            }
            out[i] = spec[i].dflt;
        }
    }
}

// ---- attributes ----------------------------------------------------------------------------
// Lookups along an MRO go through the (type, name) cache, built-in types included (their
// method tables are const dicts searched linearly). A class change invalidates the entries
// it may affect (see py_type_modified).
static py_val type_lookup_uncached(const py_type *t, qstr name) {
    if (t->flags & PY_TF_HEAP) {
        py_tuple *mro = t->mro;
        for (size_t i = 0; i < mro->len; i++) {
            const py_type *b = (const py_type *)mro->items[i];
            py_val v = b->locals ? py_dict_get_qstr(b->locals, name) : PY_NULL;
            if (v != PY_NULL) {
                return v;
            }
        }
        return PY_NULL;
    }
    for (; t; t = t->base_type) {
        py_val v = t->locals ? py_dict_get_qstr(t->locals, name) : PY_NULL;
        if (v != PY_NULL) {
            return v;
        }
    }
    return PY_NULL;
}

py_val py_type_lookup(const py_type *t, qstr name) {
    py_attr_cache_entry *ce = py_attr_cache_slot(t, name);
    if (ce->owner == t && ce->name == name && ce->version == PY_S->type_version_next) {
        return ce->value;
    }
    py_val found = type_lookup_uncached(t, name);
    ce->owner = t;
    ce->name = name;
    ce->version = PY_S->type_version_next;
    ce->value = found;
    return found;
}

// Binds a value found on the type for access through instance `self`.
void py_bind_attr(py_val self, py_val v, py_val *dest) {
    const py_type *vt = py_typeof(v);
    if (vt == &py_type_function || vt == &py_type_builtin) {
        dest[0] = v;
        dest[1] = self;
    } else if (vt == &py_type_staticmethod) {
        dest[0] = ((py_wrapper *)v)->func;
    } else if (vt == &py_type_classmethod) {
        dest[0] = ((py_wrapper *)v)->func;
        dest[1] = (py_val)py_typeof(self);
    } else if (vt == &py_type_property) {
        py_val fget = ((py_property *)v)->fget;
        if (fget == PY_NONE || fget == PY_NULL) {
            py_raise_fmt(&py_type_AttributeError, "property of '%T' object has no getter", self);
        }
        dest[0] = py_call1(fget, self);
    } else if (vt->flags & PY_TF_HEAP) {
        // a descriptor defined in Python
        py_val get = py_type_lookup(vt, PY_QSTR___get__);
        dest[0] = get ? py_call3(get, v, self, (py_val)py_typeof(self)) : v;
    } else {
        dest[0] = v;
    }
}

bool py_load_method_maybe(py_val obj, qstr name, py_val dest[2]) {
    dest[0] = dest[1] = PY_NULL;
    const py_type *t = py_typeof(obj);
    if (t->attr) {
        t->attr(obj, name, dest);
        if (dest[0] != PY_NULL) {
            return true;
        }
        if (t->flags & PY_TF_HEAP) {
            return false; // instance_attr did the full lookup
        }
    }
    py_val v = py_type_lookup(t, name);
    if (v == PY_NULL) {
        if (name == PY_QSTR___class__) {
            dest[0] = (py_val)t;
            return true;
        }
        return false;
    }
    py_bind_attr(obj, v, dest);
    return true;
}

bool py_load_method_special(py_val obj, qstr name, py_val dest[2]) {
    dest[0] = dest[1] = PY_NULL;
    const py_type *t = py_typeof(obj);
    py_val v = py_type_lookup(t, name);
    if (v == PY_NULL) {
        return false;
    }
    if ((py_typeof(v) == &py_type_builtin) && py_is_obj(obj) && (t->flags & PY_TF_HEAP) &&
        !(t->flags & PY_TF_EXC) && ((py_instance *)obj)->native) {
        obj = ((py_instance *)obj)->native;
    }
    py_bind_attr(obj, v, dest);
    return true;
}

void py_load_method(py_val obj, qstr name, py_val dest[2]) {
    if (!py_load_method_maybe(obj, name, dest)) {
        py_raise_attr_error(obj, name);
    }
}

py_val py_load_attr_maybe(py_val obj, qstr name) {
    py_val dest[2];
    if (!py_load_method_maybe(obj, name, dest)) {
        return PY_NULL;
    }
    return dest[1] ? py_bound_method_new(dest[1], dest[0]) : dest[0];
}

py_val py_load_attr(py_val obj, qstr name) {
    py_val v = py_load_attr_maybe(obj, name);
    if (v == PY_NULL) {
        py_raise_attr_error(obj, name);
    }
    return v;
}

static void store_or_delete(py_val obj, qstr name, py_val value) {
    const py_type *t = py_typeof(obj);
    if (t->attr) {
        py_val dest[2] = {PY_SENTINEL, value};
        t->attr(obj, name, dest);
        if (dest[0] == PY_NULL) {
            return;
        }
    }
    if (value == PY_NULL) {
        py_raise_attr_error(obj, name);
    }
    if (py_type_lookup(t, name) != PY_NULL || !(t->flags & PY_TF_HEAP)) {
        py_raise_fmt(&py_type_AttributeError, "'%T' object attribute '%q' is read-only", obj, name);
    }
    py_raise_attr_error(obj, name);
}

void py_store_attr(py_val obj, qstr name, py_val value) { store_or_delete(obj, name, value); }
void py_delete_attr(py_val obj, qstr name) { store_or_delete(obj, name, PY_NULL); }

// ---- operators ----------------------------------------------------------------------------------
py_val py_unary_op(int op, py_val v) {
    const py_type *t = py_typeof(v);
    if (t->unary_op) {
        py_val r = t->unary_op(op, v);
        if (r != PY_NULL) {
            return r;
        }
    }
    switch (op) {
    case PY_UOP_BOOL:
        return PY_TRUE;
    case PY_UOP_HASH:
        if (t->flags & PY_TF_EQ_ID || !(t->binary_op)) {
            return py_small((py_int_t)((uintptr_t)v >> 4));
        }
        py_raise_fmt(&py_type_TypeError, "unhashable type: '%T'", v);
    case PY_UOP_LEN:
        return PY_NULL;
    case PY_UOP_POS: py_raise_fmt(&py_type_TypeError, "bad operand type for unary +: '%T'", v);
    case PY_UOP_NEG: py_raise_fmt(&py_type_TypeError, "bad operand type for unary -: '%T'", v);
    case PY_UOP_INVERT: py_raise_fmt(&py_type_TypeError, "bad operand type for unary ~: '%T'", v);
    case PY_UOP_ABS: py_raise_fmt(&py_type_TypeError, "bad operand type for abs(): '%T'", v);
    default:
        return PY_NULL;
    }
}

static int swapped_cmp(int op) {
    switch (op) {
    case PY_OP_LT: return PY_OP_GT;
    case PY_OP_GT: return PY_OP_LT;
    case PY_OP_LE: return PY_OP_GE;
    case PY_OP_GE: return PY_OP_LE;
    default: return op; // EQ, NE
    }
}

py_val py_binary_op(int op, py_val a, py_val b) {
    const py_type *ta = py_typeof(a), *tb = py_typeof(b);
    if (op <= PY_OP_GE) {
        // comparisons: reflected with swapped operands; a subclass's reflection goes first
        bool sub_first = ta != tb && (tb->flags & PY_TF_HEAP) && py_issubclass(tb, ta);
        if (sub_first && tb->binary_op) {
            py_val r = tb->binary_op(swapped_cmp(op), b, a);
            if (r != PY_NULL) {
                return r;
            }
        }
        if (ta->binary_op) {
            py_val r = ta->binary_op(op, a, b);
            if (r != PY_NULL) {
                return r;
            }
        }
        if (!sub_first && tb->binary_op) {
            py_val r = tb->binary_op(swapped_cmp(op), b, a);
            if (r != PY_NULL) {
                return r;
            }
        }
        if (op == PY_OP_EQ) {
            return py_bool(a == b);
        }
        if (op == PY_OP_NE) {
            return py_bool(a != b);
        }
        py_raise_type_error_op(op, a, b);
    }
    if (op == PY_OP_CONTAINS) {
        return py_bool(py_contains(a, b));
    }
    int plain = py_op_plain(op);
    int refl = plain + 2 * PY_OP_ARITH_N;
    if (op >= PY_OP_IOR && op <= PY_OP_IPOW && ta->binary_op) {
        py_val r = ta->binary_op(op, a, b);
        if (r != PY_NULL) {
            return r;
        }
    }
    bool sub_first = ta != tb && (tb->flags & PY_TF_HEAP) && py_issubclass(tb, ta);
    if (sub_first && tb->binary_op) {
        py_val r = tb->binary_op(refl, b, a);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (ta->binary_op) {
        py_val r = ta->binary_op(plain, a, b);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (!sub_first && tb->binary_op && (ta != tb || (ta->flags & PY_TF_HEAP))) {
        py_val r = tb->binary_op(refl, b, a);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (plain == PY_OP_MUL) {
        // int * sequence: the sequence repeats (sequences implement it as their own MUL)
        if (tb->binary_op && py_is_int(a)) {
            py_val r = tb->binary_op(PY_OP_MUL, b, a);
            if (r != PY_NULL) {
                return r;
            }
        }
    }
    py_raise_type_error_op(op, a, b);
}

bool py_is_true(py_val v) {
    if (v == PY_TRUE) {
        return true;
    }
    if (v == PY_FALSE || v == PY_NONE) {
        return false;
    }
    if (py_is_small(v)) {
        return py_small_get(v) != 0;
    }
    const py_type *t = py_typeof(v);
    if (t->unary_op) {
        py_val r = t->unary_op(PY_UOP_BOOL, v);
        if (r != PY_NULL) {
            return r == PY_TRUE;
        }
        r = t->unary_op(PY_UOP_LEN, v);
        if (r != PY_NULL) {
            return r != py_small(0);
        }
    }
    return true;
}

bool py_equal(py_val a, py_val b) {
    if (a == b) {
        return true;
    }
    if (py_is_small(a) && py_is_small(b)) {
        return false;
    }
    if (py_is_qstr(a) && py_is_qstr(b)) {
        return false;
    }
    return py_is_true(py_binary_op(PY_OP_EQ, a, b));
}

bool py_less(py_val a, py_val b) {
    if (py_is_small(a) && py_is_small(b)) {
        return (intptr_t)a < (intptr_t)b;
    }
    return py_is_true(py_binary_op(PY_OP_LT, a, b));
}

py_uint_t py_hash(py_val v) {
    if (py_is_small(v)) {
        // CPython's int hash is the value modulo 2**61 - 1 (and -1 is taken by errors)
        py_int_t i = py_small_get(v);
        if (i != -1 && i < PY_HASH_MODULUS && i > -PY_HASH_MODULUS) {
            return (py_uint_t)i;
        }
    }
    if (py_is_qstr(v)) {
        return py_qstr_hash(py_qstr_get(v));
    }
    py_val h = py_unary_op(PY_UOP_HASH, v);
    if (py_is_small(h)) {
        return (py_uint_t)py_small_get(h);
    }
    py_raise_msg(&py_type_TypeError, "__hash__ method should return an integer");
}

bool py_contains(py_val container, py_val item) {
    const py_type *t = py_typeof(container);
    if (t->binary_op) {
        py_val r = t->binary_op(PY_OP_CONTAINS, container, item);
        if (r != PY_NULL) {
            return py_is_true(r);
        }
    }
    if (!py_is_iterable(container)) {
        py_raise_fmt(&py_type_TypeError, "argument of type '%T' is not iterable", container);
    }
    py_val it = py_getiter(container);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        if (py_equal(v, item)) {
            return true;
        }
    }
    return false;
}

py_val py_len_maybe(py_val v) {
    const py_type *t = py_typeof(v);
    if (t->unary_op) {
        return t->unary_op(PY_UOP_LEN, v);
    }
    return PY_NULL;
}

size_t py_len(py_val v) {
    py_val n = py_len_maybe(v);
    if (n == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "object of type '%T' has no len()", v);
    }
    py_int_t i;
    if (!py_get_int_maybe(n, &i)) {
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C ssize_t");
    }
    return (size_t)i;
}

// ---- subscripts -----------------------------------------------------------------------------
static py_val subscr(py_val obj, py_val index, py_val value) {
    const py_type *t = py_typeof(obj);
    if (t->subscr) {
        py_val r = t->subscr(obj, index, value);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (value == PY_SENTINEL) {
        if (py_is_type(obj)) {
            // list[int] and friends: generic aliases are accepted and mean the class itself
            py_val cg = py_type_lookup((const py_type *)obj, PY_QSTR___class_getitem__);
            if (cg) {
                return py_call2(cg, obj, index);
            }
            if (!(((const py_type *)obj)->flags & PY_TF_HEAP)) {
                return obj;
            }
        }
        py_raise_fmt(&py_type_TypeError, "'%T' object is not subscriptable", obj);
    }
    if (value == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "'%T' object doesn't support item deletion", obj);
    }
    py_raise_fmt(&py_type_TypeError, "'%T' object does not support item assignment", obj);
}

py_val py_subscr_load(py_val obj, py_val index) { return subscr(obj, index, PY_SENTINEL); }
void py_subscr_store(py_val obj, py_val index, py_val value) { subscr(obj, index, value); }
void py_subscr_delete(py_val obj, py_val index) { subscr(obj, index, PY_NULL); }

size_t py_seq_index(const char *what, size_t len, py_val index) {
    py_int_t i;
    if (py_is_small(index)) {
        i = py_small_get(index);
    } else if (!py_is_int(index)) {
        py_val idx = py_unary_op(PY_UOP_INDEX, index);
        if (idx == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "%s indices must be integers or slices, not %T", what, index);
        }
        return py_seq_index(what, len, idx);
    } else if (!py_get_int_maybe(index, &i)) {
        py_raise_fmt(&py_type_IndexError, "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0) {
        i += (py_int_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        py_raise_fmt(&py_type_IndexError, "%s index out of range", what);
    }
    return (size_t)i;
}

py_val py_slice_new(py_val start, py_val stop, py_val step) {
    py_slice *s = py_new(py_slice, &py_type_slice);
    s->start = start;
    s->stop = stop;
    s->step = step;
    return (py_val)s;
}

// A slice index: an int, or an object with __index__.
static py_val slice_index_value(py_val v) {
    if (py_is_int(v)) {
        return v;
    }
    py_val idx = py_unary_op(PY_UOP_INDEX, v);
    if (idx == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "slice indices must be integers or None or have an __index__ method");
    }
    return idx;
}

static py_int_t slice_bound(py_val v, py_int_t len, py_int_t dflt, bool neg_step) {
    if (v == PY_NONE) {
        return dflt;
    }
    v = slice_index_value(v);
    py_int_t i;
    if (!py_get_int_maybe(v, &i)) {
        // a huge int: clamp by sign
        if (!py_is_int(v)) {
            py_raise_msg(&py_type_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        }
        i = py_is_true(py_binary_op(PY_OP_LT, v, py_small(0))) ? -len - 1 : len + 1;
    }
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = neg_step ? -1 : 0;
        }
    } else if (i >= len) {
        i = neg_step ? len - 1 : len;
    }
    return i;
}

size_t py_slice_indices(py_val slice, size_t len, py_int_t *start, py_int_t *stop, py_int_t *step) {
    py_slice *s = (py_slice *)slice;
    py_int_t st = 1;
    if (s->step != PY_NONE) {
        if (!py_get_int_maybe(slice_index_value(s->step), &st)) {
            if (!py_is_int(s->step)) {
                py_raise_msg(&py_type_TypeError,
                             "slice indices must be integers or None or have an __index__ method");
            }
            st = py_is_true(py_binary_op(PY_OP_LT, s->step, py_small(0))) ? -PY_SMALL_MAX : PY_SMALL_MAX;
        }
        if (st == 0) {
            py_raise_msg(&py_type_ValueError, "slice step cannot be zero");
        }
    }
    py_int_t n = (py_int_t)len;
    bool neg = st < 0;
    py_int_t a = slice_bound(s->start, n, neg ? n - 1 : 0, neg);
    py_int_t b = slice_bound(s->stop, n, neg ? -1 : n, neg);
    *start = a;
    *stop = b;
    *step = st;
    if (neg) {
        return b < a ? (size_t)((a - b - 1) / (-st) + 1) : 0;
    }
    return a < b ? (size_t)((b - a - 1) / st + 1) : 0;
}

// ---- iteration -------------------------------------------------------------------------------
bool py_is_iterable(py_val v) {
    const py_type *t = py_typeof(v);
    if (t->flags & PY_TF_HEAP) {
        return py_type_lookup(t, PY_QSTR___iter__) != PY_NULL ||
               py_type_lookup(t, PY_QSTR___getitem__) != PY_NULL;
    }
    return t->getiter != NULL || (t->flags & PY_TF_ITER_SELF);
}

py_val py_getiter(py_val v) {
    const py_type *t = py_typeof(v);
    if (t->flags & PY_TF_ITER_SELF) {
        return v;
    }
    if (t->getiter) {
        py_val it = t->getiter(v);
        if (it != PY_NULL) {
            return it;
        }
    }
    py_raise_fmt(&py_type_TypeError, "'%T' object is not iterable", v);
}

py_val py_iternext(py_val it) {
    const py_type *t = py_typeof(it);
    if (t->iternext) {
        return t->iternext(it);
    }
    py_raise_fmt(&py_type_TypeError, "'%T' object is not an iterator", it);
}

void py_iterate(py_val iterable, void (*f)(void *ctx, py_val item), void *ctx) {
    size_t n;
    py_val *items;
    if (py_get_items(iterable, &n, &items)) {
        for (size_t i = 0; i < n; i++) {
            f(ctx, items[i]);
            // the list may change under us: re-read its items each time
            py_get_items(iterable, &n, &items);
        }
        return;
    }
    py_val it = py_getiter(iterable);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        f(ctx, v);
    }
}

bool py_get_items(py_val seq, size_t *len, py_val **items) {
    if (!py_is_obj(seq)) {
        return false;
    }
    if (seq->type == &py_type_tuple) {
        *len = ((py_tuple *)seq)->len;
        *items = ((py_tuple *)seq)->items;
        return true;
    }
    if (seq->type == &py_type_list) {
        *len = ((py_list *)seq)->len;
        *items = ((py_list *)seq)->items;
        return true;
    }
    return false;
}

void py_unpack(py_val seq, size_t n, py_val *out) {
    size_t len;
    py_val *items;
    if (py_get_items(seq, &len, &items)) {
        if (len != n) {
            py_raise_fmt(&py_type_ValueError, len < n ? "not enough values to unpack (expected %d, got %d)"
                                                      : "too many values to unpack (expected %d)",
                         (int)n, (int)len);
        }
        py_memcpy(out, items, n * sizeof(py_val));
        return;
    }
    py_val it = py_getiter(seq);
    for (size_t i = 0; i < n; i++) {
        out[i] = py_iternext(it);
        if (out[i] == PY_STOP) {
            py_raise_fmt(&py_type_ValueError, "not enough values to unpack (expected %d, got %d)", (int)n, (int)i);
        }
    }
    if (py_iternext(it) != PY_STOP) {
        py_raise_fmt(&py_type_ValueError, "too many values to unpack (expected %d)", (int)n);
    }
}

bool py_index_maybe(py_val v, py_int_t *out) {
    if (py_is_small(v)) {
        *out = py_small_get(v);
        return true;
    }
    if (!py_is_int(v)) {
        v = py_unary_op(PY_UOP_INDEX, v);
        if (v == PY_NULL) {
            return false;
        }
    }
    return py_get_int_maybe(v, out);
}

// ---- conversions and type queries -------------------------------------------------------------------
bool py_is_str(py_val v) {
    return py_is_qstr(v) || (py_is_obj(v) && v->type == &py_type_str) ||
           (py_is_obj(v) && (v->type->flags & PY_TF_HEAP) && v->type->native == &py_type_str);
}

const char *py_get_str(py_val v, size_t *len) {
    if (py_is_qstr(v)) {
        return py_qstr_data(py_qstr_get(v), len);
    }
    if (py_is_obj(v)) {
        if (v->type == &py_type_str) {
            *len = ((py_str *)v)->len;
            return ((py_str *)v)->data;
        }
        if ((v->type->flags & PY_TF_HEAP) && v->type->native == &py_type_str) {
            return py_get_str(((py_instance *)v)->native, len);
        }
    }
    py_raise_fmt(&py_type_TypeError, "expected str, got %T", v);
}

bool py_get_buffer_maybe(py_val v, py_buffer *buf, int flags) {
    const py_type *t = py_typeof(v);
    if (t->buffer) {
        return t->buffer(v, buf, flags);
    }
    return false;
}

void py_get_buffer(py_val v, py_buffer *buf, int flags) {
    if (!py_get_buffer_maybe(v, buf, flags)) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
}

bool py_is_type(py_val v) {
    if (!py_is_obj(v)) {
        return false;
    }
    const py_type *t = v->type;
    return t == &py_type_type || ((t->flags & PY_TF_HEAP) && t->native == &py_type_type);
}

bool py_issubclass(const py_type *sub, const py_type *type) {
    if (sub == type || type == &py_type_object) {
        return true;
    }
    if (sub->flags & PY_TF_HEAP) {
        py_tuple *mro = sub->mro;
        for (size_t i = 0; i < mro->len; i++) {
            if ((const py_type *)mro->items[i] == type) {
                return true;
            }
        }
        return false;
    }
    for (const py_type *t = sub->base_type; t; t = t->base_type) {
        if (t == type) {
            return true;
        }
    }
    return false;
}

bool py_isinstance(py_val v, const py_type *type) { return py_issubclass(py_typeof(v), type); }

qstr py_type_qname(const py_type *t) { return t->name; }
const char *py_type_name(py_val v) { return py_qstr_str(py_typeof(v)->name); }

// ---- C stack -----------------------------------------------------------------------------------
void py_stack_check(void) {
    char here;
    py_thread_state *ts = PY_TS;
    if (ts && ts->c_stack_limit && (uintptr_t)&here < ts->c_stack_limit) {
        py_raise_recursion_error();
    }
}
