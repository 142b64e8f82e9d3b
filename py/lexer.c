// py/lexer.c: the tokenizer. One pass over the source held in memory, no lookahead buffer:
// the parser asks for tokens one at a time. Indentation is measured with tabs to the next
// multiple of 8 (as CPython); inconsistent dedents raise IndentationError.
#include <stdio.h>
#include <string.h>

#include "py/dtoa.h"
#include "py/lexer.h"
#include "py/objint.h"
#include "py/runtime.h"

const char *const py_token_names[PY_T_N] = {
#define PY_X_TOKNAME(name) #name,
    PY_TOKENS(PY_X_TOKNAME)
#undef PY_X_TOKNAME
};

static const struct {
    const char *word;
    uint8_t tok;
} keywords[] = {
    {"False", PY_T_KW_False},       {"None", PY_T_KW_None},       {"True", PY_T_KW_True},
    {"and", PY_T_KW_and},           {"as", PY_T_KW_as},           {"assert", PY_T_KW_assert},
    {"async", PY_T_KW_async},       {"await", PY_T_KW_await},     {"break", PY_T_KW_break},
    {"class", PY_T_KW_class},       {"continue", PY_T_KW_continue}, {"def", PY_T_KW_def},
    {"del", PY_T_KW_del},           {"elif", PY_T_KW_elif},       {"else", PY_T_KW_else},
    {"except", PY_T_KW_except},     {"finally", PY_T_KW_finally}, {"for", PY_T_KW_for},
    {"from", PY_T_KW_from},         {"global", PY_T_KW_global},   {"if", PY_T_KW_if},
    {"import", PY_T_KW_import},     {"in", PY_T_KW_in},           {"is", PY_T_KW_is},
    {"lambda", PY_T_KW_lambda},     {"nonlocal", PY_T_KW_nonlocal}, {"not", PY_T_KW_not},
    {"or", PY_T_KW_or},             {"pass", PY_T_KW_pass},       {"raise", PY_T_KW_raise},
    {"return", PY_T_KW_return},     {"try", PY_T_KW_try},         {"while", PY_T_KW_while},
    {"with", PY_T_KW_with},         {"yield", PY_T_KW_yield},
};

void py_lexer_init(py_lexer *lx, const char *src, size_t len, qstr filename, uint32_t first_line) {
    memset(lx, 0, sizeof(*lx));
    lx->src = src;
    lx->len = len;
    lx->filename = filename;
    lx->line = first_line;
    lx->at_line_start = true;
    lx->emitted_newline = true;
    lx->nindent = 1;
    lx->indent[0] = 0;
    // A UTF-8 byte order mark is allowed at the very start.
    if (len >= 3 && (uint8_t)src[0] == 0xef && (uint8_t)src[1] == 0xbb && (uint8_t)src[2] == 0xbf) {
        lx->pos = 3;
        lx->line_start = 3;
    }
}

const char *py_lexer_line_text(const char *src, size_t len, uint32_t line, size_t *out_len) {
    size_t i = 0;
    for (uint32_t l = 1; l < line && i < len; i++) {
        if (src[i] == '\n') {
            l++;
        }
    }
    size_t e = i;
    while (e < len && src[e] != '\n' && src[e] != '\r') {
        e++;
    }
    *out_len = e - i;
    return src + i;
}

_Noreturn void py_lexer_error(py_lexer *lx, const py_type *type, uint32_t line, uint32_t col,
                              const char *msg) {
    // SyntaxError(msg, (filename, lineno, offset, text)) as CPython builds it.
    size_t tl;
    const char *text = py_lexer_line_text(lx->src, lx->len, line, &tl);
    if (!py_utf8_valid(text, tl)) {
        tl = 0;
    }
    if (col > tl) {
        // a token the lexer has already passed the end of the line for (the line break
        // itself, whose position minus the next line's start wrapped): the end of the line
        col = (uint32_t)tl;
    }
    py_val details[4] = {py_qstr_val(lx->filename), py_int_from(line), py_int_from(col + 1),
                         py_str_new(text, tl)};
    py_val args[2] = {py_str_from_cstr(msg), py_tuple_new(4, details)};
    py_raise(py_exc_new(type, 2, args));
}

