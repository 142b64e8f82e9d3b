// py/bc.h: the bytecode, and the code object that carries it.
//
// An instruction is one opcode byte, followed by a 16-bit little-endian argument for opcodes
// >= OP_HAVE_ARG. EXTENDED_ARG hi prefixes an instruction whose argument is (hi << 16) | arg.
// Jump arguments are absolute byte offsets in the code (so a code object is < 64 KiB of
// bytecode; the compiler reports SyntaxError "code too large" beyond). Names (globals,
// attributes, imports) are indices into code->names, constants into code->consts, locals
// into the frame's local slots ("fast" slots: parameters, then other locals, then cells,
// then free variables copied from the closure).
//
// Exceptions use a table, not setup/pop instructions: each entry covers [start, end) and
// names a handler and the stack depth to unwind to; the first entry containing the faulting
// instruction wins (the compiler lists inner ranges first). The handler starts with the
// exception pushed on the unwound stack. See docs/py-architecture.md for the protocols of
// try/except/finally and with, which the compiler expresses with the opcodes below.
#ifndef PY_BC_H
#define PY_BC_H

#include "py/obj.h"

// Opcodes. The comment gives the stack effect: (before -- after), top of stack rightmost.
// Precompiled files (.rpyc, py/persist.h) are refused when this list changes; changing what an
// opcode or its argument means without changing the list must bump PY_PERSIST_BC_REVISION.
#define PY_OPCODES(X)                                                                          \
    /* no argument */                                                                          \
    X(NOP)              /* ( -- ) */                                                           \
    X(POP_TOP)          /* (a -- ) */                                                          \
    X(ROT_TWO)          /* (a b -- b a) */                                                     \
    X(ROT_THREE)        /* (a b c -- c a b) */                                                 \
    X(ROT_FOUR)         /* (a b c d -- d a b c) */                                             \
    X(DUP_TOP)          /* (a -- a a) */                                                       \
    X(DUP_TOP_TWO)      /* (a b -- a b a b) */                                                 \
    X(UNARY_POSITIVE)   /* (a -- +a) */                                                        \
    X(UNARY_NEGATIVE)   /* (a -- -a) */                                                        \
    X(UNARY_NOT)        /* (a -- not a) */                                                     \
    X(UNARY_INVERT)     /* (a -- ~a) */                                                        \
    X(BINARY_SUBSCR)    /* (o i -- o[i]) */                                                    \
    X(BINARY_SLICE)     /* (o a b -- o[a:b]) */                                                \
    X(STORE_SUBSCR)     /* (v o i -- ) o[i] = v */                                             \
    X(DELETE_SUBSCR)    /* (o i -- ) */                                                        \
    X(GET_ITER)         /* (o -- iter(o)) */                                                   \
    X(GET_YIELD_FROM_ITER) /* (o -- it) iter(o) unless o is a generator/coroutine */           \
    X(GET_AWAITABLE)    /* (o -- it) the iterator of o.__await__() (or o if a coroutine) */    \
    X(GET_AITER)        /* (o -- o.__aiter__()) */                                             \
    X(GET_ANEXT)        /* (ai -- ai awaitable) awaitable of ai.__anext__() */                 \
    X(END_ASYNC_FOR)    /* (ai exc -- ) StopAsyncIteration ends the loop, others re-raise */   \
    X(RETURN_VALUE)     /* (v -- ) */                                                          \
    X(YIELD_VALUE)      /* (v -- sent) */                                                      \
    X(YIELD_FROM)       /* (it sent -- result) re-executes until it is exhausted */            \
    X(LOAD_NONE)        /* ( -- None) */                                                       \
    X(LOAD_TRUE)        /* ( -- True) */                                                       \
    X(LOAD_FALSE)       /* ( -- False) */                                                      \
    X(LOAD_BUILD_CLASS) /* ( -- __build_class__) */                                            \
    X(LOAD_ASSERTION_ERROR) /* ( -- AssertionError) */                                         \
    X(PRINT_EXPR)       /* (v -- ) REPL echo: print repr(v) unless None */                     \
    X(IMPORT_STAR)      /* (module -- ) */                                                     \
    X(RERAISE)          /* (exc -- ) raise again, keeping its traceback */                     \
    X(PUSH_EXC_INFO)    /* (exc -- prev exc) handled exception := exc */                       \
    X(POP_EXCEPT)       /* (prev -- ) handled exception := prev */                             \
    X(POP_EXCEPT_RERAISE) /* (prev exc -- ) handled := prev; re-raise exc */                   \
    X(CHECK_EXC_MATCH)  /* (exc cls -- exc bool) */                                            \
    X(BEFORE_WITH)      /* (mgr -- exit enter_result) */                                       \
    X(BEFORE_ASYNC_WITH) /* (mgr -- aexit awaitable_of_aenter) */                              \
    X(WITH_EXCEPT_START) /* (exit prev exc -- exit prev exc res) res = exit(type, exc, tb) */ \
    X(LIST_TO_TUPLE)    /* (list -- tuple) */                                                  \
    X(SETUP_ANNOTATIONS) /* ( -- ) unused: annotations are not evaluated */                    \
    X(LOAD_LOCALS)      /* ( -- the frame's locals dict) */                                    \
    X(BINARY_OR) X(BINARY_XOR) X(BINARY_AND) X(BINARY_LSHIFT) X(BINARY_RSHIFT)                 \
    X(BINARY_ADD) X(BINARY_SUB) X(BINARY_MUL) X(BINARY_MATMUL) X(BINARY_FLOORDIV)              \
    X(BINARY_TRUEDIV) X(BINARY_MOD) X(BINARY_POW)    /* (a b -- a op b): PY_OP_OR.. order */  \
    X(INPLACE_OR) X(INPLACE_XOR) X(INPLACE_AND) X(INPLACE_LSHIFT) X(INPLACE_RSHIFT)            \
    X(INPLACE_ADD) X(INPLACE_SUB) X(INPLACE_MUL) X(INPLACE_MATMUL) X(INPLACE_FLOORDIV)         \
    X(INPLACE_TRUEDIV) X(INPLACE_MOD) X(INPLACE_POW) /* (a b -- a op= b) */                    \
    X(COMPARE_LT) X(COMPARE_GT) X(COMPARE_EQ) X(COMPARE_NE) X(COMPARE_LE)                      \
    X(COMPARE_GE)       /* (a b -- a cmp b): PY_OP_LT.. order */                               \
    /* with a 16-bit argument */                                                               \
    X(EXTENDED_ARG)     /* prefix: arg of the next instruction |= this arg << 16 */            \
    X(LOAD_CONST)       /* ( -- consts[arg]) */                                                \
    X(LOAD_SMALL_INT)   /* ( -- (int16_t)arg) */                                               \
    X(LOAD_FAST)        /* ( -- local[arg]) UnboundLocalError if unset */                      \
    X(STORE_FAST)       /* (v -- ) */                                                          \
    X(DELETE_FAST)      /* ( -- ) */                                                           \
    X(LOAD_DEREF)       /* ( -- cell value) local[arg] holds a cell */                         \
    X(STORE_DEREF)      /* (v -- ) */                                                          \
    X(DELETE_DEREF)     /* ( -- ) */                                                           \
    X(LOAD_CLOSURE)     /* ( -- the cell in local[arg]) */                                     \
    X(LOAD_CLASSDEREF)  /* ( -- v) class body: locals dict, then the cell in local[arg] */      \
    X(MAKE_CELL)        /* ( -- ) local[arg] := cell(local[arg]) */                            \
    X(COPY_FREE_VARS)   /* ( -- ) last arg local slots := the function's closure cells */      \
    X(LOAD_GLOBAL)      /* ( -- globals/builtins[names[arg]]) */                               \
    X(STORE_GLOBAL)     /* (v -- ) */                                                          \
    X(DELETE_GLOBAL)    /* ( -- ) */                                                           \
    X(LOAD_NAME)        /* ( -- v) locals dict, globals, builtins */                           \
    X(STORE_NAME)       /* (v -- ) */                                                          \
    X(DELETE_NAME)      /* ( -- ) */                                                           \
    X(LOAD_ATTR)        /* (o -- o.name) */                                                    \
    X(STORE_ATTR)       /* (v o -- ) */                                                        \
    X(DELETE_ATTR)      /* (o -- ) */                                                          \
    X(LOAD_METHOD)      /* (o -- meth self) or (o -- attr NULL) */                             \
    X(LOAD_SUPER_METHOD) /* (super cls self -- as LOAD_METHOD): super().name */                \
    X(CALL_METHOD)      /* (meth self a1..an -- result) or (f NULL a1..an -- result) */        \
    X(CALL_METHOD_KW)   /* (meth self a1..an names -- result): arg = total args incl. kw */   \
    X(CALL_FUNCTION)    /* (f a1..an -- result) */                                             \
    X(CALL_FUNCTION_KW) /* (f a1..an names_tuple -- result): arg = total args incl. keywords */ \
    X(CALL_FUNCTION_EX) /* (f args_tuple [kwargs_dict] -- result): arg & 1: has kwargs */      \
    X(MAKE_FUNCTION)    /* ([defaults] [kwdefaults] [closure] code -- fn) arg: flags below */  \
    X(BUILD_TUPLE)      /* (a1..an -- tuple) */                                                \
    X(BUILD_LIST)       /* (a1..an -- list) */                                                 \
    X(BUILD_SET)        /* (a1..an -- set) */                                                  \
    X(BUILD_MAP)        /* (k1 v1..kn vn -- dict) */                                           \
    X(BUILD_SLICE)      /* (start stop [step] -- slice): arg = 2 or 3 */                       \
    X(BUILD_STRING)     /* (s1..sn -- joined str) */                                           \
    X(FORMAT_VALUE)     /* (v [spec] -- str): arg & 3: 0 none, 1 str, 2 repr, 3 ascii; 4: spec */ \
    X(LIST_APPEND)      /* (list ... v -- list ...): arg = depth of list below v (1 = TOS) */  \
    X(SET_ADD)          /* (set ... v -- set ...) */                                           \
    X(MAP_ADD)          /* (dict ... k v -- dict ...) */                                       \
    X(LIST_EXTEND)      /* (list ... it -- list ...) */                                        \
    X(SET_UPDATE)       /* (set ... it -- set ...) */                                          \
    X(DICT_UPDATE)      /* (dict ... m -- dict ...) {**m} */                                   \
    X(DICT_MERGE)       /* (dict ... m -- dict ...) f(**m): TypeError on repeated keywords */  \
    X(UNPACK_SEQUENCE)  /* (seq -- vn..v1) */                                                  \
    X(UNPACK_EX)        /* (seq -- ...) arg = before | after << 8, star target is a list */     \
    X(JUMP)             /* ( -- ) */                                                           \
    X(POP_JUMP_IF_FALSE) /* (v -- ) */                                                         \
    X(POP_JUMP_IF_TRUE) /* (v -- ) */                                                          \
    X(JUMP_IF_FALSE_OR_POP) /* (v -- v) if false and jump, else ( -- ) */                      \
    X(JUMP_IF_TRUE_OR_POP) /* (v -- v) if true and jump, else ( -- ) */                        \
    X(POP_JUMP_IF_NONE) /* (v -- ) */                                                          \
    X(FOR_ITER)         /* (it -- it v), or (it -- ) and jump when exhausted */                \
    X(CONTAINS_OP)      /* (a b -- a in b) arg 1: not in */                                    \
    X(IS_OP)            /* (a b -- a is b) arg 1: is not */                                    \
    X(RAISE_VARARGS)    /* arg 0: (-- ) re-raise; 1: (exc -- ); 2: (exc cause -- ) */          \
    X(IMPORT_NAME)      /* (level fromlist -- module) */                                       \
    X(IMPORT_FROM)      /* (module -- module attr) */                                          \
    X(COPY)             /* (a_n .. a_1 -- a_n .. a_1 a_n) */                                   \
    X(SWAP)             /* (a_n .. a_1 -- a_1 .. a_n) swaps TOS with the arg-th item */        \
    X(RESERVED_LAST)

