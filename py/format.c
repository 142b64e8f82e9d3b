// py/format.c: the format-spec mini-language (contract in py/format.h).
// Parsing follows CPython's parse_internal_render_format_spec step by step; numbers are laid
// out as its calc_number_widths does: [lpad][sign][prefix][spad][grouped digits][.][rest][rpad],
// at most one padding non-empty, and with '0'-fill '=' alignment the zeros join the digits and
// are grouped too. Output is streamed through small staging buffers, so a 10,000-character
// width or an 800-digit float needs no memory. Error texts are CPython 3.11's.
#include "py/format.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "py/dtoa.h"

// ---------------------------------------------------------------------------------------------
// Output helpers.

// Writes `n` copies of the spec's fill code point (a space if a hand-made spec has none).
static void put_fill(const py_print *p, const py_fmt_spec *spec, size_t n) {
    if (n == 0) return;
    const char *fill = spec->fill_len ? spec->fill : " ";
    size_t len = spec->fill_len ? spec->fill_len : 1;
    char buf[64];
    size_t per = sizeof buf / len, m = n < per ? n : per;
    for (size_t k = 0; k < m; k++)
        memcpy(buf + k * len, fill, len);
    while (n > 0) {
        m = n < per ? n : per;
        py_print_strn(p, buf, m * len);
        n -= m;
    }
}

// A printer that inserts a separator every `group` characters of a run of `total` digits,
// counting from the right, and uppercases hex digits if asked: numbers pass through it.
typedef struct grouper {
    const py_print *p;
    size_t total, pos;
    size_t group; // 0: no grouping
    char sep;
    bool upper;
    size_t n;
    char buf[64];
} grouper;

static void grouper_flush(grouper *g) {
    if (g->n) py_print_strn(g->p, g->buf, g->n);
    g->n = 0;
}

static void grouper_write(void *ctx, const char *s, size_t n) {
    grouper *g = ctx;
    for (size_t i = 0; i < n; i++) {
        if (g->n + 2 > sizeof g->buf) grouper_flush(g);
        if (g->group && g->pos > 0 && (g->total - g->pos) % g->group == 0) g->buf[g->n++] = g->sep;
        char c = s[i];
        if (g->upper && c >= 'a' && c <= 'f') c = (char)(c - 'a' + 'A');
        g->buf[g->n++] = c;
        g->pos++;
    }
}

static void grouper_zeros(grouper *g, size_t n) {
    static const char zeros[16] = "0000000000000000";
    while (n > 0) {
        size_t m = n < sizeof zeros ? n : sizeof zeros;
        grouper_write(g, zeros, m);
        n -= m;
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing.

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
}

// Length of the UTF-8 sequence starting with byte c (1 for anything malformed).
static size_t utf8_len(unsigned char c) {
    return c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

static size_t count_code_points(const char *s, size_t len) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xc0) != 0x80;
    return n;
}

// Reads decimal digits at *pos into *out; returns how many, or -1 past INT_MAX.
static int get_integer(const char *s, size_t len, size_t *pos, int *out) {
    int acc = 0, count = 0;
    for (; *pos < len && s[*pos] >= '0' && s[*pos] <= '9'; ++*pos, count++) {
        int d = s[*pos] - '0';
        if (acc > (INT_MAX - d) / 10) return -1;
        acc = acc * 10 + d;
    }
    *out = acc;
    return count;
}