static _Noreturn void error_here(py_lexer *lx, const char *msg) {
    py_lexer_error(lx, &py_type_SyntaxError, lx->line, (uint32_t)(lx->pos - lx->line_start), msg);
}

static inline int peekc(py_lexer *lx, size_t ahead) {
    return lx->pos + ahead < lx->len ? (uint8_t)lx->src[lx->pos + ahead] : -1;
}

static inline bool is_ident_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static inline bool is_ident_char(int c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
static inline bool is_digit(int c) { return c >= '0' && c <= '9'; }

static void newline_advance(py_lexer *lx) {
    // At a '\n' or '\r' (a "\r\n" pair counts once).
    if (peekc(lx, 0) == '\r' && peekc(lx, 1) == '\n') {
        lx->pos++;
    }
    lx->pos++;
    lx->line++;
    lx->line_start = lx->pos;
}

// Skips blanks, comments and line continuations inside a line. Returns false at a newline
// or the end.
static void skip_space(py_lexer *lx) {
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ' || c == '\t' || c == '\f') {
            lx->pos++;
        } else if (c == '#') {
            while (peekc(lx, 0) != -1 && peekc(lx, 0) != '\n' && peekc(lx, 0) != '\r') {
                lx->pos++;
            }
        } else if (c == '\\') {
            int d = peekc(lx, 1);
            if (d == '\n' || d == '\r') {
                lx->pos++;
                newline_advance(lx);
            } else if (d == -1) {
                lx->pos++;
                error_here(lx, "unexpected EOF while parsing");
            } else {
                error_here(lx, "unexpected character after line continuation character");
            }
        } else {
            return;
        }
    }
}

// Measures the indentation of the line starting at lx->pos; returns -1 for a blank or
// comment-only line (which does not count), leaving pos at its first token otherwise.
static int measure_indent(py_lexer *lx) {
    int col = 0;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == ' ') {
            col++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
        } else if (c == '\f') {
            col = 0;
        } else {
            break;
        }
        lx->pos++;
    }
    int c = peekc(lx, 0);
    if (c == '#' || c == '\n' || c == '\r' || c == -1) {
        return -1;
    }
    if (c == '\\') {
        return -1; // handled as a continuation by the caller's skip_space
    }
    return col;
}

static void set_tok(py_lexer *lx, py_token *tok, int kind, size_t start) {
    tok->kind = (uint8_t)kind;
    tok->line = lx->line;
    tok->col = (uint32_t)(start - lx->line_start);
    tok->value = PY_NULL;
    tok->flags = 0;
}

