// modules/mod_re_compile.c: compiles a regular expression (CPython 3.11 syntax) into the
// program format of modules/mod_re.h, in one pass with no syntax tree: each atom is emitted as
// it is read, and a quantifier or '|' that follows inserts its header in front of the code
// already emitted (jumps are relative, so blocks move freely). Widths (min/max characters) are
// tracked on the way for look-behind checks. Errors are re.error with CPython's messages and
// positions. Nesting is bounded (RecursionError), like CPython's recursive parser.
// Non-goals: \N{name} (no Unicode name table), LOCALE semantics (treated as ASCII).
#include <string.h>

#include "modules/mod_re.h"
#include "py/objint.h"
#include "py/runtime.h"
#include "py/unicode.h"

#define END 0xffffffffu // peek() at the end of the pattern
#define MAX_NEST 400     // nested groups (CPython's recursive parser fails near 500)

typedef struct width {
    uint32_t lo, hi; // characters; hi == RE_MAXREPEAT: unbounded
} width;

typedef struct ginfo {
    width w;
    bool closed;
} ginfo;

typedef struct comp {
    const uint8_t *s;
    size_t len, i;
    py_val pattern;
    bool bytes;
    int flags;  // in effect here (scoped flags change it)
    int gflags; // the pattern's flags, with the global inline ones
    uint32_t *code;
    size_t n, cap;
    ginfo *groups; // groups[1..ngroups]
    uint32_t ngroups, gcap, nloops;
    uint32_t lb_first; // groups numbered >= this are inside the current look-behind (0: none)
    uint32_t fwd_group; // first (?(n)...) naming a group not yet opened, checked at the end
    size_t fwd_pos;
    bool lb_bad; // a look-behind with a variable width
    py_val names;      // dict name -> group number, or PY_NULL
    int depth;
} comp;

// ---- characters -------------------------------------------------------------------------------
uint32_t mod_re_lower(uint32_t c, bool uni) {
    if (c < 0x80 || !uni) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
    uint32_t out[3];
    py_unicode_case_map(c, PY_UC_MAP_LOWER, out);
    return out[0]; // U+0130's full lower case is two characters: its simple one is the first
}

uint32_t mod_re_upper(uint32_t c, bool uni) {
    if (c < 0x80 || !uni) {
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }
    uint32_t out[3];
    return py_unicode_case_map(c, PY_UC_MAP_UPPER, out) == 1 ? out[0] : c;
}

// Two characters match ignoring case when their folds are equal: the lower case of the upper
// case (which keeps characters whose upper case is several characters), plus three pairs of
// such characters that share their upper case (CPython equates them).
uint32_t mod_re_fold(uint32_t c, bool uni) {
    c = mod_re_lower(mod_re_upper(c, uni), uni);
    if (c >= 0x390) {
        static const uint16_t same[] = {0xfb05, 0xfb06, 0x1fd3, 0x390, 0x1fe3, 0x3b0};
        for (int i = 0; i < 6; i += 2) {
            c = c == same[i] ? same[i + 1] : c;
        }
    }
    return c;
}

// Has ch other characters equal to it ignoring case? (Those with a multi-character upper
// case count: 'ß' matches 'ẞ'.)
static bool cased(uint32_t ch, bool uni) {
    uint32_t out[3];
    return mod_re_lower(ch, uni) != ch || mod_re_upper(ch, uni) != ch ||
           (uni && ch >= 0x80 && py_unicode_case_map(ch, PY_UC_MAP_UPPER, out) > 1);
}

static uint32_t peek(comp *c) {
    if (c->i >= c->len) {
        return END;
    }
    if (c->bytes || c->s[c->i] < 0x80) {
        return c->s[c->i];
    }
    const char *p = (const char *)c->s + c->i;
    return py_utf8_decode(&p);
}

static uint32_t next(comp *c) {
    uint32_t ch = peek(c);
    if (ch != END) {
        c->i++;
        if (!c->bytes) {
            while (c->i < c->len && (c->s[c->i] & 0xc0) == 0x80) {
                c->i++;
            }
        }
    }
    return ch;
}

static bool match(comp *c, uint32_t ch) {
    if (peek(c) == ch) {
        next(c);
        return true;
    }
    return false;
}

static bool is_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }
static bool is_octal(uint32_t ch) { return ch >= '0' && ch <= '7'; }
static int hexval(uint32_t ch) {
    if (is_digit(ch)) {
        return (int)(ch - '0');
    }
    ch |= 0x20;
    return ch >= 'a' && ch <= 'f' ? (int)(ch - 'a' + 10) : -1;
}
static bool is_uni(comp *c) { return !c->bytes && !(c->flags & RE_F_ASCII); }

