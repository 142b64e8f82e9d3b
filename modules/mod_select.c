// modules/select.c: select.poll and select.select over modules/vfs.h. Waiting is a loop of
// non-blocking polls and 1 ms kernel sleeps, so other Python threads run meanwhile and, in
// virtual time, the wait costs simulated time only. A poll object keeps its registrations in
// a dict (fd → event mask), so poll() reports in registration order, as CPython on Linux.
// Results name file descriptors (CPython), not the registered objects (MicroPython).
#include <errno.h>
#include <math.h>

#include "modules/kthread.h"
#include "modules/mod_socket.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "py/runtime.h"
#include "py/state.h"

typedef struct poll_obj {
    py_obj base;
    py_val fds; // dict: int fd → int mask
} poll_obj;

static const py_type poll_type;

// The descriptor of an int or of an object with fileno().
static int fd_of(py_val v) {
    py_int_t fd;
    if (!py_is_int(v)) {
        py_val m[2];
        if (!py_load_method_maybe(v, PY_QSTR_fileno, m)) {
            py_raise_msg(&py_type_TypeError, "argument must be an int, or have a fileno() method.");
        }
        v = py_call(m[0], m[1] ? 1 : 0, 0, m[1] ? &m[1] : m);
        if (!py_is_int(v)) {
            py_raise_msg(&py_type_TypeError, "fileno() returned a non-integer");
        }
    }
    fd = py_get_int(v);
    if (fd < 0) {
        py_raise_fmt(&py_type_ValueError, "file descriptor cannot be a negative integer (%d)",
                     (int)fd);
    }
    if (fd > 0x7fffffff) {
        py_raise_msg(&py_type_OverflowError, "file descriptor is greater than maximum");
    }
    return (int)fd;
}

static uint16_t mask_of(py_val v) {
    py_int_t m = py_get_int(v);
    if (m < 0 || m > 0xffff) {
        py_raise_msg(&py_type_OverflowError, "Python int too large for C unsigned short");
    }
    return (uint16_t)m;
}

int (*mod_select_socket_poll)(mod_vfs_pollfd *fds, size_t n);

// Files through modules/vfs.h, sockets (modules/mod_socket.h) through their module.
static int poll_once(mod_vfs_pollfd *fds, size_t n) {
    int ready = 0;
    for (size_t i = 0; i < n; i++) {
        bool sock = fds[i].fd >= MOD_SOCKET_FD_BASE && mod_select_socket_poll;
        int r = sock ? mod_select_socket_poll(&fds[i], 1) : mod_vfs_poll(&fds[i], 1);
        if (r < 0) {
            return r;
        }
        ready += r;
    }
    return ready;
}

// Polls until something is ready or timeout_ms (< 0: forever) has passed; fills revents.
static int wait_ready(mod_vfs_pollfd *fds, size_t n, int64_t timeout_ms) {
    for (;;) {
        int r =
            n ? poll_once(fds, n) : 0; // (nothing to poll: just wait, even with no file system)
        if (r < 0) {
            mod_vfs_raise(-r, PY_NULL, PY_NULL);
        }
        if (r > 0 || timeout_ms == 0) {
            return r;
        }
        mod_kthread_sleep(k_timeout_ms(1));
        if (PY_S->pending) {
            py_vm_handle_pending(); // KeyboardInterrupt ends the wait
        }
        if (timeout_ms > 0) {
            timeout_ms--;
        }
    }
}

static py_val poll_register(size_t n_args, const py_val *args) {
    poll_obj *p = (poll_obj *)args[0];
    int fd = fd_of(args[1]);
    uint16_t mask =
        n_args > 2 ? mask_of(args[2]) : MOD_VFS_POLLIN | MOD_VFS_POLLPRI | MOD_VFS_POLLOUT;
    py_dict_set((py_dict *)p->fds, py_small(fd), py_small(mask));
    return PY_NONE;
}
static PY_FN_OBJ_VAR(poll_register_obj, register, 2, 3, poll_register);

static py_val poll_modify(py_val self, py_val fdv, py_val maskv) {
    poll_obj *p = (poll_obj *)self;
    int fd = fd_of(fdv);
    uint16_t mask = mask_of(maskv);
    if (py_dict_get((py_dict *)p->fds, py_small(fd)) == PY_NULL) {
        mod_vfs_raise(ENOENT, PY_NULL, PY_NULL);
    }
    py_dict_set((py_dict *)p->fds, py_small(fd), py_small(mask));
    return PY_NONE;
}
static PY_FN_OBJ_3(poll_modify_obj, modify, poll_modify);

