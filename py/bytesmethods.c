// py/bytesmethods.c: the methods bytes and bytearray share, and their shared operators
// (in, +, *, %). They read `self` through the buffer protocol, so they serve bytes, bytearray
// and instances of subclasses alike, and build results of self's kind (bytes -> bytes,
// bytearray -> bytearray). Everything is ASCII-only, as in CPython: non-ASCII bytes are
// never letters, digits or whitespace. Searching is memchr-driven (no two-way algorithm).
#include <string.h>

#include "py/objbytes.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- helpers ----------------------------------------------------------------------------------
static bool self_is_ba(py_val self) {
    return py_isinstance(self, &py_type_bytearray);
}

static const uint8_t *self_bytes(py_val self, size_t *n) {
    return py_bytes_arg_data(self, n);
}

// A result of self's kind holding p[0..n).
static py_val like(py_val self, const void *p, size_t n) {
    return self_is_ba(self) ? py_bytearray_new(p, n) : py_bytes_new(p, n);
}

// As like() but an exact bytes self is returned as is when p[0..n) is all of it.
static py_val like_sub(py_val self, const uint8_t *p, size_t n) {
    if (py_is_obj(self) && self->type == &py_type_bytes && n == ((py_str *)self)->len &&
        p == (const uint8_t *)((py_str *)self)->data) {
        return self;
    }
    return like(self, p, n);
}

static py_val like_vstr(py_val self, py_vstr *v) {
    return self_is_ba(self) ? py_bytearray_from_vstr(v) : py_vstr_to_bytes(v);
}

// `item in self` for bytes and bytearray: a byte value or a bytes-like substring.
static bool contains(py_val self, py_val item) {
    size_t n;
    py_int_t i;
    bool ovf;
    py_buffer nb;
    if (!py_get_buffer_maybe(item, &nb, PY_BUFFER_READ)) {
        if (!py_bytes_as_index(item, &i, &ovf)) {
            py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", item);
        }
        if (ovf || i < 0 || i > 255) {
            py_raise_msg(&py_type_ValueError, "byte must be in range(0, 256)");
        }
        const uint8_t *p = self_bytes(self, &n);
        return n && memchr(p, (int)i, n) != NULL;
    }
    const uint8_t *p = self_bytes(self, &n);
    return py_str_find_bytes((const char *)p, n, nb.buf, nb.len, 0) >= 0;
}

