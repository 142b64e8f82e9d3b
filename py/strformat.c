// py/strformat.c: the two formatting languages of str: `str % args` (printf style,
// py_str_mod_format) and str.format/str.format_map (replacement fields, whose values go through
// py_format and so through __format__). Both are ports of CPython 3.11's code paths, so the
// results, the errors and their order match CPython; the text is parsed on UTF-8 bytes (every
// delimiter is ASCII) and widths count code points. Numbers are rendered by py/dtoa.c and the
// int printers; output is built in one py_vstr per call.
#include <limits.h>
#include <string.h>

#include "py/dtoa.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/runtime.h"
#include "py/strformat.h"
#include "py/unicode.h"

// A str's text: bytes, byte length and code point count.
typedef struct sv {
    const char *s;
    size_t len;
    size_t clen;
} sv;

// The str value itself for a qstr or an exact str, the wrapped str for a subclass instance.
static py_val exact(py_val v) {
    if (py_is_qstr(v) || v->type == &py_type_str) {
        return v;
    }
    return ((py_instance *)v)->native;
}

static void sv_of(py_val v, sv *out) {
    v = exact(v);
    out->s = py_get_str(v, &out->len);
    out->clen = py_str_charlen(v);
}

// self of str.format/format_map, which may be anything (or absent) when called on the type.
static void self_args(size_t n_args, const py_val *args, const char *name, sv *self) {
    if (n_args == 0) {
        py_raise_fmt(&py_type_TypeError, "unbound method str.%s() needs an argument", name);
    }
    if (!py_is_str(args[0])) {
        py_raise_fmt(&py_type_TypeError,
                     "descriptor '%s' for 'str' objects doesn't apply to a '%T' object", name,
                     args[0]);
    }
    sv_of(args[0], self);
}

// ---- str % args ------------------------------------------------------------------------------
// As CPython's PyUnicode_Format: the same parsing order, checks and padding rules.
#define F_LJUST 1
#define F_SIGN 2
#define F_BLANK 4
#define F_ALT 8
#define F_ZERO 16

typedef struct mod_ctx {
    py_val args;     // the right operand, or the value of the last %(key)
    py_val *items;   // tuple items (arglen >= 0)
    py_int_t arglen; // -1: a single non-tuple argument
    py_int_t argidx; // -2: the single argument is not used yet
    py_val dict;     // the mapping for %(key), PY_NULL if the operand is not one
} mod_ctx;

typedef struct mod_arg {
    uint32_t ch; // conversion character
    int flags;
    py_int_t width; // -1: none
    py_int_t prec;  // -1: none
    bool sign;      // a numeric conversion: sign and zero-padding apply
} mod_arg;

static py_val mod_next(mod_ctx *c) {
    if (c->argidx < c->arglen) {
        py_int_t i = c->argidx++;
        return c->arglen < 0 ? c->args : c->items[i];
    }
    py_raise_msg(&py_type_TypeError, "not enough arguments for format string");
}

static bool is_mapping(py_val v) {
    const py_type *t = py_typeof(v);
    if (t == &py_type_tuple || py_is_str(v)) {
        return false;
    }
    if (t->flags & PY_TF_HEAP) {
        return py_type_lookup(t, PY_QSTR___getitem__) != PY_NULL ||
               (t->native != NULL && t->native->subscr != NULL);
    }
    return t->subscr != NULL;
}

// The value of a '*' width or precision.
static py_int_t mod_star(mod_ctx *c, bool prec) {
    py_val v = mod_next(c);
    if (!py_is_int(v)) {
        py_raise_msg(&py_type_TypeError, "* wants int");
    }
    py_val iv = py_int_unwrap(v);
    if (prec && (!py_is_small(iv) || py_small_get(iv) > INT_MAX || py_small_get(iv) < INT_MIN)) {
        py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C int");
    }
    return py_get_int(iv);
}

