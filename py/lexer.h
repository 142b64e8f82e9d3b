// py/lexer.h: turns Python source (UTF-8) into tokens, on demand.
// The lexer tracks indentation (INDENT/DEDENT), bracket nesting (newlines inside brackets
// are not tokens) and line continuations. String literals are decoded here (escapes, bytes
// vs str); f-strings come out raw (their text between the quotes) and the parser splits
// them. Errors raise SyntaxError/IndentationError with the file, line and column.
#ifndef PY_LEXER_H
#define PY_LEXER_H

#include "py/obj.h"

#define PY_TOKENS(X)                                                                           \
    X(END) X(NEWLINE) X(INDENT) X(DEDENT) X(NAME) X(INT) X(FLOAT) X(STRING) X(BYTES)          \
    X(FSTRING)                                                                                 \
    X(LPAR) X(RPAR) X(LSQB) X(RSQB) X(LBRACE) X(RBRACE) X(COLON) X(COMMA) X(SEMI) X(DOT)      \
    X(ELLIPSIS) X(ARROW) X(AT) X(WALRUS) X(ASSIGN) X(TILDE)                                    \
    X(LT) X(GT) X(EQ) X(NE) X(LE) X(GE)                                                        \
    X(VBAR) X(CIRCUMFLEX) X(AMPER) X(LSHIFT) X(RSHIFT) X(PLUS) X(MINUS) X(STAR) X(AT_OP)      \
    X(DSLASH) X(SLASH) X(PERCENT) X(DSTAR)                                                     \
    X(VBAR_EQ) X(CIRCUMFLEX_EQ) X(AMPER_EQ) X(LSHIFT_EQ) X(RSHIFT_EQ) X(PLUS_EQ) X(MINUS_EQ)  \
    X(STAR_EQ) X(AT_EQ) X(DSLASH_EQ) X(SLASH_EQ) X(PERCENT_EQ) X(DSTAR_EQ)                    \
    X(KW_False) X(KW_None) X(KW_True) X(KW_and) X(KW_as) X(KW_assert) X(KW_async)              \
    X(KW_await) X(KW_break) X(KW_class) X(KW_continue) X(KW_def) X(KW_del) X(KW_elif)         \
    X(KW_else) X(KW_except) X(KW_finally) X(KW_for) X(KW_from) X(KW_global) X(KW_if)          \
    X(KW_import) X(KW_in) X(KW_is) X(KW_lambda) X(KW_nonlocal) X(KW_not) X(KW_or) X(KW_pass)  \
    X(KW_raise) X(KW_return) X(KW_try) X(KW_while) X(KW_with) X(KW_yield)

enum {
#define PY_X_TOK(name) PY_T_##name,
    PY_TOKENS(PY_X_TOK)
#undef PY_X_TOK
        PY_T_N
};
// The augmented-assignment tokens are in the order of the binary operators in py/obj.h, so
// PY_T_VBAR_EQ + (op - PY_OP_OR) is the token of op= (the AT_OP/MATMUL slot included).

typedef struct py_token {
    uint8_t kind;
    uint32_t line;
    uint32_t col;   // 0-based byte column of the token's start
    py_val value;   // NAME: qstr; INT/FLOAT: number; STRING/BYTES: the object; FSTRING: raw str
    uint8_t flags;  // FSTRING: PY_LEX_RAW if the literal had an r prefix
} py_token;
#define PY_LEX_RAW 0x1

typedef struct py_lexer {
    const char *src;
    size_t len;
    size_t pos;
    qstr filename;
    uint32_t line;
    size_t line_start;     // offset of the current line's first byte
    int paren;             // bracket depth
    int pending_dedents;
    bool at_line_start;
    bool emitted_newline;  // the last token emitted was NEWLINE (or nothing yet)
    int nindent;
    uint16_t indent[100];
    char paren_stack[200]; // the open brackets, for matching diagnostics
} py_lexer;

void py_lexer_init(py_lexer *lx, const char *src, size_t len, qstr filename, uint32_t first_line);
void py_lexer_next(py_lexer *lx, py_token *tok);
// Raises SyntaxError (or `type`) pointing at `line`/`col` of this lexer's source.
_Noreturn void py_lexer_error(py_lexer *lx, const py_type *type, uint32_t line, uint32_t col,
                              const char *msg);
// Decodes the escapes of a (non-raw) string literal body into a str or bytes value.
py_val py_lexer_decode_string(py_lexer *lx, const char *s, size_t n, bool is_bytes, bool raw,
                              uint32_t line, uint32_t col);
// The source text of line `line` (1-based), without its newline; for error messages.
const char *py_lexer_line_text(const char *src, size_t len, uint32_t line, size_t *out_len);
extern const char *const py_token_names[PY_T_N];

#endif // PY_LEXER_H
