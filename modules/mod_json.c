// modules/mod_json.c: the json module (CPython 3.11's dumps/dump/loads/load and
// JSONDecodeError, without the JSONEncoder/JSONDecoder classes). Encoding writes into one
// growing buffer; decoding is a recursive-descent parser over the UTF-8 text. Both recurse
// once per nesting level, bounded by the recursion limit and py_stack_check (RecursionError),
// and both produce CPython's text and error messages, positions counted in characters.
// Non-goals: `cls`, UTF-16/32 input bytes (decoded as UTF-8), dump() writing in pieces.
#include <math.h>
#include <string.h>

#include "modules/modules.h"
#include "py/dtoa.h"
#include "py/objexc.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/state.h"

extern const py_type mod_json_JSONDecodeError;

static void check_depth(int depth, const char *what) {
    py_stack_check();
    if (PY_TS->depth + (uint32_t)depth > PY_S->recursion_limit) {
        py_raise_fmt(&py_type_RecursionError, "maximum recursion depth exceeded while %s", what);
    }
}

// ---- JSONDecodeError ---------------------------------------------------------------------------
// JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)" with msg, doc, pos, lineno
// and colno attributes.
static py_val jde_init(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_msg, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_doc, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_pos, PY_ARG_REQUIRED, PY_NULL},
    };
    py_val a[3];
    py_arg_parse("JSONDecodeError", n_args, n_kw, args, 1, spec, 3, a);
    py_int_t pos = py_get_int(a[2]);
    size_t len, line = 1, col = 1;
    const char *s = py_get_str(a[1], &len);
    for (py_int_t k = 0; k < pos && len; k++) { // count characters up to pos
        col = *s == '\n' ? (line++, 1) : col + 1;
        do {
            s++;
            len--;
        } while (len && ((uint8_t)*s & 0xc0) == 0x80);
    }
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 64);
    py_vstr_printer(&v, &p);
    py_printf(&p, "%S: line %u column %u (char %d)", a[0], (unsigned)line, (unsigned)col, (int)pos);
    py_val self = args[0], msg = py_vstr_to_str(&v);
    ((py_exc *)self)->args = (py_tuple *)py_tuple_new(1, &msg);
    py_store_attr(self, PY_QSTR_msg, a[0]);
    py_store_attr(self, PY_QSTR_doc, a[1]);
    py_store_attr(self, PY_QSTR_pos, a[2]);
    py_store_attr(self, PY_QSTR_lineno, py_small((py_int_t)line));
    py_store_attr(self, PY_QSTR_colno, py_small((py_int_t)col));
    return PY_NONE;
}
static PY_FN_OBJ_KW(jde_init_obj, __init__, jde_init);

static py_val jde_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    py_val e = py_exc_make_new(type, 0, 0, NULL);
    py_val *a = py_gc_alloc((n_args + 2 * n_kw + 1) * sizeof(py_val), 0);
    a[0] = e;
    memcpy(a + 1, args, (n_args + 2 * n_kw) * sizeof(py_val));
    jde_init(n_args + 1, n_kw, a);
    return e;
}

static const py_dict_entry jde_locals_table[] = {PY_ROM_ENTRY(__init__, &jde_init_obj)};
static PY_ROM_DICT(jde_locals, jde_locals_table);

const py_type mod_json_JSONDecodeError = {
    .base = {&py_type_type},
    .name = PY_QSTR_JSONDecodeError,
    .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,
    .print = py_exc_print,
    .make_new = jde_make_new,
    .attr = py_exc_attr,
    .locals = (py_dict *)&jde_locals,
    .base_type = &py_type_ValueError,
};

// ---- encoding ---------------------------------------------------------------------------------------
typedef struct chain {
    py_val obj;
    const struct chain *up;
} chain; // the containers being encoded (circular reference check)

typedef struct enc {
    py_vstr out;
    const char *indent, *item_sep, *key_sep;
    size_t indent_len, item_len, key_len;
    py_val dflt;
    bool has_indent, sort_keys, skipkeys, ensure_ascii, allow_nan, circular;
    int level;
} enc;

static void put(enc *e, const char *s, size_t n) { py_vstr_add(&e->out, s, n); }