// Writes body (its sign included for numeric conversions) padded as the flags say.
static void mod_output(py_vstr *out, mod_arg *a, const char *s, size_t n, size_t clen) {
    char fill = a->sign && (a->flags & F_ZERO) ? '0' : ' ';
    if ((a->width < 0 || a->width <= (py_int_t)clen) &&
        (a->prec < 0 || a->prec >= (py_int_t)clen) && !(a->flags & (F_SIGN | F_BLANK))) {
        py_vstr_add(out, s, n);
        return;
    }
    if ((a->ch == 's' || a->ch == 'r' || a->ch == 'a') && a->prec >= 0 &&
        (py_int_t)clen > a->prec) {
        n = (size_t)(py_utf8_offset(s, n, (size_t)a->prec) - s);
        clen = (size_t)a->prec;
    }
    char signchar = 0;
    if (a->sign) {
        if (n && (s[0] == '-' || s[0] == '+')) {
            signchar = s[0];
            s++;
            n--;
            clen--;
        } else if (a->flags & F_SIGN) {
            signchar = '+';
        } else if (a->flags & F_BLANK) {
            signchar = ' ';
        } else {
            a->sign = false;
        }
    }
    py_int_t width = a->width < (py_int_t)clen ? (py_int_t)clen : a->width;
    if (a->sign) {
        if (fill != ' ') {
            py_vstr_add_char(out, signchar);
        }
        if (width > (py_int_t)clen) {
            width--;
        }
    }
    bool prefix = (a->flags & F_ALT) && (a->ch == 'x' || a->ch == 'X' || a->ch == 'o');
    if (prefix) {
        if (fill != ' ') {
            py_vstr_add(out, s, 2);
            s += 2;
            n -= 2;
        }
        width = width > 2 ? width - 2 : 0;
        clen -= 2;
    }
    if (width > (py_int_t)clen && !(a->flags & F_LJUST)) {
        memset(py_vstr_extend(out, (size_t)width - clen), fill, (size_t)width - clen);
        width = (py_int_t)clen;
    }
    if (fill == ' ') {
        if (a->sign) {
            py_vstr_add_char(out, signchar);
        }
        if (prefix) {
            py_vstr_add(out, s, 2);
            s += 2;
            n -= 2;
        }
    }
    py_vstr_add(out, s, n);
    if (width > (py_int_t)clen) {
        memset(py_vstr_extend(out, (size_t)width - clen), ' ', (size_t)width - clen);
    }
}

static void add_val_str(py_vstr *out, mod_arg *a, py_val str) {
    sv s;
    sv_of(str, &s);
    mod_output(out, a, s.s, s.len, s.clen);
}

// %d %i %u %o %x %X: the int as CPython's _PyUnicode_FormatLong writes it, then padded.
static void mod_int(py_vstr *out, mod_arg *a, py_val v) {
    char type = (char)a->ch;
    bool want_index = type == 'o' || type == 'x' || type == 'X';
    py_val iv = py_int_unwrap(v);
    if (iv == PY_NULL) {
        const py_type *t = py_typeof(v);
        double d;
        bool is_float = py_float_unwrap(v, &d);
        if (is_float && !want_index) {
            iv = py_int_from_double(d);
        } else if (!is_float && !py_is_str(v) && t->unary_op != NULL) {
            iv = t->unary_op(PY_UOP_INDEX, v);
            if (iv == PY_NULL && !want_index) {
                iv = t->unary_op(PY_UOP_INT, v);
            }
            if (iv != PY_NULL) {
                iv = py_int_unwrap(iv);
            }
        }
        if (iv == PY_NULL) {
            py_raise_fmt(&py_type_TypeError, "%%%c format: %s is required, not %T", type,
                         want_index ? "an integer" : "a real number", v);
        }
    }
    int base = type == 'o' ? 8 : want_index ? 16 : 10;
    // digits of the magnitude, without the sign
    char buf[72];
    const char *digits;
    size_t nd;
    bool neg;
    py_vstr tmp;
    if (py_is_small(iv)) {
        py_int_t i = py_small_get(iv);
        neg = i < 0;
        py_uint_t m = neg ? (py_uint_t)0 - (py_uint_t)i : (py_uint_t)i;
        char *e = buf + sizeof(buf), *p = e;
        do {
            *--p = "0123456789abcdef"[m % (py_uint_t)base];
            m /= (py_uint_t)base;
        } while (m);
        digits = p;
        nd = (size_t)(e - p);
    } else {
        py_vstr_init(&tmp, 32);
        py_print pr;
        py_vstr_printer(&tmp, &pr);
        py_int_print_base(&pr, iv, base, false);
        digits = py_vstr_data(&tmp);
        nd = tmp.len;
        neg = digits[0] == '-';
        if (neg) {
            digits++;
            nd--;
        }
    }
    // sign, "0x"-style prefix, zeros up to the precision, digits
    size_t zeros = a->prec > (py_int_t)nd ? (size_t)a->prec - nd : 0;
    bool prefix = (a->flags & F_ALT) && base != 10;
    size_t n = neg + 2 * prefix + zeros + nd;
    char small[96];
    char *num = small;
    if (n > sizeof(small)) {
        py_vstr big;
        py_vstr_init(&big, n);
        num = py_vstr_extend(&big, n);
    }
    char *d = num;
    if (neg) {
        *d++ = '-';
    }
    if (prefix) {
        *d++ = '0';
        *d++ = type;
    }
    memset(d, '0', zeros);
    d += zeros;
    memcpy(d, digits, nd);
    if (type == 'X') {
        for (size_t i = 0; i < nd; i++) {
            if (d[i] >= 'a') {
                d[i] = (char)(d[i] - 32);
            }
        }
    }
    a->sign = true;
    mod_output(out, a, num, n, n);
}

