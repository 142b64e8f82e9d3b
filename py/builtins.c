// py/builtins.c: the built-in functions and the builtins namespace (a const dict: flash on a
// target). Iterator-returning built-ins (enumerate, zip, map, filter, reversed) are types,
// as in CPython, so isinstance and repr behave the same.
#include <stdlib.h>
#include <string.h>

#include "py/builtins.h"
#include "py/dtoa.h"
#include "py/format.h"
#include "py/objexc.h"
#include "py/objfun.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/objlist.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- print -----------------------------------------------------------------------------------
void py_builtin_print_to(py_val file, size_t n, const py_val *args, py_val sep, py_val end) {
    py_vstr v;
    py_vstr_init(&v, 64);
    py_print p;
    py_vstr_printer(&v, &p);
    size_t sl = 1, el = 1;
    const char *s = " ", *e = "\n";
    if (sep != PY_NULL && sep != PY_NONE) {
        if (!py_is_str(sep)) {
            py_raise_fmt(&py_type_TypeError, "sep must be None or a string, not %T", sep);
        }
        s = py_get_str(sep, &sl);
    }
    if (end != PY_NULL && end != PY_NONE) {
        if (!py_is_str(end)) {
            py_raise_fmt(&py_type_TypeError, "end must be None or a string, not %T", end);
        }
        e = py_get_str(end, &el);
    }
    for (size_t i = 0; i < n; i++) {
        if (i) {
            py_vstr_add(&v, s, sl);
        }
        py_print_val(&p, args[i], PY_PRINT_STR);
        if (sep != PY_NULL && sep != PY_NONE) {
            s = py_get_str(sep, &sl); // a GC may not move it, but re-read for clarity
        }
    }
    if (end != PY_NULL && end != PY_NONE) {
        e = py_get_str(end, &el);
    }
    py_vstr_add(&v, e, el);
    if (file == PY_NULL || file == PY_NONE) {
        py_port_write_out(py_vstr_data(&v), v.len);
        return;
    }
    py_val text = py_vstr_to_str(&v);
    py_call_method(file, PY_QSTR_write, 1, &text);
}

static py_val builtin_print(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_sep, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_end, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_file, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_flush, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[4];
    // positional args are the values: parse only the keywords
    py_arg_parse("print", n_args, n_kw, args, n_args, spec, 4, a);
    py_builtin_print_to(a[2], n_args, args, a[0], a[1]);
    if (py_is_true(a[3]) && a[2] != PY_NONE) {
        py_val fl = py_load_attr_maybe(a[2], PY_QSTR_flush);
        if (fl) {
            py_call0(fl);
        }
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(builtin_print_obj, print, builtin_print);

void py_repl_print_expr(py_val v) {
    if (v == PY_NONE) {
        return;
    }
    py_vstr s;
    py_vstr_init(&s, 32);
    py_print p;
    py_vstr_printer(&s, &p);
    py_print_val(&p, v, PY_PRINT_REPR);
    py_vstr_add_char(&s, '\n');
    py_port_write_out(py_vstr_data(&s), s.len);
    py_dict_set_qstr(PY_S->main_globals ? PY_S->main_globals : py_vm_globals(), PY_QSTR__, v);
}

// ---- simple functions ---------------------------------------------------------------------------
static py_val builtin_len(py_val o) {
    py_val n = py_len_maybe(o);
    if (n == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "object of type '%T' has no len()", o);
    }
    return n;
}
static PY_FN_OBJ_1(builtin_len_obj, len, builtin_len);

static py_val builtin_repr(py_val o) { return py_repr(o); }
static PY_FN_OBJ_1(builtin_repr_obj, repr, builtin_repr);

static py_val builtin_ascii(py_val o) { return py_ascii(o); }
static PY_FN_OBJ_1(builtin_ascii_obj, ascii, builtin_ascii);

static py_val builtin_id(py_val o) { return py_int_from_ull((unsigned long long)(uintptr_t)o); }
static PY_FN_OBJ_1(builtin_id_obj, id, builtin_id);

static py_val builtin_hash(py_val o) {
    py_uint_t h = py_hash(o);
    return py_int_from((py_int_t)h);
}
static PY_FN_OBJ_1(builtin_hash_obj, hash, builtin_hash);

static py_val builtin_callable(py_val o) { return py_bool(py_is_callable(o)); }
static PY_FN_OBJ_1(builtin_callable_obj, callable, builtin_callable);

static py_val builtin_abs(py_val o) {
    if (py_is_small(o)) {
        py_int_t i = py_small_get(o);
        return py_int_from(i < 0 ? -i : i);
    }
    return py_unary_op(PY_UOP_ABS, o);
}
static PY_FN_OBJ_1(builtin_abs_obj, abs, builtin_abs);

static bool isinstance_check(py_val o, py_val cls, int depth) {
    if (depth > 100) {
        py_raise_recursion_error();
    }
    if (py_is_obj(cls) && cls->type == &py_type_tuple) {
        py_tuple *t = (py_tuple *)cls;
        for (size_t i = 0; i < t->len; i++) {
            if (isinstance_check(o, t->items[i], depth + 1)) {
                return true;
            }
        }
        return false;
    }
    if (!py_is_type(cls)) {
        py_raise_msg(&py_type_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    }
    const py_type *t = (const py_type *)cls;
    if (py_isinstance(o, t)) {
        return true;
    }
    // bool is an int; instances of classes deriving from built-ins are handled by the MRO
    return false;
}

static py_val builtin_isinstance(py_val o, py_val cls) { return py_bool(isinstance_check(o, cls, 0)); }
static PY_FN_OBJ_2(builtin_isinstance_obj, isinstance, builtin_isinstance);

static bool issubclass_check(py_val sub, py_val cls, int depth) {
    if (depth > 100) {
        py_raise_recursion_error();
    }
    if (py_is_obj(cls) && cls->type == &py_type_tuple) {
        py_tuple *t = (py_tuple *)cls;
        for (size_t i = 0; i < t->len; i++) {
            if (issubclass_check(sub, t->items[i], depth + 1)) {
                return true;
            }
        }
        return false;
    }
    if (!py_is_type(cls)) {
        py_raise_msg(&py_type_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    }
    return py_issubclass((const py_type *)sub, (const py_type *)cls);
}

static py_val builtin_issubclass(py_val sub, py_val cls) {
    if (!py_is_type(sub)) {
        py_raise_msg(&py_type_TypeError, "issubclass() arg 1 must be a class");
    }
    return py_bool(issubclass_check(sub, cls, 0));
}
static PY_FN_OBJ_2(builtin_issubclass_obj, issubclass, builtin_issubclass);

static qstr attr_name(py_val name) {
    if (!py_is_str(name)) {
        py_raise_fmt(&py_type_TypeError, "attribute name must be string, not '%T'", name);
    }
    return py_str_intern(name);
}

static py_val builtin_getattr(size_t n_args, const py_val *args) {
    qstr name = attr_name(args[1]);
    if (n_args == 2) {
        return py_load_attr(args[0], name);
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val v = py_load_attr(args[0], name);
        py_nlr_pop();
        return v;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_AttributeError)) {
        return args[2];
    }
    py_raise(nlr.exc);
}
static PY_FN_OBJ_VAR(builtin_getattr_obj, getattr, 2, 3, builtin_getattr);

static py_val builtin_hasattr(py_val o, py_val name) {
    qstr q = attr_name(name);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val v = py_load_attr_maybe(o, q);
        py_nlr_pop();
        return py_bool(v != PY_NULL);
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_AttributeError)) {
        return PY_FALSE;
    }
    py_raise(nlr.exc);
}
static PY_FN_OBJ_2(builtin_hasattr_obj, hasattr, builtin_hasattr);

