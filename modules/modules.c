// modules/modules.c: the table of C modules linked into this build.
#include "modules/modules.h"
#include "py/builtins.h"
#include "py/runtime.h"

const py_module mod_builtins_module = {{&py_type_module}, (py_dict *)&py_builtins_dict};

static const struct {
    uint16_t name;
    const py_module *mod;
} table[] = {
    {PY_QSTR_sys, &mod_sys_module},
    {PY_QSTR_gc, &mod_gc_module},
    {PY_QSTR_builtins, &mod_builtins_module},
    {PY_QSTR_time, &mod_time_module},
    {PY_QSTR__thread, &mod_thread_module},
    {PY_QSTR_rtos, &mod_rtos_module},
    {PY_QSTR_micropython, &mod_micropython_module},
};

py_val mod_builtin_lookup(qstr name) {
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].name == name) {
            return (py_val)table[i].mod;
        }
    }
    return PY_NULL;
}