// self * count (bytes and bytearray)
static py_val repeat(py_val self, py_val count) {
    py_int_t k;
    bool ovf;
    if (!py_bytes_as_index(count, &k, &ovf)) {
        return PY_NULL;
    }
    if (ovf && k > 0) {
        py_raise_msg(&py_type_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    size_t n;
    self_bytes(self, &n);
    if (k <= 0 || n == 0) {
        return like(self, "", 0);
    }
    if ((size_t)k > (UINT32_MAX - 64) / n) {
        py_raise_memory_error();
    }
    py_vstr v;
    py_vstr_init(&v, n * (size_t)k);
    char *d = py_vstr_extend(&v, n * (size_t)k);
    const uint8_t *p = self_bytes(self, &n);
    memcpy(d, p, n);
    // doubling copies: O(total) with few calls
    for (size_t done = n, total = n * (size_t)k; done < total;) {
        size_t c = done < total - done ? done : total - done;
        memcpy(d + done, d, c);
        done += c;
    }
    return like_vstr(self, &v);
}

// The error for seq * x with a non-int x; a reflected __rmul__ of x's class gets its turn first.
static py_val repeat_or_fail(int op, py_val self, py_val count) {
    py_val r = repeat(self, count);
    if (r != PY_NULL) {
        return r;
    }
    const py_type *t = py_typeof(count);
    if (op == PY_OP_MUL && (t->flags & PY_TF_HEAP)) {
        return PY_NULL;
    }
    py_raise_fmt(&py_type_TypeError, "can't multiply sequence by non-int of type '%T'", count);
}

// self + other for bytes and bytearray (result of self's kind).
static py_val concat(int op, py_val self, py_val other) {
    py_buffer b;
    if (!py_get_buffer_maybe(other, &b, PY_BUFFER_READ)) {
        if (op == PY_OP_ADD && (py_typeof(other)->flags & PY_TF_HEAP)) {
            return PY_NULL; // other's __radd__ may apply
        }
        py_raise_fmt(&py_type_TypeError, "can't concat %T to %s", other,
                     self_is_ba(self) ? "bytearray" : "bytes");
    }
    size_t n;
    self_bytes(self, &n);
    if (!self_is_ba(self)) {
        char *d;
        py_val r = py_bytes_new_uninit(n + b.len, &d);
        py_memcpy(d, self_bytes(self, &n), n);
        py_memcpy(d + n, b.buf, b.len); // the GC does not move objects: b stays valid
        return r;
    }
    py_vstr v;
    py_vstr_init(&v, n + b.len);
    py_vstr_add(&v, (const char *)self_bytes(self, &n), n);
    py_vstr_add(&v, b.buf, b.len);
    return like_vstr(self, &v);
}

static py_val mod_format(py_val self, py_val args) {
    size_t n;
    const uint8_t *p = self_bytes(self, &n);
    if (self_is_ba(self)) {
        // formatting may run Python code that changes the bytearray: format a copy
        py_val copy = py_bytes_new(p, n);
        p = (const uint8_t *)((py_str *)copy)->data;
    }
    py_vstr v;
    py_vstr_init(&v, n + 16);
    py_bytes_mod_format(&v, (const char *)p, n, args);
    return like_vstr(self, &v);
}

py_val py_bytes_common_binary_op(int op, py_val lhs, py_val rhs) {
    switch (op) {
    case PY_OP_CONTAINS: return py_bool(contains(lhs, rhs));
    case PY_OP_ADD: return concat(op, lhs, rhs);
    case PY_OP_MUL:
    case PY_OP_RMUL: return repeat_or_fail(op, lhs, rhs);
    case PY_OP_MOD: return mod_format(lhs, rhs);
    default: return PY_NULL;
    }
}

// ---- methods: searching ------------------------------------------------------------------------
// A start/end argument: None or an index (big values clamp), as CPython's slice indices.
static py_int_t slice_arg(py_val v, py_int_t dflt) {
    if (v == PY_NONE) {
        return dflt;
    }
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(v, &i, &ovf)) {
        py_raise_msg(&py_type_TypeError,
                     "slice indices must be integers or None or have an __index__ method");
    }
    return i;
}

// Applies optional start/end args (args[0..n)) to a length as CPython's ADJUST_INDICES.
// Returns false when start > len (nothing can match, not even an empty needle).
static bool adjust_range(size_t n, const py_val *args, size_t len, size_t *start, size_t *end) {
    py_int_t s = n > 0 ? slice_arg(args[0], 0) : 0;
    py_int_t e = n > 1 ? slice_arg(args[1], PY_SMALL_MAX) : PY_SMALL_MAX;
    py_int_t l = (py_int_t)len;
    if (e > l) {
        e = l;
    } else if (e < 0) {
        e = e + l < 0 ? 0 : e + l;
    }
    if (s < 0) {
        s = s + l < 0 ? 0 : s + l;
    }
    *start = (size_t)s;
    *end = (size_t)e;
    return s <= l;
}

// The needle of find/count/index: a byte value or a bytes-like object.
static const uint8_t *needle_arg(py_val v, size_t *n, uint8_t *byte) {
    py_buffer b;
    if (py_get_buffer_maybe(v, &b, PY_BUFFER_READ)) {
        *n = b.len;
        return b.buf;
    }
    py_int_t i;
    bool ovf;
    if (!py_bytes_as_index(v, &i, &ovf)) {
        py_raise_fmt(&py_type_TypeError,
                     "argument should be integer or bytes-like object, not '%T'", v);
    }
    if (ovf || i < 0 || i > 255) {
        py_raise_msg(&py_type_ValueError, "byte must be in range(0, 256)");
    }
    *byte = (uint8_t)i;
    *n = 1;
    return byte;
}

static ptrdiff_t rfind_bytes(const uint8_t *h, size_t hn, const uint8_t *nd, size_t nn) {
    if (nn > hn) {
        return -1;
    }
    for (size_t i = hn - nn + 1; i-- > 0;) {
        if (h[i] == (nn ? nd[0] : h[i]) && memcmp(h + i, nd, nn) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

// find/rfind/index/rindex: the index in self (or -1).
static ptrdiff_t find_common(size_t n_args, const py_val *args, bool rev) {
    uint8_t byte;
    size_t nn, len, start, end;
    const uint8_t *nd = needle_arg(args[1], &nn, &byte);
    const uint8_t *h = self_bytes(args[0], &len);
    if (!adjust_range(n_args - 2, args + 2, len, &start, &end) || end < start || end - start < nn) {
        return -1;
    }
    ptrdiff_t k =
        rev ? rfind_bytes(h + start, end - start, nd, nn)
            : py_str_find_bytes((const char *)h + start, end - start, (const char *)nd, nn, 0);
    return k < 0 ? -1 : k + (ptrdiff_t)start;
}

static py_val bytes_find(size_t n_args, const py_val *args) {
    return py_int_from(find_common(n_args, args, false));
}
static PY_FN_OBJ_VAR(bytes_find_obj, find, 2, 4, bytes_find);

static py_val bytes_rfind(size_t n_args, const py_val *args) {
    return py_int_from(find_common(n_args, args, true));
}
static PY_FN_OBJ_VAR(bytes_rfind_obj, rfind, 2, 4, bytes_rfind);

static py_val index_result(ptrdiff_t k) {
    if (k < 0) {
        py_raise_msg(&py_type_ValueError, "subsection not found");
    }
    return py_int_from(k);
}

static py_val bytes_index(size_t n_args, const py_val *args) {
    return index_result(find_common(n_args, args, false));
}
static PY_FN_OBJ_VAR(bytes_index_obj, index, 2, 4, bytes_index);

static py_val bytes_rindex(size_t n_args, const py_val *args) {
    return index_result(find_common(n_args, args, true));
}
static PY_FN_OBJ_VAR(bytes_rindex_obj, rindex, 2, 4, bytes_rindex);

static py_val bytes_count(size_t n_args, const py_val *args) {
    uint8_t byte;
    size_t nn, len, start, end;
    const uint8_t *nd = needle_arg(args[1], &nn, &byte);
    const uint8_t *h = self_bytes(args[0], &len);
    if (!adjust_range(n_args - 2, args + 2, len, &start, &end) || end < start) {
        return py_small(0);
    }
    if (nn == 0) {
        return py_int_from((py_int_t)(end - start + 1));
    }
    size_t c = 0;
    for (size_t i = start;;) {
        ptrdiff_t k = py_str_find_bytes((const char *)h, end, (const char *)nd, nn, i);
        if (k < 0) {
            break;
        }
        c++;
        i = (size_t)k + nn;
    }
    return py_int_from((py_int_t)c);
}
static PY_FN_OBJ_VAR(bytes_count_obj, count, 2, 4, bytes_count);

static bool tail_match(const uint8_t *h, size_t start, size_t end, py_val sub, bool at_end) {
    size_t n;
    const uint8_t *p = py_bytes_arg_data(sub, &n);
    if (end < start || end - start < n) {
        return false;
    }
    return memcmp(h + (at_end ? end - n : start), p, n) == 0;
}

static py_val starts_ends(size_t n_args, const py_val *args, bool at_end) {
    py_val prefix = args[1];
    bool tuple = py_is_obj(prefix) && prefix->type == &py_type_tuple;
    if (!tuple && !py_get_buffer_maybe(prefix, &(py_buffer){0}, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "%s first arg must be bytes or a tuple of bytes, not %T",
                     at_end ? "endswith" : "startswith", prefix);
    }
    size_t len, start, end;
    const uint8_t *h = self_bytes(args[0], &len);
    if (!adjust_range(n_args - 2, args + 2, len, &start, &end)) {
        return PY_FALSE;
    }
    if (!tuple) {
        return py_bool(tail_match(h, start, end, prefix, at_end));
    }
    py_tuple *t = (py_tuple *)prefix;
    for (size_t i = 0; i < t->len; i++) {
        if (tail_match(h, start, end, t->items[i], at_end)) {
            return PY_TRUE;
        }
    }
    return PY_FALSE;
}

static py_val bytes_startswith(size_t n_args, const py_val *args) {
    return starts_ends(n_args, args, false);
}
static PY_FN_OBJ_VAR(bytes_startswith_obj, startswith, 2, 4, bytes_startswith);

static py_val bytes_endswith(size_t n_args, const py_val *args) {
    return starts_ends(n_args, args, true);
}
static PY_FN_OBJ_VAR(bytes_endswith_obj, endswith, 2, 4, bytes_endswith);

// ---- methods: splitting and joining -------------------------------------------------------------
static bool is_space(uint8_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static py_val split_common(size_t n_args, size_t n_kw, const py_val *args, bool rev) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_sep, 0, PY_NONE},
        {PY_QSTR_maxsplit, 0, py_small_const(-1)},
    };
    py_val a[2];
    py_arg_parse(rev ? "rsplit" : "split", n_args, n_kw, args, 1, spec, 2, a);
    py_val self = args[0];
    py_int_t maxsplit = py_bytes_arg_int(a[1]);
    py_val out = py_list_new(0, NULL);
    size_t len, sl = 0;
    const uint8_t *sep = a[0] == PY_NONE ? NULL : py_bytes_arg_data(a[0], &sl);
    if (sep && sl == 0) {
        py_raise_msg(&py_type_ValueError, "empty separator");
    }
    const uint8_t *s = self_bytes(self, &len);
    // parts are collected in order; rsplit collects from the end and reverses at the end
    if (sep == NULL) {
        size_t i = 0, j = len;
        for (;;) {
            if (!rev) {
                while (i < len && is_space(s[i])) {
                    i++;
                }
                if (i == len) {
                    break;
                }
                if (maxsplit == 0) {
                    py_list_append(out, like_sub(self, s + i, len - i));
                    break;
                }
                size_t k = i;
                while (k < len && !is_space(s[k])) {
                    k++;
                }
                py_list_append(out, like_sub(self, s + i, k - i));
                i = k;
            } else {
                while (j > 0 && is_space(s[j - 1])) {
                    j--;
                }
                if (j == 0) {
                    break;
                }
                if (maxsplit == 0) {
                    py_list_append(out, like_sub(self, s, j));
                    break;
                }
                size_t k = j;
                while (k > 0 && !is_space(s[k - 1])) {
                    k--;
                }
                py_list_append(out, like_sub(self, s + k, j - k));
                j = k;
            }
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    } else if (!rev) {
        size_t i = 0;
        for (;;) {
            ptrdiff_t k = maxsplit == 0
                              ? -1
                              : py_str_find_bytes((const char *)s, len, (const char *)sep, sl, i);
            if (k < 0) {
                py_list_append(out, like_sub(self, s + i, len - i));
                break;
            }
            py_list_append(out, like_sub(self, s + i, (size_t)k - i));
            i = (size_t)k + sl;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    } else {
        size_t j = len;
        for (;;) {
            ptrdiff_t k = maxsplit == 0 ? -1 : rfind_bytes(s, j, sep, sl);
            if (k < 0) {
                py_list_append(out, like_sub(self, s, j));
                break;
            }
            py_list_append(out, like_sub(self, s + k + sl, j - (size_t)k - sl));
            j = (size_t)k;
            if (maxsplit > 0) {
                maxsplit--;
            }
        }
    }
    if (rev) {
        py_list *l = (py_list *)out;
        for (size_t i = 0, k = l->len; i < k / 2; i++) {
            py_val t = l->items[i];
            l->items[i] = l->items[k - 1 - i];
            l->items[k - 1 - i] = t;
        }
    }
    return out;
}

static py_val bytes_split(size_t n_args, size_t n_kw, const py_val *args) {
    return split_common(n_args, n_kw, args, false);
}
static PY_FN_OBJ_KW(bytes_split_obj, split, bytes_split);

static py_val bytes_rsplit(size_t n_args, size_t n_kw, const py_val *args) {
    return split_common(n_args, n_kw, args, true);
}
static PY_FN_OBJ_KW(bytes_rsplit_obj, rsplit, bytes_rsplit);

static py_val bytes_splitlines(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_keepends, 0, PY_FALSE}};
    py_val a[1];
    py_arg_parse("splitlines", n_args, n_kw, args, 1, spec, 1, a);
    bool keep = py_is_true(a[0]);
    size_t len;
    py_val out = py_list_new(0, NULL);
    const uint8_t *s = self_bytes(args[0], &len);
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        size_t eol = j;
        if (j < len) {
            j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
        }
        py_list_append(out, like_sub(args[0], s + i, (keep ? j : eol) - i));
        i = j;
    }
    return out;
}
static PY_FN_OBJ_KW(bytes_splitlines_obj, splitlines, bytes_splitlines);

static py_val partition(py_val self, py_val sepv, bool rev) {
    size_t sl, len;
    const uint8_t *sep = py_bytes_arg_data(sepv, &sl);
    if (sl == 0) {
        py_raise_msg(&py_type_ValueError, "empty separator");
    }
    const uint8_t *s = self_bytes(self, &len);
    ptrdiff_t k = rev ? rfind_bytes(s, len, sep, sl)
                      : py_str_find_bytes((const char *)s, len, (const char *)sep, sl, 0);
    py_val r[3];
    if (k < 0) {
        r[rev ? 2 : 0] = like_sub(self, s, len);
        r[1] = like(self, "", 0);
        r[rev ? 0 : 2] = like(self, "", 0);
    } else {
        r[0] = like_sub(self, s, (size_t)k);
        r[1] =
            self_is_ba(self) ? like(self, sep, sl) : sepv; // bytes hands back the separator object
        r[2] = like_sub(self, s + k + sl, len - (size_t)k - sl);
    }
    return py_tuple_new(3, r);
}

static py_val bytes_partition(py_val self, py_val sep) {
    return partition(self, sep, false);
}
static PY_FN_OBJ_2(bytes_partition_obj, partition, bytes_partition);

static py_val bytes_rpartition(py_val self, py_val sep) {
    return partition(self, sep, true);
}
static PY_FN_OBJ_2(bytes_rpartition_obj, rpartition, bytes_rpartition);

// A bytes object, not a subclass or another bytes-like type: its data can be read directly.
static bool is_exact_bytes(py_val v) {
    return py_is_obj(v) && v->type == &py_type_bytes;
}

static py_val bytes_join(py_val self, py_val iterable) {
    if (!py_is_iterable(iterable)) {
        py_raise_msg(&py_type_TypeError, "can only join an iterable");
    }
    py_val seq =
        py_is_obj(iterable) && (iterable->type == &py_type_list || iterable->type == &py_type_tuple)
            ? iterable
            : py_call1((py_val)&py_type_list, iterable);
    size_t n, sl;
    py_val *items = py_seq_items(seq, &n);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_exact_bytes(items[i])) {
            total += ((const py_str *)items[i])->len;
            continue;
        }
        py_buffer b;
        if (!py_get_buffer_maybe(items[i], &b, PY_BUFFER_READ)) {
            py_raise_fmt(&py_type_TypeError,
                         "sequence item %d: expected a bytes-like object, %T found", (int)i,
                         items[i]);
        }
        total += b.len;
    }
    self_bytes(self, &sl);
    py_vstr v;
    py_vstr_init(&v, total + (n ? n - 1 : 0) * sl);
    for (size_t i = 0; i < n; i++) {
        if (i) {
            py_vstr_add(&v, (const char *)self_bytes(self, &sl), sl);
        }
        if (is_exact_bytes(items[i])) {
            const py_str *s = (const py_str *)items[i];
            py_vstr_add(&v, s->data, s->len);
        } else {
            py_bytes_append_buffer(&v, items[i]);
        }
    }
    return like_vstr(self, &v);
}
static PY_FN_OBJ_2(bytes_join_obj, join, bytes_join);

