// py/strmethods.c: the methods of str (py_str_locals_dict), with CPython 3.11's results and
// errors; str.format and str % args live in py/strformat.c. Positions (start/end arguments,
// widths, results of find) count code points; the text is UTF-8, so work is done on bytes and
// positions are converted only at the edges: an ASCII string (charlen == len) needs no
// conversion at all, others one walk per call. Searches are byte searches (a valid UTF-8
// needle can only match at character boundaries). Nothing allocates per character: a result
// is built in one py_vstr or one new str. Character properties and case mappings come from
// py/unicode.c.
#include <string.h>

#include "py/objbytes.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/runtime.h"
#include "py/strformat.h"
#include "py/unicode.h"

// ---- helpers ---------------------------------------------------------------------------------
// A str's text: bytes, byte length and code point count.
typedef struct sv {
    const char *s;
    size_t len;
    size_t clen;
} sv;

// The bytes of a qstr or an exact str, inline; false (nothing set) for anything else, which
// then takes the general path with its checks and messages.
static inline bool plain_bytes(py_val v, const char **s, size_t *len) {
    if (py_is_qstr(v)) {
        *s = py_qstr_data(py_qstr_get(v), len);
        return true;
    }
    if (py_is_obj(v) && v->type == &py_type_str) {
        *s = ((py_str *)v)->data;
        *len = ((py_str *)v)->len;
        return true;
    }
    return false;
}

static inline bool sv_ascii(const sv *v) {
    return v->len == v->clen;
}

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

// self of a method, which may be anything when called as str.method(x).
static void self_sv(py_val self, const char *method, sv *out) {
    if (!py_is_str(self)) {
        py_raise_fmt(&py_type_TypeError,
                     "descriptor '%s' for 'str' objects doesn't apply to a '%T' object", method,
                     self);
    }
    sv_of(self, out);
}

// How CPython declares a method decides its argument-count messages (counts exclude self).
enum { ARGS_NONE, ARGS_ONE, ARGS_TUPLE, ARGS_CLINIC };

// Checks a method call's self and argument count as CPython's wrappers do; gets self's text.
static void method_args(size_t n_args, const py_val *args, const char *name, int style, size_t min,
                        size_t max, sv *self) {
    if (n_args == 0) {
        py_raise_fmt(&py_type_TypeError, "unbound method str.%s() needs an argument", name);
    }
    self_sv(args[0], name, self);
    size_t n = n_args - 1;
    if (n >= min && n <= max) {
        return;
    }
    size_t lim = n < min ? min : max;
    const char *s = lim == 1 ? "" : "s", *most = n < min ? "least" : "most";
    switch (style) {
    case ARGS_NONE:
        py_raise_fmt(&py_type_TypeError, "str.%s() takes no arguments (%zu given)", name, n);
    case ARGS_ONE:
        py_raise_fmt(&py_type_TypeError, "str.%s() takes exactly one argument (%zu given)", name,
                     n);
    case ARGS_TUPLE:
        py_raise_fmt(&py_type_TypeError, "%s() takes at %s %zu argument%s (%zu given)", name, most,
                     lim, s, n);
    default:
        py_raise_fmt(&py_type_TypeError, "%s expected at %s %zu argument%s, got %zu", name, most,
                     lim, s, n);
    }
}

