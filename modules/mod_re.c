// modules/mod_re.c: the re module (CPython 3.11's API): Pattern and Match objects, the
// module functions with a small cache of compiled patterns, sub() templates, and re.error.
// The engine is in mod_re_compile.c / mod_re_match.c (see mod_re.h). Subjects are str (UTF-8,
// indexed by code point: byte offsets are converted with a moving cursor, so scanning a
// string is linear) or bytes-like objects. Flags are plain ints (CPython's are RegexFlag).
#include <string.h>

#include "modules/mod_re.h"
#include "modules/modules.h"
#include "py/objexc.h"
#include "py/objint.h"
#include "py/objstr.h"
#include "py/runtime.h"
#include "py/state.h"

#define CACHE_SIZE 8 // compiled patterns kept by the module functions (CPython: 512)

typedef struct re_pattern {
    py_obj base;
    py_val pattern;    // the source, str or bytes
    py_val groupindex; // dict name -> number, or PY_NULL
    mod_re_prog *prog;
    int32_t flags;
    bool is_bytes;
} re_pattern;

typedef struct re_match {
    py_obj base;
    py_val re;
    py_val string;
    int32_t pos, endpos; // characters
    int32_t lastindex;   // -1: None
    uint32_t n;          // groups + 1
    int32_t off[];       // character spans [2n], then byte spans [2n]; -1: unmatched
} re_match;

typedef struct re_iter {
    py_obj base;
    py_val re;
    py_val string;
    int32_t bpos, cpos; // next search position (bytes, characters)
    int32_t pos0;       // the pos argument (Match.pos)
    int32_t bend, cend; // endpos (bytes, characters)
    bool must_advance, done;
} re_iter;

extern const py_type mod_re_Pattern, mod_re_Match, mod_re_iter_type, mod_re_error_type;

// The bytes of a bytes-like object ("" rather than NULL when empty); false if it is none.
static bool bytes_of(py_val v, const char **s, size_t *len) {
    py_buffer buf;
    if (!py_get_buffer_maybe(v, &buf, PY_BUFFER_READ)) {
        return false;
    }
    *s = buf.len ? (const char *)buf.buf : "";
    *len = buf.len;
    return true;
}

// ---- re.error ------------------------------------------------------------------------------------
// Sets msg, pattern, pos, lineno, colno and args as CPython's re.error.__init__.
static void error_init(py_val self, py_val msg, py_val pattern, py_val pos) {
    py_val full = msg, lineno = PY_NONE, colno = PY_NONE;
    if (pattern != PY_NONE && pos != PY_NONE) {
        py_int_t p = py_get_int(pos);
        size_t len;
        bool bytes = !py_is_str(pattern);
        const char *s;
        if (bytes) {
            if (!bytes_of(pattern, &s, &len)) {
                py_raise_msg(&py_type_TypeError, "pattern must be str or bytes");
            }
        } else {
            s = py_get_str(pattern, &len);
        }
        // line and column of character p
        size_t line = 1, col = 0, i = 0;
        for (py_int_t k = 0; i < len && k < p; k++) {
            col = s[i] == '\n' ? (line++, 0) : col + 1;
            i++;
            while (!bytes && i < len && ((uint8_t)s[i] & 0xc0) == 0x80) {
                i++;
            }
        }
        lineno = py_small((py_int_t)line);
        colno = py_small((py_int_t)col + 1);
        py_vstr v;
        py_print pr;
        py_vstr_init(&v, 64);
        py_vstr_printer(&v, &pr);
        py_printf(&pr, "%S at position %d", msg, (int)p);
        if (memchr(s, '\n', len)) {
            py_printf(&pr, " (line %d, column %d)", (int)line, (int)col + 1);
        }
        full = py_vstr_to_str(&v);
    }
    ((py_exc *)self)->args = (py_tuple *)py_tuple_new(1, &full);
    py_store_attr(self, PY_QSTR_msg, msg);
    py_store_attr(self, PY_QSTR_pattern, pattern);
    py_store_attr(self, PY_QSTR_pos, pos);
    py_store_attr(self, PY_QSTR_lineno, lineno);
    py_store_attr(self, PY_QSTR_colno, colno);
}

static const py_arg_spec error_spec[] = {
    {PY_QSTR_msg, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_pattern, 0, PY_NONE},
    {PY_QSTR_pos, 0, PY_NONE},
};

static py_val error_init_fn(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("error", n_args, n_kw, args, 1, error_spec, 3, a);
    error_init(args[0], a[0], a[1], a[2]);
    return PY_NONE;
}
static PY_FN_OBJ_KW(error_init_obj, __init__, error_init_fn);

static py_val error_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("error", n_args, n_kw, args, 0, error_spec, 3, a);
    py_val e = py_exc_make_new(type, 0, 0, NULL);
    error_init(e, a[0], a[1], a[2]);
    return e;
}

static const py_dict_entry error_locals_table[] = {PY_ROM_ENTRY(__init__, &error_init_obj)};
static PY_ROM_DICT(error_locals, error_locals_table);

const py_type mod_re_error_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_error,
    .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,
    .print = py_exc_print,
    .make_new = error_make_new,
    .attr = py_exc_attr,
    .locals = (py_dict *)&error_locals,
    .base_type = &py_type_Exception,
};

_Noreturn void mod_re_error(py_val pattern, ptrdiff_t pos, const char *fmt, ...) {
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 48);
    py_vstr_printer(&v, &p);
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(&p, fmt, ap);
    va_end(ap);
    py_val msg = py_vstr_to_str(&v), cpos = PY_NONE;
    if (pos >= 0) {
        size_t len;
        const char *s = py_is_str(pattern) ? py_get_str(pattern, &len) : NULL;
        cpos = py_small((py_int_t)(s ? py_utf8_charlen(s, (size_t)pos) : (size_t)pos));
    }
    py_val args[3] = {msg, pos >= 0 ? pattern : PY_NONE, cpos};
    py_raise(py_call((py_val)&mod_re_error_type, 3, 0, args));
}

// ---- subjects --------------------------------------------------------------------------------------
typedef struct subj {
    py_val obj;
    const uint8_t *s;
    int32_t len, clen; // bytes, characters
    bool is_str, utf8;
    int32_t cb, cc;    // cursor: byte offset cb is character cc
} subj;

