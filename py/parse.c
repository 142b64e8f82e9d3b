// py/parse.c: recursive-descent parser from tokens to py_ast trees.
// One function per grammar rule; each consumes exactly the tokens of its construct. Nesting
// is bounded (MAX_DEPTH) and the C stack is checked, so hostile input gets a SyntaxError or
// RecursionError-free "too complex" error rather than a crash. Assignment targets are parsed
// as expressions and then checked, as CPython's error messages are phrased that way.
#include <stdio.h>
#include <string.h>

#include "py/parse.h"
#include "py/runtime.h"

#define MAX_DEPTH 400

// ---- node construction ---------------------------------------------------------------------
static py_ast *node(py_parser *p, int kind, size_t n, uint32_t line, uint32_t col) {
    py_ast *a = py_gc_alloc(sizeof(py_ast) + n * sizeof(py_ast *), 0);
    a->kind = (uint8_t)kind;
    a->n = (uint16_t)n;
    a->line = line;
    a->col = col;
    (void)p;
    return a;
}
static py_ast *node_at(py_parser *p, int kind, size_t n, const py_token *t) {
    return node(p, kind, n, t->line, t->col);
}
static py_ast *node1(py_parser *p, int kind, const py_ast *pos, py_ast *k0) {
    py_ast *a = node(p, kind, 1, pos->line, pos->col);
    a->kid[0] = k0;
    return a;
}
static py_ast *node2(py_parser *p, int kind, const py_ast *pos, py_ast *k0, py_ast *k1) {
    py_ast *a = node(p, kind, 2, pos->line, pos->col);
    a->kid[0] = k0;
    a->kid[1] = k1;
    return a;
}

// A growable list of nodes while parsing a sequence (in the GC heap; reachable from the C stack).
typedef struct {
    py_ast **items;
    size_t n, cap;
} nodelist;

static void nl_init(nodelist *l) {
    l->cap = 4;
    l->n = 0;
    l->items = py_gc_alloc(l->cap * sizeof(py_ast *), 0);
}
static void nl_add(py_parser *p, nodelist *l, py_ast *a) {
    if (l->n == l->cap) {
        if (l->cap >= 0xffff) {
            py_lexer_error(&p->lx, &py_type_SyntaxError, p->tok.line, p->tok.col, "too many items");
        }
        l->cap *= 2;
        l->items = py_gc_realloc(l->items, l->cap * sizeof(py_ast *));
    }
    l->items[l->n++] = a;
}
// Builds a node of `kind` whose kids are prefix (np items) followed by the list.
static py_ast *nl_node(py_parser *p, int kind, nodelist *l, uint32_t line, uint32_t col) {
    py_ast *a = node(p, kind, l->n, line, col);
    py_memcpy(a->kid, l->items, l->n * sizeof(py_ast *));
    py_gc_free(l->items);
    l->items = NULL;
    return a;
}

// ---- tokens ---------------------------------------------------------------------------------
static void advance(py_parser *p) {
    if (p->has_next) {
        p->tok = p->next;
        p->has_next = false;
    } else {
        py_lexer_next(&p->lx, &p->tok);
    }
}
static const py_token *peek2(py_parser *p) {
    if (!p->has_next) {
        py_lexer_next(&p->lx, &p->next);
        p->has_next = true;
    }
    return &p->next;
}
static inline bool at(py_parser *p, int kind) { return p->tok.kind == kind; }
static bool accept(py_parser *p, int kind) {
    if (p->tok.kind == kind) {
        advance(p);
        return true;
    }
    return false;
}

static _Noreturn void error_tok(py_parser *p, const py_token *t, const char *msg) {
    py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col, msg);
}
static _Noreturn void syntax_error(py_parser *p) {
    if (at(p, PY_T_INDENT)) {
        py_lexer_error(&p->lx, &py_type_IndentationError, p->tok.line, p->tok.col,
                       "unexpected indent");
    }
    if (at(p, PY_T_END) || at(p, PY_T_DEDENT)) {
        error_tok(p, &p->tok, "unexpected EOF while parsing");
    }
    error_tok(p, &p->tok, "invalid syntax");
}
_Noreturn void py_parse_error_at(py_parser *p, const py_ast *a, const char *msg) {
    py_lexer_error(&p->lx, &py_type_SyntaxError, a->line, a->col, msg);
}
static void expect(py_parser *p, int kind) {
    if (!accept(p, kind)) {
        if (kind == PY_T_COLON) {
            error_tok(p, &p->tok, "expected ':'");
        }
        syntax_error(p);
    }
}
static py_val expect_name(py_parser *p) {
    if (!at(p, PY_T_NAME)) {
        syntax_error(p);
    }
    py_val v = p->tok.value;
    advance(p);
    return v;
}

static void enter(py_parser *p) {
    if (++p->depth > MAX_DEPTH) {
        error_tok(p, &p->tok, "too many nested parentheses");
    }
    py_stack_check();
}
static void leave(py_parser *p) { p->depth--; }

// ---- expressions ----------------------------------------------------------------------------
static py_ast *parse_test(py_parser *p);
static py_ast *parse_expr(py_parser *p);
static py_ast *parse_or_test(py_parser *p);
static py_ast *parse_star_expr_list(py_parser *p, bool allow_star, bool *is_tuple);
static py_ast *parse_namedexpr_test(py_parser *p);
static py_ast *parse_arguments(py_parser *p, bool is_lambda);
static py_ast *parse_fstring(py_parser *p, const py_token *t);
static void check_target(py_parser *p, py_ast *t, bool del);
static py_ast *parse_factor(py_parser *p);

static bool starts_expr(int k) {
    switch (k) {
    case PY_T_NAME: case PY_T_INT: case PY_T_FLOAT: case PY_T_STRING: case PY_T_BYTES:
    case PY_T_FSTRING: case PY_T_LPAR: case PY_T_LSQB: case PY_T_LBRACE: case PY_T_MINUS:
    case PY_T_PLUS: case PY_T_TILDE: case PY_T_KW_not: case PY_T_KW_lambda: case PY_T_KW_None:
    case PY_T_KW_True: case PY_T_KW_False: case PY_T_ELLIPSIS: case PY_T_KW_await: case PY_T_STAR:
    case PY_T_KW_yield:
        return true;
    default:
        return false;
    }
}

// for-loop targets: comma-separated `[*]expr` (a comparison would swallow the `in`).
static py_ast *parse_target_list(py_parser *p) {
    py_token t = p->tok;
    nodelist l;
    nl_init(&l);
    bool trailing = false;
    for (;;) {
        py_token st = p->tok;
        py_ast *e;
        if (accept(p, PY_T_STAR)) {
            e = node_at(p, PY_AST_STARRED, 1, &st);
            e->kid[0] = parse_expr(p);
        } else {
            e = parse_expr(p);
        }
        nl_add(p, &l, e);
        trailing = false;
        if (!accept(p, PY_T_COMMA)) {
            break;
        }
        trailing = true;
        if (at(p, PY_T_KW_in)) {
            break;
        }
    }
    if (l.n == 1 && !trailing) {
        py_ast *only = l.items[0];
        check_target(p, only, false);
        return only;
    }
    py_ast *tup = nl_node(p, PY_AST_TUPLE, &l, t.line, t.col);
    check_target(p, tup, false);
    return tup;
}