// %e %E %f %F %g %G
static void mod_float(py_vstr *out, mod_arg *a, py_val v) {
    double x;
    if (!py_get_float_maybe(v, &x)) {
        const py_type *t = py_typeof(v);
        py_val f = t->unary_op != NULL && !py_is_str(v) ? t->unary_op(PY_UOP_FLOAT, v) : PY_NULL;
        if (f == PY_NULL || !py_get_float_maybe(f, &x)) {
            py_raise_fmt(&py_type_TypeError, "must be real number, not %T", v);
        }
    }
    int prec = a->prec < 0 ? 6 : (int)a->prec;
    int flags = a->flags & F_ALT ? PY_DTOA_ALT : 0;
    char buf[64];
    size_t n = py_dtoa_format(x, (char)a->ch, prec, flags, buf, sizeof(buf));
    a->sign = true;
    if (n < sizeof(buf)) {
        mod_output(out, a, buf, n, n);
        return;
    }
    py_vstr big;
    py_vstr_init(&big, n + 1);
    py_dtoa_format(x, (char)a->ch, prec, flags, py_vstr_extend(&big, n + 1), n + 1);
    mod_output(out, a, py_vstr_data(&big), n, n);
}

// %c: a str of one character or an int code point
static void mod_char(py_vstr *out, mod_arg *a, py_val v) {
    uint32_t cp;
    if (py_is_str(v)) {
        sv s;
        sv_of(v, &s);
        if (s.clen != 1) {
            py_raise_msg(&py_type_TypeError, "%c requires int or char");
        }
        const char *p = s.s;
        cp = py_utf8_decode(&p);
    } else {
        py_val iv = py_int_unwrap(v);
        const py_type *t = py_typeof(v);
        double d;
        if (iv == PY_NULL && !py_float_unwrap(v, &d) && t->unary_op != NULL) {
            iv = t->unary_op(PY_UOP_INDEX, v);
            iv = iv != PY_NULL ? py_int_unwrap(iv) : PY_NULL;
        }
        if (iv == PY_NULL) {
            py_raise_msg(&py_type_TypeError, "%c requires int or char");
        }
        py_int_t i;
        if (!py_is_small(iv) || (i = py_small_get(iv)) < 0 || i > 0x10ffff) {
            py_raise_msg(&py_type_OverflowError, "%c arg not in range(0x110000)");
        }
        cp = (uint32_t)i;
    }
    char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (n == 1) {
        u[0] = (char)cp;
    } else {
        static const uint8_t lead[] = {0, 0, 0xc0, 0xe0, 0xf0};
        for (size_t i = n - 1; i > 0; i--, cp >>= 6) {
            u[i] = (char)(0x80 | (cp & 0x3f));
        }
        u[0] = (char)(lead[n] | cp);
    }
    mod_output(out, a, u, n, 1);
}

