// modules/boot.c: what a board does at start, shared by the ports: the file system of the
// flash partition mounted as the root, then boot.py and main.py, each from it or else frozen
// into the firmware. Their errors are printed, never fatal: the REPL comes up whatever they do.
#include "modules/boot.h"

#include <string.h>

#include "drivers/board.h"
#include "drivers/flash.h"
#include "fs/vfs_fs.h"
#include "modules/repl.h"
#include "modules/vfs.h"
#include "py/frozen.h"
#include "py/gc.h"
#include "py/objexc.h"
#include "py/print.h"
#include "py/runtime.h"
#include "py/state.h"

bool mod_boot_mount_flash(void) {
    drv_flash *f = drv_flash_board();
    if (f == NULL) {
        return false;
    }
    int r = fs_vfs_mount(f, DRV_FLASH_PART_FS_OFF, DRV_FLASH_PART_FS_SIZE);
    if (r < 0) {
        static const char msg[] = "rtpy: the flash file system cannot be mounted: ";
        board_console_write(msg, sizeof(msg) - 1);
        const char *why = strerror(-r);
        board_console_write(why, strlen(why));
        board_console_write("\r\n", 2);
        return false;
    }
    mod_vfs_mount(&fs_vfs_ops);
    // MicroPython's place for installed modules, searched after the frozen ones
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_list_append(PY_S->sys_path, py_str_from_cstr("/lib"));
        py_nlr_pop();
    }
    return true;
}

// The code of `name`: compiled from the file system's copy, or the frozen one; PY_NULL if
// neither exists. Raises (SyntaxError, MemoryError) like an import would.
static py_val script_code(const char *name) {
    if (mod_vfs_kind(name) == 1) {
        long n = mod_vfs_read_file(name, NULL, 0);
        if (n >= 0) {
            char *src = py_gc_alloc((size_t)n + 1, PY_GC_LEAF);
            long got = mod_vfs_read_file(name, src, (size_t)n);
            if (got >= 0) {
                py_val code = py_compile(src, (size_t)got, py_qstr_from_str(name), PY_COMPILE_FILE);
                py_gc_free(src);
                return code;
            }
        }
    }
    const py_frozen_module *fz = py_frozen_find(name);
    if (fz == NULL) {
        return PY_NULL;
    }
    return fz->code ? (py_val)fz->code
                    : py_compile(fz->source, fz->len, py_qstr_from_str(name), PY_COMPILE_FILE);
}

bool mod_boot_run_script(const char *name) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = script_code(name);
        if (code == PY_NULL) {
            py_nlr_pop();
            return false;
        }
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
    } else if (mod_repl_exit_status(nlr.exc) < 0) {
        py_exc_print_traceback(&py_print_stderr, nlr.exc);
    }
    return true;
}
