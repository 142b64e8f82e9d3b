// modules/mod_os.c: _os, the C half of the os module (lib/os/__init__.py adds stat_result,
// uname_result, os.path and the constants). Every file-system call goes through modules/vfs.h;
// errors raise the OSError subclass CPython raises, naming the file. stat() returns a flat
// 13-tuple (the 10 integer fields, then the three times as floats) that os wraps.
#include <errno.h>
#include <string.h>

#include "modules/modules.h"
#include "modules/vfs.h"
#include "py/runtime.h"

static void check(int r, py_val path, py_val path2) {
    if (r < 0) {
        mod_vfs_raise(-r, path, path2);
    }
}

static py_val path_arg(size_t n_args, const py_val *args) {
    return n_args > 0 && args[0] != PY_NONE ? args[0] : py_str_from_cstr(".");
}

static py_val name_value(const char *name, bool bytes) {
    return bytes ? py_bytes_new(name, strlen(name)) : py_str_from_cstr(name);
}

// Entries of a directory: names only (listdir) or (name, type, inode) tuples (ilistdir).
static py_val list_dir(py_val path, bool tuples) {
    bool bytes = py_is_obj(path) && py_typeof(path) == &py_type_bytes;
    int d = mod_vfs_opendir(mod_vfs_path(path));
    check(d, path, PY_NULL);
    py_val list = py_list_new(0, NULL);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        char name[256];
        uint32_t kind;
        uint64_t ino;
        int r;
        while ((r = mod_vfs_readdir(d, name, sizeof(name), &kind, &ino)) > 0) {
            py_val n = name_value(name, bytes);
            if (tuples) {
                py_val t[3] = {n, py_small((py_int_t)kind),
                               py_int_from((py_int_t)(ino & 0x7fffffff))};
                n = py_tuple_new(3, t);
            }
            py_list_append(list, n);
        }
        check(r, path, PY_NULL);
        py_nlr_pop();
    } else {
        mod_vfs_closedir(d); // (MemoryError) the handle is not leaked
        py_nlr_jump(nlr.exc);
    }
    mod_vfs_closedir(d);
    return list;
}

static py_val os_listdir(size_t n_args, const py_val *args) {
    return list_dir(path_arg(n_args, args), false);
}
static PY_FN_OBJ_VAR(os_listdir_obj, listdir, 0, 1, os_listdir);

static py_val os_ilistdir(size_t n_args, const py_val *args) {
    return py_getiter(list_dir(path_arg(n_args, args), true));
}
static PY_FN_OBJ_VAR(os_ilistdir_obj, ilistdir, 0, 1, os_ilistdir);

static py_val time_float(int64_t ns) {
    return py_float_new((double)ns / 1e9);
}
static py_val time_int(int64_t ns) {
    return py_int_from((py_int_t)(ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000)));
}

static py_val os_stat(py_val path) {
    mod_vfs_statbuf st;
    check(mod_vfs_stat(mod_vfs_path(path), &st), path, PY_NULL);
    py_val t[13] = {
        py_int_from((py_int_t)st.mode), py_int_from((py_int_t)st.ino),
        py_int_from((py_int_t)st.dev),  py_int_from((py_int_t)st.nlink),
        py_int_from((py_int_t)st.uid),  py_int_from((py_int_t)st.gid),
        py_int_from((py_int_t)st.size), time_int(st.atime_ns),
        time_int(st.mtime_ns),          time_int(st.ctime_ns),
        time_float(st.atime_ns),        time_float(st.mtime_ns),
        time_float(st.ctime_ns),
    };
    return py_tuple_new(13, t);
}
static PY_FN_OBJ_1(os_stat_obj, stat, os_stat);

// A tuple, as MicroPython's (CPython's is an os.statvfs_result of the same fields).
static py_val os_statvfs(py_val path) {
    uint32_t f[10];
    check(mod_vfs_statvfs(mod_vfs_path(path), f), path, PY_NULL);
    py_val t[10];
    for (size_t i = 0; i < 10; i++) {
        t[i] = py_int_from((py_int_t)f[i]);
    }
    return py_tuple_new(10, t);
}
static PY_FN_OBJ_1(os_statvfs_obj, statvfs, os_statvfs);