// The character paired with c in a table of (from, to) pairs, or 0.
static char pair(const char *table, char c) {
    for (; *table; table += 2) {
        if (*table == c) {
            return table[1];
        }
    }
    return 0;
}

static void put_u(enc *e, uint32_t c) {
    char buf[6] = {'\\', 'u'};
    for (int k = 0; k < 4; k++) {
        buf[2 + k] = "0123456789abcdef"[(c >> (12 - 4 * k)) & 15];
    }
    put(e, buf, 6);
}

static void put_str(enc *e, py_val v) {
    size_t n;
    const char *s = py_get_str(v, &n), *end = s + n;
    py_vstr_add_char(&e->out, '"');
    while (s < end) {
        uint8_t b = (uint8_t)*s;
        uint32_t c = b < 0x80 ? (s++, b) : py_utf8_decode(&s);
        char q = c < 0x80 && c ? pair("\"\"\\\\\nn\rr\tt\bb\ff", (char)c) : 0;
        if (q) {
            char buf[2] = {'\\', q};
            put(e, buf, 2);
        } else if (c < 0x20 || (e->ensure_ascii && c >= 0x7f)) {
            if (c >= 0x10000) { // a surrogate pair
                put_u(e, 0xd800 | ((c - 0x10000) >> 10));
                c = 0xdc00 | (c & 0x3ff);
            }
            put_u(e, c);
        } else {
            py_vstr_add_utf8(&e->out, c);
        }
    }
    py_vstr_add_char(&e->out, '"');
}

static void put_float(enc *e, double d) {
    char buf[PY_DTOA_REPR_SIZE];
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            py_raise_msg(&py_type_ValueError, "Out of range float values are not JSON compliant");
        }
        const char *t = d != d ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        put(e, t, strlen(t));
        return;
    }
    put(e, buf, py_dtoa_repr(d, buf));
}

static void newline(enc *e) {
    if (e->has_indent) {
        py_vstr_add_char(&e->out, '\n');
        for (int i = 0; i < e->level; i++) {
            put(e, e->indent, e->indent_len);
        }
    }
}

static void mark(enc *e, const chain *up, py_val o) {
    for (const chain *c = up; e->circular && c; c = c->up) {
        if (c->obj == o) {
            py_raise_msg(&py_type_ValueError, "Circular reference detected");
        }
    }
}

static void encode(enc *e, py_val o, const chain *up, int depth);


// The items of a list/tuple (or of an instance of a subclass).
static py_val native_of(py_val o) {
    return py_is_obj(o) && (o->type->flags & PY_TF_HEAP) ? ((py_instance *)o)->native : o;
}

// Opens a non-empty container: the bracket, then (with an indent) a new line one level in.
static void open_bracket(enc *e, char c) {
    py_vstr_add_char(&e->out, c);
    e->level++;
    newline(e);
}
static void close_bracket(enc *e, char c) {
    e->level--;
    newline(e);
    py_vstr_add_char(&e->out, c);
}
static void separator(enc *e) {
    put(e, e->item_sep, e->item_len);
    newline(e);
}

static void encode_dict(enc *e, py_val o, const chain *me, int depth) {
    // An exact dict is read directly; for a subclass, items() as CPython (it may be overridden).
    py_val items = PY_NULL;
    py_dict *d = (py_dict *)native_of(o);
    if (py_dict_len(d) == 0) {
        put(e, "{}", 2);
        return;
    }
    if (py_typeof(o) != &py_type_dict || e->sort_keys) {
        items = py_list_new(0, NULL);
        py_list_extend(items, py_call_method(o, PY_QSTR_items, 0, NULL));
        if (e->sort_keys) {
            py_call_method(items, PY_QSTR_sort, 0, NULL);
        }
    }
    open_bracket(e, '{');
    bool first = true;
    size_t pos = 0, i = 0;
    for (;;) {
        py_val k, v;
        if (items) {
            if (i >= ((py_list *)items)->len) {
                break;
            }
            py_val kv[2];
            py_unpack(((py_list *)items)->items[i++], 2, kv);
            k = kv[0];
            v = kv[1];
        } else {
            py_dict_entry *x = py_dict_next(d, &pos);
            if (x == NULL) {
                break;
            }
            k = x->key;
            v = x->value;
        }
        double f;
        bool is_str = py_is_str(k);
        if (!is_str && !py_float_unwrap(k, &f) && k != PY_TRUE && k != PY_FALSE && k != PY_NONE && !py_is_int(k)) {
            if (e->skipkeys) {
                continue;
            }
            py_raise_fmt(&py_type_TypeError, "keys must be str, int, float, bool or None, not %T", k);
        }
        if (!first) {
            separator(e);
        }
        first = false;
        if (is_str) {
            put_str(e, k);
        } else {
            py_vstr_add_char(&e->out, '"');
            if (py_float_unwrap(k, &f)) {
                put_float(e, f);
            } else {
                encode(e, k, me, depth); // true, false, null or an int
            }
            py_vstr_add_char(&e->out, '"');
        }
        put(e, e->key_sep, e->key_len);
        encode(e, v, me, depth);
    }
    close_bracket(e, '}');
}