static py_val poll_unregister(py_val self, py_val fdv) {
    poll_obj *p = (poll_obj *)self;
    int fd = fd_of(fdv);
    if (py_dict_remove((py_dict *)p->fds, py_small(fd)) == PY_NULL) {
        py_raise(py_exc_new(&py_type_KeyError, 1, (py_val[]){py_small(fd)}));
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(poll_unregister_obj, unregister, poll_unregister);

// A timeout in ms (poll) or s (select) as a count of ms; -1 = forever.
static int64_t timeout_arg(py_val t, double scale) {
    if (t == PY_NULL || t == PY_NONE) {
        return -1;
    }
    double d;
    if (!py_get_float_maybe(t, &d)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", t);
    }
    d *= scale;
    if (d != d) {
        py_raise_msg(&py_type_ValueError, "Invalid value NaN (not a number)");
    }
    if (d > 9e15) {
        py_raise_msg(&py_type_OverflowError, "timeout is too large");
    }
    return d < 0 ? -1 : (int64_t)ceil(d);
}

static py_val poll_poll(size_t n_args, const py_val *args) {
    poll_obj *p = (poll_obj *)args[0];
    int64_t timeout = timeout_arg(n_args > 1 ? args[1] : PY_NULL, 1.0);
    py_val items = py_call_method(p->fds, PY_QSTR_items, 0, NULL);
    py_val list = py_call1((py_val)&py_type_list, items);
    size_t n;
    py_val *kv;
    py_get_items(list, &n, &kv);
    mod_vfs_pollfd *fds = py_gc_alloc(n * sizeof(*fds) + 1, PY_GC_LEAF);
    for (size_t i = 0; i < n; i++) {
        py_tuple *t = (py_tuple *)kv[i];
        fds[i].fd = (int)py_small_get(t->items[0]);
        fds[i].events = (uint16_t)py_small_get(t->items[1]);
        fds[i].revents = 0;
    }
    wait_ready(fds, n, timeout);
    py_val out = py_list_new(0, NULL);
    for (size_t i = 0; i < n; i++) {
        if (fds[i].revents) {
            py_val t[2] = {py_small(fds[i].fd), py_small(fds[i].revents)};
            py_list_append(out, py_tuple_new(2, t));
        }
    }
    return out;
}
static PY_FN_OBJ_VAR(poll_poll_obj, poll, 1, 2, poll_poll);

static const py_dict_entry poll_locals_table[] = {
    PY_ROM_ENTRY(register, &poll_register_obj),
    PY_ROM_ENTRY(modify, &poll_modify_obj),
    PY_ROM_ENTRY(unregister, &poll_unregister_obj),
    PY_ROM_ENTRY(poll, &poll_poll_obj),
};
static PY_ROM_DICT(poll_locals, poll_locals_table);

static const py_type poll_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_poll,
    .flags = PY_TF_EQ_ID,
    .locals = (py_dict *)&poll_locals,
    .base_type = &py_type_object,
};

static py_val select_poll(void) {
    poll_obj *p = py_new(poll_obj, &poll_type);
    p->fds = py_dict_new(4);
    return (py_val)p;
}
static PY_FN_OBJ_0(select_poll_obj, poll, select_poll);

// select.select(rlist, wlist, xlist[, timeout]): lists of the objects that are ready.
static py_val select_select(size_t n_args, const py_val *args) {
    int64_t timeout = timeout_arg(n_args > 3 ? args[3] : PY_NULL, 1000.0);
    if (n_args > 3 && args[3] != PY_NONE && py_get_float(args[3]) < 0) {
        py_raise_msg(&py_type_ValueError, "timeout must be non-negative");
    }
    static const uint16_t ev[3] = {MOD_VFS_POLLIN, MOD_VFS_POLLOUT, MOD_VFS_POLLPRI};
    py_val lists[3];
    size_t total = 0;
    for (int k = 0; k < 3; k++) {
        lists[k] = py_call1((py_val)&py_type_list, args[k]);
        total += py_len(lists[k]);
    }
    mod_vfs_pollfd *fds = py_gc_alloc(total * sizeof(*fds) + 1, PY_GC_LEAF);
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        size_t n;
        py_val *items;
        py_get_items(lists[k], &n, &items);
        for (size_t j = 0; j < n; j++, i++) {
            fds[i].fd = fd_of(items[j]);
            fds[i].events = ev[k];
            fds[i].revents = 0;
        }
    }
    wait_ready(fds, total, timeout);
    py_val out[3];
    i = 0;
    for (int k = 0; k < 3; k++) {
        size_t n;
        py_val *items;
        py_get_items(lists[k], &n, &items);
        out[k] = py_list_new(0, NULL);
        for (size_t j = 0; j < n; j++, i++) {
            // errors and hang-ups make a descriptor readable and writable, as CPython
            uint16_t got =
                fds[i].revents & (ev[k] | (k < 2 ? MOD_VFS_POLLERR | MOD_VFS_POLLHUP : 0));
            if (got) {
                py_list_append(out[k], items[j]);
            }
        }
    }
    return py_tuple_new(3, out);
}
static PY_FN_OBJ_VAR(select_select_obj, select, 3, 4, select_select);

static const py_dict_entry select_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_select)),
    PY_ROM_ENTRY(poll, &select_poll_obj),
    PY_ROM_ENTRY(select, &select_select_obj),
    PY_ROM_ENTRY(POLLIN, py_small_const(MOD_VFS_POLLIN)),
    PY_ROM_ENTRY(POLLPRI, py_small_const(MOD_VFS_POLLPRI)),
    PY_ROM_ENTRY(POLLOUT, py_small_const(MOD_VFS_POLLOUT)),
    PY_ROM_ENTRY(POLLERR, py_small_const(MOD_VFS_POLLERR)),
    PY_ROM_ENTRY(POLLHUP, py_small_const(MOD_VFS_POLLHUP)),
    PY_ROM_ENTRY(POLLNVAL, py_small_const(MOD_VFS_POLLNVAL)),
};
static PY_ROM_DICT(select_globals, select_table);

const py_module mod_select_module = {{&py_type_module}, (py_dict *)&select_globals};
