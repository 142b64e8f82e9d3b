// py/import.c: module objects and the import system.
// Built-in modules (C) are found through the port; Python modules are searched on sys.path
// as NAME/__init__.py, NAME/__init__.rpyc (a package, whose directory becomes __path__),
// NAME.py, NAME.rpyc, in this order in each directory: source before precompiled code
// (py/persist.h), as MicroPython prefers .py to .mpy, so a stale .rpyc never hides the
// source being edited beside it. A module is entered into sys.modules before its code runs,
// so circular imports see the partial module; a failed import removes it again. The path
// entry ".frozen" stands for the modules frozen into the binary (py/frozen.h), ".app" for
// the running application's (py_app_modules_hook, set by the port).
#include <string.h>

#include "py/frozen.h"
#include "py/objexc.h"
#include "py/objfun.h"
#include "py/persist.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- module objects ---------------------------------------------------------------------------
py_val py_module_new(qstr name) {
    py_module *m = py_new(py_module, &py_type_module);
    m->globals = (py_dict *)py_dict_new(8);
    py_dict_set_qstr(m->globals, PY_QSTR___name__, py_qstr_val(name));
    py_dict_set_qstr(m->globals, PY_QSTR___doc__, PY_NONE);
    return (py_val)m;
}

static void module_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_dict *g = ((py_module *)self)->globals;
    py_val name = py_dict_get_qstr(g, PY_QSTR___name__);
    py_val file = py_dict_get_qstr(g, PY_QSTR___file__);
    if (file) {
        py_printf(p, "<module %r from %r>", name ? name : PY_NONE, file);
    } else {
        py_printf(p, "<module %r (built-in)>", name ? name : PY_NONE);
    }
}

static void module_attr(py_val self, qstr attr, py_val *dest) {
    py_dict *g = ((py_module *)self)->globals;
    if (dest[0] == PY_SENTINEL) {
        if (g->flags & PY_DICT_FIXED) {
            return; // a built-in module held in flash: read-only
        }
        if (dest[1]) {
            py_dict_set_qstr(g, attr, dest[1]);
        } else if (py_dict_remove(g, py_qstr_val(attr)) == PY_NULL) {
            return;
        }
        dest[0] = PY_NULL;
        return;
    }
    py_val v = py_dict_get_qstr(g, attr);
    if (v == PY_NULL && attr == PY_QSTR___dict__) {
        v = (py_val)g;
    }
    if (v == PY_NULL) {
        // module-level __getattr__ (PEP 562)
        py_val ga = py_dict_get_qstr(g, PY_QSTR___getattr__);
        if (ga) {
            v = py_call1(ga, py_qstr_val(attr));
        }
    }
    dest[0] = v;
}

const py_type py_type_module = {
    .base = {&py_type_type},
    .name = PY_QSTR_module,
    .flags = PY_TF_EQ_ID,
    .print = module_print,
    .attr = module_attr,
    .base_type = &py_type_object,
};

// ---- finding modules ------------------------------------------------------------------------------
#define FROZEN_DIR ".frozen"
#define APP_DIR ".app"

const py_app_modules *py_app_modules_hook;

static bool in_app(const char *path) {
    return strncmp(path, APP_DIR "/", sizeof(APP_DIR)) == 0;
}

static py_val modules_get(py_val name) { return py_dict_get(PY_S->modules, name); }

// Reads a whole file into a heap buffer; returns NULL if it cannot be read.
static char *read_file(const char *path, size_t *len) {
    long n = py_port_read_file(path, NULL, 0);
    if (n < 0) {
        return NULL;
    }
    char *buf = py_gc_alloc((size_t)n + 1, PY_GC_LEAF);
    long m = py_port_read_file(path, buf, (size_t)n);
    if (m < 0) {
        return NULL;
    }
    *len = (size_t)(m < n ? m : n);
    buf[*len] = 0;
    return buf;
}

static void path_join(py_vstr *v, const char *dir, size_t dl, const char *name, size_t nl, const char *suffix) {
    v->len = 0;
    if (dl) {
        py_vstr_add(v, dir, dl);
        if (dir[dl - 1] != '/') {
            py_vstr_add_char(v, '/');
        }
    }
    py_vstr_add(v, name, nl);
    py_vstr_add(v, suffix, strlen(suffix));
    py_vstr_add_char(v, 0);
}