// fmt % tuple when every conversion is a bare %s (or %%) of an exact str, as in
// '"%s": %s' % (k, v): the result's length is known, so it is one allocation and a copy.
// PY_NULL (nothing allocated) for anything else, which the general path then handles.
static py_val mod_format_plain_s(const sv *f, const py_val *items, size_t n) {
    size_t len = f->len, clen = f->clen, k = 0;
    const char *s = f->s, *e = s + f->len;
    for (const char *pct; (pct = memchr(s, '%', (size_t)(e - s))) != NULL; s = pct + 2) {
        if (pct + 1 == e || (pct[1] != 's' && pct[1] != '%')) {
            return PY_NULL;
        }
        if (pct[1] == '%') {
            len -= 1;
            clen -= 1;
            continue;
        }
        if (k == n) {
            return PY_NULL;
        }
        py_val v = items[k++];
        if (!py_is_qstr(v) && !(py_is_obj(v) && v->type == &py_type_str)) {
            return PY_NULL;
        }
        size_t l;
        py_get_str(v, &l);
        len += l - 2;
        clen += py_str_charlen(v) - 2;
    }
    if (k != n) {
        return PY_NULL; // not all arguments converted: the general path raises
    }
    char *d;
    py_val r = py_str_new_uninit(len, &d);
    for (s = f->s, k = 0;;) {
        const char *pct = memchr(s, '%', (size_t)(e - s));
        size_t run = (size_t)((pct ? pct : e) - s);
        memcpy(d, s, run);
        d += run;
        if (pct == NULL) {
            break;
        }
        if (pct[1] == '%') {
            *d++ = '%';
        } else {
            size_t l;
            const char *a = py_get_str(items[k++], &l);
            memcpy(d, a, l);
            d += l;
        }
        s = pct + 2;
    }
    *d = 0;
    ((py_str *)r)->charlen = (uint32_t)clen;
    return r;
}

py_val py_str_mod_format(py_val fmt, py_val args) {
    sv f;
    sv_of(fmt, &f);
    mod_ctx c = {args, NULL, -1, -2, PY_NULL};
    if (py_isinstance(args, &py_type_tuple)) {
        py_val t = args->type == &py_type_tuple ? args : ((py_instance *)args)->native;
        c.items = ((py_tuple *)t)->items;
        c.arglen = (py_int_t)((py_tuple *)t)->len;
        c.argidx = 0;
    } else if (is_mapping(args)) {
        c.dict = args;
    }
    if (memchr(f.s, '%', f.len) == NULL) {
        // CPython hands back the format object itself (even of a subclass of str)
        if (c.argidx < c.arglen && c.dict == PY_NULL) {
            py_raise_msg(&py_type_TypeError,
                         "not all arguments converted during string formatting");
        }
        return fmt;
    }
    if (c.items != NULL) {
        py_val r = mod_format_plain_s(&f, c.items, (size_t)c.arglen);
        if (r != PY_NULL) {
            return r;
        }
    }
    py_vstr out;
    py_vstr_init(&out, f.len + 16);
    const char *s = f.s, *e = f.s + f.len;
    while (s < e) {
        const char *pct = memchr(s, '%', (size_t)(e - s));
        if (pct == NULL) {
            py_vstr_add(&out, s, (size_t)(e - s));
            break;
        }
        py_vstr_add(&out, s, (size_t)(pct - s));
        s = pct + 1;
        if (s < e && *s == '%') {
            py_vstr_add_char(&out, '%');
            s++;
            continue;
        }
        mod_arg a = {0, 0, -1, -1, false};
        if (s < e && *s == '(') {
            if (c.dict == PY_NULL) {
                py_raise_msg(&py_type_TypeError, "format requires a mapping");
            }
            const char *k = ++s;
            int depth = 1;
            while (s < e && depth > 0) {
                depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
                s++;
            }
            if (depth > 0) {
                py_raise_msg(&py_type_ValueError, "incomplete format key");
            }
            c.args = py_subscr_load(c.dict, py_str_new(k, (size_t)(s - 1 - k)));
            c.arglen = -1;
            c.argidx = -2;
        }
        // flags, width, precision, length modifier, then the conversion character
        for (; s < e; s++) {
            int fl = *s == '-'   ? F_LJUST
                     : *s == '+' ? F_SIGN
                     : *s == ' ' ? F_BLANK
                     : *s == '#' ? F_ALT
                     : *s == '0' ? F_ZERO
                                 : 0;
            if (fl == 0) {
                break;
            }
            a.flags |= fl;
        }
        if (s < e && *s == '*') {
            a.width = mod_star(&c, false);
            if (a.width < 0) {
                a.flags |= F_LJUST;
                a.width = -a.width;
            }
            s++;
        } else if (s < e && *s >= '0' && *s <= '9') {
            a.width = 0;
            for (; s < e && *s >= '0' && *s <= '9'; s++) {
                if (a.width > (PY_SMALL_MAX - (*s - '0')) / 10) {
                    py_raise_msg(&py_type_ValueError, "width too big");
                }
                a.width = a.width * 10 + (*s - '0');
            }
        }
        if (s < e && *s == '.') {
            a.prec = 0;
            s++;
            if (s < e && *s == '*') {
                a.prec = mod_star(&c, true);
                if (a.prec < 0) {
                    a.prec = 0;
                }
                s++;
            } else {
                for (; s < e && *s >= '0' && *s <= '9'; s++) {
                    if (a.prec > (INT_MAX - (*s - '0')) / 10) {
                        py_raise_msg(&py_type_ValueError, "precision too big");
                    }
                    a.prec = a.prec * 10 + (*s - '0');
                }
            }
        }
        if (s < e && (*s == 'h' || *s == 'l' || *s == 'L')) {
            s++;
        }
        if (s >= e) {
            py_raise_msg(&py_type_ValueError, "incomplete format");
        }
        const char *conv = s;
        a.ch = py_utf8_decode(&s);
        py_val v = mod_next(&c);
        switch (a.ch) {
        case 's': add_val_str(&out, &a, py_str_of(v)); break;
        case 'r': add_val_str(&out, &a, py_repr(v)); break;
        case 'a': add_val_str(&out, &a, py_ascii(v)); break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': mod_int(&out, &a, v); break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': mod_float(&out, &a, v); break;
        case 'c': mod_char(&out, &a, v); break;
        default:
            py_raise_fmt(&py_type_ValueError,
                         "unsupported format character '%c' (0x%x) at index %zu",
                         a.ch >= 32 && a.ch <= 126 ? (int)a.ch : '?', (unsigned)a.ch,
                         py_utf8_charlen(f.s, (size_t)(conv - f.s)));
        }
        if (c.dict != PY_NULL && c.argidx < c.arglen) {
            py_raise_msg(&py_type_TypeError,
                         "not all arguments converted during string formatting");
        }
    }
    if (c.argidx < c.arglen && c.dict == PY_NULL) {
        py_raise_msg(&py_type_TypeError, "not all arguments converted during string formatting");
    }
    return py_vstr_to_str(&out);
}