static void subj_get(subj *j, re_pattern *p, py_val string) {
    size_t len;
    j->obj = string;
    j->is_str = py_is_str(string);
    if (j->is_str) {
        if (p->is_bytes) {
            py_raise_msg(&py_type_TypeError, "cannot use a bytes pattern on a string-like object");
        }
        j->s = (const uint8_t *)py_get_str(string, &len);
        py_val native = py_is_qstr(string) || string->type == &py_type_str ? string : ((py_instance *)string)->native;
        j->clen = (int32_t)py_str_charlen(native);
    } else {
        const char *b;
        if (!bytes_of(string, &b, &len)) {
            py_raise_fmt(&py_type_TypeError, "expected string or bytes-like object, got '%T'", string);
        }
        if (!p->is_bytes) {
            py_raise_msg(&py_type_TypeError, "cannot use a string pattern on a bytes-like object");
        }
        j->s = (const uint8_t *)b;
        j->clen = (int32_t)len;
    }
    if (len > INT32_MAX - 8) {
        py_raise_msg(&py_type_OverflowError, "subject too long");
    }
    j->len = (int32_t)len;
    j->utf8 = j->clen != j->len;
    j->cb = j->cc = 0;
}

// Character index of byte offset b (-1 stays -1).
static int32_t subj_char(subj *j, int32_t b) {
    if (!j->utf8 || b < 0) {
        return b;
    }
    for (; j->cb < b; j->cb++) {
        j->cc += (j->s[j->cb] & 0xc0) != 0x80;
    }
    for (; j->cb > b; j->cb--) {
        j->cc -= (j->s[j->cb - 1] & 0xc0) != 0x80;
    }
    return j->cc;
}

// Byte offset of character c (0 <= c <= clen).
static int32_t subj_byte(subj *j, int32_t c) {
    if (!j->utf8) {
        return c;
    }
    if (c < j->cc) {
        j->cb = j->cc = 0;
    }
    const char *s = (const char *)j->s;
    j->cb = (int32_t)(py_utf8_offset(s + j->cb, (size_t)(j->len - j->cb), (size_t)(c - j->cc)) - s);
    j->cc = c;
    return j->cb;
}

static py_val subj_slice(subj *j, int32_t b0, int32_t b1) {
    const char *s = (const char *)j->s + b0;
    return j->is_str ? py_str_new(s, (size_t)(b1 - b0)) : py_bytes_new(s, (size_t)(b1 - b0));
}

