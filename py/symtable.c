// py/symtable.c: scopes and name resolution, the compiler's first pass over a statement.
// Builds a tree of scopes (module, class, function, lambda, comprehension) mirroring the
// AST, records how each name is bound and used, then resolves every name to LOCAL, CELL,
// FREE, GLOBAL (explicit or implicit) or NAME (dict lookup in module and class bodies), and
// assigns local slots: parameters first, then locals, cells, and free variables last.
#include <stdio.h>
#include <string.h>

#include "py/runtime.h"
#include "py/symtable.h"

static py_symbol *sym_find(py_scope *s, qstr name) {
    for (uint32_t i = 0; i < s->nsyms; i++) {
        if (s->syms[i].name == name) {
            return &s->syms[i];
        }
    }
    return NULL;
}

py_symbol *py_scope_lookup(py_scope *s, qstr name) { return sym_find(s, name); }

static py_symbol *sym_add(py_scope *s, qstr name) {
    py_symbol *y = sym_find(s, name);
    if (y) {
        return y;
    }
    if (s->nsyms == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->syms = py_gc_realloc(s->syms, s->cap * sizeof(py_symbol));
    }
    y = &s->syms[s->nsyms++];
    memset(y, 0, sizeof(*y));
    y->name = name;
    return y;
}

typedef struct {
    py_parser *p; // for error positions
    py_scope *cur;
} st_ctx;

static _Noreturn void st_error(st_ctx *c, const py_ast *a, const char *msg) {
    py_parse_error_at(c->p, a, msg);
}

static py_scope *scope_new(st_ctx *c, int kind, const py_ast *node, qstr name) {
    py_scope *s = py_gc_alloc(sizeof(py_scope), 0);
    s->kind = (uint8_t)kind;
    s->node = node;
    s->name = name;
    s->parent = c->cur;
    if (c->cur) {
        py_scope *par = c->cur;
        if (par->nkids == par->kcap) {
            par->kcap = par->kcap ? par->kcap * 2 : 4;
            par->kids = py_gc_realloc(par->kids, par->kcap * sizeof(py_scope *));
        }
        par->kids[par->nkids++] = s;
        // qualified name: Outer.inner, or f.<locals>.g inside a function
        if (par->kind != PY_SCOPE_MODULE) {
            size_t pl, nl;
            const char *ps = py_qstr_data(par->qualname, &pl);
            const char *ns = py_qstr_data(name, &nl);
            bool fn = par->kind != PY_SCOPE_CLASS;
            py_vstr v;
            py_vstr_init(&v, pl + nl + 10);
            py_vstr_add(&v, ps, pl);
            if (fn) {
                py_vstr_add(&v, ".<locals>", 9);
            }
            py_vstr_add_char(&v, '.');
            py_vstr_add(&v, ns, nl);
            s->qualname = py_qstr_from_strn(py_vstr_data(&v), v.len);
        } else {
            s->qualname = name;
        }
    } else {
        s->qualname = name;
    }
    return s;
}

static bool is_function_like(const py_scope *s) {
    return s->kind == PY_SCOPE_FUNCTION || s->kind == PY_SCOPE_COMPREHENSION;
}

static void st_expr(st_ctx *c, const py_ast *a);
static void st_stmts(st_ctx *c, const py_ast *list);

static void use_name(st_ctx *c, qstr name) {
    py_symbol *y = sym_add(c->cur, name);
    y->flags |= PY_SYM_USED;
    if (name == PY_QSTR_super && is_function_like(c->cur)) {
        // zero-argument super() needs the class cell
        sym_add(c->cur, PY_QSTR___class__)->flags |= PY_SYM_USED;
    }
}

static void bind_name(st_ctx *c, const py_ast *at, qstr name) {
    py_symbol *y = sym_add(c->cur, name);
    y->flags |= PY_SYM_ASSIGNED;
    (void)at;
}

static void st_target(st_ctx *c, const py_ast *t) {
    switch (t->kind) {
    case PY_AST_NAME: bind_name(c, t, py_qstr_get(t->val)); break;
    case PY_AST_TUPLE:
    case PY_AST_LIST_EXPR:
        for (size_t i = 0; i < t->n; i++) {
            st_target(c, t->kid[i]);
        }
        break;
    case PY_AST_STARRED: st_target(c, t->kid[0]); break;
    case PY_AST_ATTRIBUTE: st_expr(c, t->kid[0]); break;
    case PY_AST_SUBSCRIPT:
        st_expr(c, t->kid[0]);
        st_expr(c, t->kid[1]);
        break;
    default: st_expr(c, t); break;
    }
}

