// py/symtable.h: scopes and name resolution (the compiler's first pass).
#ifndef PY_SYMTABLE_H
#define PY_SYMTABLE_H

#include "py/parse.h"

enum { PY_SCOPE_MODULE, PY_SCOPE_CLASS, PY_SCOPE_FUNCTION, PY_SCOPE_COMPREHENSION };

// How a name is bound in a scope, after resolution.
enum {
    PY_SYM_UNRESOLVED,
    PY_SYM_LOCAL,           // fast slot
    PY_SYM_CELL,            // fast slot holding a cell shared with nested scopes
    PY_SYM_FREE,            // fast slot holding a cell from the closure
    PY_SYM_GLOBAL_EXPLICIT, // declared global
    PY_SYM_GLOBAL_IMPLICIT, // not bound anywhere enclosing: globals, then builtins
    PY_SYM_NAME,            // module or class body: looked up in the namespace dict
};

// Declaration flags
#define PY_SYM_ASSIGNED 0x01
#define PY_SYM_PARAM 0x02
#define PY_SYM_USED 0x04
#define PY_SYM_GLOBAL_DECL 0x08
#define PY_SYM_NONLOCAL_DECL 0x10
#define PY_SYM_CLASS_FREE 0x20 // class body: also carries the name in its closure (free_slot)

typedef struct py_symbol {
    qstr name;
    uint8_t flags;
    uint8_t kind;
    uint16_t slot;
    uint16_t free_slot;
    uint32_t line;
} py_symbol;

#define PY_SCOPE_F_GENERATOR 0x1
#define PY_SCOPE_F_COROUTINE 0x2
#define PY_SCOPE_F_CLASS_CELL 0x4 // class body creates the __class__ cell

typedef struct py_scope {
    struct py_scope *parent;
    const py_ast *node;
    uint8_t kind;
    uint8_t flags;
    qstr name;
    qstr qualname;
    py_symbol *syms;
    uint32_t nsyms, cap;
    struct py_scope **kids;
    uint32_t nkids, kcap;
    uint16_t argcount, posonly, kwonly;
    bool varargs, varkw;
    uint16_t nplain; // parameters + plain locals
    uint16_t ncells, nfree, nlocals;
} py_scope;

// Adds the scopes of one top-level statement to `module` (created when NULL) and resolves
// them. Raises SyntaxError for misplaced return/yield/await, bad global/nonlocal, etc.
py_scope *py_symtable_build(py_parser *p, py_scope *module, const py_ast *stmt);
py_scope *py_scope_child(py_scope *s, const py_ast *node);
py_symbol *py_scope_lookup(py_scope *s, qstr name);

#endif // PY_SYMTABLE_H