// ---- methods: transforming ----------------------------------------------------------------------
static py_val strip_common(size_t n_args, const py_val *args,
                           int where) { // 1 left, 2 right, 3 both
    bool set[256];
    size_t len, cl = 0;
    const uint8_t *chars = NULL;
    if (n_args > 1 && args[1] != PY_NONE) {
        chars = py_bytes_arg_data(args[1], &cl);
    }
    memset(set, 0, sizeof(set));
    if (chars == NULL) {
        for (int c = 0; c < 256; c++) {
            set[c] = is_space((uint8_t)c);
        }
    } else {
        for (size_t i = 0; i < cl; i++) {
            set[chars[i]] = true;
        }
    }
    const uint8_t *s = self_bytes(args[0], &len);
    size_t i = 0, j = len;
    if (where & 1) {
        while (i < j && set[s[i]]) {
            i++;
        }
    }
    if (where & 2) {
        while (j > i && set[s[j - 1]]) {
            j--;
        }
    }
    return like_sub(args[0], s + i, j - i);
}

static py_val bytes_strip(size_t n_args, const py_val *args) {
    return strip_common(n_args, args, 3);
}
static PY_FN_OBJ_VAR(bytes_strip_obj, strip, 1, 2, bytes_strip);
static py_val bytes_lstrip(size_t n_args, const py_val *args) {
    return strip_common(n_args, args, 1);
}
static PY_FN_OBJ_VAR(bytes_lstrip_obj, lstrip, 1, 2, bytes_lstrip);
static py_val bytes_rstrip(size_t n_args, const py_val *args) {
    return strip_common(n_args, args, 2);
}
static PY_FN_OBJ_VAR(bytes_rstrip_obj, rstrip, 1, 2, bytes_rstrip);