// Parameters: defaults are evaluated in the enclosing scope, names bound in the new one.
static void st_defaults(st_ctx *c, const py_ast *args) {
    for (size_t i = 0; i < args->n; i++) {
        if (args->kid[i]->kid[0]) {
            st_expr(c, args->kid[i]->kid[0]);
        }
    }
}

static void st_params(st_ctx *c, py_scope *s, const py_ast *args) {
    // Slot order (as CPython): positional (incl. positional-only), keyword-only, *args, **kw.
    static const int order[] = {PY_ARG_KIND_POSONLY, PY_ARG_KIND_POS, PY_ARG_KIND_KWONLY,
                                PY_ARG_KIND_VARARG, PY_ARG_KIND_VARKW};
    for (size_t k = 0; k < 5; k++) {
        for (size_t i = 0; i < args->n; i++) {
            const py_ast *a = args->kid[i];
            if (a->op != order[k]) {
                continue;
            }
            py_symbol *y = sym_add(s, py_qstr_get(a->val));
            y->flags |= PY_SYM_PARAM | PY_SYM_ASSIGNED;
            switch (a->op) {
            case PY_ARG_KIND_POSONLY: s->posonly++; s->argcount++; break;
            case PY_ARG_KIND_POS: s->argcount++; break;
            case PY_ARG_KIND_KWONLY: s->kwonly++; break;
            case PY_ARG_KIND_VARARG: s->varargs = true; break;
            case PY_ARG_KIND_VARKW: s->varkw = true; break;
            }
        }
    }
    (void)c;
}

static void st_comprehension(st_ctx *c, const py_ast *a, qstr name) {
    // The first iterable is evaluated in the enclosing scope; the rest inside.
    size_t first = a->kind == PY_AST_DICTCOMP ? 2 : 1;
    const py_ast *cf0 = a->kid[first];
    st_expr(c, cf0->kid[1]);
    py_scope *s = scope_new(c, PY_SCOPE_COMPREHENSION, a, name);
    py_scope *saved = c->cur;
    c->cur = s;
    py_symbol *arg = sym_add(s, PY_QSTR_dot0);
    arg->flags |= PY_SYM_PARAM | PY_SYM_ASSIGNED;
    s->argcount = 1;
    for (size_t i = first; i < a->n; i++) {
        const py_ast *cf = a->kid[i];
        if (cf->op) {
            s->flags |= PY_SCOPE_F_COROUTINE;
        }
        st_target(c, cf->kid[0]);
        if (i > first) {
            st_expr(c, cf->kid[1]);
        }
        for (size_t k = 2; k < cf->n; k++) {
            st_expr(c, cf->kid[k]);
        }
    }
    st_expr(c, a->kid[0]);
    if (a->kind == PY_AST_DICTCOMP) {
        st_expr(c, a->kid[1]);
    }
    if (a->kind == PY_AST_GENEXP) {
        s->flags |= PY_SCOPE_F_GENERATOR;
    }
    c->cur = saved;
}

