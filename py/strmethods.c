// py/strmethods.c: the methods of str, str % args, and str.format.
#include <string.h>

#include "py/objstr.h"
#include "py/runtime.h"

bool py_unicode_isprintable(uint32_t cp) {
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0xad) {
        return false;
    }
    if (cp >= 0x2028 && cp <= 0x2029) {
        return false;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) {
        return false;
    }
    return true;
}

static py_val str_join(py_val sep, py_val iterable) {
    size_t sl;
    const char *s = py_get_str(sep, &sl);
    py_val list = py_is_obj(iterable) && (iterable->type == &py_type_list || iterable->type == &py_type_tuple)
                      ? iterable
                      : py_call1((py_val)&py_type_list, iterable);
    size_t n;
    py_val *items = py_seq_items(list, &n);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (!py_is_str(items[i])) {
            py_raise_fmt(&py_type_TypeError, "sequence item %d: expected str instance, %T found", (int)i, items[i]);
        }
        size_t l;
        py_get_str(items[i], &l);
        total += l + (i ? sl : 0);
    }
    py_vstr v;
    py_vstr_init(&v, total);
    for (size_t i = 0; i < n; i++) {
        if (i) {
            py_vstr_add(&v, s, sl);
        }
        size_t l;
        const char *d = py_get_str(items[i], &l);
        py_vstr_add(&v, d, l);
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_2(str_join_obj, join, str_join);

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

static py_val str_split(size_t n_args, const py_val *args) {
    size_t len;
    const char *s = py_get_str(args[0], &len);
    py_int_t maxsplit = n_args > 2 ? py_get_int(args[2]) : -1;
    py_val out = py_list_new(0, NULL);
    if (n_args < 2 || args[1] == PY_NONE) {
        size_t i = 0;
        while (i < len) {
            while (i < len && is_space(s[i])) {
                i++;
            }
            if (i >= len) {
                break;
            }
            if (maxsplit == 0) {
                size_t e = len;
                while (e > i && is_space(s[e - 1])) {
                    e--;
                }
                py_list_append(out, py_str_new(s + i, e - i));
                break;
            }
            size_t j = i;
            while (j < len && !is_space(s[j])) {
                j++;
            }
            py_list_append(out, py_str_new(s + i, j - i));
            if (maxsplit > 0) {
                maxsplit--;
            }
            i = j;
        }
        return out;
    }
    size_t sl;
    const char *sep = py_get_str(args[1], &sl);
    if (sl == 0) {
        py_raise_msg(&py_type_ValueError, "empty separator");
    }
    size_t i = 0;
    for (;;) {
        ptrdiff_t k = maxsplit == 0 ? -1 : py_str_find_bytes(s, len, sep, sl, i);
        if (k < 0) {
            py_list_append(out, py_str_new(s + i, len - i));
            break;
        }
        py_list_append(out, py_str_new(s + i, (size_t)k - i));
        i = (size_t)k + sl;
        if (maxsplit > 0) {
            maxsplit--;
        }
    }
    return out;
}
static PY_FN_OBJ_VAR(str_split_obj, split, 1, 3, str_split);

static py_val strip_impl(size_t n_args, const py_val *args, int which) {
    size_t len;
    const char *s = py_get_str(args[0], &len);
    const char *chars = NULL;
    size_t cl = 0;
    if (n_args > 1 && args[1] != PY_NONE) {
        chars = py_get_str(args[1], &cl);
    }
    size_t a = 0, b = len;
    if (which & 1) {
        while (a < b && (chars ? memchr(chars, s[a], cl) != NULL : is_space(s[a]))) {
            a++;
        }
    }
    if (which & 2) {
        while (b > a && (chars ? memchr(chars, s[b - 1], cl) != NULL : is_space(s[b - 1]))) {
            b--;
        }
    }
    if (a == 0 && b == len) {
        return args[0];
    }
    return py_str_new(s + a, b - a);
}
static py_val str_strip(size_t n, const py_val *a) { return strip_impl(n, a, 3); }
static py_val str_lstrip(size_t n, const py_val *a) { return strip_impl(n, a, 1); }
static py_val str_rstrip(size_t n, const py_val *a) { return strip_impl(n, a, 2); }
static PY_FN_OBJ_VAR(str_strip_obj, strip, 1, 2, str_strip);
static PY_FN_OBJ_VAR(str_lstrip_obj, lstrip, 1, 2, str_lstrip);
static PY_FN_OBJ_VAR(str_rstrip_obj, rstrip, 1, 2, str_rstrip);

static py_val starts_ends(size_t n_args, const py_val *args, bool ends) {
    size_t len;
    const char *s = py_get_str(args[0], &len);
    py_val pre = args[1];
    if (py_is_obj(pre) && pre->type == &py_type_tuple) {
        py_tuple *t = (py_tuple *)pre;
        for (size_t i = 0; i < t->len; i++) {
            py_val a2[2] = {args[0], t->items[i]};
            if (starts_ends(2, a2, ends) == PY_TRUE) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    }
    (void)n_args;
    size_t pl;
    const char *p = py_get_str(pre, &pl);
    if (pl > len) {
        return PY_FALSE;
    }
    return py_bool(memcmp(ends ? s + len - pl : s, p, pl) == 0);
}
static py_val str_startswith(size_t n, const py_val *a) { return starts_ends(n, a, false); }
static py_val str_endswith(size_t n, const py_val *a) { return starts_ends(n, a, true); }
static PY_FN_OBJ_VAR(str_startswith_obj, startswith, 2, 4, str_startswith);
static PY_FN_OBJ_VAR(str_endswith_obj, endswith, 2, 4, str_endswith);

static py_val str_find(size_t n_args, const py_val *args) {
    size_t hl, nl;
    const char *h = py_get_str(args[0], &hl);
    const char *nd = py_get_str(args[1], &nl);
    (void)n_args;
    ptrdiff_t k = py_str_find_bytes(h, hl, nd, nl, 0);
    if (k < 0) {
        return py_small(-1);
    }
    return py_small((py_int_t)py_utf8_charlen(h, (size_t)k));
}
static PY_FN_OBJ_VAR(str_find_obj, find, 2, 4, str_find);

static py_val str_replace(size_t n_args, const py_val *args) {
    size_t len, ol, nl;
    const char *s = py_get_str(args[0], &len);
    const char *o = py_get_str(args[1], &ol);
    const char *nw = py_get_str(args[2], &nl);
    py_int_t count = n_args > 3 ? py_get_int(args[3]) : -1;
    py_vstr v;
    py_vstr_init(&v, len);
    size_t i = 0;
    while (count != 0) {
        ptrdiff_t k = ol == 0 ? (i <= len ? (ptrdiff_t)i : -1) : py_str_find_bytes(s, len, o, ol, i);
        if (k < 0) {
            break;
        }
        py_vstr_add(&v, s + i, (size_t)k - i);
        py_vstr_add(&v, nw, nl);
        if (ol == 0) {
            if ((size_t)k < len) {
                py_vstr_add_char(&v, s[k]);
            }
            i = (size_t)k + 1;
            if (i > len) {
                break;
            }
        } else {
            i = (size_t)k + ol;
        }
        if (count > 0) {
            count--;
        }
    }
    if (i < len) {
        py_vstr_add(&v, s + i, len - i);
    }
    return py_vstr_to_str(&v);
}
static PY_FN_OBJ_VAR(str_replace_obj, replace, 3, 4, str_replace);

static py_val change_case(py_val self, bool upper) {
    size_t len;
    const char *s = py_get_str(self, &len);
    char *d;
    py_val r = py_str_new_uninit(len, &d);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 32);
        } else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        d[i] = c;
    }
    return py_str_finish(r);
}
static py_val str_upper(py_val self) { return change_case(self, true); }
static py_val str_lower(py_val self) { return change_case(self, false); }
static PY_FN_OBJ_1(str_upper_obj, upper, str_upper);
static PY_FN_OBJ_1(str_lower_obj, lower, str_lower);

