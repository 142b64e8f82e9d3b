// py/bc.c: bytecode names and the disassembler (rtpy -X dis, and debugging).
#include "py/bc.h"
#include "py/runtime.h"

const char *const py_bc_names[PY_BC_N] = {
#define PY_X_NAME(name) #name,
    PY_OPCODES(PY_X_NAME)
#undef PY_X_NAME
};

int py_bc_stack_effect(int op, uint32_t arg) {
    switch (op) {
    case PY_BC_POP_TOP: case PY_BC_RETURN_VALUE: case PY_BC_PRINT_EXPR: case PY_BC_IMPORT_STAR:
    case PY_BC_RERAISE: case PY_BC_POP_EXCEPT: case PY_BC_BINARY_SUBSCR: case PY_BC_YIELD_FROM:
    case PY_BC_STORE_FAST: case PY_BC_STORE_DEREF: case PY_BC_STORE_GLOBAL: case PY_BC_STORE_NAME:
    case PY_BC_DELETE_ATTR: case PY_BC_LIST_APPEND: case PY_BC_SET_ADD: case PY_BC_LIST_EXTEND:
    case PY_BC_SET_UPDATE: case PY_BC_DICT_UPDATE: case PY_BC_DICT_MERGE: case PY_BC_POP_JUMP_IF_FALSE:
    case PY_BC_POP_JUMP_IF_TRUE: case PY_BC_JUMP_IF_FALSE_OR_POP: case PY_BC_JUMP_IF_TRUE_OR_POP:
    case PY_BC_POP_JUMP_IF_NONE: case PY_BC_CONTAINS_OP: case PY_BC_IS_OP: case PY_BC_IMPORT_NAME:
        return -1;
    case PY_BC_STORE_SUBSCR: return -3;
    case PY_BC_LOAD_SUPER_METHOD: return -1;
    case PY_BC_BINARY_SLICE: return -2;
    case PY_BC_DELETE_SUBSCR: case PY_BC_STORE_ATTR: case PY_BC_MAP_ADD: case PY_BC_END_ASYNC_FOR:
    case PY_BC_POP_EXCEPT_RERAISE:
        return -2;
    case PY_BC_DUP_TOP: case PY_BC_GET_ANEXT: case PY_BC_LOAD_NONE: case PY_BC_LOAD_TRUE:
    case PY_BC_LOAD_FALSE: case PY_BC_LOAD_BUILD_CLASS: case PY_BC_LOAD_ASSERTION_ERROR:
    case PY_BC_PUSH_EXC_INFO: case PY_BC_BEFORE_WITH: case PY_BC_BEFORE_ASYNC_WITH:
    case PY_BC_WITH_EXCEPT_START: case PY_BC_LOAD_LOCALS: case PY_BC_LOAD_CONST:
    case PY_BC_LOAD_SMALL_INT: case PY_BC_LOAD_FAST: case PY_BC_LOAD_DEREF: case PY_BC_LOAD_CLOSURE:
    case PY_BC_LOAD_CLASSDEREF: case PY_BC_LOAD_GLOBAL: case PY_BC_LOAD_NAME: case PY_BC_LOAD_METHOD:
    case PY_BC_FOR_ITER: case PY_BC_IMPORT_FROM: case PY_BC_COPY:
        return 1;
    case PY_BC_DUP_TOP_TWO: return 2;
    case PY_BC_CALL_METHOD: return -(int)arg - 1;
    case PY_BC_CALL_METHOD_KW: return -(int)arg - 2;
    case PY_BC_CALL_FUNCTION: return -(int)arg;
    case PY_BC_CALL_FUNCTION_KW: return -(int)arg - 1;
    case PY_BC_CALL_FUNCTION_EX: return -1 - (int)(arg & 1);
    case PY_BC_MAKE_FUNCTION: return -(int)((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1));
    case PY_BC_BUILD_TUPLE: case PY_BC_BUILD_LIST: case PY_BC_BUILD_SET: case PY_BC_BUILD_SLICE:
    case PY_BC_BUILD_STRING:
        return 1 - (int)arg;
    case PY_BC_BUILD_MAP: return 1 - 2 * (int)arg;
    case PY_BC_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case PY_BC_UNPACK_SEQUENCE: return (int)arg - 1;
    case PY_BC_UNPACK_EX: return (int)(arg & 0xff) + (int)(arg >> 8);
    case PY_BC_RAISE_VARARGS: return -(int)arg;
    default:
        if (op >= PY_BC_BINARY_OR && op <= PY_BC_COMPARE_GE) {
            return -1;
        }
        return 0;
    }
}

void py_code_dis(const py_print *p, const py_code *code) {
    py_printf(p, "code %q (%q) args=%u locals=%u cells=%u free=%u stack=%u flags=0x%x\n", code->name,
              code->qualname, code->argcount, code->nlocals, code->ncells, code->nfree, code->stacksize,
              code->flags);
    for (uint16_t i = 0; i < code->nexc; i++) {
        const py_exc_entry *e = &code->exctab[i];
        py_printf(p, "  exc [%u, %u) -> %u depth %u\n", e->start, e->end, e->handler, e->depth);
    }
    const uint8_t *ip = code->code, *end = ip + code->codelen;
    while (ip < end) {
        size_t off = (size_t)(ip - code->code);
        uint8_t op = *ip++;
        py_printf(p, "  %u (line %d) %s", (unsigned)off, py_code_line(code, off), op < PY_BC_N ? py_bc_names[op] : "?");
        if (op >= PY_BC_HAVE_ARG) {
            unsigned arg = ip[0] | (ip[1] << 8);
            ip += 2;
            py_printf(p, " %u", arg);
            if (op == PY_BC_LOAD_CONST && arg < code->nconsts) {
                py_print_str(p, " (");
                py_print_val(p, code->consts[arg], PY_PRINT_REPR);
                py_print_str(p, ")");
            } else if ((op == PY_BC_LOAD_NAME || op == PY_BC_STORE_NAME ||
                        op == PY_BC_LOAD_GLOBAL || op == PY_BC_STORE_GLOBAL ||
                        op == PY_BC_LOAD_ATTR || op == PY_BC_STORE_ATTR ||
                        op == PY_BC_LOAD_METHOD || op == PY_BC_LOAD_SUPER_METHOD ||
                        op == PY_BC_IMPORT_NAME || op == PY_BC_IMPORT_FROM) &&
                       arg < code->nnames) {
                py_printf(p, " (%q)", code->names[arg]);
            } else if ((op == PY_BC_LOAD_FAST || op == PY_BC_STORE_FAST || op == PY_BC_LOAD_DEREF ||
                        op == PY_BC_STORE_DEREF) &&
                       arg < code->nlocals) {
                py_printf(p, " (%q)", code->varnames[arg]);
            }
        }
        py_print_str(p, "\n");
    }
    for (uint16_t i = 0; i < code->nconsts; i++) {
        if (py_typeof(code->consts[i]) == &py_type_code) {
            py_code_dis(p, (const py_code *)code->consts[i]);
        }
    }
}
