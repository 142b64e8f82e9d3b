// py/compile.c: the code generator, from a resolved AST to code objects (py/bc.h).
// A module is compiled one top-level statement at a time (parse → resolve → emit → drop
// the tree), so memory is bounded by the largest statement. Each code object is built in a
// `cunit`: the bytecode buffer, constants, names, labels patched at the end, the line table
// and the exception table. Control flow that leaves try/with/loops (return, break, continue)
// is compiled by unwinding a stack of frame blocks, emitting each block's cleanup inline
// (finally bodies are duplicated, as CPython does). Exception-table entries are emitted as
// runs of code covered by the innermost active handler, so they never overlap.
#include <stdio.h>
#include <string.h>

#include "py/bc.h"
#include "py/objint.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/symtable.h"

#define MAX_FBLOCKS 20

enum {
    FB_WHILE,
    FB_FOR,
    FB_ASYNC_FOR,
    FB_TRY_EXCEPT,
    FB_TRY_FINALLY,
    FB_FINALLY_END,
    FB_HANDLER,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_POP_VALUE,
    FB_CLEANUP, // between PUSH_EXC_INFO and a handler body: only has a cleanup handler
};

typedef struct fblock {
    uint8_t type;
    bool has_handler;
    uint16_t hdepth;
    int handler; // label
    int l_continue, l_break;
    const py_ast *extra; // TRY_FINALLY: finally body; HANDLER: the `as` NAME node or NULL
} fblock;

typedef struct exc_run {
    uint32_t start, end;
    int label;
    uint16_t depth;
} exc_run;

typedef struct cunit {
    py_parser *p;
    py_scope *scope;
    int mode;
    uint8_t *code;
    uint32_t len, cap;
    py_val consts; // list
    qstr *names;
    uint32_t nnames, names_cap;
    struct label {
        int32_t off;   // -1 until placed
        int32_t depth; // stack depth on arrival by a jump, -1 if unknown
    } *labels;
    uint32_t nlabels, labels_cap;
    struct patch {
        uint32_t at; // offset of the 16-bit jump argument
        int32_t label;
    } *patches;
    uint32_t npatches, patches_cap;
    exc_run *runs;
    uint32_t nruns, runs_cap;
    uint8_t *linetab;
    uint32_t linetab_len, linetab_cap;
    uint32_t last_line, last_off, cur_line;
    int depth, maxdepth;
    bool unreachable;
    fblock fb[MAX_FBLOCKS];
    int nfb;
    int run_label;
    uint16_t run_depth;
    uint32_t run_start;
    uint16_t flags;
} cunit;

static _Noreturn void cerror(cunit *c, const py_ast *a, const char *msg) {
    py_parse_error_at(c->p, a, msg);
}

// ---- buffers ---------------------------------------------------------------------------------
static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) {
        return p;
    }
    uint32_t n = *cap ? *cap : 16;
    while (n < need) {
        n *= 2;
    }
    p = py_gc_realloc(p, n * elem);
    *cap = n;
    return p;
}

static void linetab_varint(cunit *c, uint32_t v) {
    do {
        c->linetab = grow(c->linetab, &c->linetab_cap, c->linetab_len + 1, 1);
        uint8_t b = v & 0x7f;
        v >>= 7;
        c->linetab[c->linetab_len++] = (uint8_t)(b | (v ? 0x80 : 0));
    } while (v);
}

static void emit_byte(cunit *c, uint8_t b) {
    c->code = grow(c->code, &c->cap, c->len + 1, 1);
    c->code[c->len++] = b;
}

static void emit_raw(cunit *c, int op, uint32_t arg) {
    if (c->cur_line != c->last_line && c->cur_line != 0) {
        linetab_varint(c, c->len - c->last_off);
        int32_t d = (int32_t)c->cur_line - (int32_t)c->last_line;
        linetab_varint(c, ((uint32_t)d << 1) ^ (uint32_t)(d >> 31));
        c->last_line = c->cur_line;
        c->last_off = c->len;
    }
    if (op >= PY_BC_HAVE_ARG && arg > 0xffff) {
        emit_byte(c, PY_BC_EXTENDED_ARG);
        emit_byte(c, (uint8_t)(arg >> 16));
        emit_byte(c, (uint8_t)(arg >> 24));
    }
    emit_byte(c, (uint8_t)op);
    if (op >= PY_BC_HAVE_ARG) {
        emit_byte(c, (uint8_t)arg);
        emit_byte(c, (uint8_t)(arg >> 8));
    }
}

static void emit(cunit *c, int op, uint32_t arg) {
    emit_raw(c, op, arg);
    c->depth += py_bc_stack_effect(op, arg);
    if (c->depth > c->maxdepth) {
        c->maxdepth = c->depth;
    }
    if (op == PY_BC_RETURN_VALUE || op == PY_BC_RERAISE || op == PY_BC_POP_EXCEPT_RERAISE ||
        (op == PY_BC_RAISE_VARARGS)) {
        c->unreachable = true;
    }
}
static inline void emit0(cunit *c, int op) { emit(c, op, 0); }

// ---- labels -------------------------------------------------------------------------------
static int new_label(cunit *c) {
    c->labels = grow(c->labels, &c->labels_cap, c->nlabels + 1, sizeof(*c->labels));
    c->labels[c->nlabels].off = -1;
    c->labels[c->nlabels].depth = -1;
    return (int)c->nlabels++;
}

static void set_label_depth(cunit *c, int l, int depth) {
    if (c->labels[l].depth < depth) {
        c->labels[l].depth = depth;
    }
}

static void emit_jump(cunit *c, int op, int label) {
    emit_raw(c, op, 0);
    c->patches = grow(c->patches, &c->patches_cap, c->npatches + 1, sizeof(*c->patches));
    c->patches[c->npatches].at = c->len - 2;
    c->patches[c->npatches].label = label;
    c->npatches++;
    int jump_depth = c->depth;
    switch (op) {
    case PY_BC_POP_JUMP_IF_FALSE: case PY_BC_POP_JUMP_IF_TRUE: case PY_BC_POP_JUMP_IF_NONE:
        jump_depth = c->depth - 1;
        c->depth -= 1;
        break;
    case PY_BC_JUMP_IF_FALSE_OR_POP: case PY_BC_JUMP_IF_TRUE_OR_POP:
        jump_depth = c->depth;
        c->depth -= 1;
        break;
    case PY_BC_FOR_ITER:
        jump_depth = c->depth - 1;
        c->depth += 1;
        break;
    case PY_BC_JUMP:
        c->unreachable = true;
        break;
    }
    if (c->depth > c->maxdepth) {
        c->maxdepth = c->depth;
    }
    set_label_depth(c, label, jump_depth);
}

static void place_label(cunit *c, int label) {
    c->labels[label].off = (int32_t)c->len;
    int d = c->labels[label].depth;
    if (c->unreachable) {
        if (d >= 0) {
            c->depth = d;
        }
        c->unreachable = false;
    } else if (d > c->depth) {
        c->depth = d;
    }
}

// ---- exception handler runs --------------------------------------------------------------
static void update_handler(cunit *c) {
    int label = -1;
    uint16_t depth = 0;
    for (int i = c->nfb - 1; i >= 0; i--) {
        if (c->fb[i].has_handler) {
            label = c->fb[i].handler;
            depth = c->fb[i].hdepth;
            break;
        }
    }
    if (label == c->run_label && depth == c->run_depth) {
        return;
    }
    if (c->run_label >= 0 && c->len > c->run_start) {
        c->runs = grow(c->runs, &c->runs_cap, c->nruns + 1, sizeof(exc_run));
        c->runs[c->nruns++] = (exc_run){c->run_start, c->len, c->run_label, c->run_depth};
    }
    c->run_label = label;
    c->run_depth = depth;
    c->run_start = c->len;
}

static fblock *push_fb(cunit *c, const py_ast *at, int type) {
    if (c->nfb >= MAX_FBLOCKS) {
        cerror(c, at, "too many statically nested blocks");
    }
    fblock *f = &c->fb[c->nfb++];
    memset(f, 0, sizeof(*f));
    f->type = (uint8_t)type;
    return f;
}
static fblock *push_fb_handler(cunit *c, const py_ast *at, int type, int handler, int depth) {
    fblock *f = push_fb(c, at, type);
    f->has_handler = true;
    f->handler = handler;
    f->hdepth = (uint16_t)depth;
    update_handler(c);
    return f;
}
static void pop_fb(cunit *c) {
    c->nfb--;
    update_handler(c);
}

// Handler code starts with the exception pushed on the stack unwound to `depth`.
static void place_handler(cunit *c, int label, int depth) {
    c->unreachable = true;
    set_label_depth(c, label, depth + 1);
    place_label(c, label);
    c->depth = depth + 1;
    if (c->depth > c->maxdepth) {
        c->maxdepth = c->depth;
    }
}

// ---- constants and names ------------------------------------------------------------------------
static bool same_const(py_val a, py_val b) {
    if (a == b) {
        return true;
    }
    if (!py_is_obj(a) || !py_is_obj(b) || a->type != b->type) {
        return false;
    }
    const py_type *t = a->type;
    if (t == &py_type_float) {
        return memcmp(&((py_float *)a)->value, &((py_float *)b)->value, sizeof(double)) == 0;
    }
    if (t == &py_type_str || t == &py_type_bytes || t == &py_type_int) {
        return py_equal(a, b);
    }
    return false;
}

static uint32_t const_index(cunit *c, py_val v) {
    size_t n;
    py_val *items = py_seq_items(c->consts, &n);
    for (size_t i = 0; i < n; i++) {
        if (same_const(items[i], v)) {
            return (uint32_t)i;
        }
    }
    py_list_append(c->consts, v);
    return (uint32_t)n;
}

static uint32_t name_index(cunit *c, qstr q) {
    for (uint32_t i = 0; i < c->nnames; i++) {
        if (c->names[i] == q) {
            return i;
        }
    }
    c->names = grow(c->names, &c->names_cap, c->nnames + 1, sizeof(qstr));
    c->names[c->nnames] = q;
    return c->nnames++;
}

static void emit_const(cunit *c, py_val v) {
    if (v == PY_NONE) {
        emit0(c, PY_BC_LOAD_NONE);
    } else if (v == PY_TRUE) {
        emit0(c, PY_BC_LOAD_TRUE);
    } else if (v == PY_FALSE) {
        emit0(c, PY_BC_LOAD_FALSE);
    } else if (py_is_small(v) && py_small_get(v) >= -32768 && py_small_get(v) <= 32767) {
        emit(c, PY_BC_LOAD_SMALL_INT, (uint16_t)(int16_t)py_small_get(v));
    } else {
        emit(c, PY_BC_LOAD_CONST, const_index(c, v));
    }
}