static int32_t clamp(py_val v, int32_t len) {
    if (v == PY_NULL) {
        return len;
    }
    py_int_t i;
    if (!py_index_maybe(v, &i)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return i < 0 ? 0 : i > len ? len : (int32_t)i;
}

static void exec_init(mod_re_state *m, re_pattern *p, subj *j, int32_t bend) {
    mod_re_exec_init(m, p->prog);
    m->s = j->s;
    m->end = bend;
    m->utf8 = j->utf8;
    m->full = false;
    m->must_advance = false;
}

static py_val make_match(re_pattern *p, subj *j, mod_re_state *m, int32_t cpos, int32_t cend) {
    uint32_t n = p->prog->ngroups + 1;
    re_match *r = py_new_var(re_match, 4 * n * sizeof(int32_t), &mod_re_Match);
    r->re = (py_val)p;
    r->string = j->obj;
    r->pos = cpos;
    r->endpos = cend;
    r->n = n;
    int32_t li = m->regs[m->nregs - 1];
    r->lastindex = li;
    for (uint32_t i = 0; i < 2 * n; i++) {
        int32_t b = m->regs[i];
        if (m->regs[i ^ 1] < 0) {
            b = -1; // a group is matched only when both ends are
        }
        r->off[2 * n + i] = b;
        r->off[i] = subj_char(j, b);
    }
    return (py_val)r;
}

// ---- compiling and the cache -----------------------------------------------------------------------
static py_val compile(py_val pattern, int flags) {
    bool is_bytes = !py_is_str(pattern);
    const char *s;
    size_t len;
    if (is_bytes) {
        if (!py_isinstance(pattern, &py_type_bytes) || !bytes_of(pattern, &s, &len)) {
            py_raise_msg(&py_type_TypeError, "first argument must be string or compiled pattern");
        }
    } else {
        s = py_get_str(pattern, &len);
    }
    re_pattern *p = py_new(re_pattern, &mod_re_Pattern);
    p->pattern = pattern;
    p->is_bytes = is_bytes;
    p->prog = mod_re_compile(pattern, s, len, is_bytes, &flags, &p->groupindex);
    p->flags = flags;
    return (py_val)p;
}

static int get_flags(py_val v) {
    py_int_t f;
    if (!py_is_int(v) || !py_get_int_maybe(v, &f)) {
        py_raise_fmt(&py_type_TypeError, "unsupported operand type(s) for &: '%T' and 'RegexFlag'", v);
    }
    return (int)f;
}

static re_pattern *get_pattern(py_val pattern, py_val flags_v) {
    int flags = flags_v ? get_flags(flags_v) : 0;
    if (py_typeof(pattern) == &mod_re_Pattern) {
        if (flags) {
            py_raise_msg(&py_type_ValueError, "cannot process flags argument with a compiled pattern");
        }
        return (re_pattern *)pattern;
    }
    py_hash(pattern); // the cache key: unhashable types fail here, as in CPython
    py_val *root = &PY_S->module_roots[MOD_ROOT_RE];
    if (*root == PY_NULL) {
        *root = py_list_new(3 * CACHE_SIZE, NULL);
    }
    py_val *c = ((py_list *)*root)->items;
    for (int i = 0; i < CACHE_SIZE; i++) {
        py_val *e = c + 3 * i;
        if (e[2] != PY_NONE && py_typeof(e[0]) == py_typeof(pattern) && py_small_get(e[1]) == flags &&
            py_equal(e[0], pattern)) {
            py_val r = e[2], k = e[0];
            memmove(c + 3, c, 3 * (size_t)i * sizeof(py_val)); // most recent first
            c[0] = k;
            c[1] = py_small(flags);
            c[2] = r;
            return (re_pattern *)r;
        }
    }
    py_val r = compile(pattern, flags);
    if (!(flags & RE_F_DEBUG)) {
        memmove(c + 3, c, 3 * (CACHE_SIZE - 1) * sizeof(py_val));
        c[0] = pattern;
        c[1] = py_small(flags);
        c[2] = r;
    }
    return (re_pattern *)r;
}

// ---- matching entry points ---------------------------------------------------------------------
enum { MODE_MATCH, MODE_FULL, MODE_SEARCH };

static py_val do_match(re_pattern *p, py_val string, py_val pos, py_val endpos, int mode) {
    subj j;
    subj_get(&j, p, string);
    int32_t cpos = clamp(pos ? pos : py_small(0), j.clen), cend = clamp(endpos, j.clen);
    int32_t bpos = subj_byte(&j, cpos), bend = subj_byte(&j, cend);
    mod_re_state m;
    exec_init(&m, p, &j, bend);
    m.full = mode == MODE_FULL;
    if (mode == MODE_SEARCH && bpos > bend) {
        return PY_NONE;
    }
    if (!mod_re_exec(&m, bpos, mode == MODE_SEARCH)) {
        return PY_NONE;
    }
    return make_match(p, &j, &m, cpos, cend);
}

static const py_arg_spec pm_spec[] = {
    {PY_QSTR_string, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_pos, 0, PY_NULL},
    {PY_QSTR_endpos, 0, PY_NULL},
};

static py_val pm_common(const char *name, size_t n_args, size_t n_kw, const py_val *args, int mode) {
    py_val a[3];
    py_arg_parse(name, n_args, n_kw, args, 1, pm_spec, 3, a);
    return do_match((re_pattern *)args[0], a[0], a[1], a[2], mode);
}
static py_val p_match(size_t n_args, size_t n_kw, const py_val *args) {
    return pm_common("match", n_args, n_kw, args, MODE_MATCH);
}
static PY_FN_OBJ_KW(p_match_obj, match, p_match);
static py_val p_fullmatch(size_t n_args, size_t n_kw, const py_val *args) {
    return pm_common("fullmatch", n_args, n_kw, args, MODE_FULL);
}
static PY_FN_OBJ_KW(p_fullmatch_obj, fullmatch, p_fullmatch);
static py_val p_search(size_t n_args, size_t n_kw, const py_val *args) {
    return pm_common("search", n_args, n_kw, args, MODE_SEARCH);
}
static PY_FN_OBJ_KW(p_search_obj, search, p_search);

// A group's value: the matched text, or dflt when it did not match.
static py_val group_val(re_match *r, subj *j, uint32_t g, py_val dflt) {
    int32_t b0 = r->off[2 * r->n + 2 * g], b1 = r->off[2 * r->n + 2 * g + 1];
    if (b0 < 0) {
        return dflt;
    }
    return subj_slice(j, b0, b1);
}

static void match_subj(re_match *r, subj *j) {
    // The subject of a finished match: re-read (bytes-like objects may have changed length).
    subj_get(j, (re_pattern *)r->re, r->string);
    for (uint32_t i = 2 * r->n; i < 4 * r->n; i++) {
        if (r->off[i] > j->len) {
            r->off[i] = j->len;
        }
    }
}

// findall: for each match, group 0, group 1, or a tuple of all groups ('' when unmatched).
static py_val findall_item(re_pattern *p, subj *j, mod_re_state *m) {
    uint32_t ng = p->prog->ngroups;
    py_val empty = j->is_str ? py_qstr_val(PY_QSTR_) : py_bytes_new("", 0);
    if (ng <= 1) {
        int32_t b0 = m->regs[2 * ng], b1 = m->regs[2 * ng + 1];
        return b0 < 0 || b1 < 0 ? empty : subj_slice(j, b0, b1);
    }
    py_val t = py_tuple_new(ng, NULL);
    for (uint32_t g = 1; g <= ng; g++) {
        int32_t b0 = m->regs[2 * g], b1 = m->regs[2 * g + 1];
        ((py_tuple *)t)->items[g - 1] = b0 < 0 || b1 < 0 ? empty : subj_slice(j, b0, b1);
    }
    return t;
}

// Searches from *bpos with the rule that an empty match may not follow an empty match at the
// same place (CPython 3.7+); advances *bpos and *must_advance.
static bool scan(mod_re_state *m, int32_t *bpos, bool *must_advance) {
    if (*bpos > m->end) {
        return false;
    }
    m->must_advance = *must_advance;
    if (!mod_re_exec(m, *bpos, true)) {
        return false;
    }
    *must_advance = m->regs[1] == m->regs[0];
    *bpos = m->regs[1];
    return true;
}

static py_val p_findall(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("findall", n_args, n_kw, args, 1, pm_spec, 3, a);
    re_pattern *p = (re_pattern *)args[0];
    subj j;
    subj_get(&j, p, a[0]);
    int32_t bpos = subj_byte(&j, clamp(a[1] ? a[1] : py_small(0), j.clen));
    mod_re_state m;
    exec_init(&m, p, &j, subj_byte(&j, clamp(a[2], j.clen)));
    py_val list = py_list_new(0, NULL);
    bool adv = false;
    while (scan(&m, &bpos, &adv)) {
        py_list_append(list, findall_item(p, &j, &m));
    }
    return list;
}
static PY_FN_OBJ_KW(p_findall_obj, findall, p_findall);

static py_val p_finditer(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("finditer", n_args, n_kw, args, 1, pm_spec, 3, a);
    re_pattern *p = (re_pattern *)args[0];
    subj j;
    subj_get(&j, p, a[0]);
    re_iter *it = py_new(re_iter, &mod_re_iter_type);
    it->re = (py_val)p;
    it->string = a[0];
    it->cpos = it->pos0 = clamp(a[1] ? a[1] : py_small(0), j.clen);
    it->cend = clamp(a[2], j.clen);
    it->bpos = subj_byte(&j, it->cpos);
    it->bend = subj_byte(&j, it->cend);
    return (py_val)it;
}
static PY_FN_OBJ_KW(p_finditer_obj, finditer, p_finditer);

static py_val iter_next(py_val self) {
    re_iter *it = (re_iter *)self;
    if (it->done) {
        return PY_STOP;
    }
    re_pattern *p = (re_pattern *)it->re;
    subj j;
    subj_get(&j, p, it->string);
    if (!j.utf8) { // bytes-like subjects may have changed size since the last step
        it->bend = it->cend > j.len ? j.len : it->cend;
        it->bpos = it->cpos = it->bpos > j.len ? j.len : it->bpos;
    }
    j.cb = it->bpos;
    j.cc = it->cpos;
    mod_re_state m;
    exec_init(&m, p, &j, it->bend);
    int32_t bpos = it->bpos;
    bool adv = it->must_advance;
    if (!scan(&m, &bpos, &adv)) {
        it->done = true;
        return PY_STOP;
    }
    py_val r = make_match(p, &j, &m, it->pos0, it->cend);
    it->bpos = bpos;
    it->cpos = subj_char(&j, bpos);
    it->must_advance = adv;
    return r;
}

const py_type mod_re_iter_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_callable_iterator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = iter_next,
    .base_type = &py_type_object,
};