static void st_expr(st_ctx *c, const py_ast *a) {
    if (a == NULL) {
        return;
    }
    py_stack_check();
    switch (a->kind) {
    case PY_AST_NAME: use_name(c, py_qstr_get(a->val)); return;
    case PY_AST_CONST: return;
    case PY_AST_LAMBDA: {
        st_defaults(c, a->kid[0]);
        py_scope *s = scope_new(c, PY_SCOPE_FUNCTION, a, PY_QSTR_lt_lambda_gt);
        st_params(c, s, a->kid[0]);
        py_scope *saved = c->cur;
        c->cur = s;
        st_expr(c, a->kid[1]);
        c->cur = saved;
        return;
    }
    case PY_AST_LISTCOMP: st_comprehension(c, a, PY_QSTR_lt_listcomp_gt); return;
    case PY_AST_SETCOMP: st_comprehension(c, a, PY_QSTR_lt_setcomp_gt); return;
    case PY_AST_DICTCOMP: st_comprehension(c, a, PY_QSTR_lt_dictcomp_gt); return;
    case PY_AST_GENEXP: st_comprehension(c, a, PY_QSTR_lt_genexpr_gt); return;
    case PY_AST_YIELD:
    case PY_AST_YIELD_FROM:
        if (c->cur->kind == PY_SCOPE_COMPREHENSION) {
            st_error(c, a, "'yield' inside comprehension");
        }
        if (!is_function_like(c->cur)) {
            st_error(c, a, "'yield' outside function");
        }
        if (a->kind == PY_AST_YIELD_FROM && (c->cur->flags & PY_SCOPE_F_COROUTINE)) {
            st_error(c, a, "'yield from' inside async function");
        }
        c->cur->flags |= PY_SCOPE_F_GENERATOR;
        st_expr(c, a->kid[0]);
        return;
    case PY_AST_AWAIT:
        if (c->cur->kind == PY_SCOPE_COMPREHENSION) {
            c->cur->flags |= PY_SCOPE_F_COROUTINE;
        } else if (!(c->cur->flags & PY_SCOPE_F_COROUTINE)) {
            st_error(c, a, c->cur->kind == PY_SCOPE_FUNCTION ? "'await' outside async function"
                                                             : "'await' outside function");
        }
        st_expr(c, a->kid[0]);
        return;
    case PY_AST_NAMEDEXPR: {
        // In a comprehension, the target binds in the nearest enclosing non-comprehension scope.
        qstr name = py_qstr_get(a->kid[0]->val);
        py_scope *s = c->cur;
        if (s->kind == PY_SCOPE_COMPREHENSION) {
            py_scope *t = s;
            while (t->kind == PY_SCOPE_COMPREHENSION) {
                py_symbol *y = sym_find(t, name);
                if (y && (y->flags & PY_SYM_ASSIGNED)) {
                    st_error(c, a, "assignment expression cannot rebind comprehension iteration variable");
                }
                t = t->parent;
            }
            if (t->kind == PY_SCOPE_CLASS) {
                st_error(c, a, "assignment expression within a comprehension cannot be used in a class body");
            }
            py_symbol *ty = sym_add(t, name);
            ty->flags |= PY_SYM_ASSIGNED;
            for (py_scope *u = s; u != t; u = u->parent) {
                py_symbol *uy = sym_add(u, name);
                uy->flags |= t->kind == PY_SCOPE_MODULE ? PY_SYM_GLOBAL_DECL : PY_SYM_NONLOCAL_DECL;
            }
        } else {
            bind_name(c, a, name);
        }
        st_expr(c, a->kid[1]);
        return;
    }
    case PY_AST_KEYWORD:
    case PY_AST_STARRED:
    case PY_AST_ATTRIBUTE:
    case PY_AST_FORMATTED:
        st_expr(c, a->kid[0]);
        if (a->kind == PY_AST_FORMATTED) {
            st_expr(c, a->kid[1]);
        }
        return;
    default:
        for (size_t i = 0; i < a->n; i++) {
            st_expr(c, a->kid[i]);
        }
        return;
    }
}

static void st_funcdef(st_ctx *c, const py_ast *a) {
    if (a->kid[2]) {
        for (size_t i = 0; i < a->kid[2]->n; i++) {
            st_expr(c, a->kid[2]->kid[i]);
        }
    }
    st_defaults(c, a->kid[0]);
    qstr name = py_qstr_get(a->val);
    bind_name(c, a, name);
    py_scope *s = scope_new(c, PY_SCOPE_FUNCTION, a, name);
    if (a->op) {
        s->flags |= PY_SCOPE_F_COROUTINE;
    }
    st_params(c, s, a->kid[0]);
    py_scope *saved = c->cur;
    c->cur = s;
    st_stmts(c, a->kid[1]);
    c->cur = saved;
}

static void st_classdef(st_ctx *c, const py_ast *a) {
    if (a->kid[2]) {
        for (size_t i = 0; i < a->kid[2]->n; i++) {
            st_expr(c, a->kid[2]->kid[i]);
        }
    }
    if (a->kid[0]) {
        st_expr(c, a->kid[0]);
    }
    qstr name = py_qstr_get(a->val);
    bind_name(c, a, name);
    py_scope *s = scope_new(c, PY_SCOPE_CLASS, a, name);
    py_scope *saved = c->cur;
    c->cur = s;
    st_stmts(c, a->kid[1]);
    c->cur = saved;
}