// comp_for: ['async'] 'for' targets 'in' or_test ('if' or_test)* [comp_for]
static void parse_comp_fors(py_parser *p, nodelist *out) {
    while (at(p, PY_T_KW_for) || (at(p, PY_T_KW_async) && peek2(p)->kind == PY_T_KW_for)) {
        py_token t = p->tok;
        bool is_async = accept(p, PY_T_KW_async);
        expect(p, PY_T_KW_for);
        py_ast *target = parse_target_list(p);
        expect(p, PY_T_KW_in);
        py_ast *iter = parse_or_test(p);
        nodelist conds;
        nl_init(&conds);
        nl_add(p, &conds, target);
        nl_add(p, &conds, iter);
        while (at(p, PY_T_KW_if)) {
            advance(p);
            nl_add(p, &conds, parse_or_test(p));
        }
        py_ast *cf = nl_node(p, PY_AST_COMPFOR, &conds, t.line, t.col);
        cf->op = is_async;
        nl_add(p, out, cf);
    }
}

static py_ast *make_comp(py_parser *p, int kind, py_ast *elt, py_ast *val2, const py_token *t) {
    nodelist l;
    nl_init(&l);
    nl_add(p, &l, elt);
    if (val2) {
        nl_add(p, &l, val2);
    }
    parse_comp_fors(p, &l);
    return nl_node(p, kind, &l, t->line, t->col);
}

static bool at_comp_for(py_parser *p) {
    return at(p, PY_T_KW_for) || (at(p, PY_T_KW_async) && peek2(p)->kind == PY_T_KW_for);
}

// Element of a list/tuple/set display or call: star_named_expression.
static py_ast *parse_star_named(py_parser *p) {
    if (at(p, PY_T_STAR)) {
        py_token t = p->tok;
        advance(p);
        py_ast *v = parse_expr(p);
        py_ast *s = node_at(p, PY_AST_STARRED, 1, &t);
        s->kid[0] = v;
        return s;
    }
    return parse_namedexpr_test(p);
}

static py_ast *parse_atom(py_parser *p) {
    py_token t = p->tok;
    switch (t.kind) {
    case PY_T_NAME: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_NAME, 0, &t);
        a->val = t.value;
        return a;
    }
    case PY_T_INT:
    case PY_T_FLOAT: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_CONST, 0, &t);
        a->val = t.value;
        return a;
    }
    case PY_T_KW_None: case PY_T_KW_True: case PY_T_KW_False: case PY_T_ELLIPSIS: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_CONST, 0, &t);
        a->val = t.kind == PY_T_KW_None ? PY_NONE : t.kind == PY_T_KW_True ? PY_TRUE
                 : t.kind == PY_T_KW_False ? PY_FALSE : PY_ELLIPSIS;
        return a;
    }
    case PY_T_STRING: case PY_T_BYTES: case PY_T_FSTRING: {
        // Adjacent literals concatenate; f-strings make the result a JOINEDSTR.
        bool is_bytes = t.kind == PY_T_BYTES;
        nodelist parts;
        nl_init(&parts);
        bool any_f = false;
        while (at(p, PY_T_STRING) || at(p, PY_T_BYTES) || at(p, PY_T_FSTRING)) {
            if ((p->tok.kind == PY_T_BYTES) != is_bytes) {
                error_tok(p, &p->tok, "cannot mix bytes and nonbytes literals");
            }
            if (at(p, PY_T_FSTRING)) {
                any_f = true;
                py_token ft = p->tok;
                advance(p);
                py_ast *js = parse_fstring(p, &ft);
                for (size_t i = 0; i < js->n; i++) {
                    nl_add(p, &parts, js->kid[i]);
                }
            } else {
                py_ast *c = node_at(p, PY_AST_CONST, 0, &p->tok);
                c->val = p->tok.value;
                nl_add(p, &parts, c);
                advance(p);
            }
        }
        // Merge adjacent constant parts.
        size_t w = 0;
        for (size_t i = 0; i < parts.n; i++) {
            py_ast *c = parts.items[i];
            if (w > 0 && c->kind == PY_AST_CONST && parts.items[w - 1]->kind == PY_AST_CONST) {
                py_ast *prev = parts.items[w - 1];
                py_ast *m = node(p, PY_AST_CONST, 0, prev->line, prev->col);
                m->val = py_binary_op(PY_OP_ADD, prev->val, c->val);
                parts.items[w - 1] = m;
            } else {
                parts.items[w++] = c;
            }
        }
        parts.n = w;
        if (!any_f) {
            if (parts.n == 0) {
                py_ast *a = node_at(p, PY_AST_CONST, 0, &t);
                a->val = py_str_new("", 0);
                return a;
            }
            return parts.items[0];
        }
        return nl_node(p, PY_AST_JOINEDSTR, &parts, t.line, t.col);
    }
    case PY_T_LPAR: {
        advance(p);
        if (accept(p, PY_T_RPAR)) {
            return node_at(p, PY_AST_TUPLE, 0, &t);
        }
        if (at(p, PY_T_KW_yield)) {
            py_ast *y = parse_star_expr_list(p, true, NULL); // handles yield
            expect(p, PY_T_RPAR);
            return y;
        }
        py_ast *first = parse_star_named(p);
        if (at_comp_for(p)) {
            py_ast *g = make_comp(p, PY_AST_GENEXP, first, NULL, &t);
            expect(p, PY_T_RPAR);
            return g;
        }
        if (accept(p, PY_T_RPAR)) {
            if (first->kind == PY_AST_STARRED) {
                py_parse_error_at(p, first, "cannot use starred expression here");
            }
            if (first->kind == PY_AST_NAMEDEXPR) {
                first->op = 1; // parenthesised: allowed as a statement
            }
            return first;
        }
        nodelist l;
        nl_init(&l);
        nl_add(p, &l, first);
        while (accept(p, PY_T_COMMA)) {
            if (at(p, PY_T_RPAR)) {
                break;
            }
            nl_add(p, &l, parse_star_named(p));
        }
        expect(p, PY_T_RPAR);
        return nl_node(p, PY_AST_TUPLE, &l, t.line, t.col);
    }
    case PY_T_LSQB: {
        advance(p);
        nodelist l;
        nl_init(&l);
        if (!at(p, PY_T_RSQB)) {
            py_ast *first = parse_star_named(p);
            if (at_comp_for(p)) {
                py_ast *c = make_comp(p, PY_AST_LISTCOMP, first, NULL, &t);
                expect(p, PY_T_RSQB);
                return c;
            }
            nl_add(p, &l, first);
            while (accept(p, PY_T_COMMA)) {
                if (at(p, PY_T_RSQB)) {
                    break;
                }
                nl_add(p, &l, parse_star_named(p));
            }
        }
        expect(p, PY_T_RSQB);
        return nl_node(p, PY_AST_LIST_EXPR, &l, t.line, t.col);
    }
    case PY_T_LBRACE: {
        advance(p);
        nodelist l;
        nl_init(&l);
        if (accept(p, PY_T_RBRACE)) {
            return nl_node(p, PY_AST_DICT, &l, t.line, t.col);
        }
        bool is_dict;
        py_ast *k = NULL, *v = NULL;
        if (accept(p, PY_T_DSTAR)) {
            is_dict = true;
            v = parse_expr(p);
        } else {
            k = parse_star_named(p);
            is_dict = at(p, PY_T_COLON);
            if (is_dict) {
                if (k->kind == PY_AST_STARRED) {
                    py_parse_error_at(p, k, "cannot use a starred expression in a dictionary value");
                }
                advance(p);
                v = parse_test(p);
            }
        }
        if (is_dict) {
            if (k && at_comp_for(p)) {
                py_ast *c = make_comp(p, PY_AST_DICTCOMP, k, v, &t);
                expect(p, PY_T_RBRACE);
                return c;
            }
            nl_add(p, &l, k);
            nl_add(p, &l, v);
            while (accept(p, PY_T_COMMA)) {
                if (at(p, PY_T_RBRACE)) {
                    break;
                }
                if (accept(p, PY_T_DSTAR)) {
                    nl_add(p, &l, NULL);
                    nl_add(p, &l, parse_expr(p));
                } else {
                    nl_add(p, &l, parse_test(p));
                    expect(p, PY_T_COLON);
                    nl_add(p, &l, parse_test(p));
                }
            }
            expect(p, PY_T_RBRACE);
            return nl_node(p, PY_AST_DICT, &l, t.line, t.col);
        }
        if (at_comp_for(p)) {
            py_ast *c = make_comp(p, PY_AST_SETCOMP, k, NULL, &t);
            expect(p, PY_T_RBRACE);
            return c;
        }
        nl_add(p, &l, k);
        while (accept(p, PY_T_COMMA)) {
            if (at(p, PY_T_RBRACE)) {
                break;
            }
            nl_add(p, &l, parse_star_named(p));
        }
        expect(p, PY_T_RBRACE);
        return nl_node(p, PY_AST_SET, &l, t.line, t.col);
    }
    default:
        syntax_error(p);
    }
}

