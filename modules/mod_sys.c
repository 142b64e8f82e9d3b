// modules/mod_sys.c: the sys module. Most attributes are constants in flash; path, argv and
// modules live in the interpreter state (they are mutable objects), so the module has its
// own attribute hook that serves them.
#include <string.h>

#include "modules/mod_io.h"
#include "modules/modules.h"
#include "py/builtins.h"
#include "py/objexc.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- sys.stdout / sys.stderr / sys.stdin: file objects on the console (mod_io_file.c) ------
static const mod_io_file sys_stdin_obj = MOD_IO_CONSOLE_INIT(0, MOD_IO_READ);
static const mod_io_file sys_stdout_obj = MOD_IO_CONSOLE_INIT(1, MOD_IO_WRITE);
static const mod_io_file sys_stderr_obj = MOD_IO_CONSOLE_INIT(2, MOD_IO_WRITE);

// ---- functions -----------------------------------------------------------------------------------
static py_val sys_exit(size_t n_args, const py_val *args) {
    py_raise(py_exc_new(&py_type_SystemExit, n_args, args));
}
static PY_FN_OBJ_VAR(sys_exit_obj, exit, 0, 1, sys_exit);

static py_val sys_getrecursionlimit(void) { return py_small(PY_S->recursion_limit); }
static PY_FN_OBJ_0(sys_getrecursionlimit_obj, getrecursionlimit, sys_getrecursionlimit);

static py_val sys_setrecursionlimit(py_val n) {
    py_int_t v = py_get_int(n);
    if (v < 1) {
        py_raise_msg(&py_type_ValueError, "recursion limit must be greater or equal than 1");
    }
    PY_S->recursion_limit = (uint32_t)(v > 100000 ? 100000 : v);
    return PY_NONE;
}
static PY_FN_OBJ_1(sys_setrecursionlimit_obj, setrecursionlimit, sys_setrecursionlimit);

static py_val sys_print_exception(size_t n_args, const py_val *args) {
    if (n_args > 1 && args[1] != PY_NONE) {
        py_vstr v;
        py_vstr_init(&v, 128);
        py_print p;
        py_vstr_printer(&v, &p);
        py_exc_print_traceback(&p, args[0]);
        py_val s = py_vstr_to_str(&v);
        py_call_method(args[1], PY_QSTR_write, 1, &s);
        return PY_NONE;
    }
    py_port_flush();
    py_exc_print_traceback(&py_print_stdout, args[0]);
    return PY_NONE;
}
static PY_FN_OBJ_VAR(sys_print_exception_obj, print_exception, 1, 2, sys_print_exception);

static py_val sys_exc_info(void) {
    py_val e = PY_TS->handled_exc;
    py_val t[3] = {e ? (py_val)py_typeof(e) : PY_NONE, e ? e : PY_NONE, PY_NONE};
    return py_tuple_new(3, t);
}
static PY_FN_OBJ_0(sys_exc_info_obj, exc_info, sys_exc_info);

static py_val sys_exception(void) { return PY_TS->handled_exc ? PY_TS->handled_exc : PY_NONE; }
static PY_FN_OBJ_0(sys_exception_obj, exception, sys_exception);

static py_val sys_intern(py_val s) {
    if (!py_is_str(s)) {
        py_raise_fmt(&py_type_TypeError, "intern() argument 1 must be str, not %T", s);
    }
    return py_qstr_val(py_str_intern(s));
}
static PY_FN_OBJ_1(sys_intern_obj, intern, sys_intern);

static py_val sys_getsizeof(py_val o) {
    if (!py_is_obj(o) || !py_gc_is_heap_ptr(o)) {
        return py_small(0);
    }
    return py_small((py_int_t)py_gc_nbytes(o));
}
static PY_FN_OBJ_1(sys_getsizeof_obj, getsizeof, sys_getsizeof);