static py_val builtin_setattr(py_val o, py_val name, py_val v) {
    py_store_attr(o, attr_name(name), v);
    return PY_NONE;
}
static PY_FN_OBJ_3(builtin_setattr_obj, setattr, builtin_setattr);

static py_val builtin_delattr(py_val o, py_val name) {
    py_delete_attr(o, attr_name(name));
    return PY_NONE;
}
static PY_FN_OBJ_2(builtin_delattr_obj, delattr, builtin_delattr);

static py_val builtin_iter(size_t n_args, const py_val *args) {
    if (n_args == 2) {
        return py_callable_iter_new(args[0], args[1]);
    }
    return py_getiter(args[0]);
}
static PY_FN_OBJ_VAR(builtin_iter_obj, iter, 1, 2, builtin_iter);

static py_val builtin_next(size_t n_args, const py_val *args) {
    const py_type *t = py_typeof(args[0]);
    if (t->iternext == NULL) {
        py_raise_fmt(&py_type_TypeError, "'%T' object is not an iterator", args[0]);
    }
    PY_TS->stop_value = PY_NULL;
    py_val v = py_iternext(args[0]);
    if (v == PY_STOP) {
        if (n_args > 1) {
            return args[1];
        }
        py_val sv = PY_TS->stop_value;
        PY_TS->stop_value = PY_NULL;
        py_raise_stop_iteration(sv && sv != PY_NONE ? sv : PY_NULL);
    }
    return v;
}
static PY_FN_OBJ_VAR(builtin_next_obj, next, 1, 2, builtin_next);