static py_ast *parse_slice_item(py_parser *p) {
    py_token t = p->tok;
    py_ast *lower = NULL;
    if (!at(p, PY_T_COLON)) {
        lower = at(p, PY_T_STAR) ? parse_star_named(p) : parse_namedexpr_test(p);
        if (!at(p, PY_T_COLON)) {
            return lower;
        }
    }
    advance(p); // ':'
    py_ast *s = node_at(p, PY_AST_SLICE, 3, &t);
    s->kid[0] = lower;
    if (!at(p, PY_T_COLON) && !at(p, PY_T_RSQB) && !at(p, PY_T_COMMA)) {
        s->kid[1] = parse_test(p);
    }
    if (accept(p, PY_T_COLON)) {
        if (!at(p, PY_T_RSQB) && !at(p, PY_T_COMMA)) {
            s->kid[2] = parse_test(p);
        }
    }
    return s;
}

static py_ast *parse_call(py_parser *p, py_ast *fn, const py_token *t) {
    nodelist l;
    nl_init(&l);
    nl_add(p, &l, fn);
    bool seen_kw = false, seen_dstar = false;
    while (!at(p, PY_T_RPAR)) {
        py_token at_t = p->tok;
        if (accept(p, PY_T_STAR)) {
            if (seen_dstar) {
                error_tok(p, &at_t, "iterable argument unpacking follows keyword argument unpacking");
            }
            py_ast *s = node_at(p, PY_AST_STARRED, 1, &at_t);
            s->kid[0] = parse_test(p);
            nl_add(p, &l, s);
        } else if (accept(p, PY_T_DSTAR)) {
            py_ast *k = node_at(p, PY_AST_KEYWORD, 1, &at_t);
            k->kid[0] = parse_test(p);
            nl_add(p, &l, k);
            seen_dstar = true;
        } else if (at(p, PY_T_NAME) && peek2(p)->kind == PY_T_ASSIGN) {
            py_val name = p->tok.value;
            advance(p);
            advance(p);
            py_ast *k = node_at(p, PY_AST_KEYWORD, 1, &at_t);
            k->val = name;
            k->kid[0] = parse_test(p);
            nl_add(p, &l, k);
            seen_kw = true;
        } else {
            py_ast *a = parse_namedexpr_test(p);
            if (at_comp_for(p)) {
                a = make_comp(p, PY_AST_GENEXP, a, NULL, &at_t);
                if (l.n != 1 || !at(p, PY_T_RPAR)) {
                    py_parse_error_at(p, a, "Generator expression must be parenthesized");
                }
            } else if (at(p, PY_T_ASSIGN)) {
                error_tok(p, &p->tok, "expression cannot contain assignment, perhaps you meant \"==\"?");
            }
            if (seen_dstar) {
                py_parse_error_at(p, a, "positional argument follows keyword argument unpacking");
            }
            if (seen_kw) {
                py_parse_error_at(p, a, "positional argument follows keyword argument");
            }
            nl_add(p, &l, a);
        }
        if (!accept(p, PY_T_COMMA)) {
            break;
        }
    }
    expect(p, PY_T_RPAR);
    return nl_node(p, PY_AST_CALL, &l, t->line, t->col);
}

static py_ast *parse_primary(py_parser *p) {
    py_token start = p->tok;
    py_ast *a = parse_atom(p);
    for (;;) {
        py_token t = p->tok;
        if (accept(p, PY_T_LPAR)) {
            enter(p);
            a = parse_call(p, a, &start);
            leave(p);
        } else if (accept(p, PY_T_LSQB)) {
            enter(p);
            py_ast *idx = parse_slice_item(p);
            if (at(p, PY_T_COMMA)) {
                nodelist l;
                nl_init(&l);
                nl_add(p, &l, idx);
                while (accept(p, PY_T_COMMA)) {
                    if (at(p, PY_T_RSQB)) {
                        break;
                    }
                    nl_add(p, &l, parse_slice_item(p));
                }
                idx = nl_node(p, PY_AST_TUPLE, &l, idx->line, idx->col);
            }
            expect(p, PY_T_RSQB);
            leave(p);
            a = node2(p, PY_AST_SUBSCRIPT, a, a, idx);
            a->line = t.line;
        } else if (accept(p, PY_T_DOT)) {
            py_val name = expect_name(p);
            py_ast *at_node = node_at(p, PY_AST_ATTRIBUTE, 1, &t);
            at_node->kid[0] = a;
            at_node->val = name;
            at_node->col = a->col;
            a = at_node;
        } else {
            return a;
        }
    }
}

static py_ast *parse_power(py_parser *p) {
    py_token t = p->tok;
    py_ast *a;
    if (accept(p, PY_T_KW_await)) {
        a = node_at(p, PY_AST_AWAIT, 1, &t);
        a->kid[0] = parse_primary(p);
    } else {
        a = parse_primary(p);
    }
    if (at(p, PY_T_DSTAR)) {
        advance(p);
        py_ast *b = parse_factor(p);
        py_ast *bin = node2(p, PY_AST_BINOP, a, a, b);
        bin->op = PY_OP_POW;
        return bin;
    }
    return a;
}

static py_ast *parse_factor(py_parser *p) {
    py_token t = p->tok;
    int op;
    switch (t.kind) {
    case PY_T_MINUS: op = PY_UOP_NEG; break;
    case PY_T_PLUS: op = PY_UOP_POS; break;
    case PY_T_TILDE: op = PY_UOP_INVERT; break;
    default: return parse_power(p);
    }
    advance(p);
    enter(p);
    py_ast *a = node_at(p, PY_AST_UNARYOP, 1, &t);
    a->op = (uint8_t)op;
    a->kid[0] = parse_factor(p);
    leave(p);
    return a;
}

// Binary operator levels, lowest first: | ^ & shift arith term.
static int binop_of(int level, int tok) {
    switch (level) {
    case 0: return tok == PY_T_VBAR ? PY_OP_OR : -1;
    case 1: return tok == PY_T_CIRCUMFLEX ? PY_OP_XOR : -1;
    case 2: return tok == PY_T_AMPER ? PY_OP_AND : -1;
    case 3: return tok == PY_T_LSHIFT ? PY_OP_LSHIFT : tok == PY_T_RSHIFT ? PY_OP_RSHIFT : -1;
    case 4: return tok == PY_T_PLUS ? PY_OP_ADD : tok == PY_T_MINUS ? PY_OP_SUB : -1;
    default:
        switch (tok) {
        case PY_T_STAR: return PY_OP_MUL;
        case PY_T_SLASH: return PY_OP_TRUEDIV;
        case PY_T_DSLASH: return PY_OP_FLOORDIV;
        case PY_T_PERCENT: return PY_OP_MOD;
        case PY_T_AT: return PY_OP_MATMUL;
        default: return -1;
        }
    }
}

