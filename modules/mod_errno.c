// modules/mod_errno.c: the errno module: the C library's error numbers by name (the ones
// py_raise_os_error puts in OSError.errno), and errorcode, the dict from number to name.
// The names are MicroPython's set plus the common POSIX ones the C library defines; the
// values are the platform's (Linux's on the host, as CPython's there; newlib's on boards).
// errorcode is built on first use and kept in PY_S->module_roots (a dict needs the heap).
#include <errno.h>

#include "modules/modules.h"
#include "py/runtime.h"
#include "py/state.h"

#define ERRNO_ENTRY(name)                                                                          \
    { py_qstr_val_const(PY_QSTR_##name), py_small_const(name) }

// Where two names share a number, the one listed last is errorcode's (as in CPython on Linux).
static const py_dict_entry errno_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_errno)),
    PY_ROM_ENTRY(errorcode, PY_NONE), // served by errno_attr (listed for dir())
    ERRNO_ENTRY(EPERM),
    ERRNO_ENTRY(ENOENT),
    ERRNO_ENTRY(ESRCH),
    ERRNO_ENTRY(EINTR),
    ERRNO_ENTRY(EIO),
    ERRNO_ENTRY(ENXIO),
    ERRNO_ENTRY(E2BIG),
    ERRNO_ENTRY(ENOEXEC),
    ERRNO_ENTRY(EBADF),
    ERRNO_ENTRY(ECHILD),
    ERRNO_ENTRY(EWOULDBLOCK),
    ERRNO_ENTRY(EAGAIN),
    ERRNO_ENTRY(ENOMEM),
    ERRNO_ENTRY(EACCES),
    ERRNO_ENTRY(EFAULT),
#ifdef ENOTBLK
    ERRNO_ENTRY(ENOTBLK),
#endif
    ERRNO_ENTRY(EBUSY),
    ERRNO_ENTRY(EEXIST),
    ERRNO_ENTRY(EXDEV),
    ERRNO_ENTRY(ENODEV),
    ERRNO_ENTRY(ENOTDIR),
    ERRNO_ENTRY(EISDIR),
    ERRNO_ENTRY(EINVAL),
    ERRNO_ENTRY(ENFILE),
    ERRNO_ENTRY(EMFILE),
    ERRNO_ENTRY(ENOTTY),
    ERRNO_ENTRY(ETXTBSY),
    ERRNO_ENTRY(EFBIG),
    ERRNO_ENTRY(ENOSPC),
    ERRNO_ENTRY(ESPIPE),
    ERRNO_ENTRY(EROFS),
    ERRNO_ENTRY(EMLINK),
    ERRNO_ENTRY(EPIPE),
    ERRNO_ENTRY(EDOM),
    ERRNO_ENTRY(ERANGE),
    ERRNO_ENTRY(EDEADLK),
#ifdef EDEADLOCK
    ERRNO_ENTRY(EDEADLOCK),
#endif
    ERRNO_ENTRY(ENAMETOOLONG),
    ERRNO_ENTRY(ENOLCK),
    ERRNO_ENTRY(ENOSYS),
    ERRNO_ENTRY(ENOTEMPTY),
    ERRNO_ENTRY(ELOOP),
    ERRNO_ENTRY(ENOMSG),
    ERRNO_ENTRY(ENOSTR),
    ERRNO_ENTRY(ENODATA),
    ERRNO_ENTRY(ETIME),
    ERRNO_ENTRY(EPROTO),
    ERRNO_ENTRY(EOVERFLOW),
    ERRNO_ENTRY(EILSEQ),
    ERRNO_ENTRY(ENOTSOCK),
    ERRNO_ENTRY(EDESTADDRREQ),
    ERRNO_ENTRY(EMSGSIZE),
    ERRNO_ENTRY(EPROTOTYPE),
    ERRNO_ENTRY(ENOPROTOOPT),
    ERRNO_ENTRY(EPROTONOSUPPORT),
    ERRNO_ENTRY(EOPNOTSUPP),
    ERRNO_ENTRY(ENOTSUP),
    ERRNO_ENTRY(EAFNOSUPPORT),
    ERRNO_ENTRY(EADDRINUSE),
    ERRNO_ENTRY(EADDRNOTAVAIL),
    ERRNO_ENTRY(ENETDOWN),
    ERRNO_ENTRY(ENETUNREACH),
    ERRNO_ENTRY(ENETRESET),
    ERRNO_ENTRY(ECONNABORTED),
    ERRNO_ENTRY(ECONNRESET),
    ERRNO_ENTRY(ENOBUFS),
    ERRNO_ENTRY(EISCONN),
    ERRNO_ENTRY(ENOTCONN),
#ifdef ESHUTDOWN
    ERRNO_ENTRY(ESHUTDOWN),
#endif
    ERRNO_ENTRY(ETIMEDOUT),
    ERRNO_ENTRY(ECONNREFUSED),
    ERRNO_ENTRY(EHOSTDOWN),
    ERRNO_ENTRY(EHOSTUNREACH),
    ERRNO_ENTRY(EALREADY),
    ERRNO_ENTRY(EINPROGRESS),
    ERRNO_ENTRY(ECANCELED),
};
static PY_ROM_DICT(errno_globals, errno_table);

static py_val errorcode(void) {
    py_val d = PY_S->module_roots[MOD_ROOT_ERRNO];
    if (d == PY_NULL) {
        size_t n = sizeof(errno_table) / sizeof(errno_table[0]);
        d = py_dict_new(n);
        for (size_t i = 0; i < n; i++) {
            if (py_is_small(errno_table[i].value)) {
                py_dict_set((py_dict *)d, errno_table[i].value, errno_table[i].key);
            }
        }
        PY_S->module_roots[MOD_ROOT_ERRNO] = d;
    }
    return d;
}

static void errno_attr(py_val self, qstr attr, py_val *dest) {
    (void)self;
    if (dest[0] == PY_SENTINEL) {
        return; // read-only
    }
    if (attr == PY_QSTR_errorcode) {
        dest[0] = errorcode();
    } else if (attr == PY_QSTR___all__) {
        // `from errno import *` reads only plain modules' globals: name them here instead
        size_t n = sizeof(errno_table) / sizeof(errno_table[0]);
        py_val all = py_list_new(0, NULL);
        for (size_t i = 1; i < n; i++) { // all but __name__
            py_list_append(all, errno_table[i].key);
        }
        dest[0] = all;
    } else if (attr == PY_QSTR___dict__) {
        dest[0] = (py_val)&errno_globals;
    } else {
        dest[0] = py_dict_get_qstr((py_dict *)&errno_globals, attr);
    }
}

static void errno_print(const py_print *p, py_val self, int kind) {
    (void)self;
    (void)kind;
    py_print_str(p, "<module 'errno' (built-in)>");
}

static const py_type errno_module_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_module,
    .flags = PY_TF_EQ_ID,
    .print = errno_print,
    .attr = errno_attr,
    .base_type = &py_type_object,
};

const py_module mod_errno_module = {{&errno_module_type}, (py_dict *)&errno_globals};