// ---- names --------------------------------------------------------------------------------
enum { CTX_LOAD, CTX_STORE, CTX_DEL };

static void compile_name(cunit *c, qstr name, int ctx) {
    py_scope *s = c->scope;
    py_symbol *y = py_scope_lookup(s, name);
    int kind = y ? y->kind
                 : (s->kind == PY_SCOPE_MODULE || s->kind == PY_SCOPE_CLASS) ? PY_SYM_NAME
                                                                            : PY_SYM_GLOBAL_IMPLICIT;
    static const uint8_t ops[][3] = {
        {PY_BC_LOAD_FAST, PY_BC_STORE_FAST, PY_BC_DELETE_FAST},
        {PY_BC_LOAD_DEREF, PY_BC_STORE_DEREF, PY_BC_DELETE_DEREF},
        {PY_BC_LOAD_GLOBAL, PY_BC_STORE_GLOBAL, PY_BC_DELETE_GLOBAL},
        {PY_BC_LOAD_NAME, PY_BC_STORE_NAME, PY_BC_DELETE_NAME},
    };
    switch (kind) {
    case PY_SYM_LOCAL:
        emit(c, ops[0][ctx], y->slot);
        return;
    case PY_SYM_CELL:
    case PY_SYM_FREE:
        if (s->kind == PY_SCOPE_CLASS && ctx == CTX_LOAD) {
            emit(c, PY_BC_LOAD_CLASSDEREF, y->slot);
        } else {
            emit(c, ops[1][ctx], y->slot);
        }
        return;
    case PY_SYM_GLOBAL_EXPLICIT:
        emit(c, ops[2][ctx], name_index(c, name));
        return;
    case PY_SYM_GLOBAL_IMPLICIT:
        if (s->kind == PY_SCOPE_FUNCTION || s->kind == PY_SCOPE_COMPREHENSION) {
            emit(c, ops[2][ctx], name_index(c, name));
        } else {
            emit(c, ops[3][ctx], name_index(c, name));
        }
        return;
    default: // NAME
        if (s->kind == PY_SCOPE_CLASS && ctx == CTX_LOAD && y && (y->flags & PY_SYM_CLASS_FREE) &&
            !(y->flags & PY_SYM_ASSIGNED)) {
            emit(c, PY_BC_LOAD_CLASSDEREF, y->free_slot);
        } else {
            emit(c, ops[3][ctx], name_index(c, name));
        }
        return;
    }
}

// ---- expressions ------------------------------------------------------------------------
static void compile_expr(cunit *c, const py_ast *a);
static void compile_stmts(cunit *c, const py_ast *list);
static void compile_stmt(cunit *c, const py_ast *a);
static void compile_store(cunit *c, const py_ast *t);
static py_val compile_code(cunit *parent, py_scope *s, const py_ast *node);

static void set_line(cunit *c, const py_ast *a) {
    if (a && a->line) {
        c->cur_line = a->line;
    }
}

static bool is_const(const py_ast *a) { return a && a->kind == PY_AST_CONST; }
static bool is_number(py_val v) {
    return py_is_small(v) || (py_is_obj(v) && (v->type == &py_type_int || v->type == &py_type_float));
}

// Constant folding of arithmetic on numbers (errors are left for run time).
static bool try_fold(const py_ast *a, py_val x, py_val y, py_val *out) {
    if (!is_number(x) || (y && !is_number(y))) {
        return false;
    }
    if (a->kind == PY_AST_BINOP) {
        int op = a->op;
        if (op == PY_OP_POW || op == PY_OP_LSHIFT) {
            // keep results small: fold only small exponents/shifts
            if (!py_is_small(y) || py_small_get(y) < 0 || py_small_get(y) > 128) {
                return false;
            }
        }
        if (op == PY_OP_MATMUL) {
            return false;
        }
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        *out = a->kind == PY_AST_BINOP ? py_binary_op(a->op, x, y) : py_unary_op(a->op, x);
        py_nlr_pop();
        return true;
    }
    if (py_isinstance(nlr.exc, &py_type_MemoryError)) {
        py_raise(nlr.exc);
    }
    return false;
}

// ---- micropython.const --------------------------------------------------------------------
// `NAME = const(expr)` at module level, expr a constant expression, binds NAME at compile time
// (MicroPython's rule): later loads of NAME that resolve to the module's globals compile to
// the value itself. A NAME starting with '_' is not stored in the module at all, saving the
// dict entry, as in MicroPython.

#define CONST_DEPTH 8

// The compile-time value of the name `q` here, if it is a const and not shadowed.
static bool const_name(cunit *c, qstr q, py_val *out) {
    if (c->p->consts == PY_NULL) {
        return false;
    }
    py_val v = py_dict_get((py_dict *)c->p->consts, py_qstr_val(q));
    if (v == PY_NULL) {
        return false;
    }
    py_symbol *y = py_scope_lookup(c->scope, q);
    if (y && (y->kind == PY_SYM_LOCAL || y->kind == PY_SYM_CELL || y->kind == PY_SYM_FREE ||
              (c->scope->kind == PY_SCOPE_CLASS && (y->flags & PY_SYM_ASSIGNED)))) {
        return false;
    }
    *out = v;
    return true;
}

// The value of a constant expression: a literal, a const name, or arithmetic on them, nested
// at most `depth` deep (which bounds the work and the C stack on long operator chains).
static bool const_value(cunit *c, const py_ast *a, int depth, py_val *out) {
    switch (a->kind) {
    case PY_AST_CONST:
        *out = a->val;
        return true;
    case PY_AST_NAME:
        return const_name(c, py_qstr_get(a->val), out);
    case PY_AST_BINOP: {
        py_val x, y;
        return depth > 0 && const_value(c, a->kid[0], depth - 1, &x) &&
               const_value(c, a->kid[1], depth - 1, &y) && try_fold(a, x, y, out);
    }
    case PY_AST_UNARYOP: {
        py_val x;
        return depth > 0 && a->op != PY_AST_NOT && const_value(c, a->kid[0], depth - 1, &x) &&
               try_fold(a, x, PY_NULL, out);
    }
    default:
        return false;
    }
}

// Compiles `a` if it is a module-level `NAME = const(expr)`; false if it is not one.
static bool compile_const_def(cunit *c, const py_ast *a) {
    if (c->scope->kind != PY_SCOPE_MODULE || a->n != 2 || a->kid[0]->kind != PY_AST_NAME) {
        return false;
    }
    const py_ast *call = a->kid[1];
    if (call->kind != PY_AST_CALL || call->n != 2 || call->kid[0]->kind != PY_AST_NAME ||
        py_qstr_get(call->kid[0]->val) != PY_QSTR_const ||
        call->kid[1]->kind == PY_AST_KEYWORD || call->kid[1]->kind == PY_AST_STARRED) {
        return false;
    }
    py_val v;
    if (!const_value(c, call->kid[1], CONST_DEPTH, &v) || !(is_number(v) || py_is_str(v) ||
                                               (py_is_obj(v) && v->type == &py_type_bytes))) {
        cerror(c, call->kid[1], "const() needs a constant number, str or bytes expression");
    }
    if (c->p->consts == PY_NULL) {
        c->p->consts = py_dict_new(0);
    }
    qstr q = py_qstr_get(a->kid[0]->val);
    py_dict_set((py_dict *)c->p->consts, py_qstr_val(q), v);
    if (py_qstr_str(q)[0] != '_') {
        emit_const(c, v);
        compile_name(c, q, CTX_STORE);
    }
    return true;
}

// Emits a conditional jump to `label` taken when the truth of `a` equals `cond`.
static void compile_jump_if(cunit *c, const py_ast *a, bool cond, int label) {
    if (a->kind == PY_AST_UNARYOP && a->op == PY_AST_NOT) {
        compile_jump_if(c, a->kid[0], !cond, label);
        return;
    }
    if (a->kind == PY_AST_BOOLOP) {
        bool is_or = a->op == 1;
        if (is_or == cond) {
            // any operand decides: jump on each
            for (size_t i = 0; i < a->n; i++) {
                compile_jump_if(c, a->kid[i], cond, label);
            }
        } else {
            int skip = new_label(c);
            for (size_t i = 0; i + 1 < a->n; i++) {
                compile_jump_if(c, a->kid[i], !cond, skip);
            }
            compile_jump_if(c, a->kid[a->n - 1], cond, label);
            place_label(c, skip);
        }
        return;
    }
    if (is_const(a) && (a->val == PY_TRUE || a->val == PY_FALSE || a->val == PY_NONE ||
                        py_is_small(a->val))) {
        bool truth = a->val == PY_TRUE || (py_is_small(a->val) && py_small_get(a->val) != 0);
        if (truth == cond) {
            emit_jump(c, PY_BC_JUMP, label);
        }
        return;
    }
    compile_expr(c, a);
    emit_jump(c, cond ? PY_BC_POP_JUMP_IF_TRUE : PY_BC_POP_JUMP_IF_FALSE, label);
}

static int cmp_opcode(int op) {
    switch (op) {
    case PY_AST_CMP_LT: return PY_BC_COMPARE_LT;
    case PY_AST_CMP_GT: return PY_BC_COMPARE_GT;
    case PY_AST_CMP_EQ: return PY_BC_COMPARE_EQ;
    case PY_AST_CMP_NE: return PY_BC_COMPARE_NE;
    case PY_AST_CMP_LE: return PY_BC_COMPARE_LE;
    case PY_AST_CMP_GE: return PY_BC_COMPARE_GE;
    default: return -1;
    }
}

static void emit_cmp(cunit *c, int op) {
    switch (op) {
    case PY_AST_CMP_IN: emit(c, PY_BC_CONTAINS_OP, 0); break;
    case PY_AST_CMP_NOT_IN: emit(c, PY_BC_CONTAINS_OP, 1); break;
    case PY_AST_CMP_IS: emit(c, PY_BC_IS_OP, 0); break;
    case PY_AST_CMP_IS_NOT: emit(c, PY_BC_IS_OP, 1); break;
    default: emit0(c, cmp_opcode(op)); break;
    }
}