static void st_stmt(st_ctx *c, const py_ast *a) {
    py_stack_check();
    switch (a->kind) {
    case PY_AST_LIST: st_stmts(c, a); return;
    case PY_AST_FUNCDEF: st_funcdef(c, a); return;
    case PY_AST_CLASSDEF: st_classdef(c, a); return;
    case PY_AST_ASSIGN:
        st_expr(c, a->kid[a->n - 1]);
        for (size_t i = 0; i + 1 < a->n; i++) {
            st_target(c, a->kid[i]);
        }
        return;
    case PY_AST_AUGASSIGN:
        st_expr(c, a->kid[1]);
        if (a->kid[0]->kind == PY_AST_NAME) {
            use_name(c, py_qstr_get(a->kid[0]->val));
        }
        st_target(c, a->kid[0]);
        return;
    case PY_AST_ANNASSIGN:
        st_expr(c, a->kid[1]);
        if (a->kid[1]) {
            st_target(c, a->kid[0]);
        } else if (a->kid[0]->kind == PY_AST_NAME) {
            // `x: int` alone makes x local in a function (as CPython) without binding it
            bind_name(c, a, py_qstr_get(a->kid[0]->val));
        } else {
            st_target(c, a->kid[0]);
        }
        return;
    case PY_AST_DEL:
        for (size_t i = 0; i < a->n; i++) {
            st_target(c, a->kid[i]);
        }
        return;
    case PY_AST_FOR:
        st_expr(c, a->kid[1]);
        st_target(c, a->kid[0]);
        if (a->op && !(c->cur->flags & PY_SCOPE_F_COROUTINE)) {
            st_error(c, a, "'async for' outside async function");
        }
        st_stmts(c, a->kid[2]);
        if (a->kid[3]) {
            st_stmts(c, a->kid[3]);
        }
        return;
    case PY_AST_WITH:
        if (a->op && !(c->cur->flags & PY_SCOPE_F_COROUTINE)) {
            st_error(c, a, "'async with' outside async function");
        }
        for (size_t i = 0; i + 1 < a->n; i++) {
            st_expr(c, a->kid[i]->kid[0]);
            if (a->kid[i]->kid[1]) {
                st_target(c, a->kid[i]->kid[1]);
            }
        }
        st_stmts(c, a->kid[a->n - 1]);
        return;
    case PY_AST_TRY:
        st_stmts(c, a->kid[0]);
        if (a->kid[1]) {
            for (size_t i = 0; i < a->kid[1]->n; i++) {
                const py_ast *h = a->kid[1]->kid[i];
                st_expr(c, h->kid[0]);
                if (h->kid[1]) {
                    bind_name(c, h, py_qstr_get(h->kid[1]->val));
                }
                st_stmts(c, h->kid[2]);
            }
        }
        if (a->kid[2]) {
            st_stmts(c, a->kid[2]);
        }
        if (a->kid[3]) {
            st_stmts(c, a->kid[3]);
        }
        return;
    case PY_AST_IMPORT:
        for (size_t i = 0; i < a->n; i++) {
            const py_ast *al = a->kid[i];
            if (al->kid[0]) {
                bind_name(c, al, py_qstr_get(al->kid[0]->val));
            } else {
                // import a.b binds a
                size_t n;
                const char *s = py_qstr_data(py_qstr_get(al->val), &n);
                const char *dot = memchr(s, '.', n);
                bind_name(c, al, dot ? py_qstr_from_strn(s, (size_t)(dot - s)) : py_qstr_get(al->val));
            }
        }
        return;
    case PY_AST_IMPORT_FROM:
        for (size_t i = 0; i < a->n; i++) {
            const py_ast *al = a->kid[i];
            if (py_qstr_get(al->val) == PY_QSTR_star) {
                if (c->cur->kind != PY_SCOPE_MODULE) {
                    st_error(c, a, "import * only allowed at module level");
                }
                continue;
            }
            bind_name(c, al, py_qstr_get(al->kid[0] ? al->kid[0]->val : al->val));
        }
        return;
    case PY_AST_GLOBAL:
    case PY_AST_NONLOCAL: {
        bool global = a->kind == PY_AST_GLOBAL;
        if (!global && c->cur->kind == PY_SCOPE_MODULE) {
            st_error(c, a, "nonlocal declaration not allowed at module level");
        }
        for (size_t i = 0; i < a->n; i++) {
            qstr name = py_qstr_get(a->kid[i]->val);
            py_symbol *y = sym_add(c->cur, name);
            char msg[128];
            const char *what = global ? "global" : "nonlocal";
            if (y->flags & PY_SYM_PARAM) {
                py_snprintf(msg, sizeof(msg), "name '%s' is parameter and %s", py_qstr_str(name), what);
                st_error(c, a, msg);
            }
            if ((y->flags & (PY_SYM_ASSIGNED | PY_SYM_USED)) &&
                !(y->flags & (PY_SYM_GLOBAL_DECL | PY_SYM_NONLOCAL_DECL))) {
                py_snprintf(msg, sizeof(msg), "name '%s' is %s prior to %s declaration", py_qstr_str(name),
                         (y->flags & PY_SYM_ASSIGNED) ? "assigned to" : "used", what);
                st_error(c, a, msg);
            }
            if ((global && (y->flags & PY_SYM_NONLOCAL_DECL)) || (!global && (y->flags & PY_SYM_GLOBAL_DECL))) {
                py_snprintf(msg, sizeof(msg), "name '%s' is nonlocal and global", py_qstr_str(name));
                st_error(c, a, msg);
            }
            y->flags |= global ? PY_SYM_GLOBAL_DECL : PY_SYM_NONLOCAL_DECL;
            if (!global) {
                y->line = a->line;
            }
        }
        return;
    }
    case PY_AST_RETURN:
        if (!is_function_like(c->cur)) {
            st_error(c, a, "'return' outside function");
        }
        st_expr(c, a->kid[0]);
        return;
    default:
        for (size_t i = 0; i < a->n; i++) {
            if (a->kind == PY_AST_IF || a->kind == PY_AST_WHILE) {
                if (i == 0) {
                    st_expr(c, a->kid[0]);
                } else if (a->kid[i]) {
                    st_stmts(c, a->kid[i]);
                }
            } else {
                st_expr(c, a->kid[i]);
            }
        }
        return;
    }
}