static py_val builtin_chr(py_val i) {
    py_int_t c;
    if (!py_get_int_maybe(i, &c)) {
        if (!py_is_int(i)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", i);
        }
        c = -1;
    }
    if (c < 0 || c > 0x10ffff) {
        py_raise_msg(&py_type_ValueError, "chr() arg not in range(0x110000)");
    }
    py_vstr v;
    py_vstr_init(&v, 4);
    py_vstr_add_utf8(&v, (uint32_t)c);
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_1(builtin_chr_obj, chr, builtin_chr);

static py_val builtin_ord(py_val s) {
    if (py_is_str(s)) {
        size_t len;
        const char *d = py_get_str(s, &len);
        size_t n = py_utf8_charlen(d, len);
        if (n != 1) {
            py_raise_fmt(&py_type_TypeError, "ord() expected a character, but string of length %d found", (int)n);
        }
        return py_small(py_utf8_decode(&d));
    }
    py_buffer buf;
    if (py_typeof(s) != &py_type_int && py_get_buffer_maybe(s, &buf, PY_BUFFER_READ)) {
        if (buf.len != 1) {
            py_raise_fmt(&py_type_TypeError, "ord() expected a character, but string of length %d found", (int)buf.len);
        }
        return py_small(((uint8_t *)buf.buf)[0]);
    }
    py_raise_fmt(&py_type_TypeError, "ord() expected string of length 1, but %T found", s);
}
static PY_FN_OBJ_1(builtin_ord_obj, ord, builtin_ord);

static py_val int_base_fmt(py_val i, const char *spec) {
    if (!py_is_int(i)) {
        py_val idx = py_unary_op(PY_UOP_INDEX, i);
        if (idx == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", i);
        }
        i = idx;
    }
    return py_format(i, py_str_from_cstr(spec));
}
static py_val builtin_hex(py_val i) { return int_base_fmt(i, "#x"); }
static py_val builtin_oct(py_val i) { return int_base_fmt(i, "#o"); }
static py_val builtin_bin(py_val i) { return int_base_fmt(i, "#b"); }
static PY_FN_OBJ_1(builtin_hex_obj, hex, builtin_hex);
static PY_FN_OBJ_1(builtin_oct_obj, oct, builtin_oct);
static PY_FN_OBJ_1(builtin_bin_obj, bin, builtin_bin);

static py_val builtin_divmod(py_val a, py_val b) {
    const py_type *ta = py_typeof(a), *tb = py_typeof(b);
    bool num_a = py_is_int(a) || ta == &py_type_float, num_b = py_is_int(b) || tb == &py_type_float;
    if (num_a && num_b && !(ta->flags & PY_TF_HEAP) && !(tb->flags & PY_TF_HEAP)) {
        return py_number_divmod(a, b);
    }
    py_val m = py_type_lookup(ta, PY_QSTR___divmod__);
    if (m && py_typeof(m) == &py_type_function) {
        py_val r = py_call2(m, a, b);
        if (r != PY_NOTIMPLEMENTED) {
            return r;
        }
    }
    m = py_type_lookup(tb, PY_QSTR___rdivmod__);
    if (m && py_typeof(m) == &py_type_function) {
        py_val r = py_call2(m, b, a);
        if (r != PY_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (num_a && num_b) {
        return py_number_divmod(a, b);
    }
    py_raise_fmt(&py_type_TypeError, "unsupported operand type(s) for divmod(): '%T' and '%T'", a, b);
}
static PY_FN_OBJ_2(builtin_divmod_obj, divmod, builtin_divmod);

static py_val builtin_pow(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_base, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_exp, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_mod, 0, PY_NONE},
    };
    py_val a[3];
    py_arg_parse("pow", n_args, n_kw, args, 0, spec, 3, a);
    if (a[2] == PY_NONE) {
        return py_binary_op(PY_OP_POW, a[0], a[1]);
    }
    return py_number_pow3(a[0], a[1], a[2]);
}
static PY_FN_OBJ_KW(builtin_pow_obj, pow, builtin_pow);

static py_val builtin_round(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_number, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_ndigits, 0, PY_NONE},
    };
    py_val a[2];
    py_arg_parse("round", n_args, n_kw, args, 0, spec, 2, a);
    py_val x = a[0];
    if (py_is_int(x) || py_typeof(x) == &py_type_float) {
        return py_number_round(x, a[1]);
    }
    py_val m = py_type_lookup(py_typeof(x), PY_QSTR___round__);
    if (m == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "type %T doesn't define __round__ method", x);
    }
    return a[1] == PY_NONE ? py_call1(m, x) : py_call2(m, x, a[1]);
}
static PY_FN_OBJ_KW(builtin_round_obj, round, builtin_round);

// ---- iteration helpers ----------------------------------------------------------------------------
static py_val builtin_sum(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_start, 0, py_small_const(0)},
    };
    py_val a[2];
    py_arg_parse("sum", n_args, n_kw, args, 0, spec, 2, a);
    py_val acc = a[1];
    if (py_is_str(acc)) {
        py_raise_msg(&py_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (py_is_obj(acc) && (acc->type == &py_type_bytes || acc->type == &py_type_bytearray)) {
        py_raise_fmt(&py_type_TypeError, "sum() can't sum %s [use b''.join(seq) instead]", py_type_name(acc));
    }
    py_val x = a[0];
    if (py_is_obj(x) && (x->type == &py_type_bytes || x->type == &py_type_bytearray) &&
        py_is_small(acc)) {
        // the bytes of a buffer, with no iterator (a buffer is < 4 GiB: no overflow)
        py_buffer buf;
        py_get_buffer(x, &buf, PY_BUFFER_READ);
        long long total = py_small_get(acc);
        for (size_t i = 0; i < buf.len; i++) {
            total += ((const uint8_t *)buf.buf)[i];
        }
        return py_int_from_ll(total);
    }
    size_t n;
    py_val *items;
    bool seq = py_is_obj(x) && (x->type == &py_type_list || x->type == &py_type_tuple);
    py_val it = seq ? PY_NULL : py_getiter(x);
    for (size_t i = 0;; i++) {
        py_val v;
        if (seq) {
            py_get_items(x, &n, &items); // adding may run Python code that changes the list
            if (i >= n) {
                break;
            }
            v = items[i];
        } else if ((v = py_iternext(it)) == PY_STOP) {
            break;
        }
        intptr_t r;
        if (py_is_small(acc) && py_is_small(v) && !__builtin_add_overflow((intptr_t)acc, (intptr_t)v - 1, &r)) {
            acc = (py_val)r;
        } else {
            acc = py_binary_op(PY_OP_ADD, acc, v);
        }
    }
    return acc;
}
static PY_FN_OBJ_KW(builtin_sum_obj, sum, builtin_sum);

static py_val builtin_any(py_val iterable) {
    py_val it = py_getiter(iterable);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        if (py_is_true(v)) {
            return PY_TRUE;
        }
    }
    return PY_FALSE;
}
static PY_FN_OBJ_1(builtin_any_obj, any, builtin_any);