// ---- str.format, str.format_map --------------------------------------------------------------
// A port of CPython's Objects/stringlib/unicode_format.h: fields are parsed on the UTF-8 bytes
// (all delimiters are ASCII) in the same order, so errors come out in CPython's order too.
enum { AUTO_INIT, AUTO_ON, AUTO_MANUAL };

typedef struct fmt_ctx {
    const py_val *args; // positional arguments (NULL for format_map)
    size_t n_args;
    const py_val *kw; // str.format's keyword (name, value) pairs
    size_t n_kw;
    py_val mapping; // format_map's mapping (PY_NULL for str.format)
    int auto_state;
    size_t auto_next;
} fmt_ctx;

// The field name's integer value, or -1 if it is not all decimal digits (any script's).
static py_int_t field_integer(const char *s, size_t n) {
    if (n == 0) {
        return -1;
    }
    py_int_t acc = 0;
    for (const char *p = s, *e = s + n; p < e;) {
        int d = py_unicode_decimal(py_utf8_decode(&p));
        if (d < 0) {
            return -1;
        }
        if (acc > (PY_SMALL_MAX - d) / 10) {
            py_raise_msg(&py_type_ValueError, "Too many decimal digits in format string");
        }
        acc = acc * 10 + d;
    }
    return acc;
}