static void encode(enc *e, py_val o, const chain *up, int depth) {
    double f;
    py_val n;
    if (o == PY_NONE || o == PY_TRUE || o == PY_FALSE) {
        const char *s = o == PY_NONE ? "null" : o == PY_TRUE ? "true" : "false";
        put(e, s, strlen(s));
    } else if (py_is_str(o)) {
        put_str(e, o);
    } else if ((n = py_int_unwrap(o)) != PY_NULL) {
        py_print p;
        py_vstr_printer(&e->out, &p);
        py_print_val(&p, n, PY_PRINT_REPR);
    } else if (py_float_unwrap(o, &f)) {
        put_float(e, f);
    } else {
        check_depth(depth, "encoding a JSON object");
        chain me = {o, up};
        mark(e, up, o);
        if (py_isinstance(o, &py_type_list) || py_isinstance(o, &py_type_tuple)) {
            py_val seq = native_of(o);
            size_t len;
            py_seq_items(seq, &len);
            if (len == 0) {
                put(e, "[]", 2);
                return;
            }
            open_bracket(e, '[');
            for (size_t i = 0;; i++) {
                py_val *items = py_seq_items(seq, &len); // default() may change the list
                if (i >= len) {
                    break;
                }
                if (i) {
                    separator(e);
                }
                encode(e, items[i], &me, depth + 1);
            }
            close_bracket(e, ']');
        } else if (py_isinstance(o, &py_type_dict)) {
            encode_dict(e, o, &me, depth + 1);
        } else if (e->dflt) {
            encode(e, py_call1(e->dflt, o), &me, depth + 1);
        } else {
            py_raise_fmt(&py_type_TypeError, "Object of type %T is not JSON serializable", o);
        }
    }
}

static const py_arg_spec dumps_spec[] = {
    {PY_QSTR_skipkeys, PY_ARG_KW_ONLY, PY_FALSE},  {PY_QSTR_ensure_ascii, PY_ARG_KW_ONLY, PY_TRUE},
    {PY_QSTR_check_circular, PY_ARG_KW_ONLY, PY_TRUE}, {PY_QSTR_allow_nan, PY_ARG_KW_ONLY, PY_TRUE},
    {PY_QSTR_cls, PY_ARG_KW_ONLY, PY_NONE},        {PY_QSTR_indent, PY_ARG_KW_ONLY, PY_NONE},
    {PY_QSTR_separators, PY_ARG_KW_ONLY, PY_NONE}, {PY_QSTR_default, PY_ARG_KW_ONLY, PY_NONE},
    {PY_QSTR_sort_keys, PY_ARG_KW_ONLY, PY_FALSE},
};