// The pattern text s[from..to) as a str (a bytes pattern reads as Latin-1, as in CPython).
static py_val text(comp *c, size_t from, size_t to) {
    if (!c->bytes) {
        return py_str_new((const char *)c->s + from, to - from);
    }
    py_vstr v;
    py_vstr_init(&v, to - from);
    for (size_t k = from; k < to; k++) {
        py_vstr_add_utf8(&v, c->s[k]);
    }
    return py_vstr_to_str(&v);
}

static _Noreturn void fail(comp *c, size_t at, const char *fmt, ...) {
    // Formats with py_vprintf's conversions (%r, %S, ...) into a str.
    py_vstr v;
    py_print p;
    py_vstr_init(&v, 48);
    py_vstr_printer(&v, &p);
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(&p, fmt, ap);
    va_end(ap);
    mod_re_error(c->pattern, (ptrdiff_t)at, "%S", py_vstr_to_str(&v));
}

// ---- emitting ------------------------------------------------------------------------------
static void reserve(comp *c, size_t k) {
    if (c->n + k > c->cap) {
        size_t cap = c->cap * 2 + k + 16;
        if (cap > (1u << 22)) {
            py_raise_msg(&py_type_OverflowError, "regular expression code size limit exceeded");
        }
        c->code = py_gc_realloc(c->code, cap * sizeof(uint32_t));
        c->cap = cap;
    }
}

static size_t emit(comp *c, uint32_t w) {
    reserve(c, 1);
    c->code[c->n] = w;
    return c->n++;
}

// Opens k words at index `at`, moving what follows (relative jumps stay valid).
static uint32_t *insert(comp *c, size_t at, size_t k) {
    reserve(c, k);
    memmove(c->code + at + k, c->code + at, (c->n - at) * sizeof(uint32_t));
    c->n += k;
    return c->code + at;
}

static uint32_t sat_add(uint32_t a, uint32_t b) {
    uint64_t s = (uint64_t)a + b;
    return s >= RE_MAXREPEAT ? RE_MAXREPEAT : (uint32_t)s;
}
static uint32_t sat_mul(uint32_t a, uint32_t b) {
    uint64_t s = (uint64_t)a * b;
    return s >= RE_MAXREPEAT ? RE_MAXREPEAT : (uint32_t)s;
}

static void emit_char(comp *c, uint32_t ch) {
    bool uni = is_uni(c);
    if ((c->flags & RE_F_IGNORECASE) && cased(ch, uni)) {
        emit(c, RE_WORD(RE_OP_CHAR_I, mod_re_fold(ch, uni) | (uni ? RE_U : 0)));
    } else {
        emit(c, RE_WORD(RE_OP_CHAR, ch));
    }
}

static uint32_t class_flags(comp *c) {
    return ((c->flags & RE_F_IGNORECASE) ? RE_CL_I : 0) | (is_uni(c) ? RE_CL_U : 0);
}

// ---- escapes ---------------------------------------------------------------------------------
enum { E_LIT, E_CAT, E_AT, E_REF };