// ---- sub() templates ----------------------------------------------------------------------------
// int(name) for a \g<name> that is not an identifier; PY_NULL if it is no int literal.
static py_val parse_int(py_val name) {
    py_nlr nlr;
    volatile py_val num = PY_NULL;
    size_t len;
    const char *s = py_get_str(name, &len);
    if (py_nlr_push(&nlr) == 0) {
        num = py_int_parse(s, len, 10);
        py_nlr_pop();
    } else if (!py_exc_matches(nlr.exc, (py_val)&py_type_ValueError)) {
        py_raise(nlr.exc);
    }
    return num;
}

static _Noreturn void raise_unknown_group(py_val name) {
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 32);
    py_vstr_printer(&v, &p);
    py_printf(&p, "unknown group name %r", name);
    py_val m = py_vstr_to_str(&v);
    py_raise(py_exc_new(&py_type_IndexError, 1, &m));
}

// A template compiles to a list of literal pieces (str or bytes) and group numbers (ints);
// PY_NULL when it has no backslash (the text is used as it is).
static py_val tmpl_compile(re_pattern *p, py_val repl, bool is_str) {
    size_t n;
    const char *t;
    if (is_str) {
        t = py_get_str(repl, &n);
    } else if (!bytes_of(repl, &t, &n)) {
        py_raise_fmt(&py_type_TypeError, "decoding to str: need a bytes-like object, %T found", repl);
    }
    if (memchr(t, '\\', n) == NULL) {
        return PY_NULL;
    }
    py_val items = py_list_new(0, NULL);
    py_vstr lit;
    py_vstr_init(&lit, n);
    uint32_t ng = p->prog->ngroups;
    for (size_t i = 0; i < n;) {
        uint8_t ch = (uint8_t)t[i++];
        if (ch != '\\') {
            py_vstr_add_char(&lit, (char)ch);
            continue;
        }
        size_t p0 = i - 1;
        if (i == n) {
            mod_re_error(repl, (ptrdiff_t)p0, "bad escape (end of pattern)");
        }
        ch = (uint8_t)t[i++];
        int64_t g = -1;
        uint32_t v = ch;
        static const char simple[] = "a\007b\010f\014n\nr\rt\tv\013\\\\";
        const char *q = ch ? strchr(simple, ch) : NULL;
        if (ch == 'g') {
            if (i == n || t[i] != '<') {
                mod_re_error(repl, (ptrdiff_t)i, "missing <");
            }
            size_t n0 = ++i;
            while (i < n && t[i] != '>') {
                i++;
            }
            if (i == n0) {
                mod_re_error(repl, (ptrdiff_t)n0, "missing group name");
            }
            if (i == n) {
                mod_re_error(repl, (ptrdiff_t)n0, "missing >, unterminated name");
            }
            py_val name;
            if (is_str) {
                name = py_str_new(t + n0, i - n0);
            } else {
                py_vstr nv;
                py_vstr_init(&nv, i - n0);
                for (size_t k = n0; k < i; k++) {
                    py_vstr_add_utf8(&nv, (uint8_t)t[k]);
                }
                name = py_vstr_to_str(&nv);
            }
            i++;
            if (py_is_true(py_call_method(name, PY_QSTR_isidentifier, 0, NULL))) {
                py_val gv = p->groupindex ? py_dict_get((py_dict *)p->groupindex, name) : PY_NULL;
                if (gv == PY_NULL) {
                    raise_unknown_group(name);
                }
                g = py_small_get(gv);
            } else {
                py_val num = parse_int(name);
                py_int_t gi;
                if (num == PY_NULL || py_int_sign(num) < 0) {
                    mod_re_error(repl, (ptrdiff_t)n0, "bad character in group name %r", name);
                }
                if (!py_get_int_maybe(num, &gi) || gi > (py_int_t)ng) {
                    mod_re_error(repl, (ptrdiff_t)n0, "invalid group reference %S", num);
                }
                g = gi;
            }
        } else if (ch >= '0' && ch <= '9') {
            v = ch - '0';
            bool oct3 = false;
            if (ch == '0') {
                for (int k = 0; k < 2 && i < n && t[i] >= '0' && t[i] <= '7'; k++) {
                    v = v * 8 + (uint32_t)(t[i++] - '0');
                }
            } else if (i < n && t[i] >= '0' && t[i] <= '9') {
                if (ch <= '7' && t[i] <= '7' && i + 1 < n && t[i + 1] >= '0' && t[i + 1] <= '7') {
                    v = v * 64 + (uint32_t)(t[i] - '0') * 8 + (uint32_t)(t[i + 1] - '0');
                    i += 2;
                    oct3 = true;
                } else {
                    g = v * 10 + (uint32_t)(t[i++] - '0');
                }
            } else {
                g = v;
            }
            if (oct3 && v > 0377) {
                mod_re_error(repl, (ptrdiff_t)p0, "octal escape value %S outside of range 0-0o377",
                             is_str ? py_str_new(t + p0, i - p0) : py_bytes_new(t + p0, i - p0));
            }
            if (g > (int64_t)ng) {
                mod_re_error(repl, (ptrdiff_t)p0 + 1, "invalid group reference %d", (int)g);
            }
        } else if (q && ((q - simple) & 1) == 0) {
            v = (uint8_t)q[1];
        } else if (((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z')) {
            mod_re_error(repl, (ptrdiff_t)p0, "bad escape \\%c", ch);
        } else {
            py_vstr_add_char(&lit, '\\');
        }
        if (g >= 0) {
            if (lit.len) {
                py_list_append(items, is_str ? py_str_new(py_vstr_data(&lit), lit.len)
                                             : py_bytes_new(py_vstr_data(&lit), lit.len));
                lit.len = 0;
            }
            py_list_append(items, py_small((py_int_t)g));
        } else if (is_str && v >= 0x80 && ch < 0x80) {
            py_vstr_add_utf8(&lit, v); // an octal escape above 0x7f is a character
        } else {
            py_vstr_add_char(&lit, (char)v);
        }
    }
    if (lit.len) {
        py_list_append(items, is_str ? py_vstr_to_str(&lit) : py_vstr_to_bytes(&lit));
    }
    return items;
}

// Appends the expansion of a compiled template; spans are byte offsets (2 per group).
static void tmpl_expand(py_vstr *out, py_val items, const int32_t *spans, subj *j) {
    size_t n;
    py_val *it = py_seq_items(items, &n);
    for (size_t k = 0; k < n; k++) {
        if (py_is_small(it[k])) {
            py_int_t g = py_small_get(it[k]);
            int32_t b0 = spans[2 * g], b1 = spans[2 * g + 1];
            if (b0 >= 0 && b1 >= b0) {
                py_vstr_add(out, (const char *)j->s + b0, (size_t)(b1 - b0));
            }
        } else {
            py_str *s = (py_str *)it[k]; // bytes, or str (a qstr when short)
            if (py_is_qstr(it[k])) {
                size_t len;
                const char *d = py_get_str(it[k], &len);
                py_vstr_add(out, d, len);
            } else {
                py_vstr_add(out, s->data, s->len);
            }
        }
    }
}

// Appends one replacement as str.join/bytes.join would take it (their message on a bad item).
static void add_piece(py_vstr *out, py_val r, bool is_str, size_t index) {
    if (is_str) {
        if (!py_is_str(r)) {
            py_raise_fmt(&py_type_TypeError, "sequence item %u: expected str instance, %T found", (unsigned)index, r);
        }
        size_t len;
        const char *s = py_get_str(r, &len);
        py_vstr_add(out, s, len);
        return;
    }
    const char *s;
    size_t len;
    if (!bytes_of(r, &s, &len)) {
        py_raise_fmt(&py_type_TypeError, "sequence item %u: expected a bytes-like object, %T found", (unsigned)index, r);
    }
    py_vstr_add(out, s, len);
}

static py_int_t get_count(py_val v) {
    py_int_t n = 0;
    if (v && !py_index_maybe(v, &n)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", v);
    }
    return n;
}

static py_val do_sub(re_pattern *p, py_val repl, py_val string, py_val count_v, bool subn) {
    subj j;
    subj_get(&j, p, string);
    py_int_t count = get_count(count_v);
    bool call = false, tstr = false;
    py_val items = PY_NULL;
    const char *tb;
    size_t tn;
    if (py_is_callable(repl)) {
        call = true;
    } else if ((tstr = py_is_str(repl)) || bytes_of(repl, &tb, &tn)) {
        items = tmpl_compile(p, repl, tstr);
    } else {
        py_raise_fmt(&py_type_TypeError, "decoding to str: need a bytes-like object, %T found", repl);
    }
    py_vstr out;
    py_vstr_init(&out, (size_t)j.len);
    mod_re_state m;
    exec_init(&m, p, &j, j.len);
    int32_t i = 0, bpos = 0;
    bool adv = false;
    py_int_t n = 0;
    size_t nitems = 0; // the items of CPython's join list so far (for its error messages)
    while ((count == 0 || n < count) && scan(&m, &bpos, &adv)) {
        int32_t b = m.regs[0], e = m.regs[1];
        if (i < b) {
            py_vstr_add(&out, (const char *)j.s + i, (size_t)(b - i));
            nitems++;
        }
        if (call) {
            py_val r = py_call1(repl, make_match(p, &j, &m, 0, j.clen));
            if (r != PY_NONE) {
                add_piece(&out, r, j.is_str, nitems++);
            }
        } else if (items == PY_NULL || tstr != j.is_str) {
            add_piece(&out, repl, j.is_str, nitems++);
        } else {
            tmpl_expand(&out, items, m.regs, &j);
            nitems++;
        }
        i = e;
        n++;
    }
    if (i < j.len) {
        py_vstr_add(&out, (const char *)j.s + i, (size_t)(j.len - i));
    }
    py_val r = j.is_str ? py_vstr_to_str(&out) : py_vstr_to_bytes(&out);
    if (subn) {
        py_val t[2] = {r, py_int_from(n)};
        return py_tuple_new(2, t);
    }
    return r;
}

static const py_arg_spec psub_spec[] = {
    {PY_QSTR_repl, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_string, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_count, 0, PY_NULL},
};
static py_val p_sub(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("sub", n_args, n_kw, args, 1, psub_spec, 3, a);
    return do_sub((re_pattern *)args[0], a[0], a[1], a[2], false);
}
static PY_FN_OBJ_KW(p_sub_obj, sub, p_sub);
static py_val p_subn(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[3];
    py_arg_parse("subn", n_args, n_kw, args, 1, psub_spec, 3, a);
    return do_sub((re_pattern *)args[0], a[0], a[1], a[2], true);
}
static PY_FN_OBJ_KW(p_subn_obj, subn, p_subn);

static py_val do_split(re_pattern *p, py_val string, py_val maxsplit_v) {
    subj j;
    subj_get(&j, p, string);
    py_int_t maxsplit = get_count(maxsplit_v);
    py_val list = py_list_new(0, NULL);
    mod_re_state m;
    exec_init(&m, p, &j, j.len);
    int32_t last = 0, bpos = 0;
    bool adv = false;
    uint32_t ng = p->prog->ngroups;
    for (py_int_t n = 0; (maxsplit == 0 || n < maxsplit) && scan(&m, &bpos, &adv); n++) {
        py_list_append(list, subj_slice(&j, last, m.regs[0]));
        for (uint32_t g = 1; g <= ng; g++) {
            int32_t b0 = m.regs[2 * g], b1 = m.regs[2 * g + 1];
            py_list_append(list, b0 < 0 || b1 < 0 ? PY_NONE : subj_slice(&j, b0, b1));
        }
        last = m.regs[1];
    }
    py_list_append(list, subj_slice(&j, last, j.len));
    return list;
}

static const py_arg_spec psplit_spec[] = {
    {PY_QSTR_string, PY_ARG_REQUIRED, PY_NULL},
    {PY_QSTR_maxsplit, 0, PY_NULL},
};
static py_val p_split(size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[2];
    py_arg_parse("split", n_args, n_kw, args, 1, psplit_spec, 2, a);
    return do_split((re_pattern *)args[0], a[0], a[1]);
}
static PY_FN_OBJ_KW(p_split_obj, split, p_split);

// ---- Pattern ---------------------------------------------------------------------------------------
// repr(v) cut to max characters (CPython's %.200R / %.50R).
static void print_cut(const py_print *pr, py_val v, size_t max) {
    size_t len;
    const char *s = py_get_str(py_repr(v), &len);
    py_print_strn(pr, s, (size_t)(py_utf8_offset(s, len, max) - s));
}

static void pattern_print(const py_print *pr, py_val self, int kind) {
    (void)kind;
    re_pattern *p = (re_pattern *)self;
    static const char *const names[] = {"TEMPLATE", "IGNORECASE", "LOCALE",  "MULTILINE", "DOTALL",
                                        "UNICODE",  "VERBOSE",    "DEBUG",   "ASCII"};
    py_print_str(pr, "re.compile(");
    print_cut(pr, p->pattern, 200);
    int f = p->flags;
    if (!p->is_bytes && (f & (RE_F_LOCALE | RE_F_UNICODE | RE_F_ASCII)) == RE_F_UNICODE) {
        f &= ~RE_F_UNICODE;
    }
    const char *sep = ", ";
    for (int i = 0; i < 9; i++) {
        if (f & (1 << i)) {
            py_printf(pr, "%sre.%s", sep, names[i]);
            sep = "|";
            f &= ~(1 << i);
        }
    }
    if (f) {
        py_printf(pr, "%s0x%x", sep, (unsigned)f);
    }
    py_print_char(pr, ')');
}

static void pattern_attr(py_val self, qstr attr, py_val *dest) {
    re_pattern *p = (re_pattern *)self;
    if (dest[0] != PY_NULL) {
        return;
    }
    switch (attr) {
    case PY_QSTR_pattern: dest[0] = p->pattern; break;
    case PY_QSTR_flags: dest[0] = py_small(p->flags); break;
    case PY_QSTR_groups: dest[0] = py_small((py_int_t)p->prog->ngroups); break;
    case PY_QSTR_groupindex: {
        py_val d = py_dict_new(0);
        if (p->groupindex) {
            py_dict_update((py_dict *)d, p->groupindex);
        }
        dest[0] = d;
        break;
    }
    default: break;
    }
}

static py_val pattern_binary_op(int op, py_val a, py_val b) {
    if ((op != PY_OP_EQ && op != PY_OP_NE) || py_typeof(b) != &mod_re_Pattern) {
        return PY_NULL;
    }
    re_pattern *x = (re_pattern *)a, *y = (re_pattern *)b;
    bool eq = x == y || (x->flags == y->flags && x->is_bytes == y->is_bytes && py_equal(x->pattern, y->pattern));
    return py_bool(eq == (op == PY_OP_EQ));
}

static py_val pattern_unary_op(int op, py_val self) {
    if (op != PY_UOP_HASH) {
        return PY_NULL;
    }
    re_pattern *p = (re_pattern *)self;
    return py_small((py_int_t)((py_hash(p->pattern) ^ (py_uint_t)p->flags) & (PY_SMALL_MAX >> 1)));
}

static const py_dict_entry pattern_locals_table[] = {
    PY_ROM_ENTRY(match, &p_match_obj),     PY_ROM_ENTRY(fullmatch, &p_fullmatch_obj),
    PY_ROM_ENTRY(search, &p_search_obj),   PY_ROM_ENTRY(sub, &p_sub_obj),
    PY_ROM_ENTRY(subn, &p_subn_obj),       PY_ROM_ENTRY(split, &p_split_obj),
    PY_ROM_ENTRY(findall, &p_findall_obj), PY_ROM_ENTRY(finditer, &p_finditer_obj),
};
static PY_ROM_DICT(pattern_locals, pattern_locals_table);

const py_type mod_re_Pattern = {
    .base = {&py_type_type},
    .name = PY_QSTR_Pattern,
    .print = pattern_print,
    .unary_op = pattern_unary_op,
    .binary_op = pattern_binary_op,
    .attr = pattern_attr,
    .locals = (py_dict *)&pattern_locals,
    .base_type = &py_type_object,
};

// ---- Match ------------------------------------------------------------------------------------------
static uint32_t group_index(re_match *r, py_val g) {
    py_int_t i;
    if (py_index_maybe(g, &i)) {
        if (i >= 0 && i < (py_int_t)r->n) {
            return (uint32_t)i;
        }
    } else {
        py_val gi = ((re_pattern *)r->re)->groupindex;
        py_val v = gi ? py_dict_get((py_dict *)gi, g) : PY_NULL;
        if (v) {
            return (uint32_t)py_small_get(v);
        }
    }
    py_raise_msg(&py_type_IndexError, "no such group");
}

static py_val m_group(size_t n_args, const py_val *args) {
    re_match *r = (re_match *)args[0];
    subj j;
    match_subj(r, &j);
    if (n_args <= 2) {
        return group_val(r, &j, n_args == 2 ? group_index(r, args[1]) : 0, PY_NONE);
    }
    py_val t = py_tuple_new(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; i++) {
        ((py_tuple *)t)->items[i - 1] = group_val(r, &j, group_index(r, args[i]), PY_NONE);
    }
    return t;
}
static PY_FN_OBJ_VAR(m_group_obj, group, 1, PY_ARGS_MANY, m_group);

static const py_arg_spec dflt_spec[] = {{PY_QSTR_default, 0, PY_NONE}};

static py_val m_groups(size_t n_args, size_t n_kw, const py_val *args) {
    py_val d;
    py_arg_parse("groups", n_args, n_kw, args, 1, dflt_spec, 1, &d);
    re_match *r = (re_match *)args[0];
    subj j;
    match_subj(r, &j);
    py_val t = py_tuple_new(r->n - 1, NULL);
    for (uint32_t g = 1; g < r->n; g++) {
        ((py_tuple *)t)->items[g - 1] = group_val(r, &j, g, d);
    }
    return t;
}
static PY_FN_OBJ_KW(m_groups_obj, groups, m_groups);

static py_val m_groupdict(size_t n_args, size_t n_kw, const py_val *args) {
    py_val d;
    py_arg_parse("groupdict", n_args, n_kw, args, 1, dflt_spec, 1, &d);
    re_match *r = (re_match *)args[0];
    subj j;
    match_subj(r, &j);
    py_val out = py_dict_new(0);
    py_val gi = ((re_pattern *)r->re)->groupindex;
    if (gi) {
        size_t pos = 0;
        for (py_dict_entry *e; (e = py_dict_next((py_dict *)gi, &pos)) != NULL;) {
            py_dict_set((py_dict *)out, e->key, group_val(r, &j, (uint32_t)py_small_get(e->value), d));
        }
    }
    return out;
}
static PY_FN_OBJ_KW(m_groupdict_obj, groupdict, m_groupdict);

static uint32_t opt_group(re_match *r, size_t n_args, const py_val *args) {
    return n_args > 1 ? group_index(r, args[1]) : 0;
}
static py_val m_start(size_t n_args, const py_val *args) {
    re_match *r = (re_match *)args[0];
    return py_small(r->off[2 * opt_group(r, n_args, args)]);
}
static PY_FN_OBJ_VAR(m_start_obj, start, 1, 2, m_start);
static py_val m_end(size_t n_args, const py_val *args) {
    re_match *r = (re_match *)args[0];
    return py_small(r->off[2 * opt_group(r, n_args, args) + 1]);
}
static PY_FN_OBJ_VAR(m_end_obj, end, 1, 2, m_end);
static py_val span_of(re_match *r, uint32_t g) {
    py_val t[2] = {py_small(r->off[2 * g]), py_small(r->off[2 * g + 1])};
    return py_tuple_new(2, t);
}
static py_val m_span(size_t n_args, const py_val *args) {
    re_match *r = (re_match *)args[0];
    return span_of(r, opt_group(r, n_args, args));
}
static PY_FN_OBJ_VAR(m_span_obj, span, 1, 2, m_span);

static py_val m_expand(py_val self, py_val templ) {
    re_match *r = (re_match *)self;
    subj j;
    match_subj(r, &j);
    bool tstr = py_is_str(templ);
    py_val items = tmpl_compile((re_pattern *)r->re, templ, tstr);
    py_vstr out;
    py_vstr_init(&out, 16);
    if (tstr != j.is_str) {
        add_piece(&out, templ, j.is_str, 0);
    } else if (items == PY_NULL) {
        add_piece(&out, templ, j.is_str, 0);
    } else {
        tmpl_expand(&out, items, r->off + 2 * r->n, &j);
    }
    return j.is_str ? py_vstr_to_str(&out) : py_vstr_to_bytes(&out);
}
static PY_FN_OBJ_2(m_expand_obj, expand, m_expand);

static py_val match_subscr(py_val self, py_val index, py_val value) {
    if (value != PY_SENTINEL) {
        return PY_NULL;
    }
    re_match *r = (re_match *)self;
    subj j;
    match_subj(r, &j);
    return group_val(r, &j, group_index(r, index), PY_NONE);
}

static void match_attr(py_val self, qstr attr, py_val *dest) {
    re_match *r = (re_match *)self;
    if (dest[0] != PY_NULL) {
        return;
    }
    switch (attr) {
    case PY_QSTR_pos: dest[0] = py_small(r->pos); break;
    case PY_QSTR_endpos: dest[0] = py_small(r->endpos); break;
    case PY_QSTR_re: dest[0] = r->re; break;
    case PY_QSTR_string: dest[0] = r->string; break;
    case PY_QSTR_lastindex: dest[0] = r->lastindex < 0 ? PY_NONE : py_small(r->lastindex); break;
    case PY_QSTR_lastgroup: {
        dest[0] = PY_NONE;
        py_val gi = ((re_pattern *)r->re)->groupindex;
        size_t pos = 0;
        for (py_dict_entry *e; gi && r->lastindex >= 0 && (e = py_dict_next((py_dict *)gi, &pos)) != NULL;) {
            if (py_small_get(e->value) == r->lastindex) {
                dest[0] = e->key;
            }
        }
        break;
    }
    case PY_QSTR_regs: {
        py_val t = py_tuple_new(r->n, NULL);
        for (uint32_t g = 0; g < r->n; g++) {
            ((py_tuple *)t)->items[g] = span_of(r, g);
        }
        dest[0] = t;
        break;
    }
    default: break;
    }
}

static void match_print(const py_print *pr, py_val self, int kind) {
    (void)kind;
    re_match *r = (re_match *)self;
    subj j;
    match_subj(r, &j);
    py_printf(pr, "<re.Match object; span=(%d, %d), match=", (int)r->off[0], (int)r->off[1]);
    print_cut(pr, group_val(r, &j, 0, PY_NONE), 50);
    py_print_char(pr, '>');
}

static const py_dict_entry match_locals_table[] = {
    PY_ROM_ENTRY(group, &m_group_obj), PY_ROM_ENTRY(groups, &m_groups_obj),
    PY_ROM_ENTRY(groupdict, &m_groupdict_obj), PY_ROM_ENTRY(start, &m_start_obj),
    PY_ROM_ENTRY(end, &m_end_obj), PY_ROM_ENTRY(span, &m_span_obj),
    PY_ROM_ENTRY(expand, &m_expand_obj),
};
static PY_ROM_DICT(match_locals, match_locals_table);

const py_type mod_re_Match = {
    .base = {&py_type_type},
    .name = PY_QSTR_Match,
    .flags = PY_TF_EQ_ID,
    .print = match_print,
    .attr = match_attr,
    .subscr = match_subscr,
    .locals = (py_dict *)&match_locals,
    .base_type = &py_type_object,
};

// ---- module functions ----------------------------------------------------------------------------
static py_val f_compile(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_pattern, PY_ARG_REQUIRED, PY_NULL}, {PY_QSTR_flags, 0, PY_NULL}};
    py_val a[2];
    py_arg_parse("compile", n_args, n_kw, args, 0, spec, 2, a);
    return (py_val)get_pattern(a[0], a[1]);
}
static PY_FN_OBJ_KW(f_compile_obj, compile, f_compile);