static py_ast *parse_binlevel(py_parser *p, int level) {
    if (level > 5) {
        return parse_factor(p);
    }
    py_ast *a = parse_binlevel(p, level + 1);
    int op;
    while ((op = binop_of(level, p->tok.kind)) >= 0) {
        advance(p);
        py_ast *b = parse_binlevel(p, level + 1);
        py_ast *bin = node2(p, PY_AST_BINOP, a, a, b);
        bin->op = (uint8_t)op;
        a = bin;
    }
    return a;
}

static py_ast *parse_expr(py_parser *p) {
    enter(p);
    py_ast *a = parse_binlevel(p, 0);
    leave(p);
    return a;
}

static int cmp_op(py_parser *p) {
    switch (p->tok.kind) {
    case PY_T_LT: advance(p); return PY_AST_CMP_LT;
    case PY_T_GT: advance(p); return PY_AST_CMP_GT;
    case PY_T_EQ: advance(p); return PY_AST_CMP_EQ;
    case PY_T_NE: advance(p); return PY_AST_CMP_NE;
    case PY_T_LE: advance(p); return PY_AST_CMP_LE;
    case PY_T_GE: advance(p); return PY_AST_CMP_GE;
    case PY_T_KW_in: advance(p); return PY_AST_CMP_IN;
    case PY_T_KW_not:
        if (peek2(p)->kind == PY_T_KW_in) {
            advance(p);
            advance(p);
            return PY_AST_CMP_NOT_IN;
        }
        return -1;
    case PY_T_KW_is:
        advance(p);
        return accept(p, PY_T_KW_not) ? PY_AST_CMP_IS_NOT : PY_AST_CMP_IS;
    default:
        return -1;
    }
}

static py_ast *parse_comparison(py_parser *p) {
    py_ast *a = parse_expr(p);
    int op = cmp_op(p);
    if (op < 0) {
        return a;
    }
    nodelist l;
    nl_init(&l);
    nl_add(p, &l, a);
    do {
        py_ast *c = node(p, PY_AST_CMPOP, 1, a->line, a->col);
        c->op = (uint8_t)op;
        c->kid[0] = parse_expr(p);
        nl_add(p, &l, c);
    } while ((op = cmp_op(p)) >= 0);
    return nl_node(p, PY_AST_COMPARE, &l, a->line, a->col);
}

static py_ast *parse_not_test(py_parser *p) {
    py_token t = p->tok;
    if (accept(p, PY_T_KW_not)) {
        enter(p);
        py_ast *a = node_at(p, PY_AST_UNARYOP, 1, &t);
        a->op = PY_AST_NOT;
        a->kid[0] = parse_not_test(p);
        leave(p);
        return a;
    }
    return parse_comparison(p);
}

static py_ast *parse_boolop(py_parser *p, int is_or) {
    py_ast *a = is_or ? parse_boolop(p, 0) : parse_not_test(p);
    int tok = is_or ? PY_T_KW_or : PY_T_KW_and;
    if (!at(p, tok)) {
        return a;
    }
    nodelist l;
    nl_init(&l);
    nl_add(p, &l, a);
    while (accept(p, tok)) {
        nl_add(p, &l, is_or ? parse_boolop(p, 0) : parse_not_test(p));
    }
    py_ast *b = nl_node(p, PY_AST_BOOLOP, &l, a->line, a->col);
    b->op = (uint8_t)is_or;
    return b;
}

static py_ast *parse_or_test(py_parser *p) { return parse_boolop(p, 1); }

static py_ast *parse_lambda(py_parser *p) {
    py_token t = p->tok;
    advance(p);
    py_ast *args = parse_arguments(p, true);
    expect(p, PY_T_COLON);
    py_ast *body = parse_test(p);
    py_ast *a = node_at(p, PY_AST_LAMBDA, 2, &t);
    a->kid[0] = args;
    a->kid[1] = body;
    return a;
}

static py_ast *parse_test(py_parser *p) {
    if (at(p, PY_T_KW_lambda)) {
        return parse_lambda(p);
    }
    enter(p);
    py_ast *a = parse_or_test(p);
    if (accept(p, PY_T_KW_if)) {
        py_ast *test = parse_or_test(p);
        if (!accept(p, PY_T_KW_else)) {
            error_tok(p, &p->tok, "expected 'else' after 'if' expression");
        }
        py_ast *orelse = parse_test(p);
        py_ast *e = node(p, PY_AST_IFEXP, 3, a->line, a->col);
        e->kid[0] = test;
        e->kid[1] = a;
        e->kid[2] = orelse;
        a = e;
    }
    leave(p);
    return a;
}

static py_ast *parse_namedexpr_test(py_parser *p) {
    if (at(p, PY_T_NAME) && peek2(p)->kind == PY_T_WALRUS) {
        py_token t = p->tok;
        advance(p);
        advance(p);
        py_ast *target = node_at(p, PY_AST_NAME, 0, &t);
        target->val = t.value;
        py_ast *a = node_at(p, PY_AST_NAMEDEXPR, 2, &t);
        a->kid[0] = target;
        a->kid[1] = parse_test(p);
        return a;
    }
    py_ast *a = parse_test(p);
    if (at(p, PY_T_WALRUS)) {
        py_parse_error_at(p, a, "cannot use assignment expressions with this expression");
    }
    return a;
}

// A comma-separated list of (star) expressions; a single item without a comma is returned
// as itself, else a TUPLE. Also handles yield expressions when allow_yield.
static py_ast *parse_star_expr_list(py_parser *p, bool allow_star, bool *is_tuple) {
    py_token t = p->tok;
    if (is_tuple) {
        *is_tuple = false;
    }
    if (at(p, PY_T_KW_yield)) {
        advance(p);
        if (accept(p, PY_T_KW_from)) {
            py_ast *a = node_at(p, PY_AST_YIELD_FROM, 1, &t);
            a->kid[0] = parse_test(p);
            return a;
        }
        py_ast *a = node_at(p, PY_AST_YIELD, 1, &t);
        if (starts_expr(p->tok.kind)) {
            a->kid[0] = parse_star_expr_list(p, true, NULL);
        }
        return a;
    }
    py_ast *first = allow_star ? parse_star_named(p) : parse_namedexpr_test(p);
    if (!at(p, PY_T_COMMA)) {
        if (is_tuple) {
            *is_tuple = false;
        }
        return first;
    }
    nodelist l;
    nl_init(&l);
    nl_add(p, &l, first);
    while (accept(p, PY_T_COMMA)) {
        if (!starts_expr(p->tok.kind) || at(p, PY_T_KW_yield)) {
            break;
        }
        nl_add(p, &l, allow_star ? parse_star_named(p) : parse_namedexpr_test(p));
    }
    if (is_tuple) {
        *is_tuple = true;
    }
    return nl_node(p, PY_AST_TUPLE, &l, t.line, t.col);
}

// ---- f-strings ---------------------------------------------------------------------------
static py_ast *parse_sub_expression(py_parser *p, const char *s, size_t n, uint32_t line, uint32_t col) {
    // Parse `( s )` with a fresh lexer, so newlines inside are allowed as in brackets.
    py_parser *sub = py_gc_alloc(sizeof(py_parser), 0);
    char *buf = py_gc_alloc(n + 3, PY_GC_LEAF);
    buf[0] = '(';
    py_memcpy(buf + 1, s, n);
    buf[n + 1] = ')';
    py_lexer_init(&sub->lx, buf, n + 2, p->lx.filename, line);
    sub->depth = p->depth;
    sub->mode = p->mode;
    advance(sub);
    // Empty expression check
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n')) {
        k++;
    }
    if (k == n) {
        py_lexer_error(&p->lx, &py_type_SyntaxError, line, col, "f-string: empty expression not allowed");
    }
    expect(sub, PY_T_LPAR);
    bool tup;
    py_ast *e = parse_star_expr_list(sub, true, &tup);
    if (!at(sub, PY_T_RPAR)) {
        py_lexer_error(&p->lx, &py_type_SyntaxError, line, col, "f-string: invalid syntax");
    }
    return e;
}