// Maps the positional then keyword arguments after self onto out[0..n) (PY_NULL when absent)
// for a method whose n parameters may all be passed by keyword.
static void method_kw(size_t n_args, size_t n_kw, const py_val *args, const char *name,
                      const uint16_t *names, size_t n, py_val *out) {
    size_t npos = n_args - 1;
    if (npos + n_kw > n) {
        py_raise_fmt(&py_type_TypeError, "%s() takes at most %zu argument%s (%zu given)", name, n,
                     n == 1 ? "" : "s", npos + n_kw);
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = i < npos ? args[1 + i] : PY_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_val key = args[n_args + 2 * k];
        qstr q = py_str_intern(key);
        size_t i = 0;
        while (i < n && names[i] != q) {
            i++;
        }
        if (i == n) {
            py_raise_fmt(&py_type_TypeError, "'%q' is an invalid keyword argument for %s()", q,
                         name);
        }
        if (i < npos) {
            py_raise_fmt(&py_type_TypeError,
                         "argument for %s() given by name ('%q') and position (%zu)", name, q,
                         i + 1);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
}

static void arg_sv(py_val v, sv *out) {
    if (!py_is_str(v)) {
        py_raise_fmt(&py_type_TypeError, "must be str, not %T", v);
    }
    sv_of(v, out);
}

// A new str of s[0..len) holding clen code points. Pieces are not looked up among the qstrs
// (py_str_new does that for short strings): hashing each piece costs more than it saves.
static py_val str_from(const char *s, size_t len, size_t clen) {
    if (len == 0) {
        return py_qstr_val(PY_QSTR_);
    }
    char *d;
    py_val r = py_str_new_uninit(len, &d);
    memcpy(d, s, len);
    d[len] = 0;
    ((py_str *)r)->charlen = (uint32_t)clen;
    return r;
}

// A piece of v: the whole str again when the piece is all of it.
static py_val sv_sub(py_val self, const sv *v, size_t a, size_t b) {
    if (a == 0 && b == v->len) {
        return exact(self);
    }
    return str_from(v->s + a, b - a, sv_ascii(v) ? b - a : py_utf8_charlen(v->s + a, b - a));
}

static inline size_t utf8_len(uint8_t lead) {
    return lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

// Byte offset of code point i (i <= clen).
static size_t sv_off(const sv *v, size_t i) {
    return sv_ascii(v) ? i : (size_t)(py_utf8_offset(v->s, v->len, i) - v->s);
}

// \t \n \v \f \r, \x1c..\x1f and ' ' as a bit mask
static inline bool ascii_space(uint8_t c) {
    return c <= ' ' && (0x1f0003e00ull >> c) & 1;
}

static size_t space_at_slow(const char *s, size_t i) {
    const char *p = s + i;
    uint32_t cp = py_utf8_decode(&p);
    return py_unicode_isspace(cp) ? (size_t)(p - (s + i)) : 0;
}

// Byte length of the whitespace character at s[i], or 0 if it is not whitespace.
static inline size_t space_at(const char *s, size_t i) {
    uint8_t c = (uint8_t)s[i];
    return c < 0x80 ? ascii_space(c) : space_at_slow(s, i);
}

// Byte index where the character ending just before s[i] starts (i > 0).
static size_t prev_char(const char *s, size_t i) {
    do {
        i--;
    } while (i > 0 && ((uint8_t)s[i] & 0xc0) == 0x80);
    return i;
}

// A start/end argument as CPython's slice indices: absent or None gives dflt; ints beyond the
// small range are clipped (they mean "before the start" or "past the end" anyway).
static py_int_t index_arg(py_val v, py_int_t dflt) {
    if (v == PY_NULL || v == PY_NONE) {
        return dflt;
    }
    if (py_is_small(v)) {
        return py_small_get(v);
    }
    py_val i = py_int_unwrap(v);
    if (i == PY_NULL) {
        const py_type *t = py_typeof(v);
        if (t->unary_op != NULL && (i = t->unary_op(PY_UOP_INDEX, v)) != PY_NULL) {
            i = py_int_unwrap(i);
        }
        if (i == PY_NULL) {
            py_raise_msg(&py_type_TypeError,
                         "slice indices must be integers or None or have an __index__ method");
        }
    }
    if (py_is_small(i)) {
        return py_small_get(i);
    }
    return py_int_sign(i) < 0 ? PY_SMALL_MIN : PY_SMALL_MAX;
}

// CPython's ADJUST_INDICES: end clipped to [0, len], negative values count from the end.
static void adjust_indices(py_int_t *start, py_int_t *end, size_t len) {
    py_int_t n = (py_int_t)len;
    if (*end > n) {
        *end = n;
    } else if (*end < 0) {
        *end += n;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += n;
        if (*start < 0) {
            *start = 0;
        }
    }
}

// ---- substring search ------------------------------------------------------------------------
// Forward search: memchr for one byte, memchr on the first byte then memcmp for short inputs,
// Horspool's skip table for long ones (linear in practice; degenerate periodic needles can
// cost len(haystack) * len(needle), as CPython's default search without its two-way fallback).
typedef struct finder {
    const char *n;
    size_t nl;
    bool table; // skip[] is set up
    uint16_t skip[256];
} finder;

static void finder_init(finder *f, const char *n, size_t nl, size_t hl) {
    f->n = n;
    f->nl = nl;
    f->table = nl >= 4 && hl >= 128;
    if (f->table) {
        size_t dflt = nl < 0xffff ? nl : 0xffff;
        for (size_t i = 0; i < 256; i++) {
            f->skip[i] = (uint16_t)dflt;
        }
        for (size_t i = nl > 0xffff ? nl - 0xffff : 0; i + 1 < nl; i++) {
            f->skip[(uint8_t)n[i]] = (uint16_t)(nl - 1 - i);
        }
    }
}

// Byte index of the first occurrence in h[0..hl), or -1.
static ptrdiff_t finder_find(const finder *f, const char *h, size_t hl) {
    const char *n = f->n;
    size_t nl = f->nl;
    if (nl == 0) {
        return 0;
    }
    if (nl > hl) {
        return -1;
    }
    if (nl == 1) {
        const char *p = memchr(h, n[0], hl);
        return p ? p - h : -1;
    }
    if (!f->table || hl < 128) {
        const char *p = h, *last = h + hl - nl;
        while (p <= last) {
            p = memchr(p, n[0], (size_t)(last - p) + 1);
            if (p == NULL) {
                return -1;
            }
            if (memcmp(p + 1, n + 1, nl - 1) == 0) {
                return p - h;
            }
            p++;
        }
        return -1;
    }
    uint8_t lastc = (uint8_t)n[nl - 1];
    for (size_t i = 0; i + nl <= hl;) {
        uint8_t c = (uint8_t)h[i + nl - 1];
        if (c == lastc && memcmp(h + i, n, nl - 1) == 0) {
            return (ptrdiff_t)i;
        }
        i += f->skip[c];
    }
    return -1;
}

static ptrdiff_t search_fwd(const char *h, size_t hl, const char *n, size_t nl) {
    finder f;
    finder_init(&f, n, nl, hl < 128 ? 0 : hl); // the table only pays off on long haystacks
    return finder_find(&f, h, hl);
}

// Byte index of the last occurrence in h[0..hl), or -1.
static ptrdiff_t search_rev(const char *h, size_t hl, const char *n, size_t nl) {
    if (nl > hl) {
        return -1;
    }
    if (nl == 0) {
        return (ptrdiff_t)hl;
    }
    for (size_t i = hl - nl + 1; i-- > 0;) {
        if (h[i] == n[0] && memcmp(h + i + 1, n + 1, nl - 1) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

// ---- find, rfind, index, rindex, count -------------------------------------------------------
enum { FIND, RFIND, INDEX, RINDEX, COUNT };
static const char *const find_names[] = {"find", "rfind", "index", "rindex", "count"};

static py_val find_impl(size_t n_args, const py_val *args, int kind) {
    const char *hs, *ns;
    size_t hl, nl;
    if ((kind == FIND || kind == INDEX) && (n_args == 2 || (n_args == 3 && py_is_small(args[2]))) &&
        py_is_obj(args[0]) && args[0]->type == &py_type_str && plain_bytes(args[1], &ns, &nl) &&
        nl > 0) {
        // s.find(sub[, start]) on an ASCII str: byte positions are the answer
        py_str *o = (py_str *)args[0];
        py_int_t start = n_args == 3 ? py_small_get(args[2]) : 0;
        if (o->len == o->charlen && start >= 0 && (size_t)start <= o->len) {
            hs = o->data;
            hl = o->len;
            ptrdiff_t k = search_fwd(hs + start, hl - (size_t)start, ns, nl);
            if (k >= 0) {
                return py_small(start + (py_int_t)k);
            }
            if (kind == INDEX) {
                py_raise_msg(&py_type_ValueError, "substring not found");
            }
            return py_small(-1);
        }
    }
    sv h, n;
    method_args(n_args, args, find_names[kind], ARGS_TUPLE, 1, 3, &h);
    arg_sv(args[1], &n);
    py_int_t start = index_arg(n_args > 2 ? args[2] : PY_NULL, 0);
    py_int_t end = index_arg(n_args > 3 ? args[3] : PY_NULL, PY_SMALL_MAX);
    adjust_indices(&start, &end, h.clen);
    ptrdiff_t k = -1;
    if (end - start >= (py_int_t)n.clen) {
        size_t sb = sv_off(&h, (size_t)start);
        size_t eb =
            sv_ascii(&h)
                ? (size_t)end
                : sb + (size_t)(py_utf8_offset(h.s + sb, h.len - sb, (size_t)(end - start)) -
                                (h.s + sb));
        if (kind == COUNT) {
            if (n.len == 0) {
                return py_small(end - start + 1);
            }
            finder f;
            finder_init(&f, n.s, n.len, eb - sb);
            size_t cnt = 0;
            for (size_t i = sb; i < eb;) {
                ptrdiff_t j = finder_find(&f, h.s + i, eb - i);
                if (j < 0) {
                    break;
                }
                cnt++;
                i += (size_t)j + n.len;
            }
            return py_small((py_int_t)cnt);
        }
        k = kind == FIND || kind == INDEX ? search_fwd(h.s + sb, eb - sb, n.s, n.len)
                                          : search_rev(h.s + sb, eb - sb, n.s, n.len);
        if (k >= 0) {
            size_t cp = sv_ascii(&h) ? (size_t)k : py_utf8_charlen(h.s + sb, (size_t)k);
            return py_small(start + (py_int_t)cp);
        }
    }
    if (kind == COUNT) {
        return py_small(0);
    }
    if (kind == INDEX || kind == RINDEX) {
        py_raise_msg(&py_type_ValueError, "substring not found");
    }
    return py_small(-1);
}

static py_val str_find(size_t n, const py_val *a) {
    return find_impl(n, a, FIND);
}
static py_val str_rfind(size_t n, const py_val *a) {
    return find_impl(n, a, RFIND);
}
static py_val str_index(size_t n, const py_val *a) {
    return find_impl(n, a, INDEX);
}
static py_val str_rindex(size_t n, const py_val *a) {
    return find_impl(n, a, RINDEX);
}
static py_val str_count(size_t n, const py_val *a) {
    return find_impl(n, a, COUNT);
}
static PY_FN_OBJ_VAR(str_find_obj, find, 0, PY_ARGS_MANY, str_find);
static PY_FN_OBJ_VAR(str_rfind_obj, rfind, 0, PY_ARGS_MANY, str_rfind);
static PY_FN_OBJ_VAR(str_index_obj, index, 0, PY_ARGS_MANY, str_index);
static PY_FN_OBJ_VAR(str_rindex_obj, rindex, 0, PY_ARGS_MANY, str_rindex);
static PY_FN_OBJ_VAR(str_count_obj, count, 0, PY_ARGS_MANY, str_count);

// ---- startswith, endswith --------------------------------------------------------------------
static bool tailmatch(const sv *h, py_val sub, py_int_t start, py_int_t end, bool ends) {
    sv n;
    sv_of(sub, &n);
    adjust_indices(&start, &end, h->clen);
    end -= (py_int_t)n.clen;
    if (end < start) {
        return false;
    }
    if (n.len == 0) {
        return true;
    }
    size_t at = sv_off(h, (size_t)(ends ? end : start));
    return at + n.len <= h->len && memcmp(h->s + at, n.s, n.len) == 0;
}

static py_val starts_ends(size_t n_args, const py_val *args, bool ends) {
    const char *hs, *ns;
    size_t hl, nl;
    if (n_args == 2 && plain_bytes(args[0], &hs, &hl) && plain_bytes(args[1], &ns, &nl)) {
        // no start/end: a byte prefix (suffix) of valid UTF-8 is a character prefix (suffix)
        return py_bool(nl <= hl && memcmp(ends ? hs + hl - nl : hs, ns, nl) == 0);
    }
    const char *name = ends ? "endswith" : "startswith";
    sv h;
    method_args(n_args, args, name, ARGS_TUPLE, 1, 3, &h);
    py_int_t start = index_arg(n_args > 2 ? args[2] : PY_NULL, 0);
    py_int_t end = index_arg(n_args > 3 ? args[3] : PY_NULL, PY_SMALL_MAX);
    py_val sub = args[1];
    if (py_is_obj(sub) && py_isinstance(sub, &py_type_tuple)) {
        if (sub->type != &py_type_tuple) {
            sub = ((py_instance *)sub)->native;
        }
        py_tuple *t = (py_tuple *)sub;
        for (size_t i = 0; i < t->len; i++) {
            if (!py_is_str(t->items[i])) {
                py_raise_fmt(&py_type_TypeError, "tuple for %s must only contain str, not %T", name,
                             t->items[i]);
            }
            if (tailmatch(&h, t->items[i], start, end, ends)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    }
    if (!py_is_str(sub)) {
        py_raise_fmt(&py_type_TypeError, "%s first arg must be str or a tuple of str, not %T", name,
                     sub);
    }
    return py_bool(tailmatch(&h, sub, start, end, ends));
}

static py_val str_startswith(size_t n, const py_val *a) {
    return starts_ends(n, a, false);
}
static py_val str_endswith(size_t n, const py_val *a) {
    return starts_ends(n, a, true);
}
static PY_FN_OBJ_VAR(str_startswith_obj, startswith, 0, PY_ARGS_MANY, str_startswith);
static PY_FN_OBJ_VAR(str_endswith_obj, endswith, 0, PY_ARGS_MANY, str_endswith);

static py_val remove_affix(size_t n_args, const py_val *args, bool suffix) {
    const char *name = suffix ? "removesuffix" : "removeprefix";
    sv s, a;
    method_args(n_args, args, name, ARGS_ONE, 1, 1, &s);
    py_val self = args[0], affix = args[1];
    if (!py_is_str(affix)) {
        py_raise_fmt(&py_type_TypeError, "%s() argument must be str, not %T", name, affix);
    }
    sv_of(affix, &a);
    if (a.len == 0 || a.len > s.len) {
        return exact(self);
    }
    size_t at = suffix ? s.len - a.len : 0;
    if (memcmp(s.s + at, a.s, a.len) != 0) {
        return exact(self);
    }
    return suffix ? sv_sub(self, &s, 0, at) : sv_sub(self, &s, a.len, s.len);
}
static py_val str_removeprefix(size_t n, const py_val *a) {
    return remove_affix(n, a, false);
}
static py_val str_removesuffix(size_t n, const py_val *a) {
    return remove_affix(n, a, true);
}
static PY_FN_OBJ_VAR(str_removeprefix_obj, removeprefix, 0, PY_ARGS_MANY, str_removeprefix);
static PY_FN_OBJ_VAR(str_removesuffix_obj, removesuffix, 0, PY_ARGS_MANY, str_removesuffix);

// ---- split, rsplit, splitlines, partition ----------------------------------------------------
static py_val split_impl(size_t n_args, size_t n_kw, const py_val *args, bool right) {
    static const uint16_t names[] = {PY_QSTR_sep, PY_QSTR_maxsplit};
    const char *name = right ? "rsplit" : "split";
    sv s;
    method_args(n_args, args, name, ARGS_TUPLE, 0, PY_ARGS_MANY, &s);
    py_val a[2];
    method_kw(n_args, n_kw, args, name, names, 2, a);
    if (a[0] == PY_NULL) {
        a[0] = PY_NONE;
    }
    py_int_t maxsplit = a[1] != PY_NULL ? py_get_int(a[1]) : -1;
    if (maxsplit < 0) {
        maxsplit = PY_SMALL_MAX;
    }
    py_val self = args[0];
    py_val list;
    const char *p = s.s;
    if (a[0] == PY_NONE) {
        list = py_list_new(0, NULL);
        // runs of whitespace separate; no empty strings; leftover text keeps its outer spaces
        // on the side where splitting stopped
        if (!right) {
            size_t i = 0, n = s.len;
            while (maxsplit-- > 0) {
                size_t k;
                while (i < n && (k = space_at(p, i)) != 0) {
                    i += k;
                }
                if (i == n) {
                    break;
                }
                size_t j = i;
                i += utf8_len((uint8_t)p[i]);
                while (i < n && space_at(p, i) == 0) {
                    i += utf8_len((uint8_t)p[i]);
                }
                py_list_append(list, sv_sub(self, &s, j, i));
            }
            if (i < n) {
                size_t k;
                while (i < n && (k = space_at(p, i)) != 0) {
                    i += k;
                }
                if (i != n) {
                    py_list_append(list, sv_sub(self, &s, i, n));
                }
            }
            return list;
        }
        size_t i = s.len; // exclusive end of the text still to split
        while (maxsplit-- > 0) {
            size_t q;
            while (i > 0 && space_at(p, q = prev_char(p, i)) != 0) {
                i = q;
            }
            if (i == 0) {
                break;
            }
            size_t j = i;
            i = prev_char(p, i);
            while (i > 0 && space_at(p, q = prev_char(p, i)) == 0) {
                i = q;
            }
            py_list_append(list, sv_sub(self, &s, i, j));
        }
        if (i > 0) {
            size_t q;
            while (i > 0 && space_at(p, q = prev_char(p, i)) != 0) {
                i = q;
            }
            if (i > 0) {
                py_list_append(list, sv_sub(self, &s, 0, i));
            }
        }
    } else {
        if (!py_is_str(a[0])) {
            py_raise_fmt(&py_type_TypeError, "must be str or None, not %T", a[0]);
        }
        sv sep;
        sv_of(a[0], &sep);
        if (sep.len == 0) {
            py_raise_msg(&py_type_ValueError, "empty separator");
        }
        if (!right) {
            finder f;
            finder_init(&f, sep.s, sep.len, s.len);
            // count the pieces first (a second search is cheaper than growing the list), then
            // allocate the list once at its final size and fill it
            size_t n = 1, i = 0;
            for (; (py_int_t)n <= maxsplit; n++) {
                ptrdiff_t k = finder_find(&f, p + i, s.len - i);
                if (k < 0) {
                    break;
                }
                i += (size_t)k + sep.len;
            }
            py_list *l = (py_list *)py_list_new(n, NULL);
            i = 0;
            for (size_t j = 0; j + 1 < n; j++) {
                size_t k = (size_t)finder_find(&f, p + i, s.len - i);
                l->items[j] = sv_sub(self, &s, i, i + k);
                i += k + sep.len;
            }
            l->items[n - 1] = sv_sub(self, &s, i, s.len);
            return (py_val)l;
        }
        list = py_list_new(0, NULL);
        size_t j = s.len;
        while (maxsplit-- > 0) {
            ptrdiff_t k = search_rev(p, j, sep.s, sep.len);
            if (k < 0) {
                break;
            }
            py_list_append(list, sv_sub(self, &s, (size_t)k + sep.len, j));
            j = (size_t)k;
        }
        py_list_append(list, sv_sub(self, &s, 0, j));
    }
    // rsplit collected from the end
    py_list *l = (py_list *)list;
    for (size_t i = 0, k = l->len; i + 1 < k; i++, k--) {
        py_val t = l->items[i];
        l->items[i] = l->items[k - 1];
        l->items[k - 1] = t;
    }
    return list;
}

static py_val str_split(size_t n_args, size_t n_kw, const py_val *args) {
    return split_impl(n_args, n_kw, args, false);
}
static py_val str_rsplit(size_t n_args, size_t n_kw, const py_val *args) {
    return split_impl(n_args, n_kw, args, true);
}
static PY_FN_OBJ_KW(str_split_obj, split, str_split);
static PY_FN_OBJ_KW(str_rsplit_obj, rsplit, str_rsplit);

static py_val str_splitlines(size_t n_args, size_t n_kw, const py_val *args) {
    static const uint16_t names[] = {PY_QSTR_keepends};
    sv s;
    method_args(n_args, args, "splitlines", ARGS_TUPLE, 0, PY_ARGS_MANY, &s);
    py_val a[1];
    method_kw(n_args, n_kw, args, "splitlines", names, 1, a);
    bool keep = a[0] != PY_NULL && py_get_int(a[0]) != 0;
    py_val list = py_list_new(0, NULL);
    const char *p = s.s;
    size_t i = 0;
    while (i < s.len) {
        size_t j = i, eol = 0;
        while (j < s.len) {
            uint8_t c = (uint8_t)p[j];
            if (c < 0x80) {
                if (py_unicode_islinebreak(c)) {
                    eol = c == '\r' && j + 1 < s.len && p[j + 1] == '\n' ? 2 : 1;
                    break;
                }
                j++;
                continue;
            }
            const char *q = p + j;
            uint32_t cp = py_utf8_decode(&q);
            if (py_unicode_islinebreak(cp)) {
                eol = (size_t)(q - (p + j));
                break;
            }
            j = (size_t)(q - p);
        }
        py_list_append(list, sv_sub(args[0], &s, i, keep ? j + eol : j));
        i = j + eol;
    }
    return list;
}
static PY_FN_OBJ_KW(str_splitlines_obj, splitlines, str_splitlines);

static py_val partition_impl(size_t n_args, const py_val *args, bool right) {
    sv s, sep;
    method_args(n_args, args, right ? "rpartition" : "partition", ARGS_ONE, 1, 1, &s);
    py_val self = args[0], sepv = args[1];
    arg_sv(sepv, &sep);
    if (sep.len == 0) {
        py_raise_msg(&py_type_ValueError, "empty separator");
    }
    ptrdiff_t k =
        right ? search_rev(s.s, s.len, sep.s, sep.len) : search_fwd(s.s, s.len, sep.s, sep.len);
    py_val t[3];
    py_val empty = py_qstr_val(PY_QSTR_);
    if (k < 0) {
        t[0] = right ? empty : exact(self);
        t[1] = empty;
        t[2] = right ? exact(self) : empty;
    } else {
        t[0] = sv_sub(self, &s, 0, (size_t)k);
        t[1] = exact(sepv);
        t[2] = sv_sub(self, &s, (size_t)k + sep.len, s.len);
    }
    return py_tuple_new(3, t);
}
static py_val str_partition(size_t n, const py_val *a) {
    return partition_impl(n, a, false);
}
static py_val str_rpartition(size_t n, const py_val *a) {
    return partition_impl(n, a, true);
}
static PY_FN_OBJ_VAR(str_partition_obj, partition, 0, PY_ARGS_MANY, str_partition);
static PY_FN_OBJ_VAR(str_rpartition_obj, rpartition, 0, PY_ARGS_MANY, str_rpartition);

// ---- join, replace ----------------------------------------------------------------------------
static py_val str_join(size_t n_args, const py_val *args) {
    sv sep;
    method_args(n_args, args, "join", ARGS_ONE, 1, 1, &sep);
    py_val iterable = args[1];
    size_t n;
    py_val *items;
    if (!py_get_items(iterable, &n, &items)) {
        // CPython's message when iter() fails; errors while iterating pass through
        py_val it;
        py_nlr nlr;
        if (py_nlr_push(&nlr) == 0) {
            it = py_getiter(iterable);
            py_nlr_pop();
        } else {
            if (py_exc_matches(nlr.exc, (py_val)&py_type_TypeError)) {
                py_raise_msg(&py_type_TypeError, "can only join an iterable");
            }
            py_raise(nlr.exc);
        }
        py_val list = py_list_new(0, NULL);
        for (py_val x; (x = py_iternext(it)) != PY_STOP;) {
            py_list_append(list, x);
        }
        items = ((py_list *)list)->items;
        n = ((py_list *)list)->len;
    }
    if (n == 0) {
        return py_qstr_val(PY_QSTR_);
    }
    size_t total = sep.len * (n - 1), ctotal = sep.clen * (n - 1);
    for (size_t i = 0; i < n; i++) {
        py_val x = items[i];
        if (!py_is_str(x)) {
            py_raise_fmt(&py_type_TypeError, "sequence item %zu: expected str instance, %T found",
                         i, x);
        }
        x = exact(x);
        size_t l;
        py_get_str(x, &l);
        total += l;
        ctotal += py_is_qstr(x) ? py_str_charlen(x) : ((py_str *)x)->charlen;
    }
    if (n == 1) {
        return exact(items[0]);
    }
    char *d;
    py_val r = py_str_new_uninit(total, &d);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && sep.len) {
            memcpy(d, sep.s, sep.len);
            d += sep.len;
        }
        size_t l;
        const char *x = py_get_str(items[i], &l);
        memcpy(d, x, l);
        d += l;
    }
    *d = 0;
    ((py_str *)r)->charlen = (uint32_t)ctotal;
    return r;
}
static PY_FN_OBJ_VAR(str_join_obj, join, 0, PY_ARGS_MANY, str_join);

static py_val str_replace(size_t n_args, const py_val *args) {
    sv s, old, nw;
    method_args(n_args, args, "replace", ARGS_CLINIC, 2, 3, &s);
    for (int k = 1; k <= 2; k++) {
        if (!py_is_str(args[k])) {
            py_raise_fmt(&py_type_TypeError, "replace() argument %d must be str, not %T", k,
                         args[k]);
        }
    }
    sv_of(args[1], &old);
    sv_of(args[2], &nw);
    py_int_t count = n_args > 3 ? py_get_int(args[3]) : -1;
    if (count < 0) {
        count = PY_SMALL_MAX;
    }
    if (count == 0 || old.clen > s.clen) {
        return exact(args[0]);
    }
    py_vstr v;
    if (old.len == 0) {
        // the new text goes before every character and at the end
        size_t ins = (size_t)count < s.clen + 1 ? (size_t)count : s.clen + 1;
        py_vstr_init(&v, s.len + ins * nw.len);
        size_t i = 0;
        for (size_t k = 0; k < ins; k++) {
            py_vstr_add(&v, nw.s, nw.len);
            if (i < s.len) {
                size_t cl = utf8_len((uint8_t)s.s[i]);
                py_vstr_add(&v, s.s + i, cl);
                i += cl;
            }
        }
        py_vstr_add(&v, s.s + i, s.len - i);
        return py_vstr_to_str(&v);
    }
    finder f;
    finder_init(&f, old.s, old.len, s.len);
    ptrdiff_t k = finder_find(&f, s.s, s.len);
    if (k < 0) {
        return exact(args[0]);
    }
    py_vstr_init(&v, nw.len > old.len ? s.len + (nw.len - old.len) * 4 : s.len);
    size_t i = 0;
    while (k >= 0) {
        py_vstr_add(&v, s.s + i, (size_t)k);
        py_vstr_add(&v, nw.s, nw.len);
        i += (size_t)k + old.len;
        if (--count == 0) {
            break;
        }
        k = finder_find(&f, s.s + i, s.len - i);
    }
    py_vstr_add(&v, s.s + i, s.len - i);
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_VAR(str_replace_obj, replace, 0, PY_ARGS_MANY, str_replace);

// ---- strip, padding ----------------------------------------------------------------------------
// Whether the character at s[i] (of byte length cl) is one of `chars` (NULL: whitespace).
static bool strip_member(const char *s, size_t i, size_t cl, const sv *chars) {
    if (chars == NULL) {
        return space_at(s, i) != 0;
    }
    if (cl == 1) {
        return memchr(chars->s, s[i], chars->len) != NULL;
    }
    return search_fwd(chars->s, chars->len, s + i, cl) >= 0;
}

static py_val strip_impl(size_t n_args, const py_val *args, int which) {
    static const char *const names[] = {"", "lstrip", "rstrip", "strip"};
    sv s, cs;
    method_args(n_args, args, names[which], ARGS_CLINIC, 0, 1, &s);
    const sv *chars = NULL;
    if (n_args > 1 && args[1] != PY_NONE) {
        if (!py_is_str(args[1])) {
            py_raise_fmt(&py_type_TypeError, "%s arg must be None or str", names[which]);
        }
        sv_of(args[1], &cs);
        chars = &cs;
    }
    size_t a = 0, b = s.len;
    if (which & 1) {
        while (a < b) {
            size_t cl = utf8_len((uint8_t)s.s[a]);
            if (!strip_member(s.s, a, cl, chars)) {
                break;
            }
            a += cl;
        }
    }
    if (which & 2) {
        while (b > a) {
            size_t q = prev_char(s.s, b);
            if (!strip_member(s.s, q, b - q, chars)) {
                break;
            }
            b = q;
        }
    }
    return sv_sub(args[0], &s, a, b);
}
static py_val str_strip(size_t n, const py_val *a) {
    return strip_impl(n, a, 3);
}
static py_val str_lstrip(size_t n, const py_val *a) {
    return strip_impl(n, a, 1);
}
static py_val str_rstrip(size_t n, const py_val *a) {
    return strip_impl(n, a, 2);
}
static PY_FN_OBJ_VAR(str_strip_obj, strip, 0, PY_ARGS_MANY, str_strip);
static PY_FN_OBJ_VAR(str_lstrip_obj, lstrip, 0, PY_ARGS_MANY, str_lstrip);
static PY_FN_OBJ_VAR(str_rstrip_obj, rstrip, 0, PY_ARGS_MANY, str_rstrip);

// s with `left` and `right` copies of the fill character (fill_len bytes) around it.
static py_val pad(const sv *s, size_t left, size_t right, const char *fill, size_t fill_len) {
    size_t n = s->len + (left + right) * fill_len;
    char *d;
    py_val r = py_str_new_uninit(n, &d);
    for (size_t i = 0; i < left; i++, d += fill_len) {
        memcpy(d, fill, fill_len);
    }
    memcpy(d, s->s, s->len);
    d += s->len;
    for (size_t i = 0; i < right; i++, d += fill_len) {
        memcpy(d, fill, fill_len);
    }
    *d = 0;
    ((py_str *)r)->charlen = (uint32_t)(s->clen + left + right);
    return r;
}

enum { LJUST, RJUST, CENTER };
static py_val justify(size_t n_args, const py_val *args, int how) {
    static const char *const names[] = {"ljust", "rjust", "center"};
    sv s;
    method_args(n_args, args, names[how], ARGS_CLINIC, 1, 2, &s);
    py_int_t width = py_get_int(args[1]);
    const char *fill = " ";
    size_t fill_len = 1;
    if (n_args > 2) {
        if (!py_is_str(args[2])) {
            py_raise_fmt(&py_type_TypeError,
                         "The fill character must be a unicode character, not %T", args[2]);
        }
        sv f;
        sv_of(args[2], &f);
        if (f.clen != 1) {
            py_raise_msg(&py_type_TypeError,
                         "The fill character must be exactly one character long");
        }
        fill = f.s;
        fill_len = f.len;
    }
    if (width <= (py_int_t)s.clen) {
        return exact(args[0]);
    }
    size_t marg = (size_t)width - s.clen, left;
    if (how == CENTER) {
        left = marg / 2 + (marg & (size_t)width & 1);
    } else {
        left = how == RJUST ? marg : 0;
    }
    return pad(&s, left, marg - left, fill, fill_len);
}
static py_val str_ljust(size_t n, const py_val *a) {
    return justify(n, a, LJUST);
}
static py_val str_rjust(size_t n, const py_val *a) {
    return justify(n, a, RJUST);
}
static py_val str_center(size_t n, const py_val *a) {
    return justify(n, a, CENTER);
}
static PY_FN_OBJ_VAR(str_ljust_obj, ljust, 0, PY_ARGS_MANY, str_ljust);
static PY_FN_OBJ_VAR(str_rjust_obj, rjust, 0, PY_ARGS_MANY, str_rjust);
static PY_FN_OBJ_VAR(str_center_obj, center, 0, PY_ARGS_MANY, str_center);

static py_val str_zfill(size_t n_args, const py_val *args) {
    sv s;
    method_args(n_args, args, "zfill", ARGS_ONE, 1, 1, &s);
    py_val self = args[0];
    py_int_t width = py_get_int(args[1]);
    if (width <= (py_int_t)s.clen) {
        return exact(self);
    }
    size_t fill = (size_t)width - s.clen;
    py_val r = pad(&s, fill, 0, "0", 1);
    char *d = ((py_str *)r)->data;
    if (s.len && (d[fill] == '+' || d[fill] == '-')) {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}
static PY_FN_OBJ_VAR(str_zfill_obj, zfill, 0, PY_ARGS_MANY, str_zfill);

static py_val str_expandtabs(size_t n_args, size_t n_kw, const py_val *args) {
    static const uint16_t names[] = {PY_QSTR_tabsize};
    sv s;
    method_args(n_args, args, "expandtabs", ARGS_TUPLE, 0, PY_ARGS_MANY, &s);
    py_val a[1];
    method_kw(n_args, n_kw, args, "expandtabs", names, 1, a);
    py_int_t tabsize = a[0] != PY_NULL ? py_get_int(a[0]) : 8;
    if (memchr(s.s, '\t', s.len) == NULL) {
        return exact(args[0]);
    }
    py_vstr v;
    py_vstr_init(&v, s.len + 8);
    size_t col = 0; // code points since the start of the line
    for (size_t i = 0; i < s.len; i++) {
        char c = s.s[i];
        if (c == '\t') {
            if (tabsize > 0) {
                size_t incr = (size_t)tabsize - col % (size_t)tabsize;
                if (incr > (size_t)PY_SMALL_MAX - v.len) {
                    py_raise_msg(&py_type_OverflowError, "new string is too long");
                }
                memset(py_vstr_extend(&v, incr), ' ', incr);
                col += incr;
            }
            continue;
        }
        py_vstr_add_char(&v, c);
        if (((uint8_t)c & 0xc0) != 0x80) {
            col++;
        }
        if (c == '\n' || c == '\r') {
            col = 0;
        }
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_KW(str_expandtabs_obj, expandtabs, str_expandtabs);

// ---- case conversion ---------------------------------------------------------------------------
// U+03A3 lower-cases to final sigma U+03C2 when a cased letter precedes it and none follows it,
// skipping case-ignorable characters both ways (Unicode's Final_Sigma condition, as CPython).
static bool final_sigma(const char *s, size_t len, size_t at, size_t next) {
    unsigned f = 0;
    size_t j = at;
    while (j > 0) {
        j = prev_char(s, j);
        const char *p = s + j;
        f = py_unicode_flags(py_utf8_decode(&p));
        if (!(f & PY_UC_IGNORABLE)) {
            break;
        }
        f = 0;
    }
    if (!(f & PY_UC_CASED)) {
        return false;
    }
    for (j = next; j < len;) {
        const char *p = s + j;
        f = py_unicode_flags(py_utf8_decode(&p));
        j = (size_t)(p - s);
        if (!(f & PY_UC_IGNORABLE)) {
            return !(f & PY_UC_CASED);
        }
    }
    return true;
}

static size_t lower_at(const sv *s, size_t at, size_t next, uint32_t c, uint32_t out[3]) {
    if (c == 0x3a3) {
        out[0] = final_sigma(s->s, s->len, at, next) ? 0x3c2 : 0x3c3;
        return 1;
    }
    return py_unicode_case_map(c, PY_UC_MAP_LOWER, out);
}

enum { C_UPPER, C_LOWER, C_CASEFOLD, C_SWAPCASE, C_TITLE, C_CAPITALIZE };
static const char *const case_names[] = {"upper",    "lower", "casefold",
                                         "swapcase", "title", "capitalize"};

static py_val case_impl(size_t n_args, const py_val *args, int op) {
    sv s;
    method_args(n_args, args, case_names[op], ARGS_NONE, 0, 0, &s);
    bool prev_cased = false;
    if (sv_ascii(&s)) {
        char *d;
        py_val r = py_str_new_uninit(s.len, &d);
        for (size_t i = 0; i < s.len; i++) {
            char c = s.s[i];
            bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            bool to_lo;
            switch (op) {
            case C_UPPER: to_lo = false; break;
            case C_SWAPCASE: to_lo = up; break;
            case C_TITLE: to_lo = prev_cased; break;
            case C_CAPITALIZE: to_lo = i > 0; break;
            default: to_lo = true; break;
            }
            if (to_lo && up) {
                c = (char)(c + 32);
            } else if (!to_lo && lo) {
                c = (char)(c - 32);
            }
            prev_cased = up || lo;
            d[i] = c;
        }
        d[s.len] = 0;
        ((py_str *)r)->charlen = (uint32_t)s.len;
        return r;
    }
    py_vstr v;
    py_vstr_init(&v, s.len + 8);
    for (size_t i = 0; i < s.len;) {
        const char *p = s.s + i;
        uint32_t c = py_utf8_decode(&p), m[3];
        size_t next = (size_t)(p - s.s), n;
        switch (op) {
        case C_UPPER: n = py_unicode_case_map(c, PY_UC_MAP_UPPER, m); break;
        case C_LOWER: n = lower_at(&s, i, next, c, m); break;
        case C_CASEFOLD: n = py_unicode_case_map(c, PY_UC_MAP_FOLD, m); break;
        case C_SWAPCASE: {
            unsigned f = py_unicode_flags(c);
            if (f & PY_UC_UPPER) {
                n = lower_at(&s, i, next, c, m);
            } else if (f & PY_UC_LOWER) {
                n = py_unicode_case_map(c, PY_UC_MAP_UPPER, m);
            } else {
                m[0] = c;
                n = 1;
            }
            break;
        }
        case C_TITLE:
            n = prev_cased ? lower_at(&s, i, next, c, m)
                           : py_unicode_case_map(c, PY_UC_MAP_TITLE, m);
            prev_cased = (py_unicode_flags(c) & PY_UC_CASED) != 0;
            break;
        default:
            n = i == 0 ? py_unicode_case_map(c, PY_UC_MAP_TITLE, m) : lower_at(&s, i, next, c, m);
            break;
        }
        for (size_t k = 0; k < n; k++) {
            if (m[k] < 0x80) {
                py_vstr_add_char(&v, (char)m[k]);
            } else {
                py_vstr_add_utf8(&v, m[k]);
            }
        }
        i = next;
    }
    return py_vstr_to_str(&v);
}

static py_val str_upper(size_t n, const py_val *a) {
    return case_impl(n, a, C_UPPER);
}
static py_val str_lower(size_t n, const py_val *a) {
    return case_impl(n, a, C_LOWER);
}
static py_val str_casefold(size_t n, const py_val *a) {
    return case_impl(n, a, C_CASEFOLD);
}
static py_val str_swapcase(size_t n, const py_val *a) {
    return case_impl(n, a, C_SWAPCASE);
}
static py_val str_title(size_t n, const py_val *a) {
    return case_impl(n, a, C_TITLE);
}
static py_val str_capitalize(size_t n, const py_val *a) {
    return case_impl(n, a, C_CAPITALIZE);
}
static PY_FN_OBJ_VAR(str_upper_obj, upper, 0, PY_ARGS_MANY, str_upper);
static PY_FN_OBJ_VAR(str_lower_obj, lower, 0, PY_ARGS_MANY, str_lower);
static PY_FN_OBJ_VAR(str_casefold_obj, casefold, 0, PY_ARGS_MANY, str_casefold);
static PY_FN_OBJ_VAR(str_swapcase_obj, swapcase, 0, PY_ARGS_MANY, str_swapcase);
static PY_FN_OBJ_VAR(str_title_obj, title, 0, PY_ARGS_MANY, str_title);
static PY_FN_OBJ_VAR(str_capitalize_obj, capitalize, 0, PY_ARGS_MANY, str_capitalize);

// ---- predicates ------------------------------------------------------------------------------
enum { IS_ALPHA, IS_ALNUM, IS_DECIMAL, IS_DIGIT, IS_NUMERIC, IS_SPACE, IS_PRINTABLE };
static const char *const is_names[] = {"isalpha",   "isalnum", "isdecimal",  "isdigit",
                                       "isnumeric", "isspace", "isprintable"};
static const unsigned is_masks[] = {
    PY_UC_ALPHA,   PY_UC_ALPHA | PY_UC_DECIMAL | PY_UC_DIGIT | PY_UC_NUMERIC,
    PY_UC_DECIMAL, PY_UC_DIGIT,
    PY_UC_NUMERIC, PY_UC_SPACE,
    PY_UC_PRINT};

static bool ascii_is(uint8_t c, int kind) {
    bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z', digit = c >= '0' && c <= '9';
    switch (kind) {
    case IS_ALPHA: return alpha;
    case IS_ALNUM: return alpha || digit;
    case IS_SPACE: return ascii_space(c);
    case IS_PRINTABLE: return c >= 0x20 && c < 0x7f;
    default: return digit;
    }
}

// true if every character has the property (and there is one, except for isprintable)
static py_val is_impl(size_t n_args, const py_val *args, int kind) {
    sv s;
    method_args(n_args, args, is_names[kind], ARGS_NONE, 0, 0, &s);
    if (s.len == 0) {
        return py_bool(kind == IS_PRINTABLE);
    }
    for (size_t i = 0; i < s.len;) {
        uint8_t c = (uint8_t)s.s[i];
        if (c < 0x80) {
            if (!ascii_is(c, kind)) {
                return PY_FALSE;
            }
            i++;
            continue;
        }
        const char *p = s.s + i;
        if (!(py_unicode_flags(py_utf8_decode(&p)) & is_masks[kind])) {
            return PY_FALSE;
        }
        i = (size_t)(p - s.s);
    }
    return PY_TRUE;
}

static py_val str_isalpha(size_t n, const py_val *a) {
    return is_impl(n, a, IS_ALPHA);
}
static py_val str_isalnum(size_t n, const py_val *a) {
    return is_impl(n, a, IS_ALNUM);
}
static py_val str_isdecimal(size_t n, const py_val *a) {
    return is_impl(n, a, IS_DECIMAL);
}
static py_val str_isdigit(size_t n, const py_val *a) {
    return is_impl(n, a, IS_DIGIT);
}
static py_val str_isnumeric(size_t n, const py_val *a) {
    return is_impl(n, a, IS_NUMERIC);
}
static py_val str_isspace(size_t n, const py_val *a) {
    return is_impl(n, a, IS_SPACE);
}
static py_val str_isprintable(size_t n, const py_val *a) {
    return is_impl(n, a, IS_PRINTABLE);
}
static PY_FN_OBJ_VAR(str_isalpha_obj, isalpha, 0, PY_ARGS_MANY, str_isalpha);
static PY_FN_OBJ_VAR(str_isalnum_obj, isalnum, 0, PY_ARGS_MANY, str_isalnum);
static PY_FN_OBJ_VAR(str_isdecimal_obj, isdecimal, 0, PY_ARGS_MANY, str_isdecimal);
static PY_FN_OBJ_VAR(str_isdigit_obj, isdigit, 0, PY_ARGS_MANY, str_isdigit);
static PY_FN_OBJ_VAR(str_isnumeric_obj, isnumeric, 0, PY_ARGS_MANY, str_isnumeric);
static PY_FN_OBJ_VAR(str_isspace_obj, isspace, 0, PY_ARGS_MANY, str_isspace);
static PY_FN_OBJ_VAR(str_isprintable_obj, isprintable, 0, PY_ARGS_MANY, str_isprintable);

static py_val str_isascii(size_t n_args, const py_val *args) {
    sv s;
    method_args(n_args, args, "isascii", ARGS_NONE, 0, 0, &s);
    return py_bool(sv_ascii(&s));
}
static PY_FN_OBJ_VAR(str_isascii_obj, isascii, 0, PY_ARGS_MANY, str_isascii);

// islower, isupper, istitle: CPython's loops over the case properties
enum { CASE_LOWER, CASE_UPPER, CASE_TITLE };
static py_val is_case(size_t n_args, const py_val *args, int kind) {
    static const char *const names[] = {"islower", "isupper", "istitle"};
    sv s;
    method_args(n_args, args, names[kind], ARGS_NONE, 0, 0, &s);
    bool cased = false, prev_cased = false;
    for (size_t i = 0; i < s.len;) {
        uint8_t c = (uint8_t)s.s[i];
        unsigned f;
        if (c < 0x80) {
            f = c >= 'a' && c <= 'z' ? PY_UC_LOWER : c >= 'A' && c <= 'Z' ? PY_UC_UPPER : 0;
            i++;
        } else {
            const char *p = s.s + i;
            f = py_unicode_flags(py_utf8_decode(&p));
            i = (size_t)(p - s.s);
        }
        bool up = (f & (PY_UC_UPPER | PY_UC_TITLE)) != 0, lo = (f & PY_UC_LOWER) != 0;
        switch (kind) {
        case CASE_LOWER:
            if (up) {
                return PY_FALSE;
            }
            cased |= lo;
            break;
        case CASE_UPPER:
            if (lo || (f & PY_UC_TITLE)) {
                return PY_FALSE;
            }
            cased |= (f & PY_UC_UPPER) != 0;
            break;
        default:
            if (up || lo) {
                if (up == prev_cased) { // upper after cased, or lower after uncased
                    return PY_FALSE;
                }
                prev_cased = cased = true;
            } else {
                prev_cased = false;
            }
            break;
        }
    }
    return py_bool(cased);
}
static py_val str_islower(size_t n, const py_val *a) {
    return is_case(n, a, CASE_LOWER);
}
static py_val str_isupper(size_t n, const py_val *a) {
    return is_case(n, a, CASE_UPPER);
}
static py_val str_istitle(size_t n, const py_val *a) {
    return is_case(n, a, CASE_TITLE);
}
static PY_FN_OBJ_VAR(str_islower_obj, islower, 0, PY_ARGS_MANY, str_islower);
static PY_FN_OBJ_VAR(str_isupper_obj, isupper, 0, PY_ARGS_MANY, str_isupper);
static PY_FN_OBJ_VAR(str_istitle_obj, istitle, 0, PY_ARGS_MANY, str_istitle);

static py_val str_isidentifier(size_t n_args, const py_val *args) {
    sv s;
    method_args(n_args, args, "isidentifier", ARGS_NONE, 0, 0, &s);
    if (s.len == 0) {
        return PY_FALSE;
    }
    for (size_t i = 0; i < s.len;) {
        uint8_t c = (uint8_t)s.s[i];
        bool ok;
        if (c < 0x80) {
            ok = (c | 0x20) >= 'a' && (c | 0x20) <= 'z'
                     ? true
                     : c == '_' || (i > 0 && c >= '0' && c <= '9');
            i++;
        } else {
            const char *p = s.s + i;
            ok = (py_unicode_flags(py_utf8_decode(&p)) &
                  (i == 0 ? PY_UC_XID_START : PY_UC_XID_CONT)) != 0;
            i = (size_t)(p - s.s);
        }
        if (!ok) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}
static PY_FN_OBJ_VAR(str_isidentifier_obj, isidentifier, 0, PY_ARGS_MANY, str_isidentifier);

// ---- translate, maketrans, encode --------------------------------------------------------------
// table[cp] for translate: PY_NULL when the table has no entry (LookupError), else the value.
static py_val translate_lookup(py_val table, uint32_t cp) {
    py_val key = py_small((py_int_t)cp);
    if (py_is_obj(table) && table->type == &py_type_dict) {
        return py_dict_get((py_dict *)table, key);
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val v = py_subscr_load(table, key);
        py_nlr_pop();
        return v;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_LookupError)) {
        return PY_NULL;
    }
    py_raise(nlr.exc);
}

static py_val str_translate(size_t n_args, const py_val *args) {
    sv s;
    method_args(n_args, args, "translate", ARGS_ONE, 1, 1, &s);
    py_val table = args[1];
    py_vstr v;
    py_vstr_init(&v, s.len);
    for (size_t i = 0; i < s.len;) {
        const char *p = s.s + i;
        uint32_t cp = py_utf8_decode(&p);
        size_t next = (size_t)(p - s.s);
        py_val m = translate_lookup(table, cp);
        py_int_t k;
        if (m == PY_NULL) {
            py_vstr_add(&v, s.s + i, next - i);
        } else if (m == PY_NONE) {
            // deleted
        } else if (py_is_str(m)) {
            size_t l;
            const char *d = py_get_str(m, &l);
            py_vstr_add(&v, d, l);
        } else if (py_is_int(m)) {
            if (!py_get_int_maybe(py_int_unwrap(m), &k) || k < 0 || k > 0x10ffff) {
                py_raise_msg(&py_type_ValueError, "character mapping must be in range(0x110000)");
            }
            py_vstr_add_utf8(&v, (uint32_t)k);
        } else {
            py_raise_msg(&py_type_TypeError, "character mapping must return integer, None or str");
        }
        i = next;
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_VAR(str_translate_obj, translate, 0, PY_ARGS_MANY, str_translate);

static py_val str_maketrans(size_t n_args, const py_val *args) {
    if (n_args < 1 || n_args > 3) {
        py_raise_fmt(&py_type_TypeError, "maketrans expected at %s %d argument%s, got %zu",
                     n_args ? "most" : "least", n_args ? 3 : 1, n_args ? "s" : "", n_args);
    }
    py_val d = py_dict_new(0);
    if (n_args == 1) {
        if (!py_isinstance(args[0], &py_type_dict)) {
            py_raise_msg(&py_type_TypeError,
                         "if you give only one argument to maketrans it must be a dict");
        }
        py_dict *src = py_is_obj(args[0]) && args[0]->type == &py_type_dict
                           ? (py_dict *)args[0]
                           : (py_dict *)((py_instance *)args[0])->native;
        size_t pos = 0;
        for (py_dict_entry *e; (e = py_dict_next(src, &pos)) != NULL;) {
            py_val key = e->key;
            if (py_is_str(key)) {
                sv k;
                sv_of(key, &k);
                if (k.clen != 1) {
                    py_raise_msg(&py_type_ValueError,
                                 "string keys in translate table must be of length 1");
                }
                const char *p = k.s;
                key = py_small((py_int_t)py_utf8_decode(&p));
            } else if (!py_is_int(key)) {
                py_raise_msg(&py_type_TypeError,
                             "keys in translate table must be strings or integers");
            }
            py_dict_set((py_dict *)d, key, e->value);
        }
        return d;
    }
    if (!py_is_str(args[0])) {
        py_raise_msg(&py_type_TypeError,
                     "first maketrans argument must be a string if there is a second argument");
    }
    for (size_t k = 1; k < n_args; k++) {
        if (!py_is_str(args[k])) {
            py_raise_fmt(&py_type_TypeError, "maketrans() argument %d must be str, not %T",
                         (int)k + 1, args[k]);
        }
    }
    sv x, y;
    sv_of(args[0], &x);
    sv_of(args[1], &y);
    if (x.clen != y.clen) {
        py_raise_msg(&py_type_ValueError,
                     "the first two maketrans arguments must have equal length");
    }
    for (const char *p = x.s, *q = y.s; p < x.s + x.len;) {
        uint32_t a = py_utf8_decode(&p), b = py_utf8_decode(&q);
        py_dict_set((py_dict *)d, py_small((py_int_t)a), py_small((py_int_t)b));
    }
    if (n_args > 2) {
        sv z;
        sv_of(args[2], &z);
        for (const char *p = z.s; p < z.s + z.len;) {
            py_dict_set((py_dict *)d, py_small((py_int_t)py_utf8_decode(&p)), PY_NONE);
        }
    }
    return d;
}
static PY_FN_OBJ_VAR(str_maketrans_fn, maketrans, 0, PY_ARGS_MANY, str_maketrans);
static const py_wrapper str_maketrans_obj = {{&py_type_staticmethod}, (py_val)&str_maketrans_fn};

static py_val str_encode(size_t n_args, size_t n_kw, const py_val *args) {
    static const uint16_t names[] = {PY_QSTR_encoding, PY_QSTR_errors};
    sv s;
    method_args(n_args, args, "encode", ARGS_TUPLE, 0, PY_ARGS_MANY, &s);
    py_val a[2];
    method_kw(n_args, n_kw, args, "encode", names, 2, a);
    if (a[0] != PY_NULL && !py_is_str(a[0])) {
        py_raise_fmt(&py_type_TypeError, "encode() argument 'encoding' must be str, not %T", a[0]);
    }
    if (a[1] != PY_NULL && !py_is_str(a[1])) {
        py_raise_fmt(&py_type_TypeError, "encode() argument 'errors' must be str, not %T", a[1]);
    }
    return py_bytes_encode(exact(args[0]), a[0], a[1]);
}
static PY_FN_OBJ_KW(str_encode_obj, encode, str_encode);

static py_val str_dunder_format(size_t n_args, const py_val *args) {
    sv s;
    method_args(n_args, args, "__format__", ARGS_ONE, 1, 1, &s);
    py_val self = args[0], spec = args[1];
    if (!py_is_str(spec)) {
        py_raise_fmt(&py_type_TypeError, "__format__() argument must be str, not %T", spec);
    }
    return py_format(exact(self), spec);
}
static PY_FN_OBJ_VAR(str_dunder_format_obj, __format__, 0, PY_ARGS_MANY, str_dunder_format);

static py_val str_dunder_mod(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        py_raise_msg(&py_type_TypeError, "descriptor '__mod__' of 'str' object needs an argument");
    }
    sv s;
    self_sv(args[0], "__mod__", &s);
    if (n_args != 2) {
        py_raise_fmt(&py_type_TypeError, "expected 1 argument, got %zu", n_args - 1);
    }
    return py_str_mod_format(exact(args[0]), args[1]);
}
static PY_FN_OBJ_VAR(str_dunder_mod_obj, __mod__, 0, PY_ARGS_MANY, str_dunder_mod);

// ---- the method table --------------------------------------------------------------------------
static const py_dict_entry str_locals_table[] = {
    PY_ROM_ENTRY(__format__, &str_dunder_format_obj),
    PY_ROM_ENTRY(__mod__, &str_dunder_mod_obj),
    PY_ROM_ENTRY(capitalize, &str_capitalize_obj),
    PY_ROM_ENTRY(casefold, &str_casefold_obj),
    PY_ROM_ENTRY(center, &str_center_obj),
    PY_ROM_ENTRY(count, &str_count_obj),
    PY_ROM_ENTRY(encode, &str_encode_obj),
    PY_ROM_ENTRY(endswith, &str_endswith_obj),
    PY_ROM_ENTRY(expandtabs, &str_expandtabs_obj),
    PY_ROM_ENTRY(find, &str_find_obj),
    PY_ROM_ENTRY(format, &py_strformat_format_obj),
    PY_ROM_ENTRY(format_map, &py_strformat_format_map_obj),
    PY_ROM_ENTRY(index, &str_index_obj),
    PY_ROM_ENTRY(isalnum, &str_isalnum_obj),
    PY_ROM_ENTRY(isalpha, &str_isalpha_obj),
    PY_ROM_ENTRY(isascii, &str_isascii_obj),
    PY_ROM_ENTRY(isdecimal, &str_isdecimal_obj),
    PY_ROM_ENTRY(isdigit, &str_isdigit_obj),
    PY_ROM_ENTRY(isidentifier, &str_isidentifier_obj),
    PY_ROM_ENTRY(islower, &str_islower_obj),
    PY_ROM_ENTRY(isnumeric, &str_isnumeric_obj),
    PY_ROM_ENTRY(isprintable, &str_isprintable_obj),
    PY_ROM_ENTRY(isspace, &str_isspace_obj),
    PY_ROM_ENTRY(istitle, &str_istitle_obj),
    PY_ROM_ENTRY(isupper, &str_isupper_obj),
    PY_ROM_ENTRY(join, &str_join_obj),
    PY_ROM_ENTRY(ljust, &str_ljust_obj),
    PY_ROM_ENTRY(lower, &str_lower_obj),
    PY_ROM_ENTRY(lstrip, &str_lstrip_obj),
    PY_ROM_ENTRY(maketrans, &str_maketrans_obj),
    PY_ROM_ENTRY(partition, &str_partition_obj),
    PY_ROM_ENTRY(removeprefix, &str_removeprefix_obj),
    PY_ROM_ENTRY(removesuffix, &str_removesuffix_obj),
    PY_ROM_ENTRY(replace, &str_replace_obj),
    PY_ROM_ENTRY(rfind, &str_rfind_obj),
    PY_ROM_ENTRY(rindex, &str_rindex_obj),
    PY_ROM_ENTRY(rjust, &str_rjust_obj),
    PY_ROM_ENTRY(rpartition, &str_rpartition_obj),
    PY_ROM_ENTRY(rsplit, &str_rsplit_obj),
    PY_ROM_ENTRY(rstrip, &str_rstrip_obj),
    PY_ROM_ENTRY(split, &str_split_obj),
    PY_ROM_ENTRY(splitlines, &str_splitlines_obj),
    PY_ROM_ENTRY(startswith, &str_startswith_obj),
    PY_ROM_ENTRY(strip, &str_strip_obj),
    PY_ROM_ENTRY(swapcase, &str_swapcase_obj),
    PY_ROM_ENTRY(title, &str_title_obj),
    PY_ROM_ENTRY(translate, &str_translate_obj),
    PY_ROM_ENTRY(upper, &str_upper_obj),
    PY_ROM_ENTRY(zfill, &str_zfill_obj),
};
PY_ROM_DICT(py_str_locals_dict, str_locals_table);