static void st_stmts(st_ctx *c, const py_ast *list) {
    if (list->kind != PY_AST_LIST) {
        st_stmt(c, list);
        return;
    }
    for (size_t i = 0; i < list->n; i++) {
        st_stmt(c, list->kid[i]);
    }
}

// ---- resolution -----------------------------------------------------------------------------
// Finds the scope that binds `name` for a use in `s` (a function-like or class scope),
// marking cells and pass-through free variables on the way. Returns the binding kind for s.
static int resolve_free(st_ctx *c, py_scope *s, py_symbol *y) {
    qstr name = y->name;
    // Walk outward; class scopes are invisible to nested scopes, except for __class__.
    py_scope *t = s->parent;
    for (; t && t->kind != PY_SCOPE_MODULE; t = t->parent) {
        if (t->kind == PY_SCOPE_CLASS) {
            if (name == PY_QSTR___class__) {
                py_symbol *ty = sym_add(t, name);
                ty->kind = PY_SYM_CELL;
                t->flags |= PY_SCOPE_F_CLASS_CELL;
                break;
            }
            continue;
        }
        py_symbol *ty = sym_find(t, name);
        if (ty == NULL) {
            continue;
        }
        if (ty->flags & PY_SYM_GLOBAL_DECL) {
            return PY_SYM_GLOBAL_IMPLICIT;
        }
        if (ty->flags & PY_SYM_NONLOCAL_DECL) {
            break; // t itself has it free: pass through
        }
        if (ty->flags & (PY_SYM_ASSIGNED | PY_SYM_PARAM)) {
            ty->kind = PY_SYM_CELL;
            break;
        }
        if (ty->kind == PY_SYM_FREE) {
            break;
        }
    }
    if (t == NULL || t->kind == PY_SCOPE_MODULE) {
        return -1;
    }
    // Every scope strictly between s and t carries the name through its closure.
    for (py_scope *u = s->parent; u != t; u = u->parent) {
        py_symbol *uy = sym_add(u, name);
        if (u->kind == PY_SCOPE_CLASS) {
            uy->flags |= PY_SYM_CLASS_FREE;
        } else if (uy->kind != PY_SYM_CELL && uy->kind != PY_SYM_FREE) {
            uy->kind = PY_SYM_FREE;
        }
    }
    (void)c;
    return PY_SYM_FREE;
}