static py_val affix(py_val self, py_val affix_v, bool suffix) {
    size_t n, len;
    const uint8_t *a = py_bytes_arg_data(affix_v, &n);
    const uint8_t *s = self_bytes(self, &len);
    if (n <= len && memcmp(suffix ? s + len - n : s, a, n) == 0) {
        return like_sub(self, suffix ? s : s + n, len - n);
    }
    return like_sub(self, s, len);
}

static py_val bytes_removeprefix(py_val self, py_val p) {
    return affix(self, p, false);
}
static PY_FN_OBJ_2(bytes_removeprefix_obj, removeprefix, bytes_removeprefix);
static py_val bytes_removesuffix(py_val self, py_val p) {
    return affix(self, p, true);
}
static PY_FN_OBJ_2(bytes_removesuffix_obj, removesuffix, bytes_removesuffix);

static bool is_lower(uint8_t c) {
    return c >= 'a' && c <= 'z';
}
static bool is_upper(uint8_t c) {
    return c >= 'A' && c <= 'Z';
}
static bool is_alpha(uint8_t c) {
    return is_lower(c) || is_upper(c);
}
static bool is_digit(uint8_t c) {
    return c >= '0' && c <= '9';
}

enum { CASE_LOWER, CASE_UPPER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static py_val recase(py_val self, int how) {
    size_t len;
    self_bytes(self, &len);
    py_vstr v;
    py_vstr_init(&v, len);
    uint8_t *d = (uint8_t *)py_vstr_extend(&v, len);
    const uint8_t *s = self_bytes(self, &len);
    bool prev_cased = false;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        bool up;
        switch (how) {
        case CASE_LOWER: up = false; break;
        case CASE_UPPER: up = true; break;
        case CASE_SWAP: up = is_lower(c); break;
        case CASE_TITLE: up = !prev_cased; break;
        default: up = i == 0; break;
        }
        prev_cased = is_alpha(c);
        d[i] = up && is_lower(c) ? (uint8_t)(c - 32) : !up && is_upper(c) ? (uint8_t)(c + 32) : c;
    }
    return like_vstr(self, &v);
}