static py_ast *fstring_parts(py_parser *p, const char *s, size_t n, bool raw, const py_token *t,
                             int nest) {
    nodelist parts;
    nl_init(&parts);
    size_t i = 0;
    while (i < n) {
        // literal run
        size_t lit = i;
        py_vstr v;
        py_vstr_init(&v, 16);
        while (i < n) {
            if (s[i] == '{') {
                if (i + 1 < n && s[i + 1] == '{') {
                    py_vstr_add(&v, s + lit, i + 1 - lit);
                    i += 2;
                    lit = i;
                    continue;
                }
                break;
            }
            if (s[i] == '}') {
                if (i + 1 < n && s[i + 1] == '}') {
                    py_vstr_add(&v, s + lit, i + 1 - lit);
                    i += 2;
                    lit = i;
                    continue;
                }
                py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col,
                               "f-string: single '}' is not allowed");
            }
            if (s[i] == '\\' && !raw && i + 1 < n) {
                i += 2;
                continue;
            }
            i++;
        }
        py_vstr_add(&v, s + lit, i - lit);
        if (v.len > 0) {
            py_ast *c = node_at(p, PY_AST_CONST, 0, t);
            c->val = py_lexer_decode_string(&p->lx, py_vstr_data(&v), v.len, false, raw, t->line, t->col);
            nl_add(p, &parts, c);
        }
        if (i >= n) {
            break;
        }
        // replacement field: { expr [=] [!conv] [:spec] }
        i++;
        size_t es = i;
        int depth = 0;
        char quote = 0;
        while (i < n) {
            char c = s[i];
            if (quote) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && (c == ':' || (c == '!' && i + 1 < n && s[i + 1] != '='))) {
                break;
            } else if (c == '\\') {
                py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col,
                               "f-string expression part cannot include a backslash");
            } else if (c == '#') {
                py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col,
                               "f-string expression part cannot include '#'");
            }
            i++;
        }
        if (i >= n) {
            py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col, "f-string: expecting '}'");
        }
        size_t ee = i;
        // "{x=}" debugging form: the text, then repr (unless a conversion/spec says otherwise)
        bool debug = false;
        size_t de = ee;
        while (de > es && (s[de - 1] == ' ')) {
            de--;
        }
        if (de > es && s[de - 1] == '=' && (de < es + 2 || (s[de - 2] != '=' && s[de - 2] != '!' &&
                                                            s[de - 2] != '<' && s[de - 2] != '>'))) {
            debug = true;
            py_ast *c = node_at(p, PY_AST_CONST, 0, t);
            c->val = py_str_new(s + es, ee - es);
            nl_add(p, &parts, c);
            ee = de - 1;
        }
        py_ast *expr = parse_sub_expression(p, s + es, ee - es, t->line, t->col);
        py_ast *f = node_at(p, PY_AST_FORMATTED, 2, t);
        f->kid[0] = expr;
        if (debug) {
            f->op = 'r';
        }
        if (s[i] == '!') {
            if (i + 1 >= n || (s[i + 1] != 'r' && s[i + 1] != 's' && s[i + 1] != 'a')) {
                py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col,
                               "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            f->op = (uint8_t)s[i + 1];
            i += 2;
        }
        if (i < n && s[i] == ':') {
            if (nest >= 2) {
                py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col,
                               "f-string: expressions nested too deeply");
            }
            i++;
            size_t ss = i;
            int d = 0;
            while (i < n && (s[i] != '}' || d > 0)) {
                if (s[i] == '{') {
                    d++;
                } else if (s[i] == '}') {
                    d--;
                }
                i++;
            }
            f->kid[1] = fstring_parts(p, s + ss, i - ss, raw, t, nest + 1);
        }
        if (i >= n || s[i] != '}') {
            py_lexer_error(&p->lx, &py_type_SyntaxError, t->line, t->col, "f-string: expecting '}'");
        }
        i++;
        nl_add(p, &parts, f);
    }
    return nl_node(p, PY_AST_JOINEDSTR, &parts, t->line, t->col);
}

static py_ast *parse_fstring(py_parser *p, const py_token *t) {
    size_t n;
    const char *s = py_get_str(t->value, &n);
    return fstring_parts(p, s, n, (t->flags & PY_LEX_RAW) != 0, t, 0);
}

// ---- targets -----------------------------------------------------------------------------
static const char *target_kind_name(const py_ast *t) {
    switch (t->kind) {
    case PY_AST_CALL: return "function call";
    case PY_AST_CONST:
        return t->val == PY_NONE ? "None" : t->val == PY_TRUE ? "True" : t->val == PY_FALSE ? "False"
               : t->val == PY_ELLIPSIS ? "ellipsis" : "literal";
    case PY_AST_BINOP: case PY_AST_UNARYOP: return "expression";
    case PY_AST_BOOLOP: return "expression";
    case PY_AST_COMPARE: return "comparison";
    case PY_AST_LAMBDA: return "lambda";
    case PY_AST_IFEXP: return "conditional expression";
    case PY_AST_DICT: return "dict literal";
    case PY_AST_SET: return "set display";
    case PY_AST_LISTCOMP: return "list comprehension";
    case PY_AST_SETCOMP: return "set comprehension";
    case PY_AST_DICTCOMP: return "dict comprehension";
    case PY_AST_GENEXP: return "generator expression";
    case PY_AST_YIELD: case PY_AST_YIELD_FROM: return "yield expression";
    case PY_AST_AWAIT: return "await expression";
    case PY_AST_JOINEDSTR: return "f-string expression";
    case PY_AST_NAMEDEXPR: return "named expression";
    default: return "expression";
    }
}

static void check_target(py_parser *p, py_ast *t, bool del) {
    switch (t->kind) {
    case PY_AST_NAME: case PY_AST_ATTRIBUTE: case PY_AST_SUBSCRIPT:
        return;
    case PY_AST_TUPLE: case PY_AST_LIST_EXPR: {
        bool star = false;
        for (size_t i = 0; i < t->n; i++) {
            if (t->kid[i]->kind == PY_AST_STARRED) {
                if (del) {
                    py_parse_error_at(p, t->kid[i], "cannot delete starred");
                }
                if (star) {
                    py_parse_error_at(p, t->kid[i], "multiple starred expressions in assignment");
                }
                star = true;
                check_target(p, t->kid[i]->kid[0], del);
            } else {
                check_target(p, t->kid[i], del);
            }
        }
        return;
    }
    case PY_AST_STARRED:
        py_parse_error_at(p, t, "starred assignment target must be in a list or tuple");
    default: {
        char msg[80];
        py_snprintf(msg, sizeof(msg), "cannot %s %s", del ? "delete" : "assign to", target_kind_name(t));
        py_parse_error_at(p, t, msg);
    }
    }
}

// ---- statements ---------------------------------------------------------------------------
static py_ast *parse_block(py_parser *p);
static py_ast *parse_statement(py_parser *p, nodelist *out);