static py_val builtin_all(py_val iterable) {
    py_val it = py_getiter(iterable);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        if (!py_is_true(v)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}
static PY_FN_OBJ_1(builtin_all_obj, all, builtin_all);

static py_val min_max(size_t n_args, size_t n_kw, const py_val *args, bool is_max) {
    const char *name = is_max ? "max" : "min";
    static const py_arg_spec spec[] = {
        {PY_QSTR_key, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_default, PY_ARG_KW_ONLY, PY_NULL},
    };
    py_val a[2];
    py_arg_parse(name, n_args, n_kw, args, n_args, spec, 2, a);
    if (n_args == 0) {
        py_raise_fmt(&py_type_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    py_val key = a[0], dflt = a[1];
    py_val it;
    if (n_args == 1) {
        it = py_getiter(args[0]);
    } else {
        if (dflt != PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
        }
        it = py_getiter(py_tuple_new(n_args, args));
    }
    py_val best = PY_NULL, best_key = PY_NULL;
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        py_val k = key != PY_NONE ? py_call1(key, v) : v;
        if (best == PY_NULL || (is_max ? py_less(best_key, k) : py_less(k, best_key))) {
            best = v;
            best_key = k;
        }
    }
    if (best == PY_NULL) {
        if (dflt != PY_NULL) {
            return dflt;
        }
        py_raise_fmt(&py_type_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}
static py_val builtin_min(size_t n_args, size_t n_kw, const py_val *args) { return min_max(n_args, n_kw, args, false); }
static py_val builtin_max(size_t n_args, size_t n_kw, const py_val *args) { return min_max(n_args, n_kw, args, true); }
static PY_FN_OBJ_KW(builtin_min_obj, min, builtin_min);
static PY_FN_OBJ_KW(builtin_max_obj, max, builtin_max);

static py_val builtin_sorted(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_key, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_reverse, PY_ARG_KW_ONLY, PY_FALSE},
    };
    py_val a[3];
    if (n_args != 1) {
        py_raise_fmt(&py_type_TypeError, "sorted expected 1 argument, got %d", (int)n_args);
    }
    py_arg_parse("sorted", n_args, n_kw, args, 0, spec, 3, a);
    py_val l = py_list_new(0, NULL);
    py_list_extend(l, a[0]);
    py_list_sort(l, a[1], py_is_true(a[2]));
    return l;
}
static PY_FN_OBJ_KW(builtin_sorted_obj, sorted, builtin_sorted);

// ---- iterator types: enumerate, zip, map, filter, reversed, callable_iterator ---------------------
typedef struct iter_obj {
    py_obj base;
    py_val a, b;   // meaning by type
    py_val count;  // enumerate index (int)
    py_tuple *its; // zip, map: the iterators
    bool strict;
} iter_obj;

static py_val enumerate_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    py_val v = py_iternext(it->a);
    if (v == PY_STOP) {
        return PY_STOP;
    }
    py_val pair[2] = {it->count, v};
    it->count = py_is_small(it->count) && py_small_get(it->count) < PY_SMALL_MAX
                    ? py_small(py_small_get(it->count) + 1)
                    : py_binary_op(PY_OP_ADD, it->count, py_small(1));
    return py_tuple_new(2, pair);
}

static py_val enumerate_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_iterable, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_start, 0, py_small_const(0)},
    };
    py_val a[2];
    py_arg_parse("enumerate", n_args, n_kw, args, 0, spec, 2, a);
    iter_obj *it = py_new(iter_obj, t);
    it->a = py_getiter(a[0]);
    if (!py_is_int(a[1])) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
    }
    it->count = a[1];
    return (py_val)it;
}

const py_type py_type_enumerate = {
    .base = {&py_type_type},
    .name = PY_QSTR_enumerate,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .make_new = enumerate_make_new,
    .iternext = enumerate_next,
    .base_type = &py_type_object,
};

static py_val zip_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    size_t n = it->its->len;
    if (n == 0) {
        return PY_STOP;
    }
    py_val t = py_tuple_new(n, NULL);
    for (size_t i = 0; i < n; i++) {
        py_val v = py_iternext(it->its->items[i]);
        if (v == PY_STOP) {
            if (it->strict) {
                if (i > 0) {
                    py_raise_fmt(&py_type_ValueError, "zip() argument %d is shorter than argument%s%d",
                                 (int)i + 1, i == 1 ? " " : "s 1-", (int)i);
                }
                for (size_t j = 1; j < n; j++) {
                    if (py_iternext(it->its->items[j]) != PY_STOP) {
                        py_raise_fmt(&py_type_ValueError, "zip() argument %d is longer than argument%s%d",
                                     (int)j + 1, j == 1 ? " " : "s 1-", (int)j);
                    }
                }
            }
            return PY_STOP;
        }
        ((py_tuple *)t)->items[i] = v;
    }
    return t;
}

static py_val zip_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_strict, PY_ARG_KW_ONLY, PY_FALSE}};
    py_val a[1];
    py_arg_parse("zip", n_args, n_kw, args, n_args, spec, 1, a);
    iter_obj *it = py_new(iter_obj, t);
    it->its = (py_tuple *)py_tuple_new(n_args, NULL);
    for (size_t i = 0; i < n_args; i++) {
        it->its->items[i] = py_getiter(args[i]);
    }
    it->strict = py_is_true(a[0]);
    return (py_val)it;
}

const py_type py_type_zip = {
    .base = {&py_type_type},
    .name = PY_QSTR_zip,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .make_new = zip_make_new,
    .iternext = zip_next,
    .base_type = &py_type_object,
};

static py_val map_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    size_t n = it->its->len;
    py_val buf[4];
    py_val *vals = n <= 4 ? buf : py_gc_alloc(n * sizeof(py_val), 0);
    for (size_t i = 0; i < n; i++) {
        vals[i] = py_iternext(it->its->items[i]);
        if (vals[i] == PY_STOP) {
            return PY_STOP;
        }
    }
    return py_call(it->a, n, 0, vals);
}

static py_val map_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("map", n_kw);
    if (n_args < 2) {
        py_raise_msg(&py_type_TypeError, "map() must have at least two arguments.");
    }
    iter_obj *it = py_new(iter_obj, t);
    it->a = args[0];
    it->its = (py_tuple *)py_tuple_new(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; i++) {
        it->its->items[i - 1] = py_getiter(args[i]);
    }
    return (py_val)it;
}

const py_type py_type_map = {
    .base = {&py_type_type},
    .name = PY_QSTR_map,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .make_new = map_make_new,
    .iternext = map_next,
    .base_type = &py_type_object,
};