// Parses the escape at c->i ('\' included). Returns its kind; *val is the character, the
// category, the AT kind or the group number.
static int escape(comp *c, bool in_class, uint32_t *val) {
    size_t p0 = c->i;
    next(c); // '\'
    uint32_t ch = next(c);
    if (ch == END) {
        fail(c, p0, "bad escape (end of pattern)");
    }
    static const char simple[] = "a\007f\014n\nr\rt\tv\013\\\\";
    for (const char *q = simple; *q; q += 2) {
        if (ch == (uint8_t)q[0]) {
            *val = (uint8_t)q[1];
            return E_LIT;
        }
    }
    static const char cats[] = "dDsSwW";
    const char *cp = ch < 0x80 ? strchr(cats, (int)ch) : NULL;
    if (cp && ch) {
        *val = (uint32_t)(cp - cats);
        return E_CAT;
    }
    int ndig = 0;
    switch (ch) {
    case 'b':
        *val = in_class ? 8 : RE_AT_BOUNDARY;
        return in_class ? E_LIT : E_AT;
    case 'B': case 'A': case 'Z':
        if (in_class) {
            break;
        }
        *val = ch == 'B' ? RE_AT_NON_BOUNDARY : ch == 'A' ? RE_AT_BEGIN : RE_AT_END_Z;
        return E_AT;
    case 'x': ndig = 2; break;
    case 'u': ndig = c->bytes ? 0 : 4; break;
    case 'U': ndig = c->bytes ? 0 : 8; break;
    case 'N':
        if (c->bytes) {
            break;
        }
        if (!match(c, '{')) {
            fail(c, c->i, "missing {");
        }
        {
            size_t n0 = c->i;
            while (peek(c) != '}' && peek(c) != END) {
                next(c);
            }
            if (c->i == n0) {
                fail(c, n0, "missing character name");
            }
            if (peek(c) == END) {
                fail(c, n0, "missing }, unterminated name");
            }
            py_val name = text(c, n0, c->i);
            next(c);
            fail(c, p0, "undefined character name %r", name);
        }
    default: break;
    }
    if (ndig) {
        uint32_t v = 0;
        int k = 0;
        for (; k < ndig && hexval(peek(c)) >= 0; k++) {
            v = v * 16 + (uint32_t)hexval(next(c));
        }
        if (k < ndig) {
            fail(c, p0, "incomplete escape %S", text(c, p0, c->i));
        }
        if (v > 0x10ffff) {
            fail(c, p0, "bad escape %S", text(c, p0, c->i));
        }
        *val = v;
        return E_LIT;
    }
    if (is_digit(ch)) {
        if (ch == '0' || (in_class && is_octal(ch))) {
            // octal: up to three digits in all
            uint32_t v = ch - '0';
            for (int k = 0; k < 2 && is_octal(peek(c)); k++) {
                v = v * 8 + (next(c) - '0');
            }
            if (v > 0377) {
                fail(c, p0, "octal escape value %S outside of range 0-0o377", text(c, p0, c->i));
            }
            *val = v;
            return E_LIT;
        }
        if (!in_class) {
            uint32_t g = ch - '0';
            if (is_digit(peek(c))) {
                uint32_t d2 = next(c);
                if (is_octal(ch) && is_octal(d2) && is_octal(peek(c))) {
                    uint32_t v = (ch - '0') * 64 + (d2 - '0') * 8 + (next(c) - '0');
                    if (v > 0377) {
                        fail(c, p0, "octal escape value %S outside of range 0-0o377", text(c, p0, c->i));
                    }
                    *val = v;
                    return E_LIT;
                }
                g = g * 10 + (d2 - '0');
            }
            if (g > c->ngroups) {
                fail(c, p0 + 1, "invalid group reference %u", (unsigned)g);
            }
            if (!c->groups[g].closed) {
                fail(c, p0, "cannot refer to an open group");
            }
            if (c->lb_first && g >= c->lb_first) {
                fail(c, c->i, "cannot refer to group defined in the same lookbehind subpattern");
            }
            *val = g;
            return E_REF;
        }
    }
    if (ch < 0x80 && (((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || is_digit(ch))) {
        fail(c, p0, "bad escape %S", text(c, p0, c->i));
    }
    *val = ch;
    return E_LIT;
}

// ---- character classes --------------------------------------------------------------------------
static void class_item(comp *c, int kind, uint32_t v) {
    if (kind == E_CAT) {
        emit(c, v << 2 | RE_IT_CAT);
    } else {
        if (c->flags & RE_F_IGNORECASE) {
            v = mod_re_fold(v, is_uni(c));
        }
        emit(c, v << 2 | RE_IT_CHAR);
    }
}

static void parse_class(comp *c) {
    size_t p0 = c->i;
    next(c); // '['
    uint32_t fl = class_flags(c);
    if (match(c, '^')) {
        fl |= RE_CL_NEG;
    }
    size_t hdr = emit(c, 0);
    bool first = true;
    for (;;) {
        if (peek(c) == END) {
            fail(c, p0, "unterminated character set");
        }
        size_t start = c->i;
        if (peek(c) == ']' && !first) {
            next(c);
            break;
        }
        first = false;
        uint32_t lo, hi;
        int k1 = peek(c) == '\\' ? escape(c, true, &lo) : (lo = next(c), E_LIT);
        if (peek(c) != '-') {
            class_item(c, k1, lo);
            continue;
        }
        next(c); // '-'
        if (peek(c) == END) {
            fail(c, p0, "unterminated character set");
        }
        if (peek(c) == ']') {
            class_item(c, k1, lo);
            class_item(c, E_LIT, '-');
            continue;
        }
        int k2 = peek(c) == '\\' ? escape(c, true, &hi) : (hi = next(c), E_LIT);
        if (k1 != E_LIT || k2 != E_LIT || hi < lo) {
            fail(c, start, "bad character range %S", text(c, start, c->i));
        }
        emit(c, lo << 2 | RE_IT_RANGE);
        emit(c, hi);
    }
    c->code[hdr] = RE_WORD(RE_OP_CLASS, (uint32_t)(c->n - hdr - 1) << 3 | fl);
}

// ---- groups and names ----------------------------------------------------------------------------
static bool is_identifier(comp *c, size_t from, size_t to) {
    if (from == to) {
        return false;
    }
    size_t save = c->i;
    c->i = from;
    bool ok = true;
    for (bool first = true; c->i < to && ok; first = false) {
        uint32_t ch = next(c);
        ok = (py_unicode_flags(ch) & (first ? PY_UC_XID_START : PY_UC_XID_CONT)) != 0;
    }
    c->i = save;
    return ok;
}

// Reads a group name up to `term`; returns its start. Errors as CPython's.
static size_t read_name(comp *c, uint32_t term) {
    size_t n0 = c->i;
    while (peek(c) != term && peek(c) != END) {
        next(c);
    }
    if (c->i == n0) {
        fail(c, n0, "missing group name");
    }
    if (peek(c) == END) {
        fail(c, n0, term == '>' ? "missing >, unterminated name" : "missing ), unterminated name");
    }
    return n0;
}

static uint32_t lookup_name(comp *c, size_t n0) {
    py_val name = text(c, n0, c->i);
    py_val g = c->names ? py_dict_get((py_dict *)c->names, name) : PY_NULL;
    if (g == PY_NULL) {
        fail(c, n0, "unknown group name %r", name);
    }
    return (uint32_t)py_small_get(g);
}

static void new_group(comp *c) {
    if (c->ngroups + 1 >= c->gcap) {
        c->gcap = c->gcap * 2 + 8;
        c->groups = py_gc_realloc(c->groups, c->gcap * sizeof(ginfo));
    }
    c->ngroups++;
}

// (?aiLmsux-imsx...: ...) and (?aiLmsux): returns true for a scoped group (':' consumed).
static bool parse_flags(comp *c, int *on, int *off) {
    static const char letters[] = "iLmsxau";
    static const int16_t values[] = {RE_F_IGNORECASE, RE_F_LOCALE, RE_F_MULTILINE, RE_F_DOTALL,
                                     RE_F_VERBOSE,    RE_F_ASCII,  RE_F_UNICODE};
    int *set = on;
    for (;;) {
        uint32_t ch = peek(c);
        const char *q = ch && ch < 0x80 ? strchr(letters, (int)ch) : NULL;
        if (q == NULL) {
            const char *stop = set == on ? ")-:" : ":";
            const char *missing = set == on ? "missing -, : or )" : "missing :";
            if (ch != END && ch && ch < 0x80 && strchr(stop, (int)ch)) {
                if (ch != '-') {
                    break;
                }
                next(c);
                set = off;
                ch = peek(c);
                if (ch == END || !ch || ch >= 0x80 || !strchr(letters, (int)ch)) {
                    fail(c, c->i, ch != END && (py_unicode_flags(ch) & PY_UC_ALPHA) ? "unknown flag" : "missing flag");
                }
                continue;
            }
            fail(c, c->i, ch != END && (py_unicode_flags(ch) & PY_UC_ALPHA) ? "unknown flag" : missing);
        }
        next(c);
        int f = values[q - letters];
        if (set == off && (f & (RE_F_ASCII | RE_F_UNICODE | RE_F_LOCALE))) {
            fail(c, c->i, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
        }
        if (f == RE_F_LOCALE && !c->bytes) {
            fail(c, c->i, "bad inline flags: cannot use 'L' flag with a str pattern");
        }
        if (f == RE_F_UNICODE && c->bytes) {
            fail(c, c->i, "bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        *set |= f;
        int types = *on & (RE_F_ASCII | RE_F_UNICODE | RE_F_LOCALE);
        if (types & (types - 1)) {
            fail(c, c->i, "bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        }
    }
    if (*on & *off) {
        fail(c, c->i, "bad inline flags: flag turned on and off");
    }
    return next(c) == ':';
}

static void parse_alt(comp *c, width *w, bool top);
static void parse_seq(comp *c, width *w, bool first);

// Emits ASSERT kind [width] <body> ASSERT_END around code[at..n).
static void wrap_assert(comp *c, size_t at, int kind, uint32_t wid) {
    uint32_t *h = insert(c, at, 2);
    h[1] = wid;
    emit(c, RE_WORD(RE_OP_ASSERT_END, 0));
    c->code[at] = RE_WORD(RE_OP_ASSERT, (uint32_t)kind | (uint32_t)(c->n - at) << 4);
}

// The part of a group after '(' (p0 is the position of the '('). Returns false for a
// construct that emits nothing (comments, global flags).
static bool parse_group(comp *c, size_t p0, width *w, bool first_item) {
    size_t at = c->n;
    int saved_flags = c->flags;
    int kind = -1;    // ASSERT kind, or -1
    uint32_t g = 0;   // capturing group number
    size_t name0 = 0; // start of a new group's name
    if (match(c, '?')) {
        uint32_t ch = next(c);
        switch (ch) {
        case END: fail(c, c->i, "unexpected end of pattern");
        case ':': break;
        case '=': kind = RE_AS_AHEAD; break;
        case '!': kind = RE_AS_NOT_AHEAD; break;
        case '>': kind = RE_AS_ATOMIC; break;
        case '#':
            while (peek(c) != ')') {
                if (next(c) == END) {
                    fail(c, p0, "missing ), unterminated comment");
                }
            }
            next(c);
            return false;
        case '<':
            ch = next(c);
            if (ch == END) {
                fail(c, c->i, "unexpected end of pattern");
            }
            if (ch != '=' && ch != '!') {
                fail(c, p0 + 1, "unknown extension ?<%S", text(c, p0 + 3, c->i));
            }
            kind = ch == '=' ? RE_AS_BEHIND : RE_AS_NOT_BEHIND;
            break;
        case 'P':
            ch = next(c);
            if (ch == END) {
                fail(c, c->i, "unexpected end of pattern");
            }
            if (ch == '<') {
                name0 = read_name(c, '>');
                if (!is_identifier(c, name0, c->i)) {
                    fail(c, name0, "bad character in group name %r", text(c, name0, c->i));
                }
                break;
            }
            if (ch == '=') {
                size_t n0 = read_name(c, ')');
                if (!is_identifier(c, n0, c->i)) {
                    fail(c, n0, "bad character in group name %r", text(c, n0, c->i));
                }
                g = lookup_name(c, n0);
                if (!c->groups[g].closed) {
                    fail(c, n0, "cannot refer to an open group");
                }
                next(c); // ')'
                if (c->lb_first && g >= c->lb_first) {
                    fail(c, c->i, "cannot refer to group defined in the same lookbehind subpattern");
                }
                bool uni = is_uni(c);
                emit(c, RE_WORD(RE_OP_BACKREF, g | ((c->flags & RE_F_IGNORECASE) ? RE_I : 0) | (uni ? RE_U : 0)));
                *w = c->groups[g].w;
                return true;
            }
            fail(c, p0 + 1, "unknown extension ?P%S", text(c, p0 + 3, c->i));
        case '(': {
            size_t n0 = read_name(c, ')');
            if (is_identifier(c, n0, c->i)) {
                g = lookup_name(c, n0);
            } else {
                uint64_t v = 0;
                for (size_t k = n0; k < c->i; k++) {
                    if (!is_digit(c->s[k])) {
                        fail(c, n0, "bad character in group name %r", text(c, n0, c->i));
                    }
                    v = v * 10 + (c->s[k] - '0');
                    if (v > 0x3fffffff) {
                        fail(c, n0, "invalid group reference %S", text(c, n0, c->i));
                    }
                }
                if (v == 0) {
                    fail(c, n0, "bad group number");
                }
                g = (uint32_t)v;
                if (g > c->ngroups && c->fwd_group == 0) {
                    c->fwd_group = g; // checked once the whole pattern is read
                    c->fwd_pos = n0;
                }
            }
            next(c); // ')'
            if (c->lb_first && (g > c->ngroups || !c->groups[g].closed)) {
                fail(c, c->i, "cannot refer to an open group");
            }
            if (c->lb_first && g >= c->lb_first) {
                fail(c, c->i, "cannot refer to group defined in the same lookbehind subpattern");
            }
            // EXISTS g [d] yes [JMP end] no
            size_t e = emit(c, RE_WORD(RE_OP_EXISTS, g));
            emit(c, 0);
            width wy, wn = {0, 0};
            py_stack_check(); // a board's C stack may not hold MAX_NEST levels
            if (++c->depth > MAX_NEST) {
                py_raise_msg(&py_type_RecursionError, "maximum recursion depth exceeded");
            }
            parse_seq(c, &wy, false);
            if (match(c, '|')) {
                size_t j = emit(c, RE_WORD(RE_OP_JMP, 0));
                c->code[e + 1] = (uint32_t)(c->n - e);
                parse_seq(c, &wn, false);
                if (peek(c) == '|') {
                    fail(c, c->i, "conditional backref with more than two branches");
                }
                c->code[j] = RE_WORD(RE_OP_JMP, (uint32_t)(c->n - j));
            } else {
                c->code[e + 1] = (uint32_t)(c->n - e);
            }
            c->depth--;
            if (!match(c, ')')) {
                fail(c, p0, "missing ), unterminated subpattern");
            }
            w->lo = wy.lo < wn.lo ? wy.lo : wn.lo;
            w->hi = wy.hi > wn.hi ? wy.hi : wn.hi;
            return true;
        }
        default:
            if (ch < 0x80 && (ch == '-' || strchr("iLmsxau", (int)ch))) {
                c->i--;
                int on = 0, off = 0;
                if (!parse_flags(c, &on, &off)) {
                    // global flags: only at the very start of the pattern
                    if (!first_item) {
                        fail(c, p0, "global flags not at the start of the expression");
                    }
                    c->flags |= on;
                    c->gflags |= on;
                    return false;
                }
                if (on & (RE_F_ASCII | RE_F_UNICODE | RE_F_LOCALE)) {
                    c->flags &= ~(RE_F_ASCII | RE_F_UNICODE | RE_F_LOCALE);
                }
                c->flags = (c->flags | on) & ~off;
                break;
            }
            fail(c, p0 + 1, "unknown extension ?%S", text(c, p0 + 2, c->i));
        }
    } else {
        // plain capturing group
        g = 1;
    }
    if (g || name0) {
        new_group(c);
        g = c->ngroups;
        c->groups[g].closed = false;
        if (name0) {
            if (c->names == PY_NULL) {
                c->names = py_dict_new(1);
            }
            py_val name = text(c, name0, c->i);
            py_val old = py_dict_get((py_dict *)c->names, name);
            if (old) {
                fail(c, name0, "redefinition of group name %r as group %u; was group %d", name, (unsigned)g,
                     (int)py_small_get(old));
            }
            py_dict_set((py_dict *)c->names, name, py_small(g));
            next(c); // '>'
        }
        emit(c, RE_WORD(RE_OP_SAVE, 2 * g));
    }
    uint32_t lb_saved = c->lb_first;
    if ((kind == RE_AS_BEHIND || kind == RE_AS_NOT_BEHIND) && !c->lb_first) {
        c->lb_first = c->ngroups + 1;
    }
    py_stack_check(); // the C stack may be smaller than MAX_NEST levels need (a board)
    if (++c->depth > MAX_NEST) {
        py_raise_msg(&py_type_RecursionError, "maximum recursion depth exceeded");
    }
    parse_alt(c, w, false);
    c->depth--;
    c->lb_first = lb_saved;
    c->flags = saved_flags;
    if (!match(c, ')')) {
        fail(c, p0, "missing ), unterminated subpattern");
    }
    if (g) {
        emit(c, RE_WORD(RE_OP_SAVE, 2 * g + 1));
        c->groups[g].closed = true;
        c->groups[g].w = *w;
    }
    if (kind >= 0) {
        uint32_t wid = 0;
        if (kind == RE_AS_BEHIND || kind == RE_AS_NOT_BEHIND) {
            c->lb_bad |= w->lo != w->hi; // reported once the whole pattern is read, as CPython

            wid = w->lo;
        }
        wrap_assert(c, at, kind, wid);
        if (kind != RE_AS_ATOMIC) {
            w->lo = w->hi = 0;
        }
    }
    return true;
}

// ---- sequences and repeats ------------------------------------------------------------------------
static bool single_char(comp *c, size_t at) {
    uint32_t w = c->code[at];
    switch (w & 0xff) {
    case RE_OP_CHAR: case RE_OP_CHAR_I: case RE_OP_ANY: case RE_OP_ANY_ALL: return c->n == at + 1;
    case RE_OP_CLASS: return c->n == at + 1 + (RE_ARG(w) >> 3);
    default: return false;
    }
}

static void repeat(comp *c, size_t at, uint32_t lo, uint32_t hi, int mode) {
    size_t len = c->n - at;
    if (len == 0) {
        return; // an empty group: repeating nothing is nothing
    }
    if (hi == 0) {
        c->n = at; // x{0}: nothing (its groups stay numbered, never matched)
        return;
    }
    if (lo == 1 && hi == 1) {
        if (mode == RE_POSSESSIVE) {
            wrap_assert(c, at, RE_AS_ATOMIC, 0);
        }
        return;
    }
    if (single_char(c, at)) {
        uint32_t *h = insert(c, at, 3);
        h[0] = RE_WORD(RE_OP_REPEAT1, mode);
        h[1] = lo;
        h[2] = hi;
        return;
    }
    if (lo == 0 && hi == 1) {
        insert(c, at, 1)[0] = RE_WORD(mode == RE_LAZY ? RE_OP_PREFER : RE_OP_BRANCH, len + 1);
    } else {
        uint32_t r = c->nloops++;
        uint32_t *h = insert(c, at, 5);
        h[0] = RE_WORD(RE_OP_LOOP_INIT, r);
        h[1] = RE_WORD(RE_OP_LOOP, r | (uint32_t)(mode == RE_LAZY) << 16);
        h[2] = lo;
        h[3] = hi;
        size_t end = emit(c, 0);
        c->code[end] = RE_WORD(RE_OP_LOOP_END, (uint32_t)(at + 1 - end) & 0xffffff);
        c->code[at + 4] = (uint32_t)(c->n - (at + 1));
    }
    if (mode == RE_POSSESSIVE) {
        wrap_assert(c, at, RE_AS_ATOMIC, 0);
    }
}

// Reads {m,n} after '{' at p0; returns false (nothing consumed) if it is a literal '{'.
static bool read_braces(comp *c, uint32_t *lo, uint32_t *hi) {
    size_t here = c->i;
    uint64_t v[2] = {0, RE_MAXREPEAT};
    bool got[2] = {false, false};
    int k = 0;
    for (;;) {
        uint32_t ch = peek(c);
        if (is_digit(ch)) {
            next(c);
            v[k] = (got[k] ? v[k] : 0) * 10 + (ch - '0');
            if (v[k] > RE_MAXREPEAT) {
                v[k] = RE_MAXREPEAT;
            }
            got[k] = true;
        } else if (ch == ',' && k == 0) {
            next(c);
            k = 1;
        } else {
            break;
        }
    }
    if ((k == 0 && !got[0]) || !match(c, '}')) {
        c->i = here;
        return false;
    }
    if (k == 0) {
        v[1] = v[0];
    }
    if (!got[0]) {
        v[0] = 0;
    }
    if (v[0] >= RE_MAXREPEAT || (got[1] || k == 0 ? v[1] >= RE_MAXREPEAT : false)) {
        py_raise_msg(&py_type_OverflowError, "the repetition number is too large");
    }
    if (v[1] < v[0]) {
        fail(c, here, "min repeat greater than max repeat");
    }
    *lo = (uint32_t)v[0];
    *hi = (uint32_t)v[1];
    return true;
}

enum { L_NONE, L_AT, L_REPEAT, L_ITEM };

static void parse_seq(comp *c, width *w, bool first) {
    w->lo = w->hi = 0;
    size_t last = 0;
    int last_kind = L_NONE;
    width lw = {0, 0}, wb = {0, 0}; // the last item's width, the sequence's before it
    bool items = false;
    for (;;) {
        uint32_t ch = peek(c);
        if (ch == END || ch == '|' || ch == ')') {
            break;
        }
        size_t p0 = c->i;
        if ((c->flags & RE_F_VERBOSE) && ch < 0x80 && (strchr(" \t\n\r\v\f", (int)ch) || ch == '#')) {
            next(c);
            if (ch == '#') {
                while (peek(c) != END && next(c) != '\n') {
                }
            }
            continue;
        }
        uint32_t lo = ch == '+', hi = ch == '?' ? 1 : RE_MAXREPEAT;
        bool quant = ch == '*' || ch == '+' || ch == '?';
        if (ch == '{') {
            next(c);
            quant = read_braces(c, &lo, &hi);
            c->i = quant ? c->i : p0; // not a repeat: a literal '{'
        } else if (quant) {
            next(c);
        }
        if (quant) {
            if (last_kind == L_NONE || last_kind == L_AT) {
                fail(c, p0, "nothing to repeat");
            }
            if (last_kind == L_REPEAT) {
                fail(c, p0, "multiple repeat");
            }
            int mode = match(c, '?') ? RE_LAZY : match(c, '+') ? RE_POSSESSIVE : RE_GREEDY;
            // the repeated item's width replaces the one counted for the item alone
            w->lo = sat_add(wb.lo, sat_mul(lw.lo, lo));
            w->hi = sat_add(wb.hi, hi == RE_MAXREPEAT && lw.hi ? RE_MAXREPEAT : sat_mul(lw.hi, hi));
            repeat(c, last, lo, hi, mode);
            last_kind = L_REPEAT;
            continue;
        }
        size_t at = c->n;
        int kind = L_ITEM;
        width iw = {1, 1};
        uint32_t v;
        switch (ch) {
        case '[':
            parse_class(c);
            break;
        case '.':
            next(c);
            emit(c, RE_WORD((c->flags & RE_F_DOTALL) ? RE_OP_ANY_ALL : RE_OP_ANY, 0));
            break;
        case '^':
        case '$':
            next(c);
            emit(c, RE_WORD(RE_OP_AT, ch == '^' ? ((c->flags & RE_F_MULTILINE) ? RE_AT_BOL : RE_AT_BEGIN)
                                                : ((c->flags & RE_F_MULTILINE) ? RE_AT_EOL : RE_AT_END)));
            kind = L_AT;
            iw.lo = iw.hi = 0;
            break;
        case '(':
            next(c);
            if (!parse_group(c, p0, &iw, first && !items)) {
                continue;
            }
            break;
        case '\\':
            switch (escape(c, false, &v)) {
            case E_LIT: emit_char(c, v); break;
            case E_CAT:
                emit(c, RE_WORD(RE_OP_CLASS, 1u << 3 | class_flags(c)));
                emit(c, v << 2 | RE_IT_CAT);
                break;
            case E_AT:
                emit(c, RE_WORD(RE_OP_AT, v | ((v >= RE_AT_BOUNDARY && is_uni(c)) ? RE_U : 0)));
                kind = L_AT;
                iw.lo = iw.hi = 0;
                break;
            default: // E_REF
                emit(c, RE_WORD(RE_OP_BACKREF, v | ((c->flags & RE_F_IGNORECASE) ? RE_I : 0) | (is_uni(c) ? RE_U : 0)));
                iw = c->groups[v].w;
                break;
            }
            break;
        default:
            next(c);
            emit_char(c, ch);
            break;
        }
        last = at;
        last_kind = kind;
        lw = iw;
        wb = *w;
        items = true;
        w->lo = sat_add(w->lo, iw.lo);
        w->hi = sat_add(w->hi, iw.hi);
    }
}

static void parse_alt(comp *c, width *w, bool top) {
    size_t start = c->n;
    size_t jumps = 0; // chain of JMPs to patch: each holds the index of the previous + 1
    bool first = true;
    for (;;) {
        size_t alt = c->n;
        width aw;
        parse_seq(c, &aw, top && first);
        if (first) {
            *w = aw;
        } else {
            w->lo = aw.lo < w->lo ? aw.lo : w->lo;
            w->hi = aw.hi > w->hi ? aw.hi : w->hi;
        }
        first = false;
        if (!match(c, '|')) {
            break;
        }
        insert(c, alt, 1);
        c->code[alt] = RE_WORD(RE_OP_BRANCH, c->n + 1 - alt);
        emit(c, (uint32_t)jumps);
        jumps = c->n;
    }
    while (jumps) {
        size_t j = jumps - 1;
        jumps = c->code[j];
        c->code[j] = RE_WORD(RE_OP_JMP, (uint32_t)(c->n - j));
    }
    // Alternatives of one character each (BRANCH CHAR JMP ... CHAR) become a set: a|b|c is
    // [abc], so (?:a|b)* repeats one instruction instead of a loop (as CPython does).
    size_t k = c->n - start;
    if (k >= 4 && k % 3 == 1) {
        uint32_t op = c->code[start + 1] & 0xff, flags = RE_ARG(c->code[start + 1]) & RE_U;
        for (size_t i = start; i < c->n; i += 3) {
            uint32_t x = c->code[i + (i + 1 < c->n)];
            if ((x & 0xff) != op || (op != RE_OP_CHAR && op != RE_OP_CHAR_I) || (RE_ARG(x) & RE_U) != flags ||
                (i + 1 < c->n && (c->code[i] & 0xff) != RE_OP_BRANCH)) {
                return;
            }
        }
        size_t n = (k + 2) / 3;
        for (size_t i = 0; i < n; i++) { // items in place of the code they come from
            c->code[start + 1 + i] = (RE_ARG(c->code[start + 3 * i + (i + 1 < n)]) & ~RE_U) << 2 | RE_IT_CHAR;
        }
        c->code[start] = RE_WORD(RE_OP_CLASS, (uint32_t)n << 3 | (op == RE_OP_CHAR_I ? RE_CL_I : 0) | (flags ? RE_CL_U : 0));
        c->n = start + 1 + n;
    }
}

mod_re_prog *mod_re_compile(py_val pattern, const char *s, size_t len, bool is_bytes, int *flags,
                            py_val *groupindex) {
    comp c;
    memset(&c, 0, sizeof(c));
    c.s = (const uint8_t *)s;
    c.len = len;
    c.pattern = pattern;
    c.bytes = is_bytes;
    c.flags = c.gflags = *flags;
    new_group(&c); // groups[0]: unused (group 0 is the whole match)
    c.ngroups = 0;
    width w;
    parse_alt(&c, &w, true);
    if (peek(&c) == ')') {
        fail(&c, c.i, "unbalanced parenthesis");
    }
    if (c.fwd_group > c.ngroups) {
        fail(&c, c.fwd_pos, "invalid group reference %u", (unsigned)c.fwd_group);
    }
    if (c.lb_bad) {
        mod_re_error(pattern, -1, "look-behind requires fixed-width pattern");
    }
    int f = c.gflags;
    if (is_bytes) {
        if (f & RE_F_UNICODE) {
            py_raise_msg(&py_type_ValueError, "cannot use UNICODE flag with a bytes pattern");
        }
        if ((f & RE_F_LOCALE) && (f & RE_F_ASCII)) {
            py_raise_msg(&py_type_ValueError, "ASCII and LOCALE flags are incompatible");
        }
    } else {
        if (f & RE_F_LOCALE) {
            py_raise_msg(&py_type_ValueError, "cannot use LOCALE flag with a str pattern");
        }
        if (!(f & RE_F_ASCII)) {
            f |= RE_F_UNICODE;
        } else if (f & RE_F_UNICODE) {
            py_raise_msg(&py_type_ValueError, "ASCII and UNICODE flags are incompatible");
        }
    }
    *flags = f;
    emit(&c, RE_WORD(RE_OP_MATCH, 0));
    mod_re_prog *p = py_gc_alloc(sizeof(mod_re_prog) + c.n * sizeof(uint32_t), PY_GC_LEAF);
    memcpy(p->code, c.code, c.n * sizeof(uint32_t));
    p->ncode = (uint32_t)c.n;
    p->ngroups = c.ngroups;
    p->nloops = c.nloops;
    p->first = -1;
    // Search hints: skip the group-0-free SAVEs in front and look at the first instruction.
    const uint32_t *ip = p->code;
    while ((*ip & 0xff) == RE_OP_SAVE) {
        ip++;
    }
    if ((*ip & 0xff) == RE_OP_CHAR && RE_ARG(*ip) < (is_bytes ? 0x100u : 0x80u)) {
        p->first = (int32_t)RE_ARG(*ip);
    } else if (*ip == RE_WORD(RE_OP_AT, RE_AT_BEGIN)) {
        p->anchored = true;
    }
    *groupindex = c.names;
    return p;
}