const char *py_format_parse(const char *s, size_t len, py_fmt_spec *spec) {
    static const char too_many[] = "Too many decimal digits in format string";
    memset(spec, 0, sizeof *spec);
    spec->fill[0] = ' ';
    spec->fill_len = 1;
    spec->width = -1;
    spec->prec = -1;

    size_t pos = 0, cl = len ? utf8_len((unsigned char)s[0]) : 0;
    bool fill_given = false;
    if (len > cl && is_align(s[cl])) {
        // The second code point is an alignment, so the first is the fill.
        memcpy(spec->fill, s, cl);
        spec->fill_len = (unsigned char)cl;
        spec->align = s[cl];
        fill_given = true;
        pos = cl + 1;
    } else if (len > 0 && is_align(s[0])) {
        spec->align = s[0];
        pos = 1;
    }
    if (pos < len && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) spec->sign = s[pos++];
    if (pos < len && s[pos] == 'z') {
        spec->no_neg_zero = true;
        pos++;
    }
    if (pos < len && s[pos] == '#') {
        spec->alt = true;
        pos++;
    }
    if (!fill_given && pos < len && s[pos] == '0') {
        spec->fill[0] = '0';
        spec->fill_len = 1;
        spec->zero = true;
        pos++;
    }
    int n = get_integer(s, len, &pos, &spec->width);
    if (n < 0) return too_many;
    if (n == 0) spec->width = -1;
    if (pos < len && s[pos] == ',') {
        spec->grouping = ',';
        pos++;
    }
    if (pos < len && s[pos] == '_') {
        if (spec->grouping) return "Cannot specify both ',' and '_'.";
        spec->grouping = '_';
        pos++;
    }
    if (pos < len && s[pos] == ',' && spec->grouping == '_') {
        return "Cannot specify both ',' and '_'.";
    }
    if (pos < len && s[pos] == '.') {
        pos++;
        n = get_integer(s, len, &pos, &spec->prec);
        if (n < 0) return too_many;
        if (n == 0) return "Format specifier missing precision";
    }
    size_t left = count_code_points(s + pos, len - pos);
    if (left > 1) return PY_FMT_ERR_INVALID;
    if (left == 1) {
        unsigned char c = (unsigned char)s[pos];
        // NUL is kept as "no type" (CPython treats an explicit NUL so only for floats).
        spec->type = c > 32 && c < 127 ? (char)c : c == 0 ? 0 : PY_FMT_TYPE_OTHER;
    }
    if (spec->grouping) {
        switch (spec->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0: break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (spec->grouping == '_') break; // PEP 515: every four digits
            // fall through
        default:
            return spec->grouping == ',' ? "Cannot specify ',' with '%C'."
                                         : "Cannot specify '_' with '%C'.";
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------------------------
// Numbers.

// The shape of a number to lay out, with a callback that writes its digits and rest.
typedef struct number {
    char sign;          // 0 or the sign character
    const char *prefix; // "0x" etc., or ""
    size_t ndigits;     // integer digits, which get grouped and zero-padded
    bool point;
    size_t rest; // code points after the point (fraction, exponent, '%', a 'c' char)
    void (*write)(const struct number *num, grouper *digits, const py_print *rest);
    // for the writers
    const char *text;
    size_t text_len;
    const py_dtoa_body *body;
} number;

// How many zeros CPython's _PyUnicode_InsertThousandsGrouping puts before n >= 1 digits so
// that they reach min_width, with a 1-wide separator every `group` (0: none) characters. Its
// loop fills whole groups and shortens only the leftmost, so the answer is the least total
// t >= n with t + ceil(t / group) - 1 >= min_width (checked equal to the loop exhaustively for
// small sizes); closed form, so a huge width costs nothing here.
static size_t leading_zeros(size_t n, int64_t min_width, size_t group) {
    uint64_t w = min_width > 0 ? (uint64_t)min_width : 0, t;
    if (!group) return w > n ? (size_t)(w - n) : 0;
    t = (w + 1) * group / (group + 1); // within 2 of the answer
    t = t > 2 ? t - 2 : 0;
    if (t < n) t = n;
    while (t + (t + group - 1) / group - 1 < w)
        t++;
    return (size_t)(t - n);
}

static void format_number(const py_print *p, const number *num, const py_fmt_spec *spec,
                          size_t group, char sep, bool upper) {
    char align = spec->align ? spec->align : spec->zero ? '=' : '>';
    size_t prefix_len = strlen(num->prefix);
    size_t fixed = (num->sign != 0) + prefix_len + num->point + num->rest;
    bool zero_fill = align == '=' && spec->fill_len == 1 && spec->fill[0] == '0';
    size_t zeros = 0, grouped = 0;
    if (num->ndigits > 0) {
        int64_t min_width = zero_fill ? (int64_t)spec->width - (int64_t)fixed : 0;
        zeros = leading_zeros(num->ndigits, min_width, group);
        size_t total = zeros + num->ndigits;
        grouped = total + (group ? (total - 1) / group : 0);
    }
    size_t used = fixed + grouped, lpad = 0, spad = 0, rpad = 0;
    if (spec->width > 0 && (size_t)spec->width > used) {
        size_t pad = (size_t)spec->width - used;
        switch (align) {
        case '<': rpad = pad; break;
        case '^':
            lpad = pad / 2;
            rpad = pad - lpad;
            break;
        case '=': spad = pad; break;
        default: lpad = pad; break;
        }
    }
    put_fill(p, spec, lpad);
    if (num->sign) py_print_strn(p, &num->sign, 1);
    py_print_strn(p, num->prefix, prefix_len);
    put_fill(p, spec, spad);
    grouper g;
    g.p = p;
    g.total = zeros + num->ndigits;
    g.pos = 0;
    g.group = group;
    g.sep = sep;
    g.upper = upper;
    g.n = 0;
    grouper_zeros(&g, zeros);
    num->write(num, &g, p);
    put_fill(p, spec, rpad);
}

static char sign_char(bool neg, const py_fmt_spec *spec) {
    if (neg) return '-';
    return spec->sign == '+' || spec->sign == ' ' ? spec->sign : 0;
}

static void write_int(const number *num, grouper *g, const py_print *rest) {
    grouper_write(g, num->text, num->ndigits);
    grouper_flush(g);
    py_print_strn(rest, num->text + num->ndigits, num->text_len - num->ndigits);
}

const char *py_format_int(const py_print *p, bool neg, const char *digits, size_t ndigits, int base,
                          const py_fmt_spec *spec) {
    number num;
    memset(&num, 0, sizeof num);
    num.prefix = "";
    num.write = write_int;
    num.text = digits;
    num.text_len = ndigits;
    switch (spec->type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
    case 0: break;
    default: return PY_FMT_ERR_UNKNOWN;
    }
    if (spec->prec >= 0) return "Precision not allowed in integer format specifier";
    if (spec->no_neg_zero) {
        return "Negative zero coercion (z) not allowed in integer format specifier";
    }
    size_t group = spec->grouping == ',' ? 3 : 0;
    if (spec->type == 'c') {
        if (spec->sign) return "Sign not allowed with integer format specifier 'c'";
        if (spec->alt) return "Alternate form (#) not allowed with integer format specifier 'c'";
        num.rest = count_code_points(digits, ndigits); // the character is all "rest"
        num.ndigits = 0;
        format_number(p, &num, spec, 0, 0, false);
        return NULL;
    }
    if (spec->grouping == '_') group = base == 10 ? 3 : 4;
    if (spec->alt) {
        num.prefix = base == 2 ? "0b" : base == 8 ? "0o" : base == 16 ? "0x" : "";
        if (spec->type == 'X') num.prefix = "0X";
    }
    num.sign = sign_char(neg, spec);
    num.ndigits = ndigits;
    format_number(p, &num, spec, group, spec->grouping, spec->type == 'X');
    return NULL;
}

// py_dtoa_body_write sends all integer digits to its first printer before anything goes to
// the second; the grouper buffers, so it must be flushed when the rest starts.
typedef struct after_digits {
    grouper *g;
    const py_print *p;
} after_digits;

static void after_digits_write(void *ctx, const char *s, size_t n) {
    after_digits *a = ctx;
    grouper_flush(a->g);
    py_print_strn(a->p, s, n);
}

static void write_float(const number *num, grouper *g, const py_print *rest) {
    after_digits a = {g, rest};
    py_print gp = {grouper_write, g}, rp = {after_digits_write, &a};
    py_dtoa_body_write(num->body, &gp, &rp);
    grouper_flush(g);
}

const char *py_format_float(const py_print *p, double d, const py_fmt_spec *spec) {
    switch (spec->type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%': break;
    default: return PY_FMT_ERR_UNKNOWN;
    }
    int flags = (spec->alt ? PY_DTOA_ALT : 0) | (spec->no_neg_zero ? PY_DTOA_NO_NEG_0 : 0);
    py_dtoa_body body;
    py_dtoa_body_init(&body, d, spec->type, spec->prec, flags);
    number num;
    memset(&num, 0, sizeof num);
    num.prefix = "";
    num.sign = sign_char(body.neg, spec);
    num.ndigits = body.int_len;
    num.point = body.point;
    num.rest = body.rest_len;
    num.body = &body;
    num.write = write_float;
    size_t group = spec->grouping ? 3 : 0;
    format_number(p, &num, spec, group, spec->grouping, false);
    return NULL;
}

// ---------------------------------------------------------------------------------------------
// Strings.

const char *py_format_str(const py_print *p, const char *s, size_t nbytes, size_t nchars,
                          const py_fmt_spec *spec) {
    if (spec->grouping && (spec->type == 0 || spec->type == 's')) {
        // CPython's parser sees the default type 's' here and rejects the grouping.
        return spec->grouping == ',' ? "Cannot specify ',' with 's'."
                                     : "Cannot specify '_' with 's'.";
    }
    if (spec->type != 0 && spec->type != 's') return PY_FMT_ERR_UNKNOWN;
    if (spec->sign == ' ') return "Space not allowed in string format specifier";
    if (spec->sign) return "Sign not allowed in string format specifier";
    if (spec->no_neg_zero) {
        return "Negative zero coercion (z) not allowed in string format specifier";
    }
    if (spec->alt) return "Alternate form (#) not allowed in string format specifier";
    if (spec->align == '=') return "'=' alignment not allowed in string format specifier";
    if (spec->prec >= 0 && (size_t)spec->prec < nchars) {
        // Keep the first prec code points.
        size_t i = 0, k = 0;
        for (; i < nbytes; i++) {
            if (((unsigned char)s[i] & 0xc0) != 0x80 && k++ == (size_t)spec->prec) break;
        }
        nbytes = i;
        nchars = (size_t)spec->prec;
    }
    size_t pad = spec->width > 0 && (size_t)spec->width > nchars ? (size_t)spec->width - nchars : 0;
    size_t left = spec->align == '>' ? pad : spec->align == '^' ? pad / 2 : 0;
    put_fill(p, spec, left);
    py_print_strn(p, s, nbytes);
    put_fill(p, spec, pad - left);
    return NULL;
}

// ---------------------------------------------------------------------------------------------
// Error texts.

void py_format_errmsg(const py_print *p, const char *err, const char *s, size_t len,
                      const char *type_name) {
    const char *run = err;
    for (const char *e = err; *e; e++) {
        if (e[0] != '%' || (e[1] != 'S' && e[1] != 'T' && e[1] != 'C')) continue;
        py_print_strn(p, run, (size_t)(e - run));
        if (e[1] == 'S') {
            py_print_strn(p, s, len);
        } else if (e[1] == 'T') {
            py_print_strn(p, type_name, strlen(type_name));
        } else {
            // Decode the last code point of the spec, as CPython's %c / '\x%x' choice.
            size_t i = len;
            while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
                i--;
            unsigned long cp = 0;
            if (i > 0) {
                i--;
                unsigned char c = (unsigned char)s[i];
                size_t n = len - i;
                cp = n == 1 ? c : c & (0x7f >> n);
                for (size_t k = 1; k < n; k++)
                    cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3f);
            }
            char buf[12];
            size_t n = 0;
            if (cp > 32 && cp < 128) {
                buf[n++] = (char)cp;
            } else {
                buf[n++] = '\\';
                buf[n++] = 'x';
                int shift = 28;
                while (shift > 0 && !(cp >> shift))
                    shift -= 4;
                for (; shift >= 0; shift -= 4)
                    buf[n++] = "0123456789abcdef"[(cp >> shift) & 15];
            }
            py_print_strn(p, buf, n);
        }
        e++;
        run = e + 1;
    }
    py_print_strn(p, run, strlen(run));
}