// ---- numbers -------------------------------------------------------------------------------
static void lex_number(py_lexer *lx, py_token *tok) {
    size_t start = lx->pos;
    set_tok(lx, tok, PY_T_INT, start);
    int c = peekc(lx, 0);
    volatile int base = 10;
    bool is_float = false;
    int b = peekc(lx, 1) | 0x20;
    if (c == '0' && (b == 'x' || b == 'o' || b == 'b')) {
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        lx->pos += 2;
        while (is_ident_char(peekc(lx, 0))) {
            lx->pos++;
        }
    } else {
        while (is_digit(peekc(lx, 0)) || peekc(lx, 0) == '_') {
            lx->pos++;
        }
        if (peekc(lx, 0) == '.') {
            is_float = true;
            lx->pos++;
            while (is_digit(peekc(lx, 0)) || peekc(lx, 0) == '_') {
                lx->pos++;
            }
        }
        if ((peekc(lx, 0) | 0x20) == 'e') {
            int d = peekc(lx, 1);
            if (is_digit(d) || ((d == '+' || d == '-') && is_digit(peekc(lx, 2)))) {
                is_float = true;
                lx->pos += 2;
                while (is_digit(peekc(lx, 0)) || peekc(lx, 0) == '_') {
                    lx->pos++;
                }
            }
        }
        if ((peekc(lx, 0) | 0x20) == 'j') {
            lx->pos++;
            error_here(lx, "complex numbers are not supported");
        }
        if (is_ident_start(peekc(lx, 0))) {
            error_here(lx, "invalid decimal literal");
        }
    }
    const char *s = lx->src + start;
    size_t n = lx->pos - start;
    // Underscores must sit between digits (1_000, 0x_ff); anything else is invalid.
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '_') {
            bool ok = i + 1 < n && s[i + 1] != '_' && s[i + 1] != '.' && (s[i + 1] | 0x20) != 'e' &&
                      i > 0 && s[i - 1] != '.' && (s[i - 1] | 0x20) != 'e';
            if (!ok) {
                error_here(lx, "invalid decimal literal");
            }
        }
    }
    if (is_float) {
#if PY_CFG_FLOAT
        double d;
        if (py_dtoa_parse(s, n, &d) != 0) {
            error_here(lx, "invalid decimal literal");
        }
        tok->kind = PY_T_FLOAT;
        tok->value = py_float_new(d);
#else
        error_here(lx, "floating point is not supported");
#endif
        return;
    }
    if (base == 10 && n > 1 && s[0] == '0') {
        for (size_t i = 0; i < n; i++) {
            if (s[i] != '0' && s[i] != '_') {
                error_here(lx, "leading zeros in decimal integer literals are not permitted; use "
                               "an 0o prefix for octal integers");
            }
        }
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        tok->value = py_int_parse(s, n, base == 10 ? 10 : 0);
        py_nlr_pop();
    } else {
        if (py_isinstance(nlr.exc, &py_type_MemoryError)) {
            py_raise(nlr.exc);
        }
        const char *what = base == 16 ? "invalid hexadecimal literal"
                           : base == 8 ? "invalid octal literal"
                           : base == 2 ? "invalid binary literal"
                                       : "invalid decimal literal";
        error_here(lx, what);
    }
}