// Runs a module's source (`frozen`, or else the file at `path`) in module `mod` (already
// in sys.modules).
static void exec_module(py_val mod, const char *path, const py_frozen_module *frozen) {
    size_t len;
    const char *src;
    char *buf = NULL;
    py_dict *g = ((py_module *)mod)->globals;
    if (frozen && frozen->code) {
        py_exec_code((py_val)frozen->code, g, g);
        return;
    }
    if (!frozen && in_app(path)) {
        py_exec_code(py_app_modules_hook->load(path + sizeof(APP_DIR)), g, g);
        return;
    }
    if (frozen) {
        src = frozen->source;
        len = frozen->len;
    } else {
        src = buf = read_file(path, &len);
        if (src == NULL) {
            py_raise_fmt(&py_type_ImportError, "cannot read %s", path);
        }
    }
    size_t pl = strlen(path), el = sizeof(PY_PERSIST_EXT) - 1;
    py_val code;
    if (!frozen && pl > el && strcmp(path + pl - el, PY_PERSIST_EXT) == 0) {
        code = py_persist_load((const uint8_t *)src, len);
    } else {
        code = py_compile(src, len, py_qstr_from_str(path), PY_COMPILE_FILE);
    }
    py_gc_free(buf);
    py_exec_code(code, g, g);
}

const py_frozen_module *py_frozen_find(const char *path) {
    for (unsigned i = 0; i < py_frozen_count; i++) {
        if (strcmp(py_frozen_modules[i].path, path) == 0) {
            return &py_frozen_modules[i];
        }
    }
    return NULL;
}

// Is there a module file at `path`? Paths under ".frozen/" name frozen modules.
static bool module_exists(const char *path, const py_frozen_module **frozen) {
    if (strncmp(path, FROZEN_DIR "/", sizeof(FROZEN_DIR)) == 0) {
        *frozen = py_frozen_find(path + sizeof(FROZEN_DIR));
        return *frozen != NULL;
    }
    *frozen = NULL;
    if (in_app(path)) {
        return py_app_modules_hook != NULL && py_app_modules_hook->exists(path + sizeof(APP_DIR));
    }
    return py_port_stat(path) == 1;
}

// Looks for `leaf` in the directories of `paths` (a list of str). Returns the loaded module
// or PY_NULL if no file matched.
static py_val load_from_paths(py_val full, py_val paths, const char *leaf, size_t leaf_len) {
    size_t np;
    py_val *items;
    if (paths == PY_NULL || !py_get_items(paths, &np, &items)) {
        return PY_NULL;
    }
    py_vstr v;
    py_vstr_init(&v, 64);
    for (size_t i = 0; i < np; i++) {
        if (!py_is_str(items[i])) {
            continue;
        }
        size_t dl;
        const char *dir = py_get_str(items[i], &dl);
        // the candidates in order of precedence; the first two are packages
        static const char *const suffixes[] = {"/__init__.py", "/__init__" PY_PERSIST_EXT, ".py",
                                               PY_PERSIST_EXT};
        const py_frozen_module *frozen = NULL;
        size_t cand = 0;
        for (; cand < sizeof(suffixes) / sizeof(suffixes[0]); cand++) {
            path_join(&v, dir, dl, leaf, leaf_len, suffixes[cand]);
            if (module_exists(py_vstr_data(&v), &frozen)) {
                break;
            }
        }
        if (cand == sizeof(suffixes) / sizeof(suffixes[0])) {
            continue;
        }
        bool is_pkg = cand < 2;
        py_val mod = py_module_new(py_str_intern(full));
        py_dict *g = ((py_module *)mod)->globals;
        const char *path = py_vstr_data(&v);
        py_dict_set_qstr(g, PY_QSTR___file__, py_str_from_cstr(path));
        if (is_pkg) {
            py_vstr pkgdir;
            py_vstr_init(&pkgdir, dl + leaf_len + 2);
            path_join(&pkgdir, dir, dl, leaf, leaf_len, "");
            py_val pd = py_str_new(py_vstr_data(&pkgdir), pkgdir.len - 1);
            py_dict_set_qstr(g, PY_QSTR___path__, py_list_new(1, &pd));
            py_dict_set_qstr(g, PY_QSTR___package__, full);
        } else {
            size_t fl;
            const char *fs = py_get_str(full, &fl);
            const char *dot = NULL;
            for (size_t k = fl; k-- > 0;) {
                if (fs[k] == '.') {
                    dot = fs + k;
                    break;
                }
            }
            py_dict_set_qstr(g, PY_QSTR___package__, dot ? py_str_new(fs, (size_t)(dot - fs)) : py_qstr_val(PY_QSTR_));
        }
        py_dict_set(PY_S->modules, full, mod);
        py_nlr nlr;
        if (py_nlr_push(&nlr) == 0) {
            exec_module(mod, path, frozen);
            py_nlr_pop();
        } else {
            py_dict_remove(PY_S->modules, full);
            py_nlr_jump(nlr.exc); // as it is; the importing frame joins the traceback
        }
        // the module may have replaced itself in sys.modules
        py_val m2 = modules_get(full);
        return m2 ? m2 : mod;
    }
    return PY_NULL;
}

