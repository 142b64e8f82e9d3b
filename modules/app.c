// modules/app.c: the application bundle (modules/app.h, docs/ota.md). The bundle stays in
// flash: its index is walked at each look-up and a module's .rpyc bytes are read into a heap
// buffer only while py_persist_load turns them into code. Nothing is allocated outside the GC
// heap; the state is which flash range holds the bundle.
#include "modules/app.h"

#include <errno.h>
#include <string.h>

#include "boot/bootutil.h"
#include "boot/keys.h"
#include "modules/repl.h"
#include "py/objexc.h"
#include "py/persist.h"
#include "py/port.h"
#include "py/print.h"
#include "py/runtime.h"
#include "py/state.h"

#define NAME_MAX_LEN 255u

static struct {
    drv_flash *f;
    uint32_t off, size; // the bundle in flash
    unsigned count;
} A;

static void say(const char *s) {
    py_port_write_out(s, strlen(s));
    py_port_write_out("\n", 1);
}

static uint32_t rd16(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// Walks the entries. With `path`, stops at the first entry of that name (true, *data and *len
// set); without, checks that the entries tile the bundle (true) or says why not (*why).
static bool walk(const char *path, uint32_t *data, uint32_t *len, const char **why) {
    uint32_t at = MOD_APP_HEADER_LEN, end = A.size;
    size_t pl = path ? strlen(path) : 0;
    char name[NAME_MAX_LEN + 1];
    uint8_t b[4];
    for (unsigned i = 0; i < A.count; i++) {
        if (end - at < 2 || drv_flash_read(A.f, A.off + at, b, 2) < 0) {
            *why = "truncated entry";
            return false;
        }
        uint32_t nl = rd16(b);
        at += 2;
        if (nl == 0 || nl > NAME_MAX_LEN || end - at < nl + 4 ||
            drv_flash_read(A.f, A.off + at, name, nl) < 0 ||
            drv_flash_read(A.f, A.off + at + nl, b, 4) < 0) {
            *why = "bad entry name";
            return false;
        }
        name[nl] = 0;
        at += nl + 4;
        uint32_t dl = rd32(b);
        if (dl > end - at || memchr(name, 0, nl) != NULL) {
            *why = "entry beyond the end";
            return false;
        }
        if (path && nl == pl && memcmp(name, path, pl) == 0) {
            *data = at;
            *len = dl;
            return true;
        }
        at += dl;
    }
    if (path) {
        return false;
    }
    if (at != end) {
        *why = "bytes after the last entry";
        return false;
    }
    return true;
}

static bool app_exists(const char *path) {
    uint32_t d, l;
    const char *why;
    return walk(path, &d, &l, &why);
}

static py_val app_load(const char *path) {
    uint32_t d, l;
    const char *why;
    if (!walk(path, &d, &l, &why)) {
        py_raise_fmt(&py_type_ImportError, "cannot read .app/%s", path);
    }
    uint8_t *buf = py_gc_alloc(l ? l : 1, PY_GC_LEAF);
    if (drv_flash_read(A.f, A.off + d, buf, l) < 0) {
        py_raise_os_error(EIO);
    }
    py_val code = py_persist_load(buf, l);
    py_gc_free(buf);
    return code;
}

static const py_app_modules app_modules = {app_exists, app_load};

bool mod_app_open(drv_flash *f, uint32_t off, uint32_t size) {
    uint8_t h[MOD_APP_HEADER_LEN];
    const char *why = "no bundle header";
    A.f = NULL;
    py_app_modules_hook = NULL;
    if (size >= MOD_APP_HEADER_LEN && drv_flash_read(f, off, h, sizeof(h)) == 0 &&
        memcmp(h, MOD_APP_MAGIC, 4) == 0) {
        why = "bundle format version not supported";
        if (rd16(h + 4) == MOD_APP_FORMAT_VERSION) {
            A.f = f;
            A.off = off;
            A.size = size;
            A.count = rd16(h + 6);
            uint32_t d, l;
            if (walk(NULL, &d, &l, &why)) {
                py_nlr nlr;
                if (py_nlr_push(&nlr) == 0) {
                    py_val dir = py_str_from_cstr(".app");
                    py_list *p = (py_list *)PY_S->sys_path;
                    py_list_append(PY_S->sys_path, dir); // grows the list, then moves it first
                    memmove(p->items + 1, p->items, (p->len - 1) * sizeof(py_val));
                    p->items[0] = dir;
                    py_nlr_pop();
                    py_app_modules_hook = &app_modules;
                    return true;
                }
                why = "out of memory";
            }
            A.f = NULL;
        }
    }
    char line[96];
    py_snprintf(line, sizeof(line), "rtpy: the image holds no application bundle (%s)", why);
    say(line);
    return false;
}

// The boot log: lines are held back until boot_go says whether there was anything to boot.
#define LOG_LINES 16
static struct {
    char line[LOG_LINES][100];
    unsigned n;
} L;

static void log_line(void *ctx, const char *line) {
    (void)ctx;
    if (L.n == LOG_LINES) { // a long log: print as it comes
        say(line);
        return;
    }
    py_snprintf(L.line[L.n++], sizeof(L.line[0]), "%s", line);
}

bool mod_app_boot(void) {
    drv_flash *f = drv_flash_board();
    if (f == NULL) {
        return false;
    }
    boot_config cfg;
    boot_config_trusted(&cfg);
    cfg.log = log_line;
    L.n = 0;
    boot_rsp rsp;
    int r = boot_go(f, &cfg, &rsp);
    uint8_t head[4] = {0, 0, 0, 0};
    (void)drv_flash_read(f, cfg.slot0_off, head, sizeof(head));
    bool blank = rd32(head) == 0xffffffffu;
    if (r == BOOT_ENOIMAGE && blank && L.n <= 1) {
        return false; // never had an image: a plain board, as without a bootloader
    }
    for (unsigned i = 0; i < L.n && i < LOG_LINES; i++) {
        say(L.line[i]);
    }
    if (r != BOOT_OK) {
        say(r == BOOT_ENOIMAGE ? "boot: no image to run: starting without an application"
                               : "boot: flash error: starting without an application");
        return false;
    }
    return mod_app_open(f, rsp.image_off + rsp.hdr_size, rsp.img_size);
}

bool mod_app_run_main(void) {
    if (py_app_modules_hook != &app_modules || !app_exists("main" PY_PERSIST_EXT)) {
        return false;
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_exec_code(app_load("main" PY_PERSIST_EXT), PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
    } else if (mod_repl_exit_status(nlr.exc) < 0) {
        py_exc_print_traceback(&py_print_stderr, nlr.exc);
    }
    return true;
}