enum {
#define PY_X_ENUM(name) PY_BC_##name,
    PY_OPCODES(PY_X_ENUM)
#undef PY_X_ENUM
        PY_BC_N
};
#define PY_BC_HAVE_ARG PY_BC_EXTENDED_ARG

// MAKE_FUNCTION argument flags (which extra items are on the stack, below the code object;
// in this order from the bottom: defaults, kwdefaults, closure)
#define PY_MF_DEFAULTS 0x1   // a tuple of positional defaults
#define PY_MF_KWDEFAULTS 0x2 // a dict of keyword-only defaults
#define PY_MF_CLOSURE 0x4    // a tuple of cells

// Code flags
#define PY_CO_VARARGS 0x0001
#define PY_CO_VARKEYWORDS 0x0002
#define PY_CO_GENERATOR 0x0004
#define PY_CO_COROUTINE 0x0008
#define PY_CO_ASYNC_GENERATOR 0x0010
#define PY_CO_NEWLOCALS 0x0020 // a function (else a module or class body: names in a dict)
#define PY_CO_CLASS_BODY 0x0040
#define PY_CO_HAS_DOC 0x0080 // consts[0] is the docstring

typedef struct py_exc_entry {
    uint16_t start, end, handler, depth;
} py_exc_entry;

typedef struct py_code {
    py_obj base; // &py_type_code
    uint16_t flags;
    uint16_t argcount;  // positional parameters, including positional-only
    uint16_t posonlycount;
    uint16_t kwonlycount;
    uint16_t nlocals;   // all local slots: parameters, locals, cells, free variables
    uint16_t ncells;    // cell variables (slots nlocals - nfree - ncells ..)
    uint16_t nfree;     // free variables: the last nfree slots
    uint16_t stacksize;
    uint16_t nexc;
    uint16_t nconsts, nnames;
    qstr name;
    qstr qualname;
    qstr filename;
    uint32_t firstline;
    uint32_t codelen;
    uint32_t linetablen;
    const uint8_t *code;
    const py_val *consts;
    const qstr *names;
    const qstr *varnames; // nlocals names (parameters first, in order)
    const uint8_t *linetab; // pairs of varints: (offset delta, zigzag line delta)
    const py_exc_entry *exctab;
} py_code;

// The net change of the stack depth by an instruction that falls through to the next one
// (the compiler's stack sizes; the .rpyc loader's check of them, py/persist.c).
int py_bc_stack_effect(int op, uint32_t arg);
// Line of the instruction at byte offset `off`.
int py_code_line(const py_code *code, size_t off);
// Prints a disassembly (for tests and debugging: rtpy -X dis).
void py_code_dis(const py_print *p, const py_code *code);
extern const char *const py_bc_names[PY_BC_N];

#endif // PY_BC_H