static void compile_compare(cunit *c, const py_ast *a) {
    compile_expr(c, a->kid[0]);
    if (a->n == 2) {
        compile_expr(c, a->kid[1]->kid[0]);
        emit_cmp(c, a->kid[1]->op);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (size_t i = 1; i < a->n; i++) {
        compile_expr(c, a->kid[i]->kid[0]);
        if (i + 1 < a->n) {
            emit0(c, PY_BC_DUP_TOP);
            emit0(c, PY_BC_ROT_THREE);
            emit_cmp(c, a->kid[i]->op);
            emit_jump(c, PY_BC_JUMP_IF_FALSE_OR_POP, cleanup);
        } else {
            emit_cmp(c, a->kid[i]->op);
        }
    }
    emit_jump(c, PY_BC_JUMP, end);
    place_label(c, cleanup);
    emit0(c, PY_BC_ROT_TWO);
    emit0(c, PY_BC_POP_TOP);
    place_label(c, end);
}

// Builds a sequence display with possible starred items. kind: BUILD_LIST/TUPLE/SET.
static void compile_sequence(cunit *c, const py_ast *a, int kind) {
    bool star = false;
    for (size_t i = 0; i < a->n; i++) {
        if (a->kid[i]->kind == PY_AST_STARRED) {
            star = true;
        }
    }
    if (!star) {
        for (size_t i = 0; i < a->n; i++) {
            compile_expr(c, a->kid[i]);
        }
        emit(c, kind, (uint32_t)a->n);
        return;
    }
    bool is_set = kind == PY_BC_BUILD_SET;
    size_t i = 0;
    for (; i < a->n && a->kid[i]->kind != PY_AST_STARRED; i++) {
        compile_expr(c, a->kid[i]);
    }
    emit(c, is_set ? PY_BC_BUILD_SET : PY_BC_BUILD_LIST, (uint32_t)i);
    for (; i < a->n; i++) {
        if (a->kid[i]->kind == PY_AST_STARRED) {
            compile_expr(c, a->kid[i]->kid[0]);
            emit(c, is_set ? PY_BC_SET_UPDATE : PY_BC_LIST_EXTEND, 1);
        } else {
            compile_expr(c, a->kid[i]);
            emit(c, is_set ? PY_BC_SET_ADD : PY_BC_LIST_APPEND, 1);
        }
    }
    if (kind == PY_BC_BUILD_TUPLE) {
        emit0(c, PY_BC_LIST_TO_TUPLE);
    }
}

static void compile_dict(cunit *c, const py_ast *a) {
    // Groups of key/value pairs are built with BUILD_MAP, ** entries merged with DICT_UPDATE.
    size_t i = 0;
    bool built = false;
    while (i < a->n) {
        size_t n = 0;
        while (i + 2 * n < a->n && a->kid[i + 2 * n] != NULL && n < 0xffff) {
            compile_expr(c, a->kid[i + 2 * n]);
            compile_expr(c, a->kid[i + 2 * n + 1]);
            n++;
        }
        if (n > 0 || !built) {
            emit(c, PY_BC_BUILD_MAP, (uint32_t)n);
            if (built) {
                emit(c, PY_BC_DICT_UPDATE, 1);
            }
            built = true;
        }
        i += 2 * n;
        if (i < a->n && a->kid[i] == NULL) {
            compile_expr(c, a->kid[i + 1]);
            emit(c, PY_BC_DICT_UPDATE, 1);
            i += 2;
        }
    }
    if (!built) {
        emit(c, PY_BC_BUILD_MAP, 0);
    }
}

// Pushes the closure tuple for child scope `s` (if it has free variables); returns true if so.
static bool compile_closure(cunit *c, py_scope *s) {
    if (s->nfree == 0) {
        return false;
    }
    // The child's free slots, in slot order.
    for (uint16_t slot = (uint16_t)(s->nlocals - s->nfree); slot < s->nlocals; slot++) {
        qstr name = 0;
        for (uint32_t i = 0; i < s->nsyms; i++) {
            py_symbol *y = &s->syms[i];
            if ((y->kind == PY_SYM_FREE || (y->flags & PY_SYM_CLASS_FREE)) && y->free_slot == slot) {
                name = y->name;
                break;
            }
        }
        py_symbol *my = py_scope_lookup(c->scope, name);
        if (my == NULL) {
            py_port_fatal("compile: closure variable not found");
        }
        uint16_t from = (my->kind == PY_SYM_CELL || my->kind == PY_SYM_FREE) ? my->slot : my->free_slot;
        emit(c, PY_BC_LOAD_CLOSURE, from);
    }
    emit(c, PY_BC_BUILD_TUPLE, s->nfree);
    return true;
}

// Emits MAKE_FUNCTION for a def/lambda (defaults from the enclosing scope).
static void compile_make_function(cunit *c, const py_ast *a, const py_ast *args, py_scope *s) {
    uint32_t flags = 0;
    size_t ndef = 0, nkw = 0;
    for (size_t i = 0; i < args->n; i++) {
        const py_ast *arg = args->kid[i];
        if (arg->kid[0] && (arg->op == PY_ARG_KIND_POS || arg->op == PY_ARG_KIND_POSONLY)) {
            compile_expr(c, arg->kid[0]);
            ndef++;
        }
    }
    if (ndef) {
        emit(c, PY_BC_BUILD_TUPLE, (uint32_t)ndef);
        flags |= PY_MF_DEFAULTS;
    }
    for (size_t i = 0; i < args->n; i++) {
        const py_ast *arg = args->kid[i];
        if (arg->kid[0] && arg->op == PY_ARG_KIND_KWONLY) {
            emit_const(c, arg->val);
            compile_expr(c, arg->kid[0]);
            nkw++;
        }
    }
    if (nkw) {
        emit(c, PY_BC_BUILD_MAP, (uint32_t)nkw);
        flags |= PY_MF_KWDEFAULTS;
    }
    if (compile_closure(c, s)) {
        flags |= PY_MF_CLOSURE;
    }
    py_val code = compile_code(c, s, a);
    emit(c, PY_BC_LOAD_CONST, const_index(c, code));
    emit(c, PY_BC_MAKE_FUNCTION, flags);
}

static void compile_comprehension(cunit *c, const py_ast *a) {
    py_scope *s = py_scope_child(c->scope, a);
    if (compile_closure(c, s)) {
        py_val code = compile_code(c, s, a);
        emit(c, PY_BC_LOAD_CONST, const_index(c, code));
        emit(c, PY_BC_MAKE_FUNCTION, PY_MF_CLOSURE);
    } else {
        py_val code = compile_code(c, s, a);
        emit(c, PY_BC_LOAD_CONST, const_index(c, code));
        emit(c, PY_BC_MAKE_FUNCTION, 0);
    }
    size_t first = a->kind == PY_AST_DICTCOMP ? 2 : 1;
    const py_ast *cf = a->kid[first];
    compile_expr(c, cf->kid[1]);
    emit0(c, cf->op ? PY_BC_GET_AITER : PY_BC_GET_ITER);
    emit(c, PY_BC_CALL_FUNCTION, 1);
    if ((s->flags & PY_SCOPE_F_COROUTINE) && a->kind != PY_AST_GENEXP) {
        emit0(c, PY_BC_GET_AWAITABLE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
    }
}

// Body of a comprehension's own code object.
static void compile_comp_body(cunit *c, const py_ast *a, size_t gen_index, int nested_iters) {
    size_t first = a->kind == PY_AST_DICTCOMP ? 2 : 1;
    const py_ast *cf = a->kid[gen_index];
    bool is_async = cf->op != 0;
    int top = new_label(c), end = new_label(c), h = -1, hdepth = 0;
    if (gen_index == first) {
        emit(c, PY_BC_LOAD_FAST, 0); // .0: the iterator made by the caller
    } else {
        compile_expr(c, cf->kid[1]);
        emit0(c, is_async ? PY_BC_GET_AITER : PY_BC_GET_ITER);
    }
    place_label(c, top);
    if (is_async) {
        h = new_label(c);
        hdepth = c->depth;
        push_fb_handler(c, cf, FB_CLEANUP, h, hdepth);
        emit0(c, PY_BC_GET_ANEXT);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
        pop_fb(c);
    } else {
        emit_jump(c, PY_BC_FOR_ITER, end);
    }
    compile_store(c, cf->kid[0]);
    for (size_t k = 2; k < cf->n; k++) {
        compile_jump_if(c, cf->kid[k], false, top);
    }
    if (gen_index + 1 < a->n) {
        compile_comp_body(c, a, gen_index + 1, nested_iters + 1);
    } else {
        int depth = nested_iters + 1; // list/set/dict below the iterators
        switch (a->kind) {
        case PY_AST_LISTCOMP:
            compile_expr(c, a->kid[0]);
            emit(c, PY_BC_LIST_APPEND, (uint32_t)depth + 1);
            break;
        case PY_AST_SETCOMP:
            compile_expr(c, a->kid[0]);
            emit(c, PY_BC_SET_ADD, (uint32_t)depth + 1);
            break;
        case PY_AST_DICTCOMP:
            compile_expr(c, a->kid[0]);
            compile_expr(c, a->kid[1]);
            emit(c, PY_BC_MAP_ADD, (uint32_t)depth + 1);
            break;
        default: // generator expression
            compile_expr(c, a->kid[0]);
            emit0(c, PY_BC_YIELD_VALUE);
            emit0(c, PY_BC_POP_TOP);
            break;
        }
    }
    emit_jump(c, PY_BC_JUMP, top);
    if (is_async) {
        place_handler(c, h, hdepth); // [ait exc]
        emit0(c, PY_BC_END_ASYNC_FOR);
    } else {
        place_label(c, end);
    }
}

static void compile_call_args(cunit *c, const py_ast *a, size_t first, bool is_method) {
    // a->kid[first..]: positional, STARRED, KEYWORD (val PY_NULL for **)
    bool dynamic = false;
    size_t nkw = 0, npos = 0;
    for (size_t i = first; i < a->n; i++) {
        const py_ast *k = a->kid[i];
        if (k->kind == PY_AST_STARRED || (k->kind == PY_AST_KEYWORD && k->val == PY_NULL)) {
            dynamic = true;
        } else if (k->kind == PY_AST_KEYWORD) {
            nkw++;
        } else {
            npos++;
        }
    }
    if (!dynamic) {
        for (size_t i = first; i < a->n; i++) {
            const py_ast *k = a->kid[i];
            compile_expr(c, k->kind == PY_AST_KEYWORD ? k->kid[0] : k);
        }
        if (nkw) {
            py_val names = py_tuple_new(nkw, NULL);
            size_t j = 0;
            for (size_t i = first; i < a->n; i++) {
                if (a->kid[i]->kind == PY_AST_KEYWORD) {
                    for (size_t q = 0; q < j; q++) {
                        if (((py_tuple *)names)->items[q] == a->kid[i]->val) {
                            cerror(c, a->kid[i], "keyword argument repeated");
                        }
                    }
                    ((py_tuple *)names)->items[j++] = a->kid[i]->val;
                }
            }
            emit(c, PY_BC_LOAD_CONST, const_index(c, names));
            emit(c, is_method ? PY_BC_CALL_METHOD_KW : PY_BC_CALL_FUNCTION_KW, (uint32_t)(npos + nkw));
        } else {
            emit(c, is_method ? PY_BC_CALL_METHOD : PY_BC_CALL_FUNCTION, (uint32_t)npos);
        }
        return;
    }
    // f(*a, b, **k): positional args into a list → tuple, keywords into a dict.
    emit(c, PY_BC_BUILD_LIST, 0);
    for (size_t i = first; i < a->n; i++) {
        const py_ast *k = a->kid[i];
        if (k->kind == PY_AST_STARRED) {
            compile_expr(c, k->kid[0]);
            emit(c, PY_BC_LIST_EXTEND, 1);
        } else if (k->kind != PY_AST_KEYWORD) {
            compile_expr(c, k);
            emit(c, PY_BC_LIST_APPEND, 1);
        }
    }
    emit0(c, PY_BC_LIST_TO_TUPLE);
    bool have_kw = false;
    for (size_t i = first; i < a->n; i++) {
        const py_ast *k = a->kid[i];
        if (k->kind != PY_AST_KEYWORD) {
            continue;
        }
        if (!have_kw) {
            emit(c, PY_BC_BUILD_MAP, 0);
            have_kw = true;
        }
        if (k->val == PY_NULL) {
            compile_expr(c, k->kid[0]);
            emit(c, PY_BC_DICT_MERGE, 1);
        } else {
            emit_const(c, k->val);
            compile_expr(c, k->kid[0]);
            emit(c, PY_BC_BUILD_MAP, 1);
            emit(c, PY_BC_DICT_MERGE, 1);
        }
    }
    emit(c, PY_BC_CALL_FUNCTION_EX, have_kw ? 1 : 0);
}

// Zero-argument super() inside a method means super(__class__, <first argument>): when the
// call `a` is one, pushes super, __class__ and the first argument and returns true.
static bool compile_super_args(cunit *c, const py_ast *a) {
    const py_ast *fn = a->kid[0];
    if (fn->kind != PY_AST_NAME || py_qstr_get(fn->val) != PY_QSTR_super || a->n != 1 ||
        c->scope->kind != PY_SCOPE_FUNCTION) {
        return false;
    }
    py_symbol *cls = py_scope_lookup(c->scope, PY_QSTR___class__);
    py_symbol *sup = py_scope_lookup(c->scope, PY_QSTR_super);
    if (!cls || cls->kind != PY_SYM_FREE || !sup || sup->kind != PY_SYM_GLOBAL_IMPLICIT ||
        c->scope->argcount == 0) {
        return false;
    }
    compile_name(c, PY_QSTR_super, CTX_LOAD);
    emit(c, PY_BC_LOAD_DEREF, cls->slot);
    // the first parameter (slot 0), which may have become a cell
    py_symbol *first = NULL;
    for (uint32_t i = 0; i < c->scope->nsyms; i++) {
        if ((c->scope->syms[i].flags & PY_SYM_PARAM) && c->scope->syms[i].slot == 0) {
            first = &c->scope->syms[i];
        }
    }
    emit(c, first && first->kind == PY_SYM_CELL ? PY_BC_LOAD_DEREF : PY_BC_LOAD_FAST, 0);
    return true;
}

static void compile_call(cunit *c, const py_ast *a) {
    const py_ast *fn = a->kid[0];
    if (compile_super_args(c, a)) {
        emit(c, PY_BC_CALL_FUNCTION, 2);
        return;
    }
    bool has_kw = false, dynamic = false;
    for (size_t i = 1; i < a->n; i++) {
        if (a->kid[i]->kind == PY_AST_KEYWORD) {
            has_kw = true;
            if (a->kid[i]->val == PY_NULL) {
                dynamic = true;
            }
        } else if (a->kid[i]->kind == PY_AST_STARRED) {
            dynamic = true;
        }
    }
    if (fn->kind == PY_AST_ATTRIBUTE && !dynamic) {
        // super().m(...): the method is looked up without making a super object
        const py_ast *obj = fn->kid[0];
        bool sup = obj->kind == PY_AST_CALL && compile_super_args(c, obj);
        if (!sup) {
            compile_expr(c, obj);
        }
        set_line(c, a);
        emit(c, sup ? PY_BC_LOAD_SUPER_METHOD : PY_BC_LOAD_METHOD,
             name_index(c, py_qstr_get(fn->val)));
        compile_call_args(c, a, 1, true);
        (void)has_kw;
        return;
    }
    compile_expr(c, fn);
    compile_call_args(c, a, 1, false);
}

static void compile_joinedstr(cunit *c, const py_ast *a) {
    for (size_t i = 0; i < a->n; i++) {
        const py_ast *part = a->kid[i];
        if (part->kind == PY_AST_CONST) {
            emit_const(c, part->val);
            continue;
        }
        compile_expr(c, part->kid[0]);
        uint32_t flags = part->op == 's' ? 1 : part->op == 'r' ? 2 : part->op == 'a' ? 3 : 0;
        if (part->kid[1]) {
            compile_joinedstr(c, part->kid[1]);
            flags |= 4;
        }
        emit(c, PY_BC_FORMAT_VALUE, flags);
    }
    if (a->n != 1 || a->kid[0]->kind != PY_AST_FORMATTED) {
        emit(c, PY_BC_BUILD_STRING, (uint32_t)a->n);
    }
}

static void compile_subscript_index(cunit *c, const py_ast *idx) {
    if (idx->kind == PY_AST_SLICE) {
        for (int k = 0; k < 2; k++) {
            if (idx->kid[k]) {
                compile_expr(c, idx->kid[k]);
            } else {
                emit0(c, PY_BC_LOAD_NONE);
            }
        }
        if (idx->kid[2]) {
            compile_expr(c, idx->kid[2]);
            emit(c, PY_BC_BUILD_SLICE, 3);
        } else {
            emit(c, PY_BC_BUILD_SLICE, 2);
        }
    } else {
        compile_expr(c, idx);
    }
}

static void compile_expr(cunit *c, const py_ast *a) {
    py_stack_check();
    switch (a->kind) {
    case PY_AST_NAME: {
        py_val v;
        if (const_name(c, py_qstr_get(a->val), &v)) {
            emit_const(c, v);
        } else {
            compile_name(c, py_qstr_get(a->val), CTX_LOAD);
        }
        return;
    }
    case PY_AST_CONST:
        emit_const(c, a->val);
        return;
    case PY_AST_JOINEDSTR:
        compile_joinedstr(c, a);
        return;
    case PY_AST_BOOLOP: {
        int end = new_label(c);
        for (size_t i = 0; i < a->n; i++) {
            compile_expr(c, a->kid[i]);
            if (i + 1 < a->n) {
                emit_jump(c, a->op ? PY_BC_JUMP_IF_TRUE_OR_POP : PY_BC_JUMP_IF_FALSE_OR_POP, end);
            }
        }
        place_label(c, end);
        return;
    }
    case PY_AST_BINOP: {
        py_val folded;
        if (const_value(c, a, CONST_DEPTH, &folded)) {
            emit_const(c, folded);
            return;
        }
        compile_expr(c, a->kid[0]);
        compile_expr(c, a->kid[1]);
        set_line(c, a);
        emit0(c, PY_BC_BINARY_OR + (a->op - PY_OP_OR));
        return;
    }
    case PY_AST_UNARYOP: {
        py_val folded;
        if (const_value(c, a, CONST_DEPTH, &folded)) {
            emit_const(c, folded);
            return;
        }
        compile_expr(c, a->kid[0]);
        switch (a->op) {
        case PY_AST_NOT: emit0(c, PY_BC_UNARY_NOT); break;
        case PY_UOP_NEG: emit0(c, PY_BC_UNARY_NEGATIVE); break;
        case PY_UOP_POS: emit0(c, PY_BC_UNARY_POSITIVE); break;
        default: emit0(c, PY_BC_UNARY_INVERT); break;
        }
        return;
    }
    case PY_AST_COMPARE:
        compile_compare(c, a);
        return;
    case PY_AST_LAMBDA: {
        py_scope *s = py_scope_child(c->scope, a);
        compile_make_function(c, a, a->kid[0], s);
        return;
    }
    case PY_AST_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, a->kid[0], false, orelse);
        compile_expr(c, a->kid[1]);
        emit_jump(c, PY_BC_JUMP, end);
        place_label(c, orelse);
        compile_expr(c, a->kid[2]);
        place_label(c, end);
        return;
    }
    case PY_AST_DICT:
        compile_dict(c, a);
        return;
    case PY_AST_SET:
        compile_sequence(c, a, PY_BC_BUILD_SET);
        return;
    case PY_AST_LIST_EXPR:
        compile_sequence(c, a, PY_BC_BUILD_LIST);
        return;
    case PY_AST_TUPLE: {
        bool all_const = a->n > 0;
        for (size_t i = 0; i < a->n && all_const; i++) {
            all_const = is_const(a->kid[i]);
        }
        if (all_const) {
            py_val t = py_tuple_new(a->n, NULL);
            for (size_t i = 0; i < a->n; i++) {
                ((py_tuple *)t)->items[i] = a->kid[i]->val;
            }
            emit(c, PY_BC_LOAD_CONST, const_index(c, t));
            return;
        }
        compile_sequence(c, a, PY_BC_BUILD_TUPLE);
        return;
    }
    case PY_AST_LISTCOMP: case PY_AST_SETCOMP: case PY_AST_DICTCOMP: case PY_AST_GENEXP:
        compile_comprehension(c, a);
        return;
    case PY_AST_AWAIT:
        compile_expr(c, a->kid[0]);
        emit0(c, PY_BC_GET_AWAITABLE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
        return;
    case PY_AST_YIELD:
        if (a->kid[0]) {
            compile_expr(c, a->kid[0]);
        } else {
            emit0(c, PY_BC_LOAD_NONE);
        }
        emit0(c, PY_BC_YIELD_VALUE);
        return;
    case PY_AST_YIELD_FROM:
        compile_expr(c, a->kid[0]);
        emit0(c, PY_BC_GET_YIELD_FROM_ITER);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
        return;
    case PY_AST_CALL:
        set_line(c, a);
        compile_call(c, a);
        return;
    case PY_AST_ATTRIBUTE:
        compile_expr(c, a->kid[0]);
        set_line(c, a);
        emit(c, PY_BC_LOAD_ATTR, name_index(c, py_qstr_get(a->val)));
        return;
    case PY_AST_SUBSCRIPT:
        compile_expr(c, a->kid[0]);
        if (a->kid[1]->kind == PY_AST_SLICE && a->kid[1]->kid[2] == NULL) {
            // o[a:b] without a slice object where the VM can (BINARY_SLICE)
            for (int k = 0; k < 2; k++) {
                if (a->kid[1]->kid[k]) {
                    compile_expr(c, a->kid[1]->kid[k]);
                } else {
                    emit0(c, PY_BC_LOAD_NONE);
                }
            }
            set_line(c, a);
            emit0(c, PY_BC_BINARY_SLICE);
            return;
        }
        compile_subscript_index(c, a->kid[1]);
        set_line(c, a);
        emit0(c, PY_BC_BINARY_SUBSCR);
        return;
    case PY_AST_SLICE:
        compile_subscript_index(c, a);
        return;
    case PY_AST_STARRED:
        cerror(c, a, "can't use starred expression here");
    case PY_AST_NAMEDEXPR:
        compile_expr(c, a->kid[1]);
        emit0(c, PY_BC_DUP_TOP);
        compile_store(c, a->kid[0]);
        return;
    default:
        cerror(c, a, "invalid syntax");
    }
}

// ---- targets ----------------------------------------------------------------------------
static void compile_unpack(cunit *c, const py_ast *t) {
    size_t star = (size_t)-1;
    for (size_t i = 0; i < t->n; i++) {
        if (t->kid[i]->kind == PY_AST_STARRED) {
            star = i;
        }
    }
    if (star == (size_t)-1) {
        emit(c, PY_BC_UNPACK_SEQUENCE, (uint32_t)t->n);
    } else {
        size_t after = t->n - star - 1;
        if (star > 255 || after > 255) {
            cerror(c, t, "too many expressions in star-unpacking assignment");
        }
        emit(c, PY_BC_UNPACK_EX, (uint32_t)(star | (after << 8)));
    }
    for (size_t i = 0; i < t->n; i++) {
        const py_ast *k = t->kid[i];
        compile_store(c, k->kind == PY_AST_STARRED ? k->kid[0] : k);
    }
}

static void compile_store(cunit *c, const py_ast *t) {
    switch (t->kind) {
    case PY_AST_NAME:
        compile_name(c, py_qstr_get(t->val), CTX_STORE);
        return;
    case PY_AST_ATTRIBUTE:
        compile_expr(c, t->kid[0]);
        set_line(c, t);
        emit(c, PY_BC_STORE_ATTR, name_index(c, py_qstr_get(t->val)));
        return;
    case PY_AST_SUBSCRIPT:
        compile_expr(c, t->kid[0]);
        compile_subscript_index(c, t->kid[1]);
        set_line(c, t);
        emit0(c, PY_BC_STORE_SUBSCR);
        return;
    case PY_AST_TUPLE:
    case PY_AST_LIST_EXPR:
        compile_unpack(c, t);
        return;
    default:
        cerror(c, t, "cannot assign to expression");
    }
}

static void compile_delete(cunit *c, const py_ast *t) {
    switch (t->kind) {
    case PY_AST_NAME:
        compile_name(c, py_qstr_get(t->val), CTX_DEL);
        return;
    case PY_AST_ATTRIBUTE:
        compile_expr(c, t->kid[0]);
        emit(c, PY_BC_DELETE_ATTR, name_index(c, py_qstr_get(t->val)));
        return;
    case PY_AST_SUBSCRIPT:
        compile_expr(c, t->kid[0]);
        compile_subscript_index(c, t->kid[1]);
        emit0(c, PY_BC_DELETE_SUBSCR);
        return;
    case PY_AST_TUPLE:
    case PY_AST_LIST_EXPR:
        for (size_t i = 0; i < t->n; i++) {
            compile_delete(c, t->kid[i]);
        }
        return;
    default:
        cerror(c, t, "cannot delete expression");
    }
}

// ---- unwinding (return / break / continue) ---------------------------------------------------
static void unwind_one(cunit *c, const fblock *f, bool preserve) {
    switch (f->type) {
    case FB_FOR:
    case FB_ASYNC_FOR:
        if (preserve) {
            emit0(c, PY_BC_ROT_TWO);
        }
        emit0(c, PY_BC_POP_TOP);
        break;
    case FB_TRY_FINALLY: {
        if (preserve) {
            push_fb(c, f->extra, FB_POP_VALUE);
        }
        compile_stmts(c, f->extra);
        if (preserve) {
            c->nfb--;
        }
        break;
    }
    case FB_FINALLY_END:
        if (preserve) {
            emit0(c, PY_BC_ROT_THREE);
        }
        emit0(c, PY_BC_POP_TOP);
        emit0(c, PY_BC_POP_EXCEPT);
        break;
    case FB_HANDLER:
        if (preserve) {
            emit0(c, PY_BC_ROT_TWO);
        }
        emit0(c, PY_BC_POP_EXCEPT);
        if (f->extra) {
            emit0(c, PY_BC_LOAD_NONE);
            compile_name(c, py_qstr_get(f->extra->val), CTX_STORE);
            compile_name(c, py_qstr_get(f->extra->val), CTX_DEL);
        }
        break;
    case FB_WITH:
    case FB_ASYNC_WITH:
        if (preserve) {
            emit0(c, PY_BC_ROT_TWO);
        }
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_LOAD_NONE);
        emit(c, PY_BC_CALL_FUNCTION, 3);
        if (f->type == FB_ASYNC_WITH) {
            emit0(c, PY_BC_GET_AWAITABLE);
            emit0(c, PY_BC_LOAD_NONE);
            emit0(c, PY_BC_YIELD_FROM);
        }
        emit0(c, PY_BC_POP_TOP);
        break;
    case FB_POP_VALUE:
        if (preserve) {
            emit0(c, PY_BC_ROT_TWO);
        }
        emit0(c, PY_BC_POP_TOP);
        break;
    default:
        break;
    }
}