static py_ast *parse_arguments(py_parser *p, bool is_lambda) {
    // def: '(' params ')' (the caller consumed nothing); lambda: params up to ':'
    py_token t = p->tok;
    int end = is_lambda ? PY_T_COLON : PY_T_RPAR;
    if (!is_lambda) {
        expect(p, PY_T_LPAR);
    }
    nodelist l;
    nl_init(&l);
    int kind = PY_ARG_KIND_POS;
    bool seen_default = false, seen_star = false, seen_slash = false;
    while (!at(p, end)) {
        py_token at_t = p->tok;
        if (accept(p, PY_T_SLASH)) {
            if (seen_slash || seen_star || l.n == 0) {
                error_tok(p, &at_t, seen_slash ? "/ may appear only once" : "at least one argument must precede /");
            }
            seen_slash = true;
            for (size_t i = 0; i < l.n; i++) {
                l.items[i]->op = PY_ARG_KIND_POSONLY;
            }
        } else if (accept(p, PY_T_STAR)) {
            if (seen_star) {
                error_tok(p, &at_t, "* argument may appear only once");
            }
            seen_star = true;
            kind = PY_ARG_KIND_KWONLY;
            if (at(p, PY_T_NAME)) {
                py_ast *a = node_at(p, PY_AST_ARG, 1, &p->tok);
                a->val = expect_name(p);
                a->op = PY_ARG_KIND_VARARG;
                if (!is_lambda && accept(p, PY_T_COLON)) {
                    parse_test(p);
                }
                nl_add(p, &l, a);
            } else if (at(p, end) || (at(p, PY_T_COMMA) && peek2(p)->kind == end)) {
                error_tok(p, &at_t, "named arguments must follow bare *");
            }
        } else if (accept(p, PY_T_DSTAR)) {
            py_ast *a = node_at(p, PY_AST_ARG, 1, &p->tok);
            a->val = expect_name(p);
            a->op = PY_ARG_KIND_VARKW;
            if (!is_lambda && accept(p, PY_T_COLON)) {
                parse_test(p);
            }
            nl_add(p, &l, a);
            accept(p, PY_T_COMMA);
            if (!at(p, end)) {
                error_tok(p, &p->tok, "arguments cannot follow var-keyword argument");
            }
            break;
        } else {
            py_ast *a = node_at(p, PY_AST_ARG, 1, &p->tok);
            a->val = expect_name(p);
            a->op = (uint8_t)kind;
            if (!is_lambda && accept(p, PY_T_COLON)) {
                parse_test(p); // annotation: parsed, not kept
            }
            if (accept(p, PY_T_ASSIGN)) {
                a->kid[0] = parse_test(p);
                if (kind == PY_ARG_KIND_POS) {
                    seen_default = true;
                }
            } else if (seen_default && kind == PY_ARG_KIND_POS) {
                error_tok(p, &at_t, "non-default argument follows default argument");
            }
            for (size_t i = 0; i < l.n; i++) {
                if (l.items[i]->val == a->val) {
                    char msg[96];
                    py_snprintf(msg, sizeof(msg), "duplicate argument '%s' in function definition",
                             py_qstr_str(py_qstr_get(a->val)));
                    error_tok(p, &at_t, msg);
                }
            }
            nl_add(p, &l, a);
        }
        if (!accept(p, PY_T_COMMA)) {
            break;
        }
    }
    if (!is_lambda) {
        expect(p, PY_T_RPAR);
    }
    return nl_node(p, PY_AST_ARGUMENTS, &l, t.line, t.col);
}

static py_ast *parse_funcdef(py_parser *p, py_ast *decorators, bool is_async, const py_token *t) {
    expect(p, PY_T_KW_def);
    py_val name = expect_name(p);
    py_ast *args = parse_arguments(p, false);
    if (accept(p, PY_T_ARROW)) {
        parse_test(p);
    }
    expect(p, PY_T_COLON);
    py_ast *body = parse_block(p);
    py_ast *f = node_at(p, PY_AST_FUNCDEF, 3, t);
    f->val = name;
    f->op = is_async;
    f->kid[0] = args;
    f->kid[1] = body;
    f->kid[2] = decorators;
    return f;
}

static py_ast *parse_classdef(py_parser *p, py_ast *decorators, const py_token *t) {
    expect(p, PY_T_KW_class);
    py_val name = expect_name(p);
    py_ast *bases = NULL;
    if (accept(p, PY_T_LPAR)) {
        py_ast *call = parse_call(p, NULL, t);
        // reuse the call-argument parser: kid[0] is the (absent) function
        bases = node(p, PY_AST_LIST, call->n - 1, t->line, t->col);
        py_memcpy(bases->kid, call->kid + 1, (call->n - 1) * sizeof(py_ast *));
    }
    expect(p, PY_T_COLON);
    py_ast *body = parse_block(p);
    py_ast *c = node_at(p, PY_AST_CLASSDEF, 3, t);
    c->val = name;
    c->kid[0] = bases;
    c->kid[1] = body;
    c->kid[2] = decorators;
    return c;
}

static py_ast *parse_if(py_parser *p) {
    py_token t = p->tok;
    advance(p); // if / elif
    py_ast *a = node_at(p, PY_AST_IF, 3, &t);
    a->kid[0] = parse_namedexpr_test(p);
    expect(p, PY_T_COLON);
    a->kid[1] = parse_block(p);
    if (at(p, PY_T_KW_elif)) {
        py_ast *e = parse_if(p);
        a->kid[2] = node(p, PY_AST_LIST, 1, e->line, e->col);
        a->kid[2]->kid[0] = e;
    } else if (accept(p, PY_T_KW_else)) {
        expect(p, PY_T_COLON);
        a->kid[2] = parse_block(p);
    }
    return a;
}

// with_item: expression ['as' target]; the target is a single (possibly parenthesised) one
static py_ast *parse_with_item(py_parser *p) {
    py_ast *item = node_at(p, PY_AST_WITHITEM, 2, &p->tok);
    item->kid[0] = parse_test(p);
    if (accept(p, PY_T_KW_as)) {
        py_ast *target = parse_expr(p);
        check_target(p, target, false);
        item->kid[1] = target;
    }
    return item;
}

// The parenthesised form `with (a as b, c):` (3.10): tried first, and if it does not parse,
// the parser backs up (its state is a plain struct) and reads an ordinary with statement.
static bool try_paren_with_items(py_parser *p, nodelist *l) {
    py_parser saved = *p;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        expect(p, PY_T_LPAR);
        do {
            if (at(p, PY_T_RPAR)) {
                break;
            }
            nl_add(p, l, parse_with_item(p));
        } while (accept(p, PY_T_COMMA));
        expect(p, PY_T_RPAR);
        if (!at(p, PY_T_COLON)) {
            syntax_error(p);
        }
        py_nlr_pop();
        return true;
    }
    if (!py_isinstance(nlr.exc, &py_type_SyntaxError)) {
        py_raise(nlr.exc);
    }
    *p = saved;
    l->n = 0;
    return false;
}

static py_ast *parse_with(py_parser *p, bool is_async, const py_token *t) {
    expect(p, PY_T_KW_with);
    nodelist l;
    nl_init(&l);
    if (!at(p, PY_T_LPAR) || !try_paren_with_items(p, &l)) {
        do {
            nl_add(p, &l, parse_with_item(p));
        } while (accept(p, PY_T_COMMA));
    }
    expect(p, PY_T_COLON);
    nl_add(p, &l, parse_block(p));
    py_ast *w = nl_node(p, PY_AST_WITH, &l, t->line, t->col);
    w->op = is_async;
    return w;
}

static py_ast *parse_for(py_parser *p, bool is_async, const py_token *t) {
    expect(p, PY_T_KW_for);
    py_ast *target = parse_target_list(p);
    expect(p, PY_T_KW_in);
    bool tup;
    py_ast *iter = parse_star_expr_list(p, true, &tup);
    expect(p, PY_T_COLON);
    py_ast *f = node_at(p, PY_AST_FOR, 4, t);
    f->op = is_async;
    f->kid[0] = target;
    f->kid[1] = iter;
    f->kid[2] = parse_block(p);
    if (accept(p, PY_T_KW_else)) {
        expect(p, PY_T_COLON);
        f->kid[3] = parse_block(p);
    }
    return f;
}