static py_val field_object(const char *s, size_t n, fmt_ctx *c) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') {
        i++;
    }
    py_int_t index = field_integer(s, i);
    bool empty = i == 0;
    if (empty || index != -1) {
        if (c->auto_state == AUTO_INIT) {
            c->auto_state = empty ? AUTO_ON : AUTO_MANUAL;
        }
        if (c->auto_state == AUTO_MANUAL && empty) {
            py_raise_msg(
                &py_type_ValueError,
                "cannot switch from manual field specification to automatic field numbering");
        }
        if (c->auto_state == AUTO_ON && !empty) {
            py_raise_msg(
                &py_type_ValueError,
                "cannot switch from automatic field numbering to manual field specification");
        }
        if (empty) {
            index = (py_int_t)c->auto_next++;
        }
    }
    py_val obj = PY_NULL;
    if (index == -1) {
        py_val key = py_str_new(s, i);
        if (c->mapping != PY_NULL) {
            obj = py_subscr_load(c->mapping, key);
        } else {
            for (size_t k = 0; k < c->n_kw; k++) {
                size_t kl;
                const char *ks = py_get_str(c->kw[2 * k], &kl);
                if (kl == i && memcmp(ks, s, i) == 0) {
                    obj = c->kw[2 * k + 1];
                    break;
                }
            }
            if (obj == PY_NULL) {
                py_raise_key_error(key);
            }
        }
    } else {
        if (c->args == NULL) {
            py_raise_msg(&py_type_ValueError, "Format string contains positional fields");
        }
        if ((size_t)index >= c->n_args) {
            py_raise_fmt(&py_type_IndexError,
                         "Replacement index %zu out of range for positional args tuple",
                         (size_t)index);
        }
        obj = c->args[index];
    }
    // the rest: .attribute and [index] lookups
    while (i < n) {
        char kind = s[i++];
        size_t a = i;
        if (kind == '.') {
            while (i < n && s[i] != '.' && s[i] != '[') {
                i++;
            }
            if (i == a) {
                py_raise_msg(&py_type_ValueError, "Empty attribute in format string");
            }
            obj = py_load_attr(obj, py_qstr_from_strn(s + a, i - a));
        } else if (kind == '[') {
            while (i < n && s[i] != ']') {
                i++;
            }
            if (i == n) {
                py_raise_msg(&py_type_ValueError, "Missing ']' in format string");
            }
            py_int_t k = field_integer(s + a, i - a);
            if (i == a) {
                py_raise_msg(&py_type_ValueError, "Empty attribute in format string");
            }
            py_val key = k == -1 ? py_str_new(s + a, i - a) : py_int_from(k);
            i++;
            obj = py_subscr_load(obj, key);
        } else {
            py_raise_msg(&py_type_ValueError,
                         "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

static void format_build(py_vstr *out, const char *s, size_t n, fmt_ctx *c, int depth);

// format(obj, spec) straight into out for exact ints, floats and strs (what py_format would
// do, without the intermediate spec and result objects); false for other values.
static bool format_direct(py_vstr *out, py_val obj, const char *spec, size_t sl) {
    const py_type *t = py_typeof(obj);
    if (t->flags & PY_TF_HEAP) {
        return false;
    }
    py_print p;
    py_vstr_printer(out, &p);
    double d;
    if (t == &py_type_int) {
        if (sl == 0) {
            py_int_print_base(&p, obj, 10, false);
        } else {
            py_int_format(&p, obj, spec, sl);
        }
        return true;
    }
    if (py_float_unwrap(obj, &d)) {
        py_float_format(&p, d, spec, sl);
        return true;
    }
    if (t == &py_type_str && sl == 0) {
        size_t l;
        const char *s = py_get_str(obj, &l);
        py_vstr_add(out, s, l);
        return true;
    }
    return false;
}

// One replacement field; *ip is just past its '{'. Appends the formatted value.
static void format_field(py_vstr *out, const char *s, size_t n, size_t *ip, fmt_ctx *c, int depth) {
    size_t i = *ip, name = i;
    char ch = 0;
    while (i < n) {
        ch = s[i++];
        if (ch == '{') {
            py_raise_msg(&py_type_ValueError, "unexpected '{' in field name");
        }
        if (ch == '[') {
            while (i < n && s[i] != ']') {
                i++;
            }
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') {
            break;
        }
    }
    size_t name_end = i - 1;
    uint32_t conv = 0;
    size_t spec = i, spec_end = i;
    bool expand = false;
    if (ch == '!' || ch == ':') {
        bool done = false;
        if (ch == '!') {
            if (i >= n) {
                py_raise_msg(&py_type_ValueError,
                             "end of string while looking for conversion specifier");
            }
            const char *p = s + i;
            conv = py_utf8_decode(&p);
            i = (size_t)(p - s);
            if (i < n) {
                ch = s[i++];
                if (ch == '}') {
                    done = true;
                    spec = spec_end = i;
                } else if (ch != ':') {
                    py_raise_msg(&py_type_ValueError, "expected ':' after conversion specifier");
                }
            }
        }
        if (!done) {
            spec = i;
            int count = 1;
            while (i < n) {
                ch = s[i++];
                if (ch == '{') {
                    expand = true;
                    count++;
                } else if (ch == '}' && --count == 0) {
                    break;
                }
            }
            if (count != 0) {
                py_raise_msg(&py_type_ValueError, "unmatched '{' in format spec");
            }
            spec_end = i - 1;
        }
    } else if (ch != '}') {
        py_raise_msg(&py_type_ValueError, "expected '}' before end of string");
    }
    *ip = i;

    py_val obj = field_object(s + name, name_end - name, c);
    switch (conv) {
    case 0: break;
    case 'r': obj = py_repr(obj); break;
    case 's': obj = py_str_of(obj); break;
    case 'a': obj = py_ascii(obj); break;
    default:
        if (conv > 32 && conv < 127) {
            py_raise_fmt(&py_type_ValueError, "Unknown conversion specifier %c", (int)conv);
        }
        py_raise_fmt(&py_type_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
    py_val specv;
    if (expand) {
        py_vstr sp;
        py_vstr_init(&sp, spec_end - spec + 8);
        format_build(&sp, s + spec, spec_end - spec, c, depth - 1);
        specv = py_vstr_to_str(&sp);
    } else {
        if (format_direct(out, obj, s + spec, spec_end - spec)) {
            return;
        }
        specv = py_str_new(s + spec, spec_end - spec);
    }
    size_t l;
    const char *d = py_get_str(py_format(obj, specv), &l);
    py_vstr_add(out, d, l);
}

static void format_build(py_vstr *out, const char *s, size_t n, fmt_ctx *c, int depth) {
    if (depth <= 0) {
        py_raise_msg(&py_type_ValueError, "Max string recursion exceeded");
    }
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        char ch = 0;
        bool markup = false;
        while (i < n) {
            ch = s[i++];
            if (ch == '{' || ch == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = i >= n;
        size_t lit = i - start;
        if (ch == '}' && markup && (at_end || s[i] != '}')) {
            py_raise_msg(&py_type_ValueError, "Single '}' encountered in format string");
        }
        if (at_end && markup && ch == '{') {
            py_raise_msg(&py_type_ValueError, "Single '{' encountered in format string");
        }
        if (markup) {
            if (s[i] == ch) { // {{ or }}: the literal keeps one brace
                i++;
                markup = false;
            } else {
                lit--;
            }
        }
        py_vstr_add(out, s + start, lit);
        if (markup) {
            format_field(out, s, n, &i, c, depth);
        }
    }
}

static py_val str_format(size_t n_args, size_t n_kw, const py_val *args) {
    sv f;
    self_args(n_args, args, "format", &f);
    if (memchr(f.s, '{', f.len) == NULL && memchr(f.s, '}', f.len) == NULL) {
        return args[0]; // as CPython: the object itself, even of a subclass of str
    }
    fmt_ctx c = {args + 1, n_args - 1, args + n_args, n_kw, PY_NULL, AUTO_INIT, 0};
    py_vstr out;
    py_vstr_init(&out, f.len + 16);
    format_build(&out, f.s, f.len, &c, 2);
    return py_vstr_to_str(&out);
}
PY_FN_OBJ_KW(py_strformat_format_obj, format, str_format);

static py_val str_format_map(size_t n_args, const py_val *args) {
    sv f;
    self_args(n_args, args, "format_map", &f);
    if (n_args != 2) {
        py_raise_fmt(&py_type_TypeError, "str.format_map() takes exactly one argument (%zu given)",
                     n_args - 1);
    }
    py_val mapping = args[1];
    if (memchr(f.s, '{', f.len) == NULL && memchr(f.s, '}', f.len) == NULL) {
        return args[0];
    }
    fmt_ctx c = {NULL, 0, NULL, 0, mapping, AUTO_INIT, 0};
    py_vstr out;
    py_vstr_init(&out, f.len + 16);
    format_build(&out, f.s, f.len, &c, 2);
    return py_vstr_to_str(&out);
}
PY_FN_OBJ_VAR(py_strformat_format_map_obj, format_map, 0, PY_ARGS_MANY, str_format_map);