static py_val filter_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    for (py_val v; (v = py_iternext(it->b)) != PY_STOP;) {
        bool keep = it->a == PY_NONE ? py_is_true(v) : py_is_true(py_call1(it->a, v));
        if (keep) {
            return v;
        }
    }
    return PY_STOP;
}

static py_val filter_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("filter", n_kw);
    py_arg_check_count("filter", n_args, 2, 2);
    iter_obj *it = py_new(iter_obj, t);
    it->a = args[0];
    it->b = py_getiter(args[1]);
    return (py_val)it;
}

const py_type py_type_filter = {
    .base = {&py_type_type},
    .name = PY_QSTR_filter,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .make_new = filter_make_new,
    .iternext = filter_next,
    .base_type = &py_type_object,
};

static py_val reversed_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    py_int_t i = py_small_get(it->count);
    if (i <= 0) {
        return PY_STOP;
    }
    it->count = py_small(i - 1);
    return py_subscr_load(it->a, py_small(i - 1));
}

static py_val reversed_make_new(const py_type *t, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_no_kw("reversed", n_kw);
    py_arg_check_count("reversed", n_args, 1, 1);
    py_val seq = args[0];
    if (py_typeof(seq) == &py_type_list) {
        return py_list_reversed(seq);
    }
    py_val m = py_type_lookup(py_typeof(seq), PY_QSTR___reversed__);
    if (m) {
        return py_call1(m, seq);
    }
    py_val n = py_len_maybe(seq);
    bool has_getitem = py_typeof(seq)->subscr != NULL || py_type_lookup(py_typeof(seq), PY_QSTR___getitem__);
    if (n == PY_NULL || !has_getitem || py_typeof(seq) == &py_type_dict || py_typeof(seq) == &py_type_set) {
        py_raise_fmt(&py_type_TypeError, "'%T' object is not reversible", seq);
    }
    iter_obj *it = py_new(iter_obj, t);
    it->a = seq;
    it->count = n;
    return (py_val)it;
}

const py_type py_type_reversed = {
    .base = {&py_type_type},
    .name = PY_QSTR_reversed,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .make_new = reversed_make_new,
    .iternext = reversed_next,
    .base_type = &py_type_object,
};

static py_val callable_iter_next(py_val self) {
    iter_obj *it = (iter_obj *)self;
    if (it->a == PY_NULL) {
        return PY_STOP;
    }
    py_val v = py_call0(it->a);
    if (py_equal(v, it->b)) {
        it->a = PY_NULL;
        return PY_STOP;
    }
    return v;
}

static const py_type callable_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_callable_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = callable_iter_next,
    .base_type = &py_type_object,
};

py_val py_callable_iter_new(py_val fn, py_val sentinel) {
    if (!py_is_callable(fn)) {
        py_raise_msg(&py_type_TypeError, "iter(v, w): v must be callable");
    }
    iter_obj *it = py_new(iter_obj, &callable_iter_type);
    it->a = fn;
    it->b = sentinel;
    return (py_val)it;
}

// ---- namespaces, code -------------------------------------------------------------------------------
static py_val builtin_globals(void) { return (py_val)py_vm_globals(); }
static PY_FN_OBJ_0(builtin_globals_obj, globals, builtin_globals);

static py_val builtin_locals(void) { return py_vm_locals(); }
static PY_FN_OBJ_0(builtin_locals_obj, locals, builtin_locals);

static py_val builtin_vars(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        return py_vm_locals();
    }
    py_val d = py_load_attr_maybe(args[0], PY_QSTR___dict__);
    if (d == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}
static PY_FN_OBJ_VAR(builtin_vars_obj, vars, 0, 1, builtin_vars);

static py_val code_from(py_val src, int mode, qstr filename) {
    if (py_typeof(src) == &py_type_code) {
        return src;
    }
    py_buffer buf;
    if (py_is_str(src)) {
        size_t len;
        const char *s = py_get_str(src, &len);
        return py_compile(s, len, filename, mode);
    }
    if (py_get_buffer_maybe(src, &buf, PY_BUFFER_READ)) {
        if (!py_utf8_valid(buf.buf, buf.len)) {
            py_raise_msg(&py_type_SyntaxError, "source code is not valid UTF-8");
        }
        // copy: the compiler keeps pointers into the source only during compilation
        return py_compile(buf.buf, buf.len, filename, mode);
    }
    py_raise_msg(&py_type_TypeError, "exec() arg 1 must be a string, bytes or code object");
}

static py_val exec_eval(size_t n_args, const py_val *args, int mode, const char *name) {
    py_dict *globals = n_args > 1 && args[1] != PY_NONE ? (py_dict *)args[1] : py_vm_globals();
    py_val locals = n_args > 2 && args[2] != PY_NONE ? args[2] : (n_args > 1 && args[1] != PY_NONE ? (py_val)globals : py_vm_locals());
    if (n_args > 1 && args[1] != PY_NONE && !py_isinstance(args[1], &py_type_dict)) {
        py_raise_fmt(&py_type_TypeError, "%s() globals must be a dict, not %T", name, args[1]);
    }
    if (py_dict_get_qstr(globals, PY_QSTR___builtins__) == PY_NULL && !(globals->flags & PY_DICT_FIXED)) {
        py_dict_set_qstr(globals, PY_QSTR___builtins__, py_qstr_val(PY_QSTR_builtins));
    }
    if (locals == PY_NULL) {
        locals = (py_val)globals;
    }
    if (py_is_str(args[0]) && mode == PY_COMPILE_EVAL) {
        // eval() strips leading spaces and tabs
        size_t len;
        const char *s = py_get_str(args[0], &len);
        while (len && (*s == ' ' || *s == '\t')) {
            s++;
            len--;
        }
        py_val code = py_compile(s, len, PY_QSTR_lt_string_gt, mode);
        return py_exec_code(code, globals, (py_dict *)locals);
    }
    py_val code = code_from(args[0], mode, PY_QSTR_lt_string_gt);
    py_val r = py_exec_code(code, globals, (py_dict *)locals);
    return mode == PY_COMPILE_EVAL ? r : PY_NONE;
}