// Unwinds blocks from the innermost outward. With `loop`, stops at the innermost loop and
// returns it (not unwound); else unwinds everything and returns NULL.
static fblock *unwind_stack(cunit *c, bool preserve, bool loop, const py_ast *at) {
    if (c->nfb == 0) {
        return NULL;
    }
    fblock top = c->fb[c->nfb - 1];
    if (loop && (top.type == FB_WHILE || top.type == FB_FOR || top.type == FB_ASYNC_FOR)) {
        return &c->fb[c->nfb - 1];
    }
    c->nfb--;
    update_handler(c);
    unwind_one(c, &top, preserve);
    fblock *res = unwind_stack(c, preserve, loop, at);
    c->fb[c->nfb++] = top;
    update_handler(c);
    if (res) {
        // the loop block is below `top`, which was pushed back above it
        res = NULL;
        for (int i = c->nfb - 1; i >= 0; i--) {
            if (c->fb[i].type == FB_WHILE || c->fb[i].type == FB_FOR || c->fb[i].type == FB_ASYNC_FOR) {
                res = &c->fb[i];
                break;
            }
        }
    }
    return res;
}

static void compile_return(cunit *c, const py_ast *a) {
    if (c->scope->kind != PY_SCOPE_FUNCTION && c->scope->kind != PY_SCOPE_COMPREHENSION) {
        cerror(c, a, "'return' outside function");
    }
    if (a->kid[0] && (c->scope->flags & PY_SCOPE_F_GENERATOR) && (c->scope->flags & PY_SCOPE_F_COROUTINE)) {
        cerror(c, a, "'return' with value in async generator");
    }
    int depth = c->depth;
    if (a->kid[0]) {
        compile_expr(c, a->kid[0]);
    } else {
        emit0(c, PY_BC_LOAD_NONE);
    }
    unwind_stack(c, true, false, a);
    emit0(c, PY_BC_RETURN_VALUE);
    c->depth = depth;
}

