// modules/modules.c: the table of C modules linked into this build.
#include "modules/modules.h"
#include "py/builtins.h"
#include "py/runtime.h"

#ifndef MOD_CFG_MINIMAL
#define MOD_CFG_MINIMAL 0
#endif

const py_module mod_builtins_module = {{&py_type_module}, (py_dict *)&py_builtins_dict};
extern const py_module mod_io_module;
#if !MOD_CFG_MINIMAL // the modules a minimal build leaves out (modules/modules.mk)
extern const py_module mod_itertools_module;
extern const py_module mod_collections_module;
extern const py_module mod_functools_module;
extern const py_module mod_heapq_module;
extern const py_module mod_re_module;
extern const py_module mod_json_module;
extern const py_module mod_math_module;
extern const py_module mod_random_module;
extern const py_module mod_struct_module;
extern const py_module mod_binascii_module;
extern const py_module mod_hashlib_module;
extern const py_module mod_errno_module;
extern const py_module mod_array_module;
extern const py_module mod_os_module;
extern const py_module mod_select_module;
extern const py_module mod_ota_module;
extern const py_module mod_bluetooth_module;
extern const py_module mod_ulab_module;
#endif
#ifndef MOD_CFG_SOCKET // the socket module: ports with modules/mod_socket.h (the host's)
#define MOD_CFG_SOCKET 0
#endif
#if MOD_CFG_SOCKET
extern const py_module mod_socket_module;
#endif

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
    {PY_QSTR_machine, &mod_machine_module},
    {PY_QSTR_io, &mod_io_module},
#if !MOD_CFG_MINIMAL
    {PY_QSTR_itertools, &mod_itertools_module},
    {PY_QSTR__collections, &mod_collections_module},
    {PY_QSTR__functools, &mod_functools_module},
    {PY_QSTR__heapq, &mod_heapq_module},
    {PY_QSTR_re, &mod_re_module},
    {PY_QSTR_json, &mod_json_module},
    {PY_QSTR_math, &mod_math_module},
    {PY_QSTR_random, &mod_random_module},
    {PY_QSTR_struct, &mod_struct_module},
    {PY_QSTR_binascii, &mod_binascii_module},
    {PY_QSTR_hashlib, &mod_hashlib_module},
    {PY_QSTR_errno, &mod_errno_module},
    {PY_QSTR_array, &mod_array_module},
    {PY_QSTR__os, &mod_os_module},
    {PY_QSTR_select, &mod_select_module},
    {PY_QSTR_ota, &mod_ota_module},
    {PY_QSTR_bluetooth, &mod_bluetooth_module},
    {PY_QSTR_ulab, &mod_ulab_module},
#endif
#if MOD_CFG_SOCKET
    {PY_QSTR_socket, &mod_socket_module},
#endif
};

py_val mod_builtin_lookup(qstr name) {
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        if (table[i].name == name) {
            return (py_val)table[i].mod;
        }
    }
    return PY_NULL;
}