static py_val builtin_exec(size_t n_args, const py_val *args) { return exec_eval(n_args, args, PY_COMPILE_FILE, "exec"); }
static PY_FN_OBJ_VAR(builtin_exec_obj, exec, 1, 3, builtin_exec);
static py_val builtin_eval(size_t n_args, const py_val *args) { return exec_eval(n_args, args, PY_COMPILE_EVAL, "eval"); }
static PY_FN_OBJ_VAR(builtin_eval_obj, eval, 1, 3, builtin_eval);

static py_val builtin_compile(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_source, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_filename, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_mode, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_flags, 0, py_small_const(0)},
        {PY_QSTR_dont_inherit, 0, PY_FALSE},
        {PY_QSTR_optimize, 0, py_small_const(-1)},
    };
    py_val a[6];
    py_arg_parse("compile", n_args, n_kw, args, 0, spec, 6, a);
    size_t ml;
    const char *m = py_get_str(a[2], &ml);
    int mode;
    if (ml == 4 && memcmp(m, "exec", 4) == 0) {
        mode = PY_COMPILE_FILE;
    } else if (ml == 4 && memcmp(m, "eval", 4) == 0) {
        mode = PY_COMPILE_EVAL;
    } else if (ml == 6 && memcmp(m, "single", 6) == 0) {
        mode = PY_COMPILE_SINGLE;
    } else {
        py_raise_msg(&py_type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    return code_from(a[0], mode, py_str_intern(py_str_of(a[1])));
}
static PY_FN_OBJ_KW(builtin_compile_obj, compile, builtin_compile);

static int qstr_cmp(const void *a, const void *b) {
    const py_val *x = a, *y = b;
    size_t xl, yl;
    const char *xs = py_get_str(*x, &xl), *ys = py_get_str(*y, &yl);
    int c = memcmp(xs, ys, xl < yl ? xl : yl);
    return c ? c : (xl < yl ? -1 : xl > yl);
}

static void dir_add(py_val set, py_dict *d) {
    if (d == NULL) {
        return;
    }
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(d, &pos)) != NULL;) {
        if (py_is_str(e->key)) {
            py_set_add(set, e->key);
        }
    }
}

py_val py_builtin_dir_of(py_val obj) {
    py_val names = py_set_new(0, NULL);
    dir_add(names, py_instance_dict(obj, false));
    const py_type *t = py_is_type(obj) ? (const py_type *)obj : py_typeof(obj);
    if (t->flags & PY_TF_HEAP) {
        py_tuple *mro = t->mro;
        for (size_t i = 0; i < mro->len; i++) {
            dir_add(names, ((const py_type *)mro->items[i])->locals);
        }
    } else {
        for (; t; t = t->base_type) {
            dir_add(names, t->locals);
        }
    }
    if (!py_is_type(obj) && !(py_typeof(obj)->flags & PY_TF_HEAP)) {
        // modules (including those with their own attribute hook) list their namespace
        py_val d = py_load_attr_maybe(obj, PY_QSTR___dict__);
        if (d && py_isinstance(d, &py_type_dict)) {
            dir_add(names, (py_dict *)d);
        }
    }
    py_val l = py_list_new(0, NULL);
    py_list_extend(l, names);
    py_list *ll = (py_list *)l;
    qsort(ll->items, ll->len, sizeof(py_val), qstr_cmp);
    return l;
}

static py_val builtin_dir(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        py_val l = py_list_new(0, NULL);
        py_val loc = py_vm_locals();
        py_list_extend(l, loc);
        py_list_sort(l, PY_NULL, false);
        return l;
    }
    py_val m = py_type_lookup(py_typeof(args[0]), PY_QSTR___dir__);
    if (m && py_typeof(m) == &py_type_function) {
        py_val r = py_call1(m, args[0]);
        py_val l = py_list_new(0, NULL);
        py_list_extend(l, r);
        py_list_sort(l, PY_NULL, false);
        return l;
    }
    return py_builtin_dir_of(args[0]);
}
static PY_FN_OBJ_VAR(builtin_dir_obj, dir, 0, 1, builtin_dir);

static py_val builtin_import(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_name, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_globals, 0, PY_NONE},
        {PY_QSTR_locals, 0, PY_NONE},
        {PY_QSTR_fromlist, 0, PY_NONE},
        {PY_QSTR_level, 0, py_small_const(0)},
    };
    py_val a[5];
    py_arg_parse("__import__", n_args, n_kw, args, 0, spec, 5, a);
    if (!py_is_str(a[0])) {
        py_raise_fmt(&py_type_TypeError, "__import__() argument 1 must be str, not %T", a[0]);
    }
    return py_import(py_str_intern(a[0]), a[3], (int)py_get_int(a[4]));
}
static PY_FN_OBJ_KW(builtin_import_obj, __import__, builtin_import);

PY_FN_OBJ_KW(py_builtin___build_class___obj, __build_class__, py_build_class);