static py_ast *parse_try(py_parser *p) {
    py_token t = p->tok;
    advance(p);
    expect(p, PY_T_COLON);
    py_ast *a = node_at(p, PY_AST_TRY, 4, &t);
    a->kid[0] = parse_block(p);
    nodelist hl;
    nl_init(&hl);
    bool bare_seen = false;
    while (at(p, PY_T_KW_except)) {
        py_token ht = p->tok;
        advance(p);
        py_ast *h = node_at(p, PY_AST_HANDLER, 3, &ht);
        if (bare_seen) {
            error_tok(p, &ht, "default 'except:' must be last");
        }
        if (at(p, PY_T_STAR)) {
            error_tok(p, &p->tok, "except* is not supported");
        }
        if (!at(p, PY_T_COLON)) {
            h->kid[0] = parse_test(p);
            if (at(p, PY_T_COMMA)) {
                // except A, B: (Python 2 syntax) is an error; a tuple needs parentheses
                error_tok(p, &p->tok, "multiple exception types must be parenthesized");
            }
            if (accept(p, PY_T_KW_as)) {
                py_ast *n = node_at(p, PY_AST_NAME, 0, &p->tok);
                n->val = expect_name(p);
                h->kid[1] = n;
            }
        } else {
            bare_seen = true;
        }
        expect(p, PY_T_COLON);
        h->kid[2] = parse_block(p);
        nl_add(p, &hl, h);
    }
    if (hl.n > 0) {
        a->kid[1] = nl_node(p, PY_AST_LIST, &hl, t.line, t.col);
    }
    if (at(p, PY_T_KW_else)) {
        if (hl.n == 0) {
            syntax_error(p);
        }
        advance(p);
        expect(p, PY_T_COLON);
        a->kid[2] = parse_block(p);
    }
    if (accept(p, PY_T_KW_finally)) {
        expect(p, PY_T_COLON);
        a->kid[3] = parse_block(p);
    }
    if (hl.n == 0 && a->kid[3] == NULL) {
        error_tok(p, &p->tok, "expected 'except' or 'finally' block");
    }
    return a;
}

static py_ast *parse_dotted_name(py_parser *p) {
    py_token t = p->tok;
    py_val name = expect_name(p);
    if (at(p, PY_T_DOT)) {
        py_vstr v;
        py_vstr_init(&v, 32);
        size_t n;
        const char *s = py_qstr_data(py_qstr_get(name), &n);
        py_vstr_add(&v, s, n);
        while (accept(p, PY_T_DOT)) {
            py_vstr_add_char(&v, '.');
            s = py_qstr_data(py_qstr_get(expect_name(p)), &n);
            py_vstr_add(&v, s, n);
        }
        name = py_qstr_val(py_qstr_from_strn(py_vstr_data(&v), v.len));
    }
    py_ast *a = node_at(p, PY_AST_ALIAS, 1, &t);
    a->val = name;
    return a;
}

static py_ast *parse_simple(py_parser *p) {
    py_token t = p->tok;
    switch (t.kind) {
    case PY_T_KW_pass: advance(p); return node_at(p, PY_AST_PASS, 0, &t);
    case PY_T_KW_break: advance(p); return node_at(p, PY_AST_BREAK, 0, &t);
    case PY_T_KW_continue: advance(p); return node_at(p, PY_AST_CONTINUE, 0, &t);
    case PY_T_KW_return: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_RETURN, 1, &t);
        if (starts_expr(p->tok.kind)) {
            a->kid[0] = parse_star_expr_list(p, true, NULL);
        }
        return a;
    }
    case PY_T_KW_raise: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_RAISE, 2, &t);
        if (starts_expr(p->tok.kind)) {
            a->kid[0] = parse_test(p);
            if (accept(p, PY_T_KW_from)) {
                a->kid[1] = parse_test(p);
            }
        }
        return a;
    }
    case PY_T_KW_global:
    case PY_T_KW_nonlocal: {
        advance(p);
        nodelist l;
        nl_init(&l);
        do {
            py_ast *n = node_at(p, PY_AST_NAME, 0, &p->tok);
            n->val = expect_name(p);
            nl_add(p, &l, n);
        } while (accept(p, PY_T_COMMA));
        return nl_node(p, t.kind == PY_T_KW_global ? PY_AST_GLOBAL : PY_AST_NONLOCAL, &l, t.line, t.col);
    }
    case PY_T_KW_del: {
        advance(p);
        nodelist l;
        nl_init(&l);
        do {
            if (!starts_expr(p->tok.kind)) {
                break;
            }
            py_ast *target = parse_expr(p);
            check_target(p, target, true);
            nl_add(p, &l, target);
        } while (accept(p, PY_T_COMMA));
        if (l.n == 0) {
            syntax_error(p);
        }
        return nl_node(p, PY_AST_DEL, &l, t.line, t.col);
    }
    case PY_T_KW_assert: {
        advance(p);
        py_ast *a = node_at(p, PY_AST_ASSERT, 2, &t);
        a->kid[0] = parse_test(p);
        if (accept(p, PY_T_COMMA)) {
            a->kid[1] = parse_test(p);
        }
        return a;
    }
    case PY_T_KW_import: {
        advance(p);
        nodelist l;
        nl_init(&l);
        do {
            py_ast *alias = parse_dotted_name(p);
            if (accept(p, PY_T_KW_as)) {
                py_ast *n = node_at(p, PY_AST_NAME, 0, &p->tok);
                n->val = expect_name(p);
                alias->kid[0] = n;
            }
            nl_add(p, &l, alias);
        } while (accept(p, PY_T_COMMA));
        return nl_node(p, PY_AST_IMPORT, &l, t.line, t.col);
    }
    case PY_T_KW_from: {
        advance(p);
        int level = 0;
        for (;;) {
            if (accept(p, PY_T_DOT)) {
                level++;
            } else if (accept(p, PY_T_ELLIPSIS)) {
                level += 3;
            } else {
                break;
            }
        }
        py_val module = PY_NULL;
        if (!at(p, PY_T_KW_import)) {
            module = parse_dotted_name(p)->val;
        } else if (level == 0) {
            syntax_error(p);
        }
        expect(p, PY_T_KW_import);
        nodelist l;
        nl_init(&l);
        if (at(p, PY_T_STAR)) {
            py_ast *alias = node_at(p, PY_AST_ALIAS, 1, &p->tok);
            alias->val = py_qstr_val(PY_QSTR_star);
            advance(p);
            nl_add(p, &l, alias);
        } else {
            bool paren = accept(p, PY_T_LPAR);
            do {
                if (paren && at(p, PY_T_RPAR)) {
                    break;
                }
                py_ast *alias = node_at(p, PY_AST_ALIAS, 1, &p->tok);
                alias->val = expect_name(p);
                if (accept(p, PY_T_KW_as)) {
                    py_ast *n = node_at(p, PY_AST_NAME, 0, &p->tok);
                    n->val = expect_name(p);
                    alias->kid[0] = n;
                }
                nl_add(p, &l, alias);
            } while (accept(p, PY_T_COMMA));
            if (paren) {
                expect(p, PY_T_RPAR);
            } else if (l.n > 0 && p->lx.src[p->lx.pos - 1] == ',') {
                error_tok(p, &p->tok, "trailing comma not allowed without surrounding parentheses");
            }
        }
        py_ast *a = nl_node(p, PY_AST_IMPORT_FROM, &l, t.line, t.col);
        a->val = module;
        a->op = (uint8_t)(level > 255 ? 255 : level);
        return a;
    }
    default:
        break;
    }
    // Expression statement or assignment
    bool tup;
    py_ast *first = parse_star_expr_list(p, true, &tup);
    if (at(p, PY_T_ASSIGN)) {
        nodelist l;
        nl_init(&l);
        nl_add(p, &l, first);
        while (accept(p, PY_T_ASSIGN)) {
            nl_add(p, &l, parse_star_expr_list(p, true, &tup));
        }
        for (size_t i = 0; i + 1 < l.n; i++) {
            if (l.items[i]->kind == PY_AST_YIELD || l.items[i]->kind == PY_AST_YIELD_FROM) {
                py_parse_error_at(p, l.items[i], "assignment to yield expression not possible");
            }
            check_target(p, l.items[i], false);
        }
        return nl_node(p, PY_AST_ASSIGN, &l, t.line, t.col);
    }
    if (p->tok.kind >= PY_T_VBAR_EQ && p->tok.kind <= PY_T_DSTAR_EQ) {
        int op = PY_OP_OR + (p->tok.kind - PY_T_VBAR_EQ);
        if (first->kind != PY_AST_NAME && first->kind != PY_AST_ATTRIBUTE &&
            first->kind != PY_AST_SUBSCRIPT) {
            char msg[96];
            py_snprintf(msg, sizeof(msg), "'%s' is an illegal expression for augmented assignment",
                     first->kind == PY_AST_TUPLE ? "tuple" : first->kind == PY_AST_LIST_EXPR ? "list"
                                                                                              : target_kind_name(first));
            py_parse_error_at(p, first, msg);
        }
        advance(p);
        py_ast *a = node_at(p, PY_AST_AUGASSIGN, 2, &t);
        a->op = (uint8_t)op;
        a->kid[0] = first;
        a->kid[1] = parse_star_expr_list(p, true, &tup);
        return a;
    }
    if (at(p, PY_T_COLON) && !tup) {
        // annotated assignment: target: annotation [= value]
        if (first->kind != PY_AST_NAME && first->kind != PY_AST_ATTRIBUTE &&
            first->kind != PY_AST_SUBSCRIPT) {
            py_parse_error_at(p, first, "illegal target for annotation");
        }
        advance(p);
        parse_test(p);
        py_ast *a = node_at(p, PY_AST_ANNASSIGN, 2, &t);
        a->kid[0] = first;
        if (accept(p, PY_T_ASSIGN)) {
            a->kid[1] = parse_star_expr_list(p, true, &tup);
        }
        return a;
    }
    if (first->kind == PY_AST_STARRED) {
        py_parse_error_at(p, first, "can't use starred expression here");
    }
    if (first->kind == PY_AST_NAMEDEXPR && first->op == 0) {
        py_parse_error_at(p, first, "invalid syntax");
    }
    py_ast *a = node_at(p, PY_AST_EXPR_STMT, 1, &t);
    a->kid[0] = first;
    return a;
}

