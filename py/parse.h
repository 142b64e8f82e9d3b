// py/parse.h: the abstract syntax tree and the parser that builds it.
// Nodes live in the GC heap (they reference each other, so a tree stays alive while its root
// is on the C stack). The parser is recursive descent over Python 3.11's grammar, minus
// type annotations' evaluation (they are parsed and dropped) and complex numbers. The parser
// hands the compiler one top-level statement at a time, so compiling a long module needs
// only the tree of its largest statement.
#ifndef PY_PARSE_H
#define PY_PARSE_H

#include "py/lexer.h"

// Node kinds, with what their children (kid[0..n)) and fields hold.
#define PY_AST_KINDS(X)                                                                        \
    X(LIST)        /* kids: items (statement or expression lists) */                           \
    /* statements */                                                                           \
    X(EXPR_STMT)   /* kid0: expression */                                                      \
    X(ASSIGN)      /* kids: target1..targetN, value (last) */                                  \
    X(AUGASSIGN)   /* op: PY_OP_*; kid0: target, kid1: value */                                \
    X(ANNASSIGN)   /* kid0: target, kid1: value or NULL */                                     \
    X(DEL)         /* kids: targets */                                                         \
    X(PASS) X(BREAK) X(CONTINUE)                                                               \
    X(RETURN)      /* kid0: value or NULL */                                                   \
    X(RAISE)       /* kid0: exc or NULL, kid1: cause or NULL */                                \
    X(GLOBAL)      /* kids: NAME nodes */                                                      \
    X(NONLOCAL)    /* kids: NAME nodes */                                                      \
    X(ASSERT)      /* kid0: test, kid1: msg or NULL */                                         \
    X(IMPORT)      /* kids: ALIAS */                                                           \
    X(IMPORT_FROM) /* val: module qstr (PY_NULL if only dots); op: level; kids: ALIAS */       \
    X(ALIAS)       /* val: (dotted) name qstr ("*" for import *); kid0: NAME (as) or NULL */  \
    X(IF)          /* kid0: test, kid1: body LIST, kid2: orelse LIST or NULL */                \
    X(WHILE)       /* kid0: test, kid1: body, kid2: orelse or NULL */                          \
    X(FOR)         /* op: 1 if async; kid0: target, kid1: iter, kid2: body, kid3: orelse */    \
    X(WITH)        /* op: 1 if async; kids: WITHITEM..., body LIST (last) */                   \
    X(WITHITEM)    /* kid0: context expr, kid1: target or NULL */                              \
    X(TRY)         /* kid0: body, kid1: LIST of HANDLER or NULL, kid2: else, kid3: finally */  \
    X(HANDLER)     /* kid0: type or NULL, kid1: NAME or NULL, kid2: body */                    \
    X(FUNCDEF)     /* op: 1 if async; val: name; kid0: ARGUMENTS, kid1: body, kid2: decorators */ \
    X(CLASSDEF)    /* val: name; kid0: LIST of bases/KEYWORD/STARRED, kid1: body, kid2: decos */ \
    X(ARGUMENTS)   /* kids: ARG nodes in order */                                              \
    X(ARG)         /* val: name; op: PY_ARG_KIND_*; kid0: default or NULL */                   \
    /* expressions */                                                                          \
    X(NAME)        /* val: qstr */                                                             \
    X(CONST)       /* val: the value */                                                        \
    X(JOINEDSTR)   /* kids: CONST str and FORMATTED parts */                                   \
    X(FORMATTED)   /* op: conversion ('s','r','a' or 0); kid0: value, kid1: spec JOINEDSTR */  \
    X(BOOLOP)      /* op: 0 and, 1 or; kids: operands */                                       \
    X(BINOP)       /* op: PY_OP_*; kid0, kid1 */                                               \
    X(UNARYOP)     /* op: PY_UOP_POS/NEG/INVERT or PY_AST_NOT; kid0 */                         \
    X(COMPARE)     /* kid0: left, then CMPOP nodes */                                          \
    X(CMPOP)       /* op: PY_AST_CMP_*; kid0: right operand */                                 \
    X(LAMBDA)      /* kid0: ARGUMENTS, kid1: body expression */                                \
    X(IFEXP)       /* kid0: test, kid1: body, kid2: orelse */                                  \
    X(DICT)        /* kids: key, value pairs; key NULL for **mapping */                        \
    X(SET) X(LIST_EXPR) X(TUPLE) /* kids: elements (STARRED allowed) */                        \
    X(LISTCOMP) X(SETCOMP) X(GENEXP) /* kid0: element; kids 1..: COMPFOR */                    \
    X(DICTCOMP)    /* kid0: key, kid1: value; kids 2..: COMPFOR */                             \
    X(COMPFOR)     /* op: 1 if async; kid0: target, kid1: iter; kids 2..: conditions */        \
    X(AWAIT) X(YIELD) X(YIELD_FROM) /* kid0: value (NULL for bare yield) */                    \
    X(CALL)        /* kid0: func; then args: expressions, STARRED, KEYWORD */                  \
    X(KEYWORD)     /* val: name qstr, or PY_NULL for **mapping; kid0: value */                 \
    X(ATTRIBUTE)   /* val: attribute qstr; kid0: object */                                     \
    X(SUBSCRIPT)   /* kid0: object, kid1: index (SLICE, TUPLE or expression) */                \
    X(SLICE)       /* kid0: lower, kid1: upper, kid2: step (each may be NULL) */               \
    X(STARRED)     /* kid0: value */                                                           \
    X(NAMEDEXPR)   /* kid0: NAME target, kid1: value */

enum {
#define PY_X_AST(name) PY_AST_##name,
    PY_AST_KINDS(PY_X_AST)
#undef PY_X_AST
        PY_AST_N
};

enum { PY_ARG_KIND_POSONLY, PY_ARG_KIND_POS, PY_ARG_KIND_VARARG, PY_ARG_KIND_KWONLY, PY_ARG_KIND_VARKW };
enum { PY_AST_CMP_LT, PY_AST_CMP_GT, PY_AST_CMP_EQ, PY_AST_CMP_NE, PY_AST_CMP_LE, PY_AST_CMP_GE,
       PY_AST_CMP_IN, PY_AST_CMP_NOT_IN, PY_AST_CMP_IS, PY_AST_CMP_IS_NOT };
#define PY_AST_NOT 0xff // UNARYOP op for `not`

typedef struct py_ast {
    uint8_t kind;
    uint8_t op;
    uint16_t n;    // number of kids
    uint32_t line;
    uint32_t col;
    py_val val;
    struct py_ast *kid[];
} py_ast;

typedef struct py_parser {
    py_lexer lx;
    py_token tok;   // current token
    py_token next;  // one token of lookahead when has_next
    bool has_next;
    int depth;      // nesting, bounded to keep the C stack safe
    int mode;       // PY_COMPILE_FILE / EVAL / SINGLE
    py_val consts;  // dict of names bound by `NAME = const(expr)` at module level, or PY_NULL
} py_parser;

void py_parse_init(py_parser *p, const char *src, size_t len, qstr filename, int mode);
// The next top-level statement (an ast), or NULL at the end of the input. In EVAL mode the
// single expression (then NULL). Raises SyntaxError.
py_ast *py_parse_next(py_parser *p);
_Noreturn void py_parse_error_at(py_parser *p, const py_ast *node, const char *msg);

#endif // PY_PARSE_H