// open() and input() know no OS: open is io.open, and input talks to sys.stdin/sys.stdout,
// whatever the modules and the port put there (as CPython does when stdin is not a tty).
static py_val builtin_open(size_t n_args, size_t n_kw, const py_val *args) {
    py_val fn = py_load_attr(py_import_module("io"), PY_QSTR_open);
    return py_call(fn, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(builtin_open_obj, open, builtin_open);

static py_val builtin_input(size_t n_args, const py_val *args) {
    py_val sys = py_import_module("sys");
    if (n_args > 0) {
        py_val out = py_load_attr(sys, PY_QSTR_stdout);
        py_val prompt = py_str_of(args[0]);
        py_call_method(out, PY_QSTR_write, 1, &prompt);
        py_call_method(out, PY_QSTR_flush, 0, NULL);
    }
    py_val line = py_call_method(py_load_attr(sys, PY_QSTR_stdin), PY_QSTR_readline, 0, NULL);
    if (!py_is_str(line)) {
        py_raise_fmt(&py_type_TypeError, "object.readline() returned non-string");
    }
    size_t n;
    const char *s = py_get_str(line, &n);
    if (n == 0) {
        py_raise_msg(&py_type_EOFError, "EOF when reading a line");
    }
    return s[n - 1] == '\n' ? py_str_new(s, n - 1) : line;
}
static PY_FN_OBJ_VAR(builtin_input_obj, input, 0, 1, builtin_input);

static py_val builtin_format(size_t n_args, const py_val *args) {
    return py_format(args[0], n_args > 1 ? args[1] : py_qstr_val(PY_QSTR_));
}
static PY_FN_OBJ_VAR(builtin_format_obj, format, 1, 2, builtin_format);

py_val py_format(py_val v, py_val spec) {
    if (!py_is_str(spec)) {
        py_raise_fmt(&py_type_TypeError, "format() argument 2 must be str, not %T", spec);
    }
    size_t sl;
    const char *s = py_get_str(spec, &sl);
    const py_type *t = py_typeof(v);
    if (t->flags & PY_TF_HEAP) {
        py_val m = py_type_lookup(t, PY_QSTR___format__);
        if (m && py_typeof(m) == &py_type_function) {
            py_val r = py_call2(m, v, spec);
            if (!py_is_str(r)) {
                py_raise_fmt(&py_type_TypeError, "__format__ must return a str, not %T", r);
            }
            return r;
        }
        py_val native = py_type_is_instance_layout(t) ? ((py_instance *)v)->native : PY_NULL;
        if (native == PY_NULL || sl == 0) {
            // an empty spec means str(v) for every built-in __format__, so a subclass's
            // __str__ counts
            if (sl) {
                py_raise_fmt(&py_type_TypeError, "unsupported format string passed to %T.__format__", v);
            }
            return py_str_of(v);
        }
        v = native;
        t = py_typeof(v);
    }
    if (sl == 0 && t != &py_type_float) {
        return py_str_of(v);
    }
    if (py_is_small(v)) { // f"{i:05d}" and the like, without the printer and spec parser
        py_val r = py_int_small_format(py_small_get(v), s, sl);
        if (r != PY_NULL) {
            return r;
        }
    }
    py_sbuild out;
    py_print p;
    py_sbuild_init(&out, &p);
    if (t == &py_type_int || t == &py_type_bool) {
        py_int_format(&p, v, s, sl);
    } else if (t == &py_type_float) {
        py_float_format(&p, ((py_float *)v)->value, s, sl);
    } else if (py_is_str(v)) {
        py_fmt_spec fs;
        const char *err = py_format_parse(s, sl, &fs);
        if (err == NULL && fs.type != 0 && fs.type != 's') {
            py_raise_fmt(&py_type_ValueError, "Unknown format code '%c' for object of type 'str'", fs.type);
        }
        if (err == NULL) {
            size_t len;
            const char *d = py_get_str(v, &len);
            err = py_format_str(&p, d, len, py_str_charlen(v), &fs);
        }
        if (err) {
            py_raise_msg(&py_type_ValueError, err);
        }
    } else {
        py_val m = py_type_lookup(t, PY_QSTR___format__);
        if (m && py_typeof(m) != &py_type_builtin) {
            return py_call2(m, v, spec);
        }
        py_raise_fmt(&py_type_TypeError, "unsupported format string passed to %T.__format__", v);
    }
    return py_sbuild_to_str(&out);
}

static py_val builtin_exit(size_t n_args, const py_val *args) {
    py_raise(py_exc_new(&py_type_SystemExit, n_args, args));
}
static PY_FN_OBJ_VAR(builtin_exit_obj, exit, 0, 1, builtin_exit);

// ---- the namespace -----------------------------------------------------------------------------------
#define EXC_ENTRY(name) PY_ROM_ENTRY(name, &py_type_##name)

static const py_dict_entry builtins_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_builtins)),
    PY_ROM_ENTRY(__build_class__, &py_builtin___build_class___obj),
    PY_ROM_ENTRY(__import__, &builtin_import_obj),
    PY_ROM_ENTRY(abs, &builtin_abs_obj),
    PY_ROM_ENTRY(all, &builtin_all_obj),
    PY_ROM_ENTRY(any, &builtin_any_obj),
    PY_ROM_ENTRY(ascii, &builtin_ascii_obj),
    PY_ROM_ENTRY(bin, &builtin_bin_obj),
    PY_ROM_ENTRY(bool, &py_type_bool),
    PY_ROM_ENTRY(bytearray, &py_type_bytearray),
    PY_ROM_ENTRY(bytes, &py_type_bytes),
    PY_ROM_ENTRY(callable, &builtin_callable_obj),
    PY_ROM_ENTRY(chr, &builtin_chr_obj),
    PY_ROM_ENTRY(classmethod, &py_type_classmethod),
    PY_ROM_ENTRY(compile, &builtin_compile_obj),
    PY_ROM_ENTRY(delattr, &builtin_delattr_obj),
    PY_ROM_ENTRY(dict, &py_type_dict),
    PY_ROM_ENTRY(dir, &builtin_dir_obj),
    PY_ROM_ENTRY(divmod, &builtin_divmod_obj),
    PY_ROM_ENTRY(enumerate, &py_type_enumerate),
    PY_ROM_ENTRY(eval, &builtin_eval_obj),
    PY_ROM_ENTRY(exec, &builtin_exec_obj),
    PY_ROM_ENTRY(exit, &builtin_exit_obj),
    PY_ROM_ENTRY(filter, &py_type_filter),
    PY_ROM_ENTRY(float, &py_type_float),
    PY_ROM_ENTRY(format, &builtin_format_obj),
    PY_ROM_ENTRY(frozenset, &py_type_frozenset),
    PY_ROM_ENTRY(getattr, &builtin_getattr_obj),
    PY_ROM_ENTRY(globals, &builtin_globals_obj),
    PY_ROM_ENTRY(hasattr, &builtin_hasattr_obj),
    PY_ROM_ENTRY(hash, &builtin_hash_obj),
    PY_ROM_ENTRY(hex, &builtin_hex_obj),
    PY_ROM_ENTRY(id, &builtin_id_obj),
    PY_ROM_ENTRY(int, &py_type_int),
    PY_ROM_ENTRY(isinstance, &builtin_isinstance_obj),
    PY_ROM_ENTRY(issubclass, &builtin_issubclass_obj),
    PY_ROM_ENTRY(iter, &builtin_iter_obj),
    PY_ROM_ENTRY(len, &builtin_len_obj),
    PY_ROM_ENTRY(list, &py_type_list),
    PY_ROM_ENTRY(locals, &builtin_locals_obj),
    PY_ROM_ENTRY(map, &py_type_map),
    PY_ROM_ENTRY(max, &builtin_max_obj),
    PY_ROM_ENTRY(memoryview, &py_type_memoryview),
    PY_ROM_ENTRY(min, &builtin_min_obj),
    PY_ROM_ENTRY(next, &builtin_next_obj),
    PY_ROM_ENTRY(object, &py_type_object),
    PY_ROM_ENTRY(oct, &builtin_oct_obj),
    PY_ROM_ENTRY(ord, &builtin_ord_obj),
    PY_ROM_ENTRY(pow, &builtin_pow_obj),
    PY_ROM_ENTRY(print, &builtin_print_obj),
    PY_ROM_ENTRY(open, &builtin_open_obj),
    PY_ROM_ENTRY(input, &builtin_input_obj),
    PY_ROM_ENTRY(property, &py_type_property),
    PY_ROM_ENTRY(quit, &builtin_exit_obj),
    PY_ROM_ENTRY(range, &py_type_range),
    PY_ROM_ENTRY(repr, &builtin_repr_obj),
    PY_ROM_ENTRY(reversed, &py_type_reversed),
    PY_ROM_ENTRY(round, &builtin_round_obj),
    PY_ROM_ENTRY(set, &py_type_set),
    PY_ROM_ENTRY(setattr, &builtin_setattr_obj),
    PY_ROM_ENTRY(slice, &py_type_slice),
    PY_ROM_ENTRY(sorted, &builtin_sorted_obj),
    PY_ROM_ENTRY(staticmethod, &py_type_staticmethod),
    PY_ROM_ENTRY(str, &py_type_str),
    PY_ROM_ENTRY(sum, &builtin_sum_obj),
    PY_ROM_ENTRY(super, &py_type_super),
    PY_ROM_ENTRY(tuple, &py_type_tuple),
    PY_ROM_ENTRY(type, &py_type_type),
    PY_ROM_ENTRY(vars, &builtin_vars_obj),
    PY_ROM_ENTRY(zip, &py_type_zip),
    PY_ROM_ENTRY(None, PY_NONE),
    PY_ROM_ENTRY(Ellipsis, PY_ELLIPSIS),
    PY_ROM_ENTRY(NotImplemented, PY_NOTIMPLEMENTED),
    PY_ROM_ENTRY(True, PY_TRUE),
    PY_ROM_ENTRY(False, PY_FALSE),
    EXC_ENTRY(BaseException),
    EXC_ENTRY(Exception),
    EXC_ENTRY(ArithmeticError),
    EXC_ENTRY(AssertionError),
    EXC_ENTRY(AttributeError),
    EXC_ENTRY(EOFError),
    EXC_ENTRY(GeneratorExit),
    EXC_ENTRY(ImportError),
    EXC_ENTRY(ModuleNotFoundError),
    EXC_ENTRY(IndentationError),
    EXC_ENTRY(IndexError),
    EXC_ENTRY(KeyError),
    EXC_ENTRY(KeyboardInterrupt),
    EXC_ENTRY(LookupError),
    EXC_ENTRY(MemoryError),
    EXC_ENTRY(NameError),
    EXC_ENTRY(NotImplementedError),
    EXC_ENTRY(OSError),
    EXC_ENTRY(OverflowError),
    EXC_ENTRY(RecursionError),
    EXC_ENTRY(RuntimeError),
    EXC_ENTRY(StopIteration),
    EXC_ENTRY(StopAsyncIteration),
    EXC_ENTRY(SyntaxError),
    EXC_ENTRY(SystemExit),
    EXC_ENTRY(TypeError),
    EXC_ENTRY(UnboundLocalError),
    EXC_ENTRY(ValueError),
    EXC_ENTRY(ZeroDivisionError),
    EXC_ENTRY(UnicodeError),
    EXC_ENTRY(UnicodeDecodeError),
    EXC_ENTRY(UnicodeEncodeError),
    EXC_ENTRY(TimeoutError),
    EXC_ENTRY(FileNotFoundError),
    EXC_ENTRY(FileExistsError),
    EXC_ENTRY(IsADirectoryError),
    EXC_ENTRY(NotADirectoryError),
    EXC_ENTRY(PermissionError),
    PY_ROM_ENTRY(IOError, &py_type_OSError),
    PY_ROM_ENTRY(EnvironmentError, &py_type_OSError),
};
PY_ROM_DICT(py_builtins_dict, builtins_table);