// simple_stmt (';' simple_stmt)* NEWLINE, appended to out
static void parse_simple_line(py_parser *p, nodelist *out) {
    for (;;) {
        nl_add(p, out, parse_simple(p));
        if (!accept(p, PY_T_SEMI)) {
            break;
        }
        if (at(p, PY_T_NEWLINE)) {
            break;
        }
    }
    if (!accept(p, PY_T_NEWLINE)) {
        if (at(p, PY_T_END)) {
            return;
        }
        syntax_error(p);
    }
}

// ':' already consumed. Either simple statements on the same line, or NEWLINE INDENT stmts DEDENT.
static py_ast *parse_block(py_parser *p) {
    enter(p);
    py_token t = p->tok;
    nodelist l;
    nl_init(&l);
    if (accept(p, PY_T_NEWLINE)) {
        if (!accept(p, PY_T_INDENT)) {
            py_lexer_error(&p->lx, &py_type_IndentationError, p->tok.line, p->tok.col,
                           "expected an indented block");
        }
        while (!accept(p, PY_T_DEDENT)) {
            if (at(p, PY_T_END)) {
                break;
            }
            parse_statement(p, &l);
        }
    } else {
        parse_simple_line(p, &l);
    }
    leave(p);
    return nl_node(p, PY_AST_LIST, &l, t.line, t.col);
}

// Parses one statement (a compound statement, or a line of simple ones) and appends it
// (them) to out. Returns the last one.
static py_ast *parse_statement(py_parser *p, nodelist *out) {
    py_token t = p->tok;
    py_ast *a;
    switch (t.kind) {
    case PY_T_KW_if: a = parse_if(p); break;
    case PY_T_KW_while: {
        advance(p);
        a = node_at(p, PY_AST_WHILE, 3, &t);
        a->kid[0] = parse_namedexpr_test(p);
        expect(p, PY_T_COLON);
        a->kid[1] = parse_block(p);
        if (accept(p, PY_T_KW_else)) {
            expect(p, PY_T_COLON);
            a->kid[2] = parse_block(p);
        }
        break;
    }
    case PY_T_KW_for: a = parse_for(p, false, &t); break;
    case PY_T_KW_try: a = parse_try(p); break;
    case PY_T_KW_with: a = parse_with(p, false, &t); break;
    case PY_T_KW_def: a = parse_funcdef(p, NULL, false, &t); break;
    case PY_T_KW_class: a = parse_classdef(p, NULL, &t); break;
    case PY_T_KW_async: {
        advance(p);
        if (at(p, PY_T_KW_def)) {
            a = parse_funcdef(p, NULL, true, &t);
        } else if (at(p, PY_T_KW_for)) {
            a = parse_for(p, true, &t);
        } else if (at(p, PY_T_KW_with)) {
            a = parse_with(p, true, &t);
        } else {
            syntax_error(p);
        }
        break;
    }
    case PY_T_AT: {
        nodelist dl;
        nl_init(&dl);
        while (accept(p, PY_T_AT)) {
            nl_add(p, &dl, parse_namedexpr_test(p));
            expect(p, PY_T_NEWLINE);
        }
        py_ast *decos = nl_node(p, PY_AST_LIST, &dl, t.line, t.col);
        py_token dt = p->tok;
        if (at(p, PY_T_KW_def)) {
            a = parse_funcdef(p, decos, false, &dt);
        } else if (at(p, PY_T_KW_class)) {
            a = parse_classdef(p, decos, &dt);
        } else if (at(p, PY_T_KW_async)) {
            advance(p);
            if (!at(p, PY_T_KW_def)) {
                syntax_error(p);
            }
            a = parse_funcdef(p, decos, true, &dt);
        } else {
            syntax_error(p);
        }
        break;
    }
    case PY_T_INDENT:
        py_lexer_error(&p->lx, &py_type_IndentationError, t.line, t.col, "unexpected indent");
    case PY_T_KW_else: case PY_T_KW_elif: case PY_T_KW_except: case PY_T_KW_finally:
        syntax_error(p);
    default: {
        size_t before = out->n;
        parse_simple_line(p, out);
        return out->n > before ? out->items[out->n - 1] : NULL;
    }
    }
    nl_add(p, out, a);
    return a;
}

void py_parse_init(py_parser *p, const char *src, size_t len, qstr filename, int mode) {
    memset(p, 0, sizeof(*p));
    py_lexer_init(&p->lx, src, len, filename, 1);
    p->mode = mode;
    advance(p);
}

py_ast *py_parse_next(py_parser *p) {
    if (p->mode == PY_COMPILE_EVAL) {
        if (at(p, PY_T_END)) {
            return NULL;
        }
        while (accept(p, PY_T_NEWLINE)) {
        }
        py_ast *e = parse_star_expr_list(p, true, NULL);
        while (accept(p, PY_T_NEWLINE)) {
        }
        if (!at(p, PY_T_END)) {
            syntax_error(p);
        }
        py_ast *s = node1(p, PY_AST_EXPR_STMT, e, e);
        return s;
    }
    while (accept(p, PY_T_NEWLINE)) {
    }
    if (at(p, PY_T_END)) {
        return NULL;
    }
    nodelist l;
    nl_init(&l);
    parse_statement(p, &l);
    if (l.n == 1) {
        return l.items[0];
    }
    return nl_node(p, PY_AST_LIST, &l, l.items[0]->line, l.items[0]->col);
}