static py_val bytes_lower(py_val self) {
    return recase(self, CASE_LOWER);
}
static PY_FN_OBJ_1(bytes_lower_obj, lower, bytes_lower);
static py_val bytes_upper(py_val self) {
    return recase(self, CASE_UPPER);
}
static PY_FN_OBJ_1(bytes_upper_obj, upper, bytes_upper);
static py_val bytes_swapcase(py_val self) {
    return recase(self, CASE_SWAP);
}
static PY_FN_OBJ_1(bytes_swapcase_obj, swapcase, bytes_swapcase);
static py_val bytes_title(py_val self) {
    return recase(self, CASE_TITLE);
}
static PY_FN_OBJ_1(bytes_title_obj, title, bytes_title);
static py_val bytes_capitalize(py_val self) {
    return recase(self, CASE_CAPITALIZE);
}
static PY_FN_OBJ_1(bytes_capitalize_obj, capitalize, bytes_capitalize);

enum { IS_ALNUM, IS_ALPHA, IS_DIGIT, IS_SPACE, IS_ASCII, IS_LOWER, IS_UPPER, IS_TITLE };

static py_val predicate(py_val self, int what) {
    size_t len;
    const uint8_t *s = self_bytes(self, &len);
    if (what == IS_ASCII) {
        for (size_t i = 0; i < len; i++) {
            if (s[i] >= 0x80) {
                return PY_FALSE;
            }
        }
        return PY_TRUE;
    }
    if (what >= IS_LOWER) {
        // at least one cased byte; lower/upper: none of the other case; title: cased runs
        // start with an upper-case letter
        bool cased = false, prev_cased = false;
        for (size_t i = 0; i < len; i++) {
            uint8_t c = s[i];
            if (what == IS_TITLE) {
                if (is_upper(c) ? prev_cased : is_lower(c) && !prev_cased) {
                    return PY_FALSE;
                }
                prev_cased = is_alpha(c);
                cased |= is_upper(c);
            } else if (what == IS_LOWER ? is_upper(c) : is_lower(c)) {
                return PY_FALSE;
            } else {
                cased |= is_alpha(c);
            }
        }
        return py_bool(cased);
    }
    if (len == 0) {
        return PY_FALSE;
    }
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        bool ok = what == IS_ALNUM   ? is_alpha(c) || is_digit(c)
                  : what == IS_ALPHA ? is_alpha(c)
                  : what == IS_DIGIT ? is_digit(c)
                                     : is_space(c);
        if (!ok) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}

static py_val bytes_isalnum(py_val self) {
    return predicate(self, IS_ALNUM);
}
static PY_FN_OBJ_1(bytes_isalnum_obj, isalnum, bytes_isalnum);
static py_val bytes_isalpha(py_val self) {
    return predicate(self, IS_ALPHA);
}
static PY_FN_OBJ_1(bytes_isalpha_obj, isalpha, bytes_isalpha);
static py_val bytes_isdigit(py_val self) {
    return predicate(self, IS_DIGIT);
}
static PY_FN_OBJ_1(bytes_isdigit_obj, isdigit, bytes_isdigit);
static py_val bytes_isspace(py_val self) {
    return predicate(self, IS_SPACE);
}
static PY_FN_OBJ_1(bytes_isspace_obj, isspace, bytes_isspace);
static py_val bytes_isascii(py_val self) {
    return predicate(self, IS_ASCII);
}
static PY_FN_OBJ_1(bytes_isascii_obj, isascii, bytes_isascii);
static py_val bytes_islower(py_val self) {
    return predicate(self, IS_LOWER);
}
static PY_FN_OBJ_1(bytes_islower_obj, islower, bytes_islower);
static py_val bytes_isupper(py_val self) {
    return predicate(self, IS_UPPER);
}
static PY_FN_OBJ_1(bytes_isupper_obj, isupper, bytes_isupper);
static py_val bytes_istitle(py_val self) {
    return predicate(self, IS_TITLE);
}
static PY_FN_OBJ_1(bytes_istitle_obj, istitle, bytes_istitle);