static const struct {
    py_obj base;
    size_t len;
    py_val items[3];
} sys_version_info = {{&py_type_tuple}, 3, {py_small_const(3), py_small_const(11), py_small_const(0)}};

static const struct {
    py_obj base;
    size_t len;
    py_val items[3];
} impl_version = {{&py_type_tuple}, 3, {py_small_const(0), py_small_const(1), py_small_const(0)}};

// sys.implementation: a module-like namespace (name, version)
static const py_dict_entry impl_table[] = {
    PY_ROM_ENTRY(name, py_qstr_val_const(PY_QSTR_rtpy)),
    PY_ROM_ENTRY(version, &impl_version),
    PY_ROM_ENTRY(_machine, py_qstr_val_const(PY_QSTR_host)),
};
static PY_ROM_DICT(impl_dict, impl_table);
static const py_module sys_implementation = {{&py_type_module}, (py_dict *)&impl_dict};

static const py_dict_entry sys_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_sys)),
    PY_ROM_ENTRY(exit, &sys_exit_obj),
    PY_ROM_ENTRY(getrecursionlimit, &sys_getrecursionlimit_obj),
    PY_ROM_ENTRY(setrecursionlimit, &sys_setrecursionlimit_obj),
    PY_ROM_ENTRY(print_exception, &sys_print_exception_obj),
    PY_ROM_ENTRY(exc_info, &sys_exc_info_obj),
    PY_ROM_ENTRY(exception, &sys_exception_obj),
    PY_ROM_ENTRY(intern, &sys_intern_obj),
    PY_ROM_ENTRY(getsizeof, &sys_getsizeof_obj),
    PY_ROM_ENTRY(stdin, &sys_stdin_obj),
    PY_ROM_ENTRY(stdout, &sys_stdout_obj),
    PY_ROM_ENTRY(stderr, &sys_stderr_obj),
    PY_ROM_ENTRY(version_info, &sys_version_info),
    PY_ROM_ENTRY(implementation, &sys_implementation),
    PY_ROM_ENTRY(byteorder, py_qstr_val_const(PY_QSTR_little)),
    // served by sys_attr from the interpreter state (listed here for dir(sys))
    PY_ROM_ENTRY(path, PY_NONE),
    PY_ROM_ENTRY(argv, PY_NONE),
    PY_ROM_ENTRY(modules, PY_NONE),
    PY_ROM_ENTRY(maxsize, PY_NONE),
    PY_ROM_ENTRY(platform, PY_NONE),
    PY_ROM_ENTRY(version, PY_NONE),
};
static PY_ROM_DICT(sys_globals, sys_table);

static void sys_attr(py_val self, qstr attr, py_val *dest) {
    (void)self;
    if (dest[0] == PY_SENTINEL) {
        return; // read-only
    }
    switch (attr) {
    case PY_QSTR_path: dest[0] = PY_S->sys_path; return;
    case PY_QSTR_argv: dest[0] = PY_S->sys_argv; return;
    case PY_QSTR_modules: dest[0] = (py_val)PY_S->modules; return;
    case PY_QSTR_maxsize: dest[0] = py_int_from_ll((long long)INTPTR_MAX); return;
    case PY_QSTR_platform: dest[0] = py_str_from_cstr(py_port_platform()); return;
    case PY_QSTR_version: dest[0] = py_str_from_cstr("3.11.0 (rtpy 0.1)"); return;
    case PY_QSTR___dict__: dest[0] = (py_val)&sys_globals; return;
    default: break;
    }
    dest[0] = py_dict_get_qstr((py_dict *)&sys_globals, attr);
}

static void sys_print(const py_print *p, py_val self, int kind) {
    (void)self;
    (void)kind;
    py_print_str(p, "<module 'sys' (built-in)>");
}

static const py_type sys_module_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_module,
    .flags = PY_TF_EQ_ID,
    .print = sys_print,
    .attr = sys_attr,
    .base_type = &py_type_object,
};

const py_module mod_sys_module = {{&sys_module_type}, (py_dict *)&sys_globals};