// dumps(obj, **kw) and dump(obj, fp, **kw): n_pos is 1 or 2.
static py_val dumps_common(const char *name, size_t n_pos, size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_count(name, n_args, n_pos, n_pos);
    py_val a[9];
    py_arg_parse(name, 0, n_kw, args + n_args, 0, dumps_spec, 9, a);
    if (a[4] != PY_NONE) {
        py_raise_msg(&py_type_TypeError, "cls is not supported");
    }
    enc e;
    memset(&e, 0, sizeof(e));
    e.skipkeys = py_is_true(a[0]);
    e.ensure_ascii = py_is_true(a[1]);
    e.circular = py_is_true(a[2]);
    e.allow_nan = py_is_true(a[3]);
    e.sort_keys = py_is_true(a[8]);
    e.dflt = a[7] == PY_NONE ? PY_NULL : a[7];
    e.has_indent = a[5] != PY_NONE;
    py_val indent = a[5];
    if (e.has_indent && !py_is_str(indent)) {
        indent = py_binary_op(PY_OP_MUL, py_qstr_val(PY_QSTR_space), indent);
    }
    if (e.has_indent) {
        e.indent = py_get_str(indent, &e.indent_len);
    }
    py_val seps[2] = {py_str_from_cstr(e.has_indent ? "," : ", "), py_str_from_cstr(": ")};
    if (a[6] != PY_NONE) {
        py_unpack(a[6], 2, seps);
    }
    e.item_sep = py_get_str(seps[0], &e.item_len);
    e.key_sep = py_get_str(seps[1], &e.key_len);
    py_vstr_init(&e.out, 64);
    encode(&e, args[0], NULL, 0);
    py_val s = py_vstr_to_str(&e.out);
    if (n_pos == 2) {
        py_call_method(args[1], PY_QSTR_write, 1, &s);
        return PY_NONE;
    }
    return s;
}