// center/ljust/rjust: left and right padding of width - len bytes.
static py_val justify(size_t n_args, const py_val *args, const char *name,
                      int how) { // 0 l, 1 r, 2 c
    py_int_t width = py_bytes_arg_int(args[1]);
    uint8_t fill = ' ';
    if (n_args > 2) {
        py_val f = args[2];
        if (!py_bytes_is_bytes_like(f) || py_len(f) != 1) {
            py_raise_fmt(&py_type_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %T", name, f);
        }
        size_t one;
        fill = *py_bytes_arg_data(f, &one);
    }
    size_t len;
    const uint8_t *s = self_bytes(args[0], &len);
    if (width <= (py_int_t)len) {
        return like_sub(args[0], s, len);
    }
    size_t marg = (size_t)width - len;
    size_t left = how == 0 ? 0 : how == 1 ? marg : marg / 2 + (marg & (size_t)width & 1);
    py_vstr v;
    py_vstr_init(&v, (size_t)width);
    uint8_t *d = (uint8_t *)py_vstr_extend(&v, (size_t)width);
    s = self_bytes(args[0], &len);
    memset(d, fill, left);
    memcpy(d + left, s, len);
    memset(d + left + len, fill, marg - left);
    return like_vstr(args[0], &v);
}

static py_val bytes_ljust(size_t n_args, const py_val *args) {
    return justify(n_args, args, "ljust", 0);
}
static PY_FN_OBJ_VAR(bytes_ljust_obj, ljust, 2, 3, bytes_ljust);
static py_val bytes_rjust(size_t n_args, const py_val *args) {
    return justify(n_args, args, "rjust", 1);
}
static PY_FN_OBJ_VAR(bytes_rjust_obj, rjust, 2, 3, bytes_rjust);
static py_val bytes_center(size_t n_args, const py_val *args) {
    return justify(n_args, args, "center", 2);
}
static PY_FN_OBJ_VAR(bytes_center_obj, center, 2, 3, bytes_center);

static py_val bytes_zfill(py_val self, py_val width_v) {
    py_int_t width = py_bytes_arg_int(width_v);
    size_t len;
    const uint8_t *s = self_bytes(self, &len);
    if (width <= (py_int_t)len) {
        return like_sub(self, s, len);
    }
    size_t fill = (size_t)width - len;
    py_vstr v;
    py_vstr_init(&v, (size_t)width);
    uint8_t *d = (uint8_t *)py_vstr_extend(&v, (size_t)width);
    s = self_bytes(self, &len);
    memset(d, '0', fill);
    memcpy(d + fill, s, len);
    if (len && (s[0] == '+' || s[0] == '-')) {
        d[0] = s[0];
        d[fill] = '0';
    }
    return like_vstr(self, &v);
}
static PY_FN_OBJ_2(bytes_zfill_obj, zfill, bytes_zfill);

static py_val bytes_expandtabs(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_tabsize, 0, py_small_const(8)}};
    py_val a[1];
    py_arg_parse("expandtabs", n_args, n_kw, args, 1, spec, 1, a);
    py_int_t tab = py_bytes_arg_int(a[0]);
    size_t len;
    self_bytes(args[0], &len);
    py_vstr v;
    py_vstr_init(&v, len);
    size_t col = 0;
    for (size_t i = 0;; i++) {
        const uint8_t *s = self_bytes(args[0], &len);
        if (i >= len) {
            break;
        }
        if (s[i] == '\t') {
            if (tab > 0) {
                size_t k = (size_t)tab - col % (size_t)tab;
                memset(py_vstr_extend(&v, k), ' ', k);
                col += k;
            }
        } else {
            py_vstr_add_char(&v, (char)s[i]);
            col = s[i] == '\n' || s[i] == '\r' ? 0 : col + 1;
        }
    }
    return like_vstr(args[0], &v);
}
static PY_FN_OBJ_KW(bytes_expandtabs_obj, expandtabs, bytes_expandtabs);

static py_val bytes_replace(size_t n_args, const py_val *args) {
    size_t ol, nl, len;
    py_int_t count = n_args > 3 ? py_bytes_arg_int(args[3]) : -1;
    const uint8_t *old = py_bytes_arg_data(args[1], &ol);
    const uint8_t *new_ = py_bytes_arg_data(args[2], &nl);
    const uint8_t *s = self_bytes(args[0], &len);
    py_vstr v;
    py_vstr_init(&v, len);
    size_t i = 0;
    if (ol == 0) {
        // the replacement goes before every byte and at the end
        for (; count != 0 && i <= len; count--) {
            py_vstr_add(&v, (const char *)new_, nl);
            if (i < len) {
                py_vstr_add_char(&v, (char)s[i]);
            }
            i++;
        }
    } else {
        for (; count != 0; count--) {
            ptrdiff_t k = py_str_find_bytes((const char *)s, len, (const char *)old, ol, i);
            if (k < 0) {
                break;
            }
            py_vstr_add(&v, (const char *)s + i, (size_t)k - i);
            py_vstr_add(&v, (const char *)new_, nl);
            i = (size_t)k + ol;
        }
    }
    if (i < len) {
        py_vstr_add(&v, (const char *)s + i, len - i);
    }
    return like_vstr(args[0], &v);
}
static PY_FN_OBJ_VAR(bytes_replace_obj, replace, 3, 4, bytes_replace);

static py_val bytes_translate(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_table, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_QSTR_delete, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("translate", n_args, n_kw, args, 1, spec, 2, a);
    size_t tl = 0, dl = 0, len;
    const uint8_t *table = a[0] == PY_NONE ? NULL : py_bytes_arg_data(a[0], &tl);
    if (table && tl != 256) {
        py_raise_msg(&py_type_ValueError, "translation table must be 256 characters long");
    }
    bool del[256];
    memset(del, 0, sizeof(del));
    if (a[1]) {
        const uint8_t *d = py_bytes_arg_data(a[1], &dl);
        for (size_t i = 0; i < dl; i++) {
            del[d[i]] = true;
        }
    }
    uint8_t map[256];
    for (int i = 0; i < 256; i++) {
        map[i] = table ? table[i] : (uint8_t)i;
    }
    self_bytes(args[0], &len);
    py_vstr v;
    py_vstr_init(&v, len);
    const uint8_t *s = self_bytes(args[0], &len);
    for (size_t i = 0; i < len; i++) {
        if (!del[s[i]]) {
            py_vstr_add_char(&v, (char)map[s[i]]);
        }
    }
    return like_vstr(args[0], &v);
}
static PY_FN_OBJ_KW(bytes_translate_obj, translate, bytes_translate);