static void resolve_scope(st_ctx *c, py_scope *s) {
    for (uint32_t i = 0; i < s->nsyms; i++) {
        py_symbol *y = &s->syms[i];
        if (y->kind != PY_SYM_UNRESOLVED) {
            continue; // set as a cell or pass-through by a nested scope processed earlier
        }
        if (y->flags & PY_SYM_GLOBAL_DECL) {
            y->kind = PY_SYM_GLOBAL_EXPLICIT;
        } else if (s->kind == PY_SCOPE_MODULE) {
            y->kind = PY_SYM_NAME;
        } else if (y->flags & PY_SYM_NONLOCAL_DECL) {
            int k = resolve_free(c, s, y);
            if (k != PY_SYM_FREE) {
                char msg[96];
                py_snprintf(msg, sizeof(msg), "no binding for nonlocal '%s' found", py_qstr_str(y->name));
                py_ast fake = {0};
                fake.line = y->line;
                st_error(c, &fake, msg);
            }
            y->kind = PY_SYM_FREE;
        } else if (s->kind == PY_SCOPE_CLASS) {
            y->kind = PY_SYM_NAME;
            if (!(y->flags & PY_SYM_ASSIGNED) && resolve_free(c, s, y) == PY_SYM_FREE) {
                y->flags |= PY_SYM_CLASS_FREE;
            }
        } else if (y->flags & (PY_SYM_ASSIGNED | PY_SYM_PARAM)) {
            y->kind = PY_SYM_LOCAL;
        } else {
            int k = resolve_free(c, s, y);
            y->kind = k == PY_SYM_FREE ? PY_SYM_FREE : PY_SYM_GLOBAL_IMPLICIT;
        }
    }
}

// Resolve children first (they mark cells in their parents), then this scope... but a
// scope's own unresolved uses must see children's pass-through marks, which are set as
// FREE/CELL directly, so order: children (deepest first), then self.
static void resolve_tree(st_ctx *c, py_scope *s) {
    for (uint32_t i = 0; i < s->nkids; i++) {
        resolve_tree(c, s->kids[i]);
    }
    resolve_scope(c, s);
}

static void assign_slots(py_scope *s) {
    for (uint32_t i = 0; i < s->nkids; i++) {
        assign_slots(s->kids[i]);
    }
    if (s->kind == PY_SCOPE_MODULE) {
        return;
    }
    uint16_t n = 0;
    if (s->kind != PY_SCOPE_CLASS) {
        // parameters keep their declaration order (symbols were added in slot order)
        for (uint32_t i = 0; i < s->nsyms; i++) {
            if (s->syms[i].flags & PY_SYM_PARAM) {
                s->syms[i].slot = n++;
            }
        }
        for (uint32_t i = 0; i < s->nsyms; i++) {
            py_symbol *y = &s->syms[i];
            if (!(y->flags & PY_SYM_PARAM) && y->kind == PY_SYM_LOCAL) {
                y->slot = n++;
            }
        }
    }
    s->nplain = n;
    for (uint32_t i = 0; i < s->nsyms; i++) {
        py_symbol *y = &s->syms[i];
        if (y->kind == PY_SYM_CELL && !(y->flags & PY_SYM_PARAM)) {
            y->slot = n++;
            s->ncells++;
        } else if (y->kind == PY_SYM_CELL) {
            s->ncells++; // a parameter cell: MAKE_CELL wraps it in place
        }
    }
    for (uint32_t i = 0; i < s->nsyms; i++) {
        py_symbol *y = &s->syms[i];
        if (y->kind == PY_SYM_FREE || (y->flags & PY_SYM_CLASS_FREE)) {
            y->slot = n++;
            y->free_slot = y->slot;
            s->nfree++;
        }
    }
    s->nlocals = n;
}

py_scope *py_symtable_build(py_parser *p, py_scope *module, const py_ast *stmt) {
    st_ctx c = {p, module};
    if (module == NULL) {
        module = scope_new(&c, PY_SCOPE_MODULE, NULL, PY_QSTR_lt_module_gt);
        c.cur = module;
    }
    uint32_t first_kid = module->nkids;
    st_stmt(&c, stmt);
    for (uint32_t i = first_kid; i < module->nkids; i++) {
        resolve_tree(&c, module->kids[i]);
        assign_slots(module->kids[i]);
    }
    resolve_scope(&c, module);
    return module;
}

py_scope *py_scope_child(py_scope *s, const py_ast *node) {
    for (uint32_t i = 0; i < s->nkids; i++) {
        if (s->kids[i]->node == node) {
            return s->kids[i];
        }
    }
    return NULL;
}