static py_val json_dumps(size_t n_args, size_t n_kw, const py_val *args) {
    return dumps_common("dumps", 1, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(json_dumps_obj, dumps, json_dumps);

static py_val json_dump(size_t n_args, size_t n_kw, const py_val *args) {
    return dumps_common("dump", 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(json_dump_obj, dump, json_dump);

// ---- decoding --------------------------------------------------------------------------------------
typedef struct dec {
    const char *s;
    size_t len, i; // bytes
    py_val doc;
    py_val object_hook, pairs_hook, parse_float, parse_int, parse_constant;
    bool strict;
} dec;

static _Noreturn void dfail(dec *d, const char *msg, size_t at) {
    py_val args[3] = {py_str_from_cstr(msg), d->doc, py_small((py_int_t)py_utf8_charlen(d->s, at))};
    py_raise(py_call((py_val)&mod_json_JSONDecodeError, 3, 0, args));
}

static void skip_ws(dec *d) {
    while (d->i < d->len && d->s[d->i] && strchr(" \t\n\r", d->s[d->i])) {
        d->i++;
    }
}

static int hex4(dec *d, size_t at) {
    int v = 0;
    for (size_t k = at; k < at + 4; k++) {
        char c = k < d->len ? d->s[k] : 0;
        int h = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (h < 0) {
            dfail(d, "Invalid \\uXXXX escape", at - 1);
        }
        v = v * 16 + h;
    }
    return v;
}

// A string whose opening quote is at d->i - 1.
static py_val parse_string(dec *d) {
    size_t begin = d->i - 1;
    py_vstr v;
    py_vstr_init(&v, 16);
    for (;;) {
        size_t run = d->i;
        while (d->i < d->len && d->s[d->i] != '"' && d->s[d->i] != '\\' && (uint8_t)d->s[d->i] >= 0x20) {
            d->i++;
        }
        py_vstr_add(&v, d->s + run, d->i - run);
        if (d->i >= d->len) {
            dfail(d, "Unterminated string starting at", begin);
        }
        char c = d->s[d->i++];
        if (c == '"') {
            break;
        }
        if (c != '\\') {
            if (d->strict) {
                dfail(d, "Invalid control character at", d->i - 1);
            }
            py_vstr_add_char(&v, c);
            continue;
        }
        if (d->i >= d->len) {
            dfail(d, "Unterminated string starting at", begin);
        }
        c = d->s[d->i++];
        char q = c ? pair("\"\"\\\\//b\bf\fn\nr\rt\t", c) : 0;
        if (q) {
            py_vstr_add_char(&v, q);
        } else if (c == 'u') {
            uint32_t cp = (uint32_t)hex4(d, d->i);
            d->i += 4;
            if (cp >= 0xd800 && cp <= 0xdbff && d->i + 1 < d->len && d->s[d->i] == '\\' && d->s[d->i + 1] == 'u') {
                uint32_t lo = (uint32_t)hex4(d, d->i + 2);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                    d->i += 6;
                }
            }
            py_vstr_add_utf8(&v, cp);
        } else {
            dfail(d, "Invalid \\escape", d->i - 2);
        }
    }
    return py_vstr_to_str(&v);
}

static bool word(dec *d, const char *w) {
    size_t n = strlen(w);
    if (d->len - d->i >= n && memcmp(d->s + d->i, w, n) == 0) {
        d->i += n;
        return true;
    }
    return false;
}

static py_val parse_value(dec *d, int depth);

static py_val parse_number(dec *d) {
    size_t start = d->i, i = d->i;
    const char *s = d->s;
#define DIGIT(k) ((k) < d->len && s[k] >= '0' && s[k] <= '9')
    if (i < d->len && s[i] == '-') {
        i++;
    }
    if (!DIGIT(i)) {
        dfail(d, "Expecting value", start);
    }
    if (s[i++] != '0') {
        while (DIGIT(i)) {
            i++;
        }
    }
    bool is_float = false;
    if (i + 1 < d->len && s[i] == '.' && DIGIT(i + 1)) {
        for (i += 2; DIGIT(i); i++) {
        }
        is_float = true;
    }
    if (i < d->len && (s[i] | 0x20) == 'e') {
        size_t k = i + 1 + (i + 1 < d->len && (s[i + 1] == '+' || s[i + 1] == '-'));
        if (DIGIT(k)) {
            for (i = k; DIGIT(i); i++) {
            }
            is_float = true;
        }
    }
#undef DIGIT
    d->i = i;
    py_val hook = is_float ? d->parse_float : d->parse_int;
    if (hook != PY_NONE) {
        return py_call1(hook, py_str_new(s + start, i - start));
    }
    if (is_float) {
        double f = 0;
        py_dtoa_parse(s + start, i - start, &f);
        return py_float_new(f);
    }
    return py_int_parse(s + start, i - start, 10);
}

static py_val parse_container(dec *d, int depth, bool obj) {
    check_depth(depth, obj ? "decoding a JSON object from a unicode string"
                           : "decoding a JSON array from a unicode string");
    py_val list = py_list_new(0, NULL);
    py_val dict = obj && d->pairs_hook == PY_NONE ? py_dict_new(0) : PY_NULL;
    skip_ws(d);
    char close = obj ? '}' : ']';
    if (d->i < d->len && d->s[d->i] == close) {
        d->i++;
    } else {
        for (;;) {
            py_val key = PY_NULL;
            if (obj) {
                if (d->i >= d->len || d->s[d->i] != '"') {
                    dfail(d, "Expecting property name enclosed in double quotes", d->i);
                }
                d->i++;
                key = parse_string(d);
                skip_ws(d);
                if (d->i >= d->len || d->s[d->i] != ':') {
                    dfail(d, "Expecting ':' delimiter", d->i);
                }
                d->i++;
                skip_ws(d);
            }
            py_val v = parse_value(d, depth + 1);
            if (dict) {
                py_dict_set((py_dict *)dict, key, v);
            } else if (obj) {
                py_val kv[2] = {key, v};
                py_list_append(list, py_tuple_new(2, kv));
            } else {
                py_list_append(list, v);
            }
            skip_ws(d);
            if (d->i < d->len && d->s[d->i] == close) {
                d->i++;
                break;
            }
            if (d->i >= d->len || d->s[d->i] != ',') {
                dfail(d, "Expecting ',' delimiter", d->i);
            }
            d->i++;
            skip_ws(d);
        }
    }
    if (!obj) {
        return list;
    }
    if (d->pairs_hook != PY_NONE) {
        return py_call1(d->pairs_hook, list);
    }
    return d->object_hook != PY_NONE ? py_call1(d->object_hook, dict) : dict;
}

static py_val parse_value(dec *d, int depth) {
    if (d->i >= d->len) {
        dfail(d, "Expecting value", d->i);
    }
    char c = d->s[d->i];
    static const char *const consts[] = {"NaN", "Infinity", "-Infinity"};
    for (int k = 0; k < 3; k++) {
        if (c == consts[k][0] && word(d, consts[k])) {
            py_val name = py_str_from_cstr(consts[k]);
            return d->parse_constant != PY_NONE ? py_call1(d->parse_constant, name)
                                                 : py_call1((py_val)&py_type_float, name);
        }
    }
    switch (c) {
    case '"': d->i++; return parse_string(d);
    case '{':
    case '[': d->i++; return parse_container(d, depth, c == '{');
    default:
        if (word(d, "null")) {
            return PY_NONE;
        }
        if (word(d, "true")) {
            return PY_TRUE;
        }
        if (word(d, "false")) {
            return PY_FALSE;
        }
        return parse_number(d);
    }
}

static const py_arg_spec loads_spec[] = {
    {PY_QSTR_cls, PY_ARG_KW_ONLY, PY_NONE},          {PY_QSTR_object_hook, PY_ARG_KW_ONLY, PY_NONE},
    {PY_QSTR_parse_float, PY_ARG_KW_ONLY, PY_NONE},  {PY_QSTR_parse_int, PY_ARG_KW_ONLY, PY_NONE},
    {PY_QSTR_parse_constant, PY_ARG_KW_ONLY, PY_NONE}, {PY_QSTR_object_pairs_hook, PY_ARG_KW_ONLY, PY_NONE},
    {PY_QSTR_strict, PY_ARG_KW_ONLY, PY_TRUE},
};

static py_val loads_impl(py_val s, size_t n_kw, const py_val *kw) {
    py_val a[7];
    py_arg_parse("loads", 0, n_kw, kw, 0, loads_spec, 7, a);
    if (a[0] != PY_NONE) {
        py_raise_msg(&py_type_TypeError, "cls is not supported");
    }
    dec d;
    memset(&d, 0, sizeof(d));
    if (!py_is_str(s)) {
        py_buffer buf;
        if ((py_typeof(s) != &py_type_bytes && py_typeof(s) != &py_type_bytearray) ||
            !py_get_buffer_maybe(s, &buf, PY_BUFFER_READ)) {
            py_raise_fmt(&py_type_TypeError, "the JSON object must be str, bytes or bytearray, not %T", s);
        }
        const char *b = buf.len ? (const char *)buf.buf : "";
        size_t n = buf.len;
        if (n >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) { // utf-8-sig
            b += 3;
            n -= 3;
        }
        s = py_call_method(py_bytes_new(b, n), PY_QSTR_decode, 0, NULL);
    }
    d.doc = s;
    d.s = py_get_str(s, &d.len);
    d.object_hook = a[1];
    d.parse_float = a[2];
    d.parse_int = a[3];
    d.parse_constant = a[4];
    d.pairs_hook = a[5];
    d.strict = py_is_true(a[6]);
    if (d.len >= 3 && memcmp(d.s, "\xef\xbb\xbf", 3) == 0) {
        dfail(&d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    skip_ws(&d);
    py_val v = parse_value(&d, 0);
    skip_ws(&d);
    if (d.i != d.len) {
        dfail(&d, "Extra data", d.i);
    }
    return v;
}

static py_val json_loads(size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_count("loads", n_args, 1, 1);
    return loads_impl(args[0], n_kw, args + 1);
}
static PY_FN_OBJ_KW(json_loads_obj, loads, json_loads);

static py_val json_load(size_t n_args, size_t n_kw, const py_val *args) {
    py_arg_check_count("load", n_args, 1, 1);
    return loads_impl(py_call_method(args[0], PY_QSTR_read, 0, NULL), n_kw, args + 1);
}
static PY_FN_OBJ_KW(json_load_obj, load, json_load);

static const py_dict_entry json_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_json)),
    PY_ROM_ENTRY(dumps, &json_dumps_obj),
    PY_ROM_ENTRY(dump, &json_dump_obj),
    PY_ROM_ENTRY(loads, &json_loads_obj),
    PY_ROM_ENTRY(load, &json_load_obj),
    PY_ROM_ENTRY(JSONDecodeError, &mod_json_JSONDecodeError),
};
static PY_ROM_DICT(json_globals, json_table);

const py_module mod_json_module = {{&py_type_module}, (py_dict *)&json_globals};