// re.f(pattern, ..., flags=0): the Pattern method f of the compiled pattern (through the
// cache), called with the other arguments; flags is positional argument number nflag.
static py_val forward(const py_builtin *method, size_t nflag, size_t n_args, size_t n_kw, const py_val *args) {
    py_val a[16], pattern = n_args ? args[0] : PY_NULL, flags = n_args > nflag ? args[nflag] : PY_NULL;
    if (n_args + n_kw > nflag + 1) {
        py_raise_fmt(&py_type_TypeError, "%q() takes at most %d arguments (%d given)", method->name,
                     (int)nflag + 1, (int)(n_args + n_kw));
    }
    size_t n = n_args > nflag ? nflag : n_args, k = 0;
    py_memcpy(a, args, n * sizeof(py_val));
    for (const py_val *kw = args + n_args; kw < args + n_args + 2 * n_kw; kw += 2) {
        qstr q = py_qstr_get(kw[0]);
        if (q == PY_QSTR_flags || (q == PY_QSTR_pattern && !pattern)) {
            *(q == PY_QSTR_flags ? &flags : &pattern) = kw[1];
        } else {
            a[n + 2 * k] = kw[0];
            a[n + 2 * k++ + 1] = kw[1];
        }
    }
    if (pattern == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "%q() missing required argument 'pattern' (pos 1)", method->name);
    }
    if (n == 0) { // the pattern came by keyword: the method's arguments still start at a[1]
        memmove(a + 1, a, 2 * k * sizeof(py_val));
        n = 1;
    }
    a[0] = (py_val)get_pattern(pattern, flags);
    return py_call((py_val)method, n, k, a);
}
static py_val f_match(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_match_obj, 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_match_obj, match, f_match);
static py_val f_fullmatch(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_fullmatch_obj, 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_fullmatch_obj, fullmatch, f_fullmatch);
static py_val f_search(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_search_obj, 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_search_obj, search, f_search);
static py_val f_findall(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_findall_obj, 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_findall_obj, findall, f_findall);
static py_val f_finditer(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_finditer_obj, 2, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_finditer_obj, finditer, f_finditer);
static py_val f_sub(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_sub_obj, 4, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_sub_obj, sub, f_sub);
static py_val f_subn(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_subn_obj, 4, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_subn_obj, subn, f_subn);
static py_val f_split(size_t n_args, size_t n_kw, const py_val *args) {
    return forward(&p_split_obj, 3, n_args, n_kw, args);
}
static PY_FN_OBJ_KW(f_split_obj, split, f_split);