// ---- strings -------------------------------------------------------------------------------
static int hexval(int c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

py_val py_lexer_decode_string(py_lexer *lx, const char *s, size_t n, bool is_bytes, bool raw,
                              uint32_t line, uint32_t col) {
    py_vstr v;
    py_vstr_init(&v, n);
    for (size_t i = 0; i < n;) {
        uint8_t c = (uint8_t)s[i];
        if (is_bytes && c >= 0x80) {
            py_lexer_error(lx, &py_type_SyntaxError, line, col,
                           "bytes can only contain ASCII literal characters");
        }
        if (c != '\\' || raw) {
            if (c == '\r') { // universal newlines inside triple-quoted strings
                py_vstr_add_char(&v, '\n');
                i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
                continue;
            }
            py_vstr_add_char(&v, (char)c);
            i++;
            if (raw && c == '\\' && i < n) { // a raw string keeps both the \ and the next char
                py_vstr_add_char(&v, s[i]);
                i++;
            }
            continue;
        }
        if (i + 1 >= n) {
            py_vstr_add_char(&v, '\\');
            break;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\r':
            if (i < n && s[i] == '\n') {
                i++;
            }
            break;
        case '\\': py_vstr_add_char(&v, '\\'); break;
        case '\'': py_vstr_add_char(&v, '\''); break;
        case '"': py_vstr_add_char(&v, '"'); break;
        case 'a': py_vstr_add_char(&v, '\a'); break;
        case 'b': py_vstr_add_char(&v, '\b'); break;
        case 'f': py_vstr_add_char(&v, '\f'); break;
        case 'n': py_vstr_add_char(&v, '\n'); break;
        case 'r': py_vstr_add_char(&v, '\r'); break;
        case 't': py_vstr_add_char(&v, '\t'); break;
        case 'v': py_vstr_add_char(&v, '\v'); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned val = (unsigned)(e - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                val = val * 8 + (unsigned)(s[i++] - '0');
            }
            if (is_bytes) {
                py_vstr_add_char(&v, (char)(val & 0xff));
            } else {
                py_vstr_add_utf8(&v, val);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            if (is_bytes && e != 'x') {
                py_vstr_add_char(&v, '\\');
                py_vstr_add_char(&v, e);
                break;
            }
            uint32_t val = 0;
            for (int k = 0; k < digits; k++) {
                int h = i < n ? hexval((uint8_t)s[i]) : -1;
                if (h < 0) {
                    char msg[80];
                    py_snprintf(msg, sizeof(msg),
                             "(%s) can't decode bytes in position %u-%u: truncated \\%cXX%s escape",
                             is_bytes ? "value error" : "unicode error", (unsigned)0,
                             (unsigned)(k + 1), e, digits > 2 ? "XX" : "");
                    py_lexer_error(lx, &py_type_SyntaxError, line, col,
                                   is_bytes ? "invalid \\x escape" : msg);
                }
                val = val * 16 + (uint32_t)h;
                i++;
            }
            if (is_bytes) {
                py_vstr_add_char(&v, (char)val);
            } else {
                if (val > 0x10ffff) {
                    py_lexer_error(lx, &py_type_SyntaxError, line, col,
                                   "(unicode error) illegal Unicode character");
                }
                py_vstr_add_utf8(&v, val);
            }
            break;
        }
        case 'N':
            if (!is_bytes) {
                py_lexer_error(lx, &py_type_SyntaxError, line, col,
                               "(unicode error) \\N{...} escapes are not supported");
            }
            // fallthrough
        default:
            // Unknown escapes are kept as written (CPython warns; we do not print).
            py_vstr_add_char(&v, '\\');
            i--;
            break;
        }
    }
    if (is_bytes) {
        return py_vstr_to_bytes(&v);
    }
    if (!py_utf8_valid(py_vstr_data(&v), v.len)) {
        py_lexer_error(lx, &py_type_SyntaxError, line, col,
                       "(unicode error) invalid UTF-8 in string literal");
    }
    return py_vstr_to_str(&v);
}

// Called with pos at the opening quote; prefix flags already parsed.
static void lex_string(py_lexer *lx, py_token *tok, size_t start, bool is_bytes, bool raw,
                       bool is_f) {
    set_tok(lx, tok, is_f ? PY_T_FSTRING : is_bytes ? PY_T_BYTES : PY_T_STRING, start);
    uint32_t start_line = lx->line;
    char q = lx->src[lx->pos];
    bool triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    lx->pos += triple ? 3 : 1;
    size_t body = lx->pos;
    for (;;) {
        int c = peekc(lx, 0);
        if (c == -1) {
            py_lexer_error(lx, &py_type_SyntaxError, start_line, tok->col,
                           triple ? "unterminated triple-quoted string literal"
                                  : "unterminated string literal");
        }
        if (c == '\\') {
            int d = peekc(lx, 1);
            if (d == '\n' || d == '\r') {
                lx->pos++;
                newline_advance(lx);
            } else {
                lx->pos += d == -1 ? 1 : 2;
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple) {
                py_lexer_error(lx, &py_type_SyntaxError, start_line, tok->col,
                               "unterminated string literal");
            }
            newline_advance(lx);
            continue;
        }
        if (c == q && (!triple || (peekc(lx, 1) == q && peekc(lx, 2) == q))) {
            break;
        }
        lx->pos++;
    }
    size_t body_end = lx->pos;
    lx->pos += triple ? 3 : 1;
    tok->line = start_line;
    if (is_f) {
        tok->value = py_str_new(lx->src + body, body_end - body);
        tok->flags = raw ? PY_LEX_RAW : 0;
        if (!py_utf8_valid(lx->src + body, body_end - body)) {
            py_lexer_error(lx, &py_type_SyntaxError, start_line, tok->col, "invalid UTF-8");
        }
        return;
    }
    tok->value = py_lexer_decode_string(lx, lx->src + body, body_end - body, is_bytes, raw,
                                        start_line, tok->col);
}

// Tries to read a string prefix (r, b, f, u and combinations) followed by a quote.
static bool try_string(py_lexer *lx, py_token *tok) {
    size_t start = lx->pos;
    bool raw = false, is_bytes = false, is_f = false, is_u = false;
    size_t i = 0;
    for (; i < 3; i++) {
        int c = peekc(lx, i);
        if (c == '\'' || c == '"') {
            break;
        }
        c |= 0x20;
        if (c == 'r' && !raw && !is_u) {
            raw = true;
        } else if (c == 'b' && !is_bytes && !is_f && !is_u) {
            is_bytes = true;
        } else if (c == 'f' && !is_f && !is_bytes && !is_u) {
            is_f = true;
        } else if (c == 'u' && i == 0) {
            is_u = true;
        } else {
            return false;
        }
    }
    int q = peekc(lx, i);
    if (q != '\'' && q != '"') {
        return false;
    }
    lx->pos += i;
    lex_string(lx, tok, start, is_bytes, raw, is_f);
    return true;
}

// ---- operators ------------------------------------------------------------------------------
static const struct {
    char s[4];
    uint8_t tok;
} ops[] = {
    // longest first within each leading character
    {"**=", PY_T_DSTAR_EQ}, {"//=", PY_T_DSLASH_EQ}, {"<<=", PY_T_LSHIFT_EQ},
    {">>=", PY_T_RSHIFT_EQ}, {"...", PY_T_ELLIPSIS},  {"->", PY_T_ARROW},
    {":=", PY_T_WALRUS},     {"==", PY_T_EQ},         {"!=", PY_T_NE},
    {"<=", PY_T_LE},         {">=", PY_T_GE},         {"<<", PY_T_LSHIFT},
    {">>", PY_T_RSHIFT},     {"**", PY_T_DSTAR},      {"//", PY_T_DSLASH},
    {"+=", PY_T_PLUS_EQ},    {"-=", PY_T_MINUS_EQ},   {"*=", PY_T_STAR_EQ},
    {"/=", PY_T_SLASH_EQ},   {"%=", PY_T_PERCENT_EQ}, {"&=", PY_T_AMPER_EQ},
    {"|=", PY_T_VBAR_EQ},    {"^=", PY_T_CIRCUMFLEX_EQ}, {"@=", PY_T_AT_EQ},
    {"(", PY_T_LPAR},        {")", PY_T_RPAR},        {"[", PY_T_LSQB},
    {"]", PY_T_RSQB},        {"{", PY_T_LBRACE},      {"}", PY_T_RBRACE},
    {":", PY_T_COLON},       {",", PY_T_COMMA},       {";", PY_T_SEMI},
    {".", PY_T_DOT},         {"@", PY_T_AT},          {"=", PY_T_ASSIGN},
    {"~", PY_T_TILDE},       {"<", PY_T_LT},          {">", PY_T_GT},
    {"|", PY_T_VBAR},        {"^", PY_T_CIRCUMFLEX},  {"&", PY_T_AMPER},
    {"+", PY_T_PLUS},        {"-", PY_T_MINUS},       {"*", PY_T_STAR},
    {"/", PY_T_SLASH},       {"%", PY_T_PERCENT},
};

static void push_paren(py_lexer *lx, char c) {
    if (lx->paren >= (int)sizeof(lx->paren_stack)) {
        error_here(lx, "too many nested parentheses");
    }
    lx->paren_stack[lx->paren++] = c;
}

static void pop_paren(py_lexer *lx, char c) {
    char open = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (lx->paren == 0) {
        char msg[40];
        py_snprintf(msg, sizeof(msg), "unmatched '%c'", c);
        error_here(lx, msg);
    }
    if (lx->paren_stack[lx->paren - 1] != open) {
        char msg[80];
        py_snprintf(msg, sizeof(msg), "closing parenthesis '%c' does not match opening parenthesis '%c'",
                 c, lx->paren_stack[lx->paren - 1]);
        error_here(lx, msg);
    }
    lx->paren--;
}

void py_lexer_next(py_lexer *lx, py_token *tok) {
    for (;;) {
        if (lx->pending_dedents > 0) {
            lx->pending_dedents--;
            set_tok(lx, tok, PY_T_DEDENT, lx->pos);
            return;
        }
        if (lx->at_line_start && lx->paren == 0) {
            int col = measure_indent(lx);
            if (col < 0) {
                // blank line: skip it (but a continuation line is treated as content)
                skip_space(lx);
                int c = peekc(lx, 0);
                if (c == -1) {
                    lx->at_line_start = false;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    newline_advance(lx);
                    continue;
                }
                col = (int)(lx->pos - lx->line_start); // after a continuation
            }
            lx->at_line_start = false;
            int cur = lx->indent[lx->nindent - 1];
            if (col > cur) {
                if (lx->nindent >= (int)(sizeof(lx->indent) / sizeof(lx->indent[0]))) {
                    py_lexer_error(lx, &py_type_IndentationError, lx->line, 0,
                                   "too many levels of indentation");
                }
                lx->indent[lx->nindent++] = (uint16_t)col;
                set_tok(lx, tok, PY_T_INDENT, lx->pos);
                return;
            }
            if (col < cur) {
                while (lx->nindent > 1 && lx->indent[lx->nindent - 1] > col) {
                    lx->nindent--;
                    lx->pending_dedents++;
                }
                if (lx->indent[lx->nindent - 1] != col) {
                    py_lexer_error(lx, &py_type_IndentationError, lx->line,
                                   (uint32_t)(lx->pos - lx->line_start),
                                   "unindent does not match any outer indentation level");
                }
                continue;
            }
        }
        skip_space(lx);
        size_t start = lx->pos;
        int c = peekc(lx, 0);
        if (c == -1) {
            if (!lx->emitted_newline) {
                set_tok(lx, tok, PY_T_NEWLINE, start);
                lx->emitted_newline = true;
                return;
            }
            if (lx->nindent > 1) {
                lx->nindent--;
                set_tok(lx, tok, PY_T_DEDENT, start);
                return;
            }
            if (lx->paren > 0) {
                error_here(lx, "unexpected EOF while parsing");
            }
            set_tok(lx, tok, PY_T_END, start);
            return;
        }
        if (c == '\n' || c == '\r') {
            newline_advance(lx);
            if (lx->paren > 0) {
                continue;
            }
            lx->at_line_start = true;
            if (lx->emitted_newline) {
                continue; // a line with nothing on it
            }
            set_tok(lx, tok, PY_T_NEWLINE, start);
            tok->line = lx->line - 1;
            lx->emitted_newline = true;
            return;
        }
        lx->emitted_newline = false;
        if (is_digit(c) || (c == '.' && is_digit(peekc(lx, 1)))) {
            lex_number(lx, tok);
            return;
        }
        if (is_ident_start(c)) {
            if (try_string(lx, tok)) {
                return;
            }
            while (is_ident_char(peekc(lx, 0))) {
                lx->pos++;
            }
            const char *s = lx->src + start;
            size_t n = lx->pos - start;
            for (size_t k = 0; k < sizeof(keywords) / sizeof(keywords[0]); k++) {
                if (strlen(keywords[k].word) == n && memcmp(keywords[k].word, s, n) == 0) {
                    set_tok(lx, tok, keywords[k].tok, start);
                    return;
                }
            }
            for (size_t k = 0; k < n; k++) {
                if ((uint8_t)s[k] >= 0x80) {
                    if (!py_utf8_valid(s, n)) {
                        error_here(lx, "invalid character in identifier");
                    }
                    break;
                }
            }
            set_tok(lx, tok, PY_T_NAME, start);
            tok->value = py_qstr_val(py_qstr_from_strn(s, n));
            return;
        }
        if (c == '\'' || c == '"') {
            lex_string(lx, tok, start, false, false, false);
            return;
        }
        for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
            size_t n = strlen(ops[k].s);
            if (lx->pos + n <= lx->len && memcmp(lx->src + lx->pos, ops[k].s, n) == 0) {
                lx->pos += n;
                set_tok(lx, tok, ops[k].tok, start);
                switch (ops[k].tok) {
                case PY_T_LPAR: push_paren(lx, '('); break;
                case PY_T_LSQB: push_paren(lx, '['); break;
                case PY_T_LBRACE: push_paren(lx, '{'); break;
                case PY_T_RPAR: pop_paren(lx, ')'); break;
                case PY_T_RSQB: pop_paren(lx, ']'); break;
                case PY_T_RBRACE: pop_paren(lx, '}'); break;
                default: break;
                }
                return;
            }
        }
        if (c == '!') {
            error_here(lx, "invalid syntax");
        }
        char msg[64];
        if (c >= 0x20 && c < 0x7f) {
            py_snprintf(msg, sizeof(msg), "invalid character '%c'", c);
        } else {
            py_snprintf(msg, sizeof(msg), "invalid non-printable character U+%04X", (unsigned)c);
        }
        error_here(lx, msg);
    }
}