static void compile_break_continue(cunit *c, const py_ast *a, bool is_break) {
    int depth = c->depth;
    bool inside = false;
    for (int i = 0; i < c->nfb; i++) {
        if (c->fb[i].type == FB_WHILE || c->fb[i].type == FB_FOR || c->fb[i].type == FB_ASYNC_FOR) {
            inside = true;
        }
    }
    if (!inside) {
        cerror(c, a, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    fblock *loop = unwind_stack(c, false, true, a);
    // The blocks above the loop are back on the stack, but the loop's own cleanup (popping
    // its iterator) and the jump cannot raise, so their handler coverage does not matter.
    if (is_break) {
        unwind_one(c, loop, false);
        emit_jump(c, PY_BC_JUMP, loop->l_break);
    } else {
        emit_jump(c, PY_BC_JUMP, loop->l_continue);
    }
    c->depth = depth;
}

// ---- compound statements -------------------------------------------------------------------
static void compile_while(cunit *c, const py_ast *a) {
    int top = new_label(c), orelse = new_label(c), brk = new_label(c);
    place_label(c, top);
    compile_jump_if(c, a->kid[0], false, orelse);
    fblock *f = push_fb(c, a, FB_WHILE);
    f->l_continue = top;
    f->l_break = brk;
    compile_stmts(c, a->kid[1]);
    pop_fb(c);
    emit_jump(c, PY_BC_JUMP, top);
    place_label(c, orelse);
    if (a->kid[2]) {
        compile_stmts(c, a->kid[2]);
    }
    place_label(c, brk);
}

static void compile_for(cunit *c, const py_ast *a) {
    int top = new_label(c), done = new_label(c), brk = new_label(c);
    compile_expr(c, a->kid[1]);
    if (a->op) {
        emit0(c, PY_BC_GET_AITER);
        place_label(c, top);
        int h = new_label(c), hdepth = c->depth;
        push_fb_handler(c, a, FB_CLEANUP, h, hdepth);
        emit0(c, PY_BC_GET_ANEXT);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
        pop_fb(c);
        compile_store(c, a->kid[0]);
        fblock *f = push_fb(c, a, FB_ASYNC_FOR);
        f->l_continue = top;
        f->l_break = brk;
        compile_stmts(c, a->kid[2]);
        pop_fb(c);
        emit_jump(c, PY_BC_JUMP, top);
        place_handler(c, h, hdepth);
        emit0(c, PY_BC_END_ASYNC_FOR);
    } else {
        emit0(c, PY_BC_GET_ITER);
        place_label(c, top);
        emit_jump(c, PY_BC_FOR_ITER, done);
        compile_store(c, a->kid[0]);
        fblock *f = push_fb(c, a, FB_FOR);
        f->l_continue = top;
        f->l_break = brk;
        compile_stmts(c, a->kid[2]);
        pop_fb(c);
        emit_jump(c, PY_BC_JUMP, top);
        place_label(c, done);
    }
    if (a->kid[3]) {
        compile_stmts(c, a->kid[3]);
    }
    place_label(c, brk);
}

static void compile_try_except(cunit *c, const py_ast *a) {
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    int depth = c->depth;
    push_fb_handler(c, a, FB_TRY_EXCEPT, handler, depth);
    compile_stmts(c, a->kid[0]);
    pop_fb(c);
    if (a->kid[2]) {
        compile_stmts(c, a->kid[2]);
    }
    emit_jump(c, PY_BC_JUMP, end);

    place_handler(c, handler, depth); // [exc]
    emit0(c, PY_BC_PUSH_EXC_INFO);    // [prev exc]
    push_fb_handler(c, a, FB_CLEANUP, cleanup, depth + 1);
    const py_ast *handlers = a->kid[1];
    for (size_t i = 0; i < handlers->n; i++) {
        const py_ast *h = handlers->kid[i];
        set_line(c, h);
        int next = new_label(c);
        if (h->kid[0]) {
            compile_expr(c, h->kid[0]);
            emit0(c, PY_BC_CHECK_EXC_MATCH);
            emit_jump(c, PY_BC_POP_JUMP_IF_FALSE, next);
        }
        int named_cleanup = -1;
        if (h->kid[1]) {
            compile_name(c, py_qstr_get(h->kid[1]->val), CTX_STORE); // [prev]
            named_cleanup = new_label(c);
            fblock *f = push_fb_handler(c, h, FB_HANDLER, named_cleanup, depth + 1);
            f->extra = h->kid[1];
        } else {
            emit0(c, PY_BC_POP_TOP); // [prev]
            push_fb(c, h, FB_HANDLER);
        }
        compile_stmts(c, h->kid[2]);
        pop_fb(c);
        emit0(c, PY_BC_POP_EXCEPT);
        if (h->kid[1]) {
            emit0(c, PY_BC_LOAD_NONE);
            compile_name(c, py_qstr_get(h->kid[1]->val), CTX_STORE);
            compile_name(c, py_qstr_get(h->kid[1]->val), CTX_DEL);
        }
        emit_jump(c, PY_BC_JUMP, end);
        if (named_cleanup >= 0) {
            // an exception inside a named handler: clear the name, restore, re-raise
            place_handler(c, named_cleanup, depth + 1); // [prev exc2]
            emit0(c, PY_BC_LOAD_NONE);
            compile_name(c, py_qstr_get(h->kid[1]->val), CTX_STORE);
            compile_name(c, py_qstr_get(h->kid[1]->val), CTX_DEL);
            emit0(c, PY_BC_POP_EXCEPT_RERAISE);
        }
        c->unreachable = true;
        c->depth = depth + 2;
        place_label(c, next); // [prev exc]
        c->depth = depth + 2;
    }
    emit0(c, PY_BC_RERAISE); // no handler matched: re-raise (caught by the cleanup below)
    pop_fb(c);
    place_handler(c, cleanup, depth + 1); // [prev exc]
    emit0(c, PY_BC_POP_EXCEPT_RERAISE);
    c->unreachable = true;
    c->depth = depth;
    place_label(c, end);
    c->depth = depth;
}

static void compile_try(cunit *c, const py_ast *a) {
    if (a->kid[3] == NULL) {
        compile_try_except(c, a);
        return;
    }
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    int depth = c->depth;
    fblock *f = push_fb_handler(c, a, FB_TRY_FINALLY, handler, depth);
    f->extra = a->kid[3];
    if (a->kid[1]) {
        compile_try_except(c, a);
    } else {
        compile_stmts(c, a->kid[0]);
    }
    pop_fb(c);
    compile_stmts(c, a->kid[3]); // normal path
    emit_jump(c, PY_BC_JUMP, end);

    place_handler(c, handler, depth); // [exc]
    emit0(c, PY_BC_PUSH_EXC_INFO);    // [prev exc]
    push_fb_handler(c, a, FB_FINALLY_END, cleanup, depth + 1);
    compile_stmts(c, a->kid[3]);
    pop_fb(c);
    emit0(c, PY_BC_POP_EXCEPT_RERAISE);
    place_handler(c, cleanup, depth + 1); // [prev exc2]
    emit0(c, PY_BC_POP_EXCEPT_RERAISE);
    c->depth = depth;
    place_label(c, end);
    c->depth = depth;
}

static void compile_with_items(cunit *c, const py_ast *a, size_t i) {
    if (i + 1 == a->n) {
        compile_stmts(c, a->kid[i]);
        return;
    }
    bool is_async = a->op != 0;
    const py_ast *item = a->kid[i];
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c), suppress = new_label(c);
    set_line(c, item);
    compile_expr(c, item->kid[0]);
    if (is_async) {
        emit0(c, PY_BC_BEFORE_ASYNC_WITH); // [aexit awaitable]
        emit0(c, PY_BC_GET_AWAITABLE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
    } else {
        emit0(c, PY_BC_BEFORE_WITH); // [exit value]
    }
    int depth = c->depth - 1;        // with exit on the stack
    push_fb_handler(c, a, is_async ? FB_ASYNC_WITH : FB_WITH, handler, depth);
    if (item->kid[1]) {
        compile_store(c, item->kid[1]);
    } else {
        emit0(c, PY_BC_POP_TOP);
    }
    compile_with_items(c, a, i + 1);
    pop_fb(c);
    // normal exit: exit(None, None, None)
    emit0(c, PY_BC_LOAD_NONE);
    emit0(c, PY_BC_LOAD_NONE);
    emit0(c, PY_BC_LOAD_NONE);
    emit(c, PY_BC_CALL_FUNCTION, 3);
    if (is_async) {
        emit0(c, PY_BC_GET_AWAITABLE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
    }
    emit0(c, PY_BC_POP_TOP);
    emit_jump(c, PY_BC_JUMP, end);

    place_handler(c, handler, depth); // [exit exc]
    emit0(c, PY_BC_PUSH_EXC_INFO);    // [exit prev exc]
    push_fb_handler(c, a, FB_CLEANUP, cleanup, depth + 1);
    emit0(c, PY_BC_WITH_EXCEPT_START); // [exit prev exc res]
    if (is_async) {
        emit0(c, PY_BC_GET_AWAITABLE);
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_YIELD_FROM);
    }
    emit_jump(c, PY_BC_POP_JUMP_IF_TRUE, suppress);
    emit0(c, PY_BC_POP_EXCEPT_RERAISE); // [exit] (unreachable after)
    place_label(c, suppress);           // [exit prev exc]
    emit0(c, PY_BC_POP_TOP);
    emit0(c, PY_BC_POP_EXCEPT);
    emit0(c, PY_BC_POP_TOP);
    pop_fb(c);
    emit_jump(c, PY_BC_JUMP, end);
    place_handler(c, cleanup, depth + 1); // [exit prev exc2]
    emit0(c, PY_BC_POP_EXCEPT_RERAISE);
    c->depth = depth - 1; // after the statement the exit method is gone too
    place_label(c, end);
    c->depth = depth - 1;
}

static void compile_decorators(cunit *c, const py_ast *decos) {
    if (decos) {
        for (size_t i = 0; i < decos->n; i++) {
            compile_expr(c, decos->kid[i]);
        }
    }
}
static void apply_decorators(cunit *c, const py_ast *decos) {
    if (decos) {
        for (size_t i = 0; i < decos->n; i++) {
            emit(c, PY_BC_CALL_FUNCTION, 1);
        }
    }
}

// class C(bases, **kw): body → __build_class__(body_function, 'C', *bases, **kw)
static void compile_classdef(cunit *c, const py_ast *a) {
    py_scope *s = py_scope_child(c->scope, a);
    compile_decorators(c, a->kid[2]);
    emit0(c, PY_BC_LOAD_BUILD_CLASS);
    bool closure = compile_closure(c, s);
    py_val code = compile_code(c, s, a);
    emit(c, PY_BC_LOAD_CONST, const_index(c, code));
    emit(c, PY_BC_MAKE_FUNCTION, closure ? PY_MF_CLOSURE : 0);
    emit_const(c, py_qstr_val(py_qstr_get(a->val)));
    const py_ast *args = a->kid[0];
    size_t n = args ? args->n : 0;
    bool dynamic = false;
    size_t npos = 2, nkw = 0; // the body function and the name
    for (size_t i = 0; i < n; i++) {
        const py_ast *k = args->kid[i];
        if (k->kind == PY_AST_STARRED || (k->kind == PY_AST_KEYWORD && k->val == PY_NULL)) {
            dynamic = true;
        } else if (k->kind == PY_AST_KEYWORD) {
            nkw++;
        } else {
            npos++;
        }
    }
    if (!dynamic) {
        for (size_t i = 0; i < n; i++) {
            const py_ast *k = args->kid[i];
            compile_expr(c, k->kind == PY_AST_KEYWORD ? k->kid[0] : k);
        }
        if (nkw) {
            py_val names = py_tuple_new(nkw, NULL);
            size_t j = 0;
            for (size_t i = 0; i < n; i++) {
                if (args->kid[i]->kind == PY_AST_KEYWORD) {
                    ((py_tuple *)names)->items[j++] = args->kid[i]->val;
                }
            }
            emit(c, PY_BC_LOAD_CONST, const_index(c, names));
            emit(c, PY_BC_CALL_FUNCTION_KW, (uint32_t)(npos + nkw));
        } else {
            emit(c, PY_BC_CALL_FUNCTION, (uint32_t)npos);
        }
    } else {
        emit(c, PY_BC_BUILD_LIST, 2); // [body, name] then the bases
        for (size_t i = 0; i < n; i++) {
            const py_ast *k = args->kid[i];
            if (k->kind == PY_AST_STARRED) {
                compile_expr(c, k->kid[0]);
                emit(c, PY_BC_LIST_EXTEND, 1);
            } else if (k->kind != PY_AST_KEYWORD) {
                compile_expr(c, k);
                emit(c, PY_BC_LIST_APPEND, 1);
            }
        }
        emit0(c, PY_BC_LIST_TO_TUPLE);
        bool have_kw = false;
        for (size_t i = 0; i < n; i++) {
            const py_ast *k = args->kid[i];
            if (k->kind != PY_AST_KEYWORD) {
                continue;
            }
            if (!have_kw) {
                emit(c, PY_BC_BUILD_MAP, 0);
                have_kw = true;
            }
            if (k->val != PY_NULL) {
                emit_const(c, k->val);
                compile_expr(c, k->kid[0]);
                emit(c, PY_BC_BUILD_MAP, 1);
            } else {
                compile_expr(c, k->kid[0]);
            }
            emit(c, PY_BC_DICT_MERGE, 1);
        }
        emit(c, PY_BC_CALL_FUNCTION_EX, have_kw ? 1 : 0);
    }
    apply_decorators(c, a->kid[2]);
    compile_name(c, py_qstr_get(a->val), CTX_STORE);
}

static void compile_import(cunit *c, const py_ast *a) {
    for (size_t i = 0; i < a->n; i++) {
        const py_ast *al = a->kid[i];
        qstr full = py_qstr_get(al->val);
        emit(c, PY_BC_LOAD_SMALL_INT, 0);
        emit0(c, PY_BC_LOAD_NONE);
        emit(c, PY_BC_IMPORT_NAME, name_index(c, full));
        size_t n;
        const char *s = py_qstr_data(full, &n);
        const char *dot = memchr(s, '.', n);
        if (al->kid[0]) {
            // import a.b.c as d: walk down to a.b.c
            while (dot) {
                const char *start = dot + 1;
                dot = memchr(start, '.', n - (size_t)(start - s));
                size_t len = dot ? (size_t)(dot - start) : n - (size_t)(start - s);
                emit(c, PY_BC_IMPORT_FROM, name_index(c, py_qstr_from_strn(start, len)));
                emit0(c, PY_BC_ROT_TWO);
                emit0(c, PY_BC_POP_TOP);
            }
            compile_name(c, py_qstr_get(al->kid[0]->val), CTX_STORE);
        } else {
            compile_name(c, dot ? py_qstr_from_strn(s, (size_t)(dot - s)) : full, CTX_STORE);
        }
    }
}

static void compile_import_from(cunit *c, const py_ast *a) {
    emit(c, PY_BC_LOAD_SMALL_INT, a->op);
    py_val names = py_tuple_new(a->n, NULL);
    for (size_t i = 0; i < a->n; i++) {
        ((py_tuple *)names)->items[i] = py_qstr_val(py_qstr_get(a->kid[i]->val));
    }
    emit(c, PY_BC_LOAD_CONST, const_index(c, names));
    qstr mod = a->val == PY_NULL ? PY_QSTR_ : py_qstr_get(a->val);
    emit(c, PY_BC_IMPORT_NAME, name_index(c, mod));
    if (a->n == 1 && py_qstr_get(a->kid[0]->val) == PY_QSTR_star) {
        emit0(c, PY_BC_IMPORT_STAR);
        return;
    }
    for (size_t i = 0; i < a->n; i++) {
        const py_ast *al = a->kid[i];
        emit(c, PY_BC_IMPORT_FROM, name_index(c, py_qstr_get(al->val)));
        compile_name(c, py_qstr_get(al->kid[0] ? al->kid[0]->val : al->val), CTX_STORE);
    }
    emit0(c, PY_BC_POP_TOP);
}

static void compile_stmt(cunit *c, const py_ast *a) {
    py_stack_check();
    set_line(c, a);
    switch (a->kind) {
    case PY_AST_LIST:
        compile_stmts(c, a);
        return;
    case PY_AST_EXPR_STMT: {
        const py_ast *e = a->kid[0];
        if (c->mode == PY_COMPILE_SINGLE && c->scope->kind == PY_SCOPE_MODULE && c->nfb == 0) {
            compile_expr(c, e);
            emit0(c, PY_BC_PRINT_EXPR);
            return;
        }
        if (e->kind == PY_AST_CONST) {
            return; // docstring-like constants have no effect
        }
        compile_expr(c, e);
        emit0(c, PY_BC_POP_TOP);
        return;
    }
    case PY_AST_ASSIGN: {
        if (compile_const_def(c, a)) {
            return;
        }
        compile_expr(c, a->kid[a->n - 1]);
        for (size_t i = 0; i + 1 < a->n; i++) {
            if (i + 2 < a->n) {
                emit0(c, PY_BC_DUP_TOP);
            }
            compile_store(c, a->kid[i]);
        }
        return;
    }
    case PY_AST_AUGASSIGN: {
        const py_ast *t = a->kid[0];
        int op = PY_BC_INPLACE_OR + (a->op - PY_OP_OR);
        if (t->kind == PY_AST_NAME) {
            compile_name(c, py_qstr_get(t->val), CTX_LOAD);
            compile_expr(c, a->kid[1]);
            emit0(c, op);
            compile_name(c, py_qstr_get(t->val), CTX_STORE);
        } else if (t->kind == PY_AST_ATTRIBUTE) {
            compile_expr(c, t->kid[0]);
            emit0(c, PY_BC_DUP_TOP);
            emit(c, PY_BC_LOAD_ATTR, name_index(c, py_qstr_get(t->val)));
            compile_expr(c, a->kid[1]);
            emit0(c, op);
            emit0(c, PY_BC_ROT_TWO);
            emit(c, PY_BC_STORE_ATTR, name_index(c, py_qstr_get(t->val)));
        } else {
            compile_expr(c, t->kid[0]);
            compile_subscript_index(c, t->kid[1]);
            emit0(c, PY_BC_DUP_TOP_TWO);
            emit0(c, PY_BC_BINARY_SUBSCR);
            compile_expr(c, a->kid[1]);
            emit0(c, op);
            emit0(c, PY_BC_ROT_THREE);
            emit0(c, PY_BC_STORE_SUBSCR);
        }
        return;
    }
    case PY_AST_ANNASSIGN:
        if (a->kid[1]) {
            compile_expr(c, a->kid[1]);
            compile_store(c, a->kid[0]);
        }
        return;
    case PY_AST_DEL:
        for (size_t i = 0; i < a->n; i++) {
            compile_delete(c, a->kid[i]);
        }
        return;
    case PY_AST_PASS:
    case PY_AST_GLOBAL:
    case PY_AST_NONLOCAL:
        return;
    case PY_AST_BREAK:
        compile_break_continue(c, a, true);
        return;
    case PY_AST_CONTINUE:
        compile_break_continue(c, a, false);
        return;
    case PY_AST_RETURN:
        compile_return(c, a);
        return;
    case PY_AST_RAISE:
        if (a->kid[0]) {
            compile_expr(c, a->kid[0]);
            if (a->kid[1]) {
                compile_expr(c, a->kid[1]);
                emit(c, PY_BC_RAISE_VARARGS, 2);
            } else {
                emit(c, PY_BC_RAISE_VARARGS, 1);
            }
        } else {
            emit(c, PY_BC_RAISE_VARARGS, 0);
        }
        return;
    case PY_AST_ASSERT: {
        int ok = new_label(c);
        compile_jump_if(c, a->kid[0], true, ok);
        emit0(c, PY_BC_LOAD_ASSERTION_ERROR);
        if (a->kid[1]) {
            compile_expr(c, a->kid[1]);
            emit(c, PY_BC_CALL_FUNCTION, 1);
        }
        emit(c, PY_BC_RAISE_VARARGS, 1);
        place_label(c, ok);
        return;
    }
    case PY_AST_IMPORT:
        compile_import(c, a);
        return;
    case PY_AST_IMPORT_FROM:
        compile_import_from(c, a);
        return;
    case PY_AST_IF: {
        int orelse = new_label(c), end = new_label(c);
        compile_jump_if(c, a->kid[0], false, orelse);
        compile_stmts(c, a->kid[1]);
        if (a->kid[2]) {
            emit_jump(c, PY_BC_JUMP, end);
        }
        place_label(c, orelse);
        if (a->kid[2]) {
            compile_stmts(c, a->kid[2]);
        }
        place_label(c, end);
        return;
    }
    case PY_AST_WHILE:
        compile_while(c, a);
        return;
    case PY_AST_FOR:
        compile_for(c, a);
        return;
    case PY_AST_TRY:
        compile_try(c, a);
        return;
    case PY_AST_WITH:
        compile_with_items(c, a, 0);
        return;
    case PY_AST_FUNCDEF: {
        py_scope *s = py_scope_child(c->scope, a);
        compile_decorators(c, a->kid[2]);
        compile_make_function(c, a, a->kid[0], s);
        apply_decorators(c, a->kid[2]);
        compile_name(c, py_qstr_get(a->val), CTX_STORE);
        return;
    }
    case PY_AST_CLASSDEF:
        compile_classdef(c, a);
        return;
    default:
        cerror(c, a, "invalid syntax");
    }
}

static void compile_stmts(cunit *c, const py_ast *list) {
    if (list->kind != PY_AST_LIST) {
        compile_stmt(c, list);
        return;
    }
    for (size_t i = 0; i < list->n; i++) {
        compile_stmt(c, list->kid[i]);
    }
}

// ---- code objects ----------------------------------------------------------------------------
static void cunit_init(cunit *c, py_parser *p, py_scope *s, int mode) {
    memset(c, 0, sizeof(*c));
    c->p = p;
    c->scope = s;
    c->mode = mode;
    c->consts = py_list_new(0, NULL);
    c->run_label = -1;
}

static py_val cunit_finish(cunit *c, qstr name, qstr qualname, uint32_t firstline) {
    c->nfb = 0;
    update_handler(c); // closes the last run
    if (c->len > 0xffff) {
        py_ast fake = {0};
        fake.line = firstline;
        cerror(c, &fake, "code too large");
    }
    for (uint32_t i = 0; i < c->npatches; i++) {
        int32_t off = c->labels[c->patches[i].label].off;
        if (off < 0) {
            py_port_fatal("compile: unplaced label");
        }
        c->code[c->patches[i].at] = (uint8_t)off;
        c->code[c->patches[i].at + 1] = (uint8_t)(off >> 8);
    }
    py_scope *s = c->scope;
    py_code *code = py_new(py_code, &py_type_code);
    code->flags = c->flags;
    code->name = name;
    code->qualname = qualname;
    code->filename = c->p->lx.filename;
    code->firstline = firstline;
    if (s->kind != PY_SCOPE_MODULE) {
        code->argcount = s->argcount;
        code->posonlycount = s->posonly;
        code->kwonlycount = s->kwonly;
        code->nlocals = s->nlocals;
        code->ncells = s->ncells;
        code->nfree = s->nfree;
    }
    code->stacksize = (uint16_t)(c->maxdepth + 1);
    uint8_t *bc = py_gc_alloc(c->len, PY_GC_LEAF);
    py_memcpy(bc, c->code, c->len);
    code->code = bc;
    code->codelen = c->len;
    size_t nconsts;
    py_val *consts = py_seq_items(c->consts, &nconsts);
    if (nconsts > 0xffff || c->nnames > 0xffff) {
        py_ast fake = {0};
        fake.line = firstline;
        cerror(c, &fake, "too many constants or names");
    }
    py_val *cv = py_gc_alloc(nconsts * sizeof(py_val), 0);
    if (nconsts) {
        py_memcpy(cv, consts, nconsts * sizeof(py_val));
    }
    code->consts = cv;
    code->nconsts = (uint16_t)nconsts;
    qstr *nm = py_gc_alloc(c->nnames * sizeof(qstr), PY_GC_LEAF);
    if (c->nnames) {
        py_memcpy(nm, c->names, c->nnames * sizeof(qstr));
    }
    code->names = nm;
    code->nnames = (uint16_t)c->nnames;
    qstr *vn = py_gc_alloc(code->nlocals * sizeof(qstr) + 1, PY_GC_LEAF);
    for (uint32_t i = 0; i < s->nsyms && s->kind != PY_SCOPE_MODULE; i++) {
        py_symbol *y = &s->syms[i];
        bool has_slot = (y->kind == PY_SYM_LOCAL || y->kind == PY_SYM_CELL || y->kind == PY_SYM_FREE) &&
                        s->kind != PY_SCOPE_CLASS;
        if (s->kind == PY_SCOPE_CLASS && (y->kind == PY_SYM_CELL || (y->flags & PY_SYM_CLASS_FREE))) {
            has_slot = true;
        }
        if (has_slot && y->slot < code->nlocals) {
            vn[y->slot] = y->name;
        }
    }
    code->varnames = vn;
    uint8_t *lt = py_gc_alloc(c->linetab_len + 1, PY_GC_LEAF);
    if (c->linetab_len) {
        py_memcpy(lt, c->linetab, c->linetab_len);
    }
    code->linetab = lt;
    code->linetablen = c->linetab_len;
    py_exc_entry *et = py_gc_alloc(c->nruns * sizeof(py_exc_entry) + 1, PY_GC_LEAF);
    for (uint32_t i = 0; i < c->nruns; i++) {
        et[i].start = (uint16_t)c->runs[i].start;
        et[i].end = (uint16_t)c->runs[i].end;
        et[i].handler = (uint16_t)c->labels[c->runs[i].label].off;
        et[i].depth = c->runs[i].depth;
    }
    code->exctab = et;
    code->nexc = (uint16_t)c->nruns;
    return (py_val)code;
}

static const py_ast *docstring_of(const py_ast *body) {
    if (body && body->kind == PY_AST_LIST && body->n > 0) {
        const py_ast *first = body->kid[0];
        if (first->kind == PY_AST_EXPR_STMT && first->kid[0]->kind == PY_AST_CONST &&
            py_is_str(first->kid[0]->val)) {
            return first->kid[0];
        }
    }
    return NULL;
}

// Prologue of function-like code: cells and free variables.
static void emit_prologue(cunit *c, py_scope *s) {
    if (s->nfree) {
        emit(c, PY_BC_COPY_FREE_VARS, s->nfree);
    }
    for (uint32_t i = 0; i < s->nsyms; i++) {
        py_symbol *y = &s->syms[i];
        if (y->kind == PY_SYM_CELL) {
            emit(c, PY_BC_MAKE_CELL, y->slot);
        }
    }
}

static py_val compile_code(cunit *parent, py_scope *s, const py_ast *node) {
    cunit cu;
    cunit *c = &cu;
    cunit_init(c, parent->p, s, parent->mode);
    c->cur_line = node->line;
    c->last_line = node->line;
    if (s->flags & PY_SCOPE_F_GENERATOR) {
        c->flags |= (s->flags & PY_SCOPE_F_COROUTINE) ? PY_CO_ASYNC_GENERATOR : PY_CO_GENERATOR;
    } else if (s->flags & PY_SCOPE_F_COROUTINE) {
        c->flags |= PY_CO_COROUTINE;
    }
    if (s->kind == PY_SCOPE_CLASS) {
        c->flags |= PY_CO_CLASS_BODY;
        // class cells and pass-through free variables occupy slots 0..
        if (s->nfree) {
            emit(c, PY_BC_COPY_FREE_VARS, s->nfree);
        }
        py_symbol *cc = py_scope_lookup(s, PY_QSTR___class__);
        if (cc && cc->kind == PY_SYM_CELL) {
            emit(c, PY_BC_MAKE_CELL, cc->slot);
        }
        emit(c, PY_BC_LOAD_NAME, name_index(c, PY_QSTR___name__));
        emit(c, PY_BC_STORE_NAME, name_index(c, PY_QSTR___module__));
        emit_const(c, py_qstr_val(s->qualname));
        emit(c, PY_BC_STORE_NAME, name_index(c, PY_QSTR___qualname__));
        const py_ast *doc = docstring_of(node->kid[1]);
        if (doc) {
            emit_const(c, doc->val);
            emit(c, PY_BC_STORE_NAME, name_index(c, PY_QSTR___doc__));
        }
        compile_stmts(c, node->kid[1]);
        if (cc && cc->kind == PY_SYM_CELL) {
            emit(c, PY_BC_LOAD_CLOSURE, cc->slot);
        } else {
            emit0(c, PY_BC_LOAD_NONE);
        }
        emit0(c, PY_BC_RETURN_VALUE);
        return cunit_finish(c, s->name, s->qualname, node->line);
    }
    c->flags |= PY_CO_NEWLOCALS;
    if (s->varargs) {
        c->flags |= PY_CO_VARARGS;
    }
    if (s->varkw) {
        c->flags |= PY_CO_VARKEYWORDS;
    }
    if (node->kind == PY_AST_FUNCDEF) {
        const py_ast *doc = docstring_of(node->kid[1]);
        if (doc) {
            c->flags |= PY_CO_HAS_DOC;
            py_list_append(c->consts, doc->val);
        }
        emit_prologue(c, s);
        compile_stmts(c, node->kid[1]);
        if (!c->unreachable) {
            emit0(c, PY_BC_LOAD_NONE);
            emit0(c, PY_BC_RETURN_VALUE);
        }
    } else if (node->kind == PY_AST_LAMBDA) {
        emit_prologue(c, s);
        compile_expr(c, node->kid[1]);
        if (s->flags & PY_SCOPE_F_GENERATOR) {
            emit0(c, PY_BC_POP_TOP);
            emit0(c, PY_BC_LOAD_NONE);
        }
        emit0(c, PY_BC_RETURN_VALUE);
    } else {
        // comprehension: .0 is the iterator
        emit_prologue(c, s);
        size_t first = node->kind == PY_AST_DICTCOMP ? 2 : 1;
        switch (node->kind) {
        case PY_AST_LISTCOMP: emit(c, PY_BC_BUILD_LIST, 0); break;
        case PY_AST_SETCOMP: emit(c, PY_BC_BUILD_SET, 0); break;
        case PY_AST_DICTCOMP: emit(c, PY_BC_BUILD_MAP, 0); break;
        default: break;
        }
        compile_comp_body(c, node, first, 0);
        if (node->kind == PY_AST_GENEXP) {
            emit0(c, PY_BC_LOAD_NONE);
        }
        emit0(c, PY_BC_RETURN_VALUE);
    }
    return cunit_finish(c, s->name, s->qualname, node->line);
}

py_val py_compile(const char *src, size_t len, qstr filename, int mode) {
    py_parser *p = py_gc_alloc(sizeof(py_parser), 0);
    py_parse_init(p, src, len, filename, mode);
    cunit cu;
    cunit *c = &cu;
    cunit_init(c, p, NULL, mode);
    c->cur_line = 1;
    c->last_line = 1;
    py_scope *module = NULL;
    bool first = true;
    py_ast *stmt;
    while ((stmt = py_parse_next(p)) != NULL) {
        module = py_symtable_build(p, module, stmt);
        c->scope = module;
        if (mode == PY_COMPILE_EVAL) {
            set_line(c, stmt);
            compile_expr(c, stmt->kid[0]);
            emit0(c, PY_BC_RETURN_VALUE);
            break;
        }
        if (first && mode == PY_COMPILE_FILE) {
            const py_ast *doc = stmt->kind == PY_AST_EXPR_STMT && stmt->kid[0]->kind == PY_AST_CONST &&
                                        py_is_str(stmt->kid[0]->val)
                                    ? stmt->kid[0]
                                    : NULL;
            if (doc) {
                emit_const(c, doc->val);
                emit(c, PY_BC_STORE_NAME, name_index(c, PY_QSTR___doc__));
            }
        }
        first = false;
        compile_stmt(c, stmt);
        // forget this statement's scopes: later statements only need the module scope
        module->nkids = 0;
    }
    if (module == NULL) {
        module = py_symtable_build(p, NULL, &(py_ast){.kind = PY_AST_PASS});
        c->scope = module;
        if (mode == PY_COMPILE_EVAL) {
            py_lexer_error(&p->lx, &py_type_SyntaxError, 1, 0, "unexpected EOF while parsing");
        }
    }
    if (mode != PY_COMPILE_EVAL) {
        emit0(c, PY_BC_LOAD_NONE);
        emit0(c, PY_BC_RETURN_VALUE);
    }
    return cunit_finish(c, PY_QSTR_lt_module_gt, PY_QSTR_lt_module_gt, 1);
}
