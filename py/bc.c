// py/bc.c: bytecode names and the disassembler (rtpy -X dis, and debugging).
#include "py/bc.h"
#include "py/runtime.h"

const char *const py_bc_names[PY_BC_N] = {
#define PY_X_NAME(name) #name,
    PY_OPCODES(PY_X_NAME)
#undef PY_X_NAME
};

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