static py_val bytes_maketrans(py_val from, py_val to) {
    size_t fl, tl;
    const uint8_t *f = py_bytes_arg_data(from, &fl);
    const uint8_t *t = py_bytes_arg_data(to, &tl);
    if (fl != tl) {
        py_raise_msg(&py_type_ValueError, "maketrans arguments must have same length");
    }
    uint8_t map[256];
    for (int i = 0; i < 256; i++) {
        map[i] = (uint8_t)i;
    }
    for (size_t i = 0; i < fl; i++) {
        map[f[i]] = t[i];
    }
    return py_bytes_new(map, 256);
}
static PY_FN_OBJ_2(bytes_maketrans_fn, maketrans, bytes_maketrans);
static const py_wrapper bytes_maketrans_obj = {{&py_type_staticmethod},
                                               (py_val)&bytes_maketrans_fn};

// ---- methods: decode, hex, fromhex
// ---------------------------------------------------------------
static py_val bytes_decode(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_encoding, 0, PY_NULL},
                                       {PY_QSTR_errors, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("decode", n_args, n_kw, args, 1, spec, 2, a);
    for (int i = 0; i < 2; i++) {
        if (a[i] != PY_NULL && !py_is_str(a[i])) {
            py_raise_fmt(&py_type_TypeError, "decode() argument '%s' must be str, not %T",
                         i ? "errors" : "encoding", a[i]);
        }
    }
    size_t len;
    const uint8_t *s = self_bytes(args[0], &len);
    return py_bytes_decode(s, len, a[0], a[1]);
}
static PY_FN_OBJ_KW(bytes_decode_obj, decode, bytes_decode);

py_val py_bytes_hex(const uint8_t *p, size_t n, py_val sep, py_val bytes_per_sep) {
    static const char digits[] = "0123456789abcdef";
    char sepc = 0;
    if (sep != PY_NULL && sep != PY_NONE) {
        size_t sl;
        const char *sp;
        if (py_is_str(sep)) {
            sp = py_get_str(sep, &sl);
            sl = py_str_charlen(sep);
        } else if (py_isinstance(sep, &py_type_bytes)) {
            sp = (const char *)py_bytes_arg_data(sep, &sl);
        } else {
            if (py_len_maybe(sep) == PY_NULL) {
                py_raise_fmt(&py_type_TypeError, "object of type '%T' has no len()", sep);
            }
            py_raise_msg(&py_type_TypeError, "sep must be str or bytes.");
        }
        if (sl != 1) {
            py_raise_msg(&py_type_ValueError, "sep must be length 1.");
        }
        if ((uint8_t)sp[0] >= 0x80) {
            py_raise_msg(&py_type_ValueError, "sep must be ASCII.");
        }
        sepc = sp[0];
    }
    py_int_t group = 1;
    if (bytes_per_sep != PY_NULL) {
        bool ovf;
        if (!py_bytes_as_index(bytes_per_sep, &group, &ovf)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                         bytes_per_sep);
        }
        if (ovf || group > INT32_MAX || group < INT32_MIN) {
            py_raise_msg(&py_type_OverflowError, "Python int too large to convert to C int");
        }
    }
    if (group == 0) {
        sepc = 0;
    }
    size_t k = (size_t)(group < 0 ? -group : group);
    size_t nsep = sepc && n ? (n - 1) / k : 0;
    py_vstr v;
    py_vstr_init(&v, 2 * n + nsep);
    for (size_t i = 0; i < n; i++) {
        // a separator goes before byte i when a group boundary falls there: groups count
        // from the right for positive bytes_per_sep, from the left for negative
        if (sepc && i && (group > 0 ? (n - i) % k == 0 : i % k == 0)) {
            py_vstr_add_char(&v, sepc);
        }
        py_vstr_add_char(&v, digits[p[i] >> 4]);
        py_vstr_add_char(&v, digits[p[i] & 15]);
    }
    return py_vstr_to_str(&v);
}

static py_val bytes_hex(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_sep, 0, PY_NULL},
                                       {PY_QSTR_bytes_per_sep, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("hex", n_args, n_kw, args, 1, spec, 2, a);
    size_t len;
    const uint8_t *s = self_bytes(args[0], &len);
    return py_bytes_hex(s, len, a[0], a[1]);
}
static PY_FN_OBJ_KW(bytes_hex_obj, hex, bytes_hex);