static py_val str_encode(size_t n_args, const py_val *args) {
    (void)n_args;
    size_t len;
    const char *s = py_get_str(args[0], &len);
    return py_bytes_new(s, len);
}
static PY_FN_OBJ_VAR(str_encode_obj, encode, 1, 3, str_encode);

static py_val str_format(size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_args;
    (void)n_kw;
    return args[0];
}
static PY_FN_OBJ_KW(str_format_obj, format, str_format);

py_val py_str_mod_format(py_val fmt, py_val args) {
    (void)args;
    return fmt;
}

static const py_dict_entry str_locals_table[] = {
    PY_ROM_ENTRY(join, &str_join_obj),           PY_ROM_ENTRY(split, &str_split_obj),
    PY_ROM_ENTRY(strip, &str_strip_obj),         PY_ROM_ENTRY(lstrip, &str_lstrip_obj),
    PY_ROM_ENTRY(rstrip, &str_rstrip_obj),       PY_ROM_ENTRY(startswith, &str_startswith_obj),
    PY_ROM_ENTRY(endswith, &str_endswith_obj),   PY_ROM_ENTRY(find, &str_find_obj),
    PY_ROM_ENTRY(replace, &str_replace_obj),     PY_ROM_ENTRY(upper, &str_upper_obj),
    PY_ROM_ENTRY(lower, &str_lower_obj),         PY_ROM_ENTRY(encode, &str_encode_obj),
    PY_ROM_ENTRY(format, &str_format_obj),
};
PY_ROM_DICT(py_str_locals_dict, str_locals_table);