static py_val os_sync(void) {
    int r = mod_vfs_sync();
    if (r != -ENOSYS) {
        check(r, PY_NULL, PY_NULL);
    }
    return PY_NONE;
}
static PY_FN_OBJ_0(os_sync_obj, sync, os_sync);

static py_val os_remove(py_val path) {
    check(mod_vfs_remove(mod_vfs_path(path)), path, PY_NULL);
    return PY_NONE;
}
static PY_FN_OBJ_1(os_remove_obj, remove, os_remove);

static py_val os_rename(py_val from, py_val to) {
    const char *a = mod_vfs_path(from), *b = mod_vfs_path(to);
    check(mod_vfs_rename(a, b), from, to);
    return PY_NONE;
}
static PY_FN_OBJ_2(os_rename_obj, rename, os_rename);

static py_val os_mkdir(size_t n_args, const py_val *args) {
    if (n_args > 1) {
        py_get_int(args[1]); // the mode: checked, then left to the backend's default
    }
    check(mod_vfs_mkdir(mod_vfs_path(args[0])), args[0], PY_NULL);
    return PY_NONE;
}
static PY_FN_OBJ_VAR(os_mkdir_obj, mkdir, 1, 2, os_mkdir);

static py_val os_rmdir(py_val path) {
    check(mod_vfs_rmdir(mod_vfs_path(path)), path, PY_NULL);
    return PY_NONE;
}
static PY_FN_OBJ_1(os_rmdir_obj, rmdir, os_rmdir);

static py_val os_chdir(py_val path) {
    check(mod_vfs_chdir(mod_vfs_path(path)), path, PY_NULL);
    return PY_NONE;
}
static PY_FN_OBJ_1(os_chdir_obj, chdir, os_chdir);

static py_val os_getcwd(void) {
    char buf[256];
    check(mod_vfs_getcwd(buf, sizeof(buf)), PY_NULL, PY_NULL);
    return py_str_from_cstr(buf);
}
static PY_FN_OBJ_0(os_getcwd_obj, getcwd, os_getcwd);

static py_val os_uname(void) {
    const char *f[5];
    mod_os_port_uname(f);
    py_val t[5];
    for (int i = 0; i < 5; i++) {
        t[i] = py_str_from_cstr(f[i]);
    }
    return py_tuple_new(5, t);
}
static PY_FN_OBJ_0(os_uname_obj, uname, os_uname);

static py_val os_urandom(py_val size) {
    py_int_t n = py_get_int(size);
    if (n < 0) {
        py_raise_msg(&py_type_ValueError, "negative argument not allowed");
    }
    char *buf = py_gc_alloc((size_t)n + 1, PY_GC_LEAF);
    check(mod_os_port_urandom(buf, (size_t)n), PY_NULL, PY_NULL);
    return py_bytes_new(buf, (size_t)n);
}
static PY_FN_OBJ_1(os_urandom_obj, urandom, os_urandom);

static const py_dict_entry os_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR__os)),
    PY_ROM_ENTRY(listdir, &os_listdir_obj),
    PY_ROM_ENTRY(ilistdir, &os_ilistdir_obj),
    PY_ROM_ENTRY(stat, &os_stat_obj),
    PY_ROM_ENTRY(remove, &os_remove_obj),
    PY_ROM_ENTRY(statvfs, &os_statvfs_obj),
    PY_ROM_ENTRY(sync, &os_sync_obj),
    PY_ROM_ENTRY(unlink, &os_remove_obj),
    PY_ROM_ENTRY(rename, &os_rename_obj),
    PY_ROM_ENTRY(mkdir, &os_mkdir_obj),
    PY_ROM_ENTRY(rmdir, &os_rmdir_obj),
    PY_ROM_ENTRY(chdir, &os_chdir_obj),
    PY_ROM_ENTRY(getcwd, &os_getcwd_obj),
    PY_ROM_ENTRY(uname, &os_uname_obj),
    PY_ROM_ENTRY(urandom, &os_urandom_obj),
};
static PY_ROM_DICT(os_globals, os_table);

const py_module mod_os_module = {{&py_type_module}, (py_dict *)&os_globals};