static int hex_val(char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

static py_val bytes_fromhex(py_val cls, py_val string) {
    if (!py_is_str(string)) {
        py_raise_fmt(&py_type_TypeError, "fromhex() argument must be str, not %T", string);
    }
    size_t len;
    const char *s = py_get_str(string, &len);
    py_vstr v;
    py_vstr_init(&v, len / 2);
    for (size_t i = 0;;) {
        while (i < len && is_space((uint8_t)s[i])) {
            i++;
        }
        if (i >= len) {
            break;
        }
        // any non-ASCII character fails here first, so byte positions are character positions
        int hi = hex_val(s[i]);
        if (hi < 0) {
            py_raise_fmt(&py_type_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zu", i);
        }
        int lo = i + 1 < len ? hex_val(s[i + 1]) : -1;
        if (lo < 0) {
            py_raise_fmt(&py_type_ValueError,
                         "non-hexadecimal number found in fromhex() arg at position %zu", i + 1);
        }
        py_vstr_add_char(&v, (char)(hi * 16 + lo));
        i += 2;
    }
    const py_type *t = (const py_type *)cls;
    bool ba = py_issubclass(t, &py_type_bytearray);
    py_val r = ba ? py_bytearray_from_vstr(&v) : py_vstr_to_bytes(&v);
    if (t != &py_type_bytes && t != &py_type_bytearray) {
        r = py_call1(cls, r);
    }
    return r;
}
static PY_FN_OBJ_2(bytes_fromhex_fn, fromhex, bytes_fromhex);
static const py_wrapper bytes_fromhex_obj = {{&py_type_classmethod}, (py_val)&bytes_fromhex_fn};

static py_val bytes_bytes(py_val self) {
    if (py_is_obj(self) && self->type == &py_type_bytes) {
        return self;
    }
    size_t n;
    const uint8_t *p = self_bytes(self, &n);
    return py_bytes_new(p, n);
}
static PY_FN_OBJ_1(bytes_bytes_obj, __bytes__, bytes_bytes);

static py_val bytes_getnewargs(py_val self) {
    size_t n;
    const uint8_t *p = self_bytes(self, &n);
    py_val b = py_bytes_new(p, n);
    return py_tuple_new(1, &b);
}
static PY_FN_OBJ_1(bytes_getnewargs_obj, __getnewargs__, bytes_getnewargs);

// ---- the method tables
// ------------------------------------------------------------------------------
#define BYTES_COMMON_METHODS                                                                       \
    PY_ROM_ENTRY(capitalize, &bytes_capitalize_obj), PY_ROM_ENTRY(center, &bytes_center_obj),      \
        PY_ROM_ENTRY(count, &bytes_count_obj), PY_ROM_ENTRY(decode, &bytes_decode_obj),            \
        PY_ROM_ENTRY(endswith, &bytes_endswith_obj),                                               \
        PY_ROM_ENTRY(expandtabs, &bytes_expandtabs_obj), PY_ROM_ENTRY(find, &bytes_find_obj),      \
        PY_ROM_ENTRY(fromhex, &bytes_fromhex_obj), PY_ROM_ENTRY(hex, &bytes_hex_obj),              \
        PY_ROM_ENTRY(index, &bytes_index_obj), PY_ROM_ENTRY(isalnum, &bytes_isalnum_obj),          \
        PY_ROM_ENTRY(isalpha, &bytes_isalpha_obj), PY_ROM_ENTRY(isascii, &bytes_isascii_obj),      \
        PY_ROM_ENTRY(isdigit, &bytes_isdigit_obj), PY_ROM_ENTRY(islower, &bytes_islower_obj),      \
        PY_ROM_ENTRY(isspace, &bytes_isspace_obj), PY_ROM_ENTRY(istitle, &bytes_istitle_obj),      \
        PY_ROM_ENTRY(isupper, &bytes_isupper_obj), PY_ROM_ENTRY(join, &bytes_join_obj),            \
        PY_ROM_ENTRY(ljust, &bytes_ljust_obj), PY_ROM_ENTRY(lower, &bytes_lower_obj),              \
        PY_ROM_ENTRY(lstrip, &bytes_lstrip_obj), PY_ROM_ENTRY(maketrans, &bytes_maketrans_obj),    \
        PY_ROM_ENTRY(partition, &bytes_partition_obj),                                             \
        PY_ROM_ENTRY(removeprefix, &bytes_removeprefix_obj),                                       \
        PY_ROM_ENTRY(removesuffix, &bytes_removesuffix_obj),                                       \
        PY_ROM_ENTRY(replace, &bytes_replace_obj), PY_ROM_ENTRY(rfind, &bytes_rfind_obj),          \
        PY_ROM_ENTRY(rindex, &bytes_rindex_obj), PY_ROM_ENTRY(rjust, &bytes_rjust_obj),            \
        PY_ROM_ENTRY(rpartition, &bytes_rpartition_obj), PY_ROM_ENTRY(rsplit, &bytes_rsplit_obj),  \
        PY_ROM_ENTRY(rstrip, &bytes_rstrip_obj), PY_ROM_ENTRY(split, &bytes_split_obj),            \
        PY_ROM_ENTRY(splitlines, &bytes_splitlines_obj),                                           \
        PY_ROM_ENTRY(startswith, &bytes_startswith_obj), PY_ROM_ENTRY(strip, &bytes_strip_obj),    \
        PY_ROM_ENTRY(swapcase, &bytes_swapcase_obj), PY_ROM_ENTRY(title, &bytes_title_obj),        \
        PY_ROM_ENTRY(translate, &bytes_translate_obj), PY_ROM_ENTRY(upper, &bytes_upper_obj),      \
        PY_ROM_ENTRY(zfill, &bytes_zfill_obj)

static const py_dict_entry bytes_locals_table[] = {
    BYTES_COMMON_METHODS,
    PY_ROM_ENTRY(__bytes__, &bytes_bytes_obj),
    PY_ROM_ENTRY(__getnewargs__, &bytes_getnewargs_obj),
};
PY_ROM_DICT(py_bytes_locals, bytes_locals_table);

static const py_dict_entry bytearray_locals_table[] = {
    BYTES_COMMON_METHODS,
    PY_ROM_ENTRY(append, &py_bytearray_append_obj),
    PY_ROM_ENTRY(extend, &py_bytearray_extend_obj),
    PY_ROM_ENTRY(insert, &py_bytearray_insert_obj),
    PY_ROM_ENTRY(pop, &py_bytearray_pop_obj),
    PY_ROM_ENTRY(remove, &py_bytearray_remove_obj),
    PY_ROM_ENTRY(clear, &py_bytearray_clear_obj),
    PY_ROM_ENTRY(copy, &py_bytearray_copy_obj),
    PY_ROM_ENTRY(reverse, &py_bytearray_reverse_obj),
    PY_ROM_ENTRY(__init__, &py_bytearray_init_obj),
};
PY_ROM_DICT(py_bytearray_locals, bytearray_locals_table);