// re.escape: a backslash before each character of CPython's special set.
static py_val f_escape(py_val pattern) {
    bool is_str = py_is_str(pattern);
    size_t len;
    const char *s;
    if (is_str) {
        s = py_get_str(pattern, &len);
    } else if (!bytes_of(pattern, &s, &len)) {
        py_raise_fmt(&py_type_TypeError, "decoding to str: need a bytes-like object, %T found", pattern);
    }
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    py_vstr v;
    py_vstr_init(&v, len + 8);
    for (size_t i = 0; i < len; i++) {
        if (s[i] && strchr(special, s[i])) {
            py_vstr_add_char(&v, '\\');
        }
        py_vstr_add_char(&v, s[i]);
    }
    return is_str ? py_vstr_to_str(&v) : py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_1(f_escape_obj, escape, f_escape);

static py_val f_purge(void) {
    PY_S->module_roots[MOD_ROOT_RE] = PY_NULL;
    return PY_NONE;
}
static PY_FN_OBJ_0(f_purge_obj, purge, f_purge);

static const py_dict_entry re_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_re)),
    PY_ROM_ENTRY(compile, &f_compile_obj),
    PY_ROM_ENTRY(match, &f_match_obj),
    PY_ROM_ENTRY(fullmatch, &f_fullmatch_obj),
    PY_ROM_ENTRY(search, &f_search_obj),
    PY_ROM_ENTRY(sub, &f_sub_obj),
    PY_ROM_ENTRY(subn, &f_subn_obj),
    PY_ROM_ENTRY(split, &f_split_obj),
    PY_ROM_ENTRY(findall, &f_findall_obj),
    PY_ROM_ENTRY(finditer, &f_finditer_obj),
    PY_ROM_ENTRY(escape, &f_escape_obj),
    PY_ROM_ENTRY(purge, &f_purge_obj),
    PY_ROM_ENTRY(error, &mod_re_error_type),
    PY_ROM_ENTRY(Pattern, &mod_re_Pattern),
    PY_ROM_ENTRY(Match, &mod_re_Match),
    PY_ROM_ENTRY(NOFLAG, py_small_const(0)),
    PY_ROM_ENTRY(TEMPLATE, py_small_const(RE_F_TEMPLATE)),
    PY_ROM_ENTRY(T, py_small_const(RE_F_TEMPLATE)),
    PY_ROM_ENTRY(IGNORECASE, py_small_const(RE_F_IGNORECASE)),
    PY_ROM_ENTRY(I, py_small_const(RE_F_IGNORECASE)),
    PY_ROM_ENTRY(LOCALE, py_small_const(RE_F_LOCALE)),
    PY_ROM_ENTRY(L, py_small_const(RE_F_LOCALE)),
    PY_ROM_ENTRY(MULTILINE, py_small_const(RE_F_MULTILINE)),
    PY_ROM_ENTRY(M, py_small_const(RE_F_MULTILINE)),
    PY_ROM_ENTRY(DOTALL, py_small_const(RE_F_DOTALL)),
    PY_ROM_ENTRY(S, py_small_const(RE_F_DOTALL)),
    PY_ROM_ENTRY(UNICODE, py_small_const(RE_F_UNICODE)),
    PY_ROM_ENTRY(U, py_small_const(RE_F_UNICODE)),
    PY_ROM_ENTRY(VERBOSE, py_small_const(RE_F_VERBOSE)),
    PY_ROM_ENTRY(X, py_small_const(RE_F_VERBOSE)),
    PY_ROM_ENTRY(DEBUG, py_small_const(RE_F_DEBUG)),
    PY_ROM_ENTRY(ASCII, py_small_const(RE_F_ASCII)),
    PY_ROM_ENTRY(A, py_small_const(RE_F_ASCII)),
};
static PY_ROM_DICT(re_globals, re_table);

const py_module mod_re_module = {{&py_type_module}, (py_dict *)&re_globals};