// Imports exactly one module by its full dotted name, its parent package already imported.
static py_val import_one(py_val full, py_val parent, const char *leaf, size_t leaf_len, bool must) {
    py_val m = modules_get(full);
    if (m != PY_NULL) {
        return m;
    }
    if (parent == PY_NULL) {
        m = py_port_builtin_module(py_str_intern(full));
        if (m != PY_NULL) {
            py_dict_set(PY_S->modules, full, m);
            return m;
        }
        m = load_from_paths(full, PY_S->sys_path, leaf, leaf_len);
    } else {
        py_val paths = py_load_attr_maybe(parent, PY_QSTR___path__);
        if (paths == PY_NULL) { // a built-in module: its submodules are attributes (ulab.numpy)
            m = py_load_attr_maybe(parent, py_str_intern(py_str_new(leaf, leaf_len)));
            if (m != PY_NULL && py_typeof(m) == &py_type_module) {
                py_dict_set(PY_S->modules, full, m);
                return m;
            }
        }
        m = load_from_paths(full, paths, leaf, leaf_len);
    }
    if (m == PY_NULL && must) {
        py_val e = py_exc_new_msg(&py_type_ModuleNotFoundError, "");
        py_vstr v;
        py_vstr_init(&v, 32);
        py_print p;
        py_vstr_printer(&v, &p);
        py_printf(&p, "No module named %r", full);
        ((py_exc *)e)->args = (py_tuple *)py_tuple_new(1, (py_val[]){py_vstr_to_str(&v)});
        py_raise(e);
    }
    if (m != PY_NULL && parent != PY_NULL) {
        py_val leafv = py_str_new(leaf, leaf_len);
        py_store_attr(parent, py_str_intern(leafv), m);
    }
    return m;
}

// Imports every module along a dotted name; returns the last one (or PY_NULL when `must` is
// false and the last part does not exist).
static py_val import_dotted(const char *name, size_t len, py_val *top, bool must) {
    py_val parent = PY_NULL;
    size_t start = 0;
    for (;;) {
        size_t end = start;
        while (end < len && name[end] != '.') {
            end++;
        }
        if (end == start) {
            py_raise_msg(&py_type_ValueError, "Empty module name");
        }
        py_val full = py_str_new(name, end);
        py_val m = import_one(full, parent, name + start, end - start, must || end < len);
        if (m == PY_NULL) {
            return PY_NULL;
        }
        if (parent == PY_NULL && top) {
            *top = m;
        }
        parent = m;
        if (end == len) {
            return m;
        }
        start = end + 1;
    }
}

py_val py_import_submodule_maybe(const char *dotted) {
    return import_dotted(dotted, strlen(dotted), NULL, false);
}

py_val py_import_module(const char *dotted) { return import_dotted(dotted, strlen(dotted), NULL, true); }

py_val py_import(qstr name, py_val fromlist, int level) {
    size_t nl;
    const char *ns = py_qstr_data(name, &nl);
    py_vstr full;
    py_vstr_init(&full, nl + 32);
    if (level > 0) {
        // resolve against the importing module's package
        py_dict *g = py_vm_globals();
        py_val pkg = g ? py_dict_get_qstr(g, PY_QSTR___package__) : PY_NULL;
        if (pkg == PY_NULL || pkg == PY_NONE) {
            py_val mn = g ? py_dict_get_qstr(g, PY_QSTR___name__) : PY_NULL;
            pkg = PY_NULL;
            if (mn && py_is_str(mn)) {
                if (py_dict_get_qstr(g, PY_QSTR___path__)) {
                    pkg = mn;
                } else {
                    size_t ml;
                    const char *ms = py_get_str(mn, &ml);
                    size_t k = ml;
                    while (k > 0 && ms[k - 1] != '.') {
                        k--;
                    }
                    pkg = py_str_new(ms, k ? k - 1 : 0);
                }
            }
        }
        size_t pl = 0;
        const char *ps = pkg && py_is_str(pkg) ? py_get_str(pkg, &pl) : "";
        if (pl == 0) {
            py_raise_msg(&py_type_ImportError, "attempted relative import with no known parent package");
        }
        size_t k = pl;
        for (int i = 1; i < level; i++) {
            while (k > 0 && ps[k - 1] != '.') {
                k--;
            }
            if (k == 0) {
                py_raise_msg(&py_type_ImportError, "attempted relative import beyond top-level package");
            }
            k--;
        }
        py_vstr_add(&full, ps, k);
        if (nl) {
            py_vstr_add_char(&full, '.');
        }
    }
    py_vstr_add(&full, ns, nl);
    size_t fl = full.len;
    char *fs = py_vstr_data(&full);
    py_val top = PY_NULL;
    py_val mod = import_dotted(fs, fl, &top, true);
    bool has_from = fromlist != PY_NULL && fromlist != PY_NONE && py_is_true(fromlist);
    if (has_from || level > 0) {
        if (!has_from && level > 0) {
            // `from . import x` always has a fromlist; __import__('.a', level=1) returns top
            return top;
        }
        return mod;
    }
    return top;
}
