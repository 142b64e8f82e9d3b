// py/vm.c: the bytecode interpreter.
// One dispatch loop (run) with ip, sp and the frame in locals; Python-to-Python calls push a
// frame on the thread's Python stack and continue in the same loop (so does __init__ when a
// plain class is called), so only calls through C (dunder methods, generators, builtins
// calling back) nest C frames. Global names go through the name cache (state.h); attribute
// access on instances of plain classes through py/objtype_fast.h. Exceptions are raised
// with py_raise (a longjmp) and caught once per py_vm_run, which unwinds frames through the
// exception tables and re-enters the loop at a handler. Whenever anything can look at it
// (a call out, a raise, the budget or pending check), f->ip holds the address after the
// instruction being executed, so (f->ip - 1) is inside it for line and handler lookups; the
// few instructions that can do none of that skip the store (VM_QUIET).
#include <string.h>

#include "py/bc.h"
#include "py/builtins.h"
#include "py/gc_fast.h"
#include "py/objexc.h"
#include "py/objfun.h"
#include "py/objstr.h"
#include "py/objtype.h"
#include "py/objtype_fast.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- frames ---------------------------------------------------------------------------------
static py_frame *frame_alloc(py_thread_state *ts, const py_code *code) {
    size_t sz = (py_frame_size(code) + 7) & ~(size_t)7;
    if (ts->pystack_top + sz > ts->pystack_limit || ts->depth >= PY_S->recursion_limit) {
        py_raise_recursion_error();
    }
    py_frame *f = (py_frame *)ts->pystack_top;
    ts->pystack_top += sz;
    memset(f, 0, sizeof(py_frame) + code->nlocals * sizeof(py_val));
    f->code = code;
    return f;
}

static _Noreturn void arg_error(const py_code *code, const char *fmt, ...) {
    (void)code;
    va_list ap;
    va_start(ap, fmt);
    py_vstr v;
    py_vstr_init(&v, 64);
    py_print p;
    py_vstr_printer(&v, &p);
    py_vprintf(&p, fmt, ap);
    va_end(ap);
    py_raise(py_exc_new(&py_type_TypeError, 1, (py_val[]){py_vstr_to_str(&v)}));
}

static void missing_args(const py_code *code, py_val *L, size_t from, size_t to, const char *kind) {
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        n += L[i] == PY_NULL;
    }
    if (n == 0) {
        return;
    }
    py_vstr v;
    py_vstr_init(&v, 64);
    py_print p;
    py_vstr_printer(&v, &p);
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (L[i] == PY_NULL) {
            py_printf(&p, "'%q'", code->varnames[i]);
            k++;
            if (k + 1 < n) {
                py_print_str(&p, ", ");
            } else if (k + 1 == n) {
                py_print_str(&p, n > 2 ? ", and " : " and ");
            }
        }
    }
    py_val names = py_vstr_to_str(&v);
    arg_error(code, "%q() missing %d required %s argument%s: %S", code->qualname, (int)n, kind,
              n == 1 ? "" : "s", names);
}

// Binds call arguments (positional, then n_kw name/value pairs) to the frame's slots.
static void bind_args(py_frame *f, py_fun *fun, size_t n_args, size_t n_kw, const py_val *args) {
    const py_code *code = fun->code;
    py_val *L = f->l;
    size_t argc = code->argcount, kwonly = code->kwonlycount;
    uint16_t flags = code->flags;
    // fast path: exact positional call
    if (n_kw == 0 && n_args == argc && !(flags & (PY_CO_VARARGS | PY_CO_VARKEYWORDS)) && kwonly == 0) {
        py_memcpy(L, args, n_args * sizeof(py_val));
        return;
    }
    size_t slot_varargs = argc + kwonly;
    size_t slot_varkw = slot_varargs + ((flags & PY_CO_VARARGS) ? 1 : 0);
    py_dict *kwdict = NULL;
    if (flags & PY_CO_VARKEYWORDS) {
        kwdict = (py_dict *)py_dict_new(n_kw);
        L[slot_varkw] = (py_val)kwdict;
    }
    size_t npos = n_args < argc ? n_args : argc;
    py_memcpy(L, args, npos * sizeof(py_val));
    if (flags & PY_CO_VARARGS) {
        L[slot_varargs] = n_args > argc ? py_tuple_new(n_args - argc, args + argc) : py_tuple_new(0, NULL);
    } else if (n_args > argc) {
        size_t ndef = fun->defaults ? fun->defaults->len : 0;
        if (ndef && kwonly == 0) {
            arg_error(code, "%q() takes from %d to %d positional arguments but %d were given",
                      code->qualname, (int)(argc - ndef), (int)argc, (int)n_args);
        }
        arg_error(code, "%q() takes %d positional argument%s but %d %s given", code->qualname,
                  (int)argc, argc == 1 ? "" : "s", (int)n_args, n_args == 1 ? "was" : "were");
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_val key = args[n_args + 2 * k];
        py_val val = args[n_args + 2 * k + 1];
        qstr name = py_is_qstr(key) ? py_qstr_get(key) : py_str_intern(key);
        size_t i = code->posonlycount;
        for (; i < argc + kwonly; i++) {
            if (code->varnames[i] == name) {
                break;
            }
        }
        if (i < argc + kwonly) {
            if (L[i] != PY_NULL) {
                arg_error(code, "%q() got multiple values for argument '%q'", code->qualname, name);
            }
            L[i] = val;
            continue;
        }
        if (kwdict == NULL) {
            for (size_t j = 0; j < code->posonlycount; j++) {
                if (code->varnames[j] == name) {
                    arg_error(code, "%q() got some positional-only arguments passed as keyword "
                                    "arguments: '%q'", code->qualname, name);
                }
            }
            arg_error(code, "%q() got an unexpected keyword argument '%q'", code->qualname, name);
        }
        if (py_dict_get_qstr(kwdict, name) != PY_NULL) {
            arg_error(code, "%q() got multiple values for keyword argument '%q'", code->qualname, name);
        }
        py_dict_set_qstr(kwdict, name, val);
    }
    // defaults for missing positional parameters
    if (npos < argc) {
        size_t ndef = fun->defaults ? fun->defaults->len : 0;
        size_t first_def = argc - ndef;
        for (size_t i = npos; i < argc; i++) {
            if (L[i] == PY_NULL && i >= first_def) {
                L[i] = fun->defaults->items[i - first_def];
            }
        }
        missing_args(code, L, 0, argc, "positional");
    }
    if (kwonly) {
        for (size_t i = argc; i < argc + kwonly; i++) {
            if (L[i] == PY_NULL && fun->kwdefaults) {
                py_val d = py_dict_get_qstr(fun->kwdefaults, code->varnames[i]);
                if (d != PY_NULL) {
                    L[i] = d;
                }
            }
        }
        missing_args(code, L, argc, argc + kwonly, "keyword-only");
    }
}

// The common call, inline in the VM's call paths: exactly the positional parameters (no
// memset, no bind_args). NULL when the call is not of that shape.
static inline __attribute__((always_inline)) py_frame *frame_for_plain_call(py_thread_state *ts,
                                                                            py_fun *fun,
                                                                            size_t n_args,
                                                                            const py_val *args) {
    const py_code *code = fun->code;
    if (n_args != code->argcount || code->kwonlycount != 0 ||
        (code->flags & (PY_CO_VARARGS | PY_CO_VARKEYWORDS))) {
        return NULL;
    }
    size_t sz = (py_frame_size(code) + 7) & ~(size_t)7;
    if (ts->pystack_top + sz > ts->pystack_limit || ts->depth >= PY_S->recursion_limit) {
        py_raise_recursion_error();
    }
    py_frame *f = (py_frame *)ts->pystack_top;
    ts->pystack_top += sz;
    *f = (py_frame){.code = code, .fun = fun, .globals = fun->globals, .ip = code->code};
    size_t i = 0;
    for (; i < n_args; i++) {
        f->l[i] = args[i];
    }
    for (; i < code->nlocals; i++) {
        f->l[i] = PY_NULL;
    }
    return f;
}

// A new frame for `fun` on the Python stack with its arguments bound (not yet linked).
static py_frame *frame_for_call(py_thread_state *ts, py_fun *fun, size_t n_args, size_t n_kw,
                                const py_val *args) {
    const py_code *code = fun->code;
    if (n_kw == 0) {
        py_frame *f = frame_for_plain_call(ts, fun, n_args, args);
        if (f) {
            return f;
        }
    }
    py_frame *f = frame_alloc(ts, code);
    f->fun = fun;
    f->globals = fun->globals;
    f->ip = code->code;
    bind_args(f, fun, n_args, n_kw, args);
    return f;
}

// ---- generators' frames -----------------------------------------------------------------------
// The Python stack's top while frame f runs: just past f, or past the nearest frame below
// it on the Python stack when f is a generator's (in the heap).
static char *pystack_top_of(py_frame *f, py_frame *entry, char *entry_top) {
    for (;; f = f->back) {
        if (!(f->flags & PY_FRAME_HEAP)) {
            return (char *)f + ((py_frame_size(f->code) + 7) & ~(size_t)7);
        }
        if (f == entry) {
            return entry_top;
        }
    }
}

static py_val make_generator(py_fun *fun, size_t n_args, size_t n_kw, const py_val *args) {
    const py_code *code = fun->code;
    const py_type *t = (code->flags & PY_CO_COROUTINE)          ? &py_type_coroutine
                       : (code->flags & PY_CO_ASYNC_GENERATOR) ? &py_type_async_generator
                                                                : &py_type_generator;
    py_gen *g = py_gc_alloc(sizeof(py_gen) - sizeof(py_frame) + py_frame_size(code), 0);
    g->base.type = t;
    g->state = PY_GEN_CREATED;
    g->name = py_qstr_val(code->name);
    py_frame *f = &g->frame;
    f->code = code;
    f->fun = fun;
    f->globals = fun->globals;
    f->ip = code->code;
    f->flags = PY_FRAME_HEAP;
    f->sp = f->l + code->nlocals;
    // Bind into the generator's frame: bind_args only touches f->l.
    bind_args(f, fun, n_args, n_kw, args);
    return (py_val)g;
}

py_val py_fun_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args) {
    py_fun *fun = (py_fun *)fn;
    if (fun->code->flags & (PY_CO_GENERATOR | PY_CO_COROUTINE | PY_CO_ASYNC_GENERATOR)) {
        return make_generator(fun, n_args, n_kw, args);
    }
    py_thread_state *ts = PY_TS;
    char *top = ts->pystack_top;
    py_frame *f = frame_for_call(ts, fun, n_args, n_kw, args);
    py_val result;
    // py_vm_run resets the Python stack to `top` when an exception leaves the entry frame.
    py_vm_run(f, PY_NULL, &result);
    ts->pystack_top = top;
    return result;
}

py_val py_fun_call_with_locals(py_val fn, py_dict *locals) {
    py_fun *fun = (py_fun *)fn;
    py_thread_state *ts = PY_TS;
    char *top = ts->pystack_top;
    py_frame *f = frame_alloc(ts, fun->code);
    f->fun = fun;
    f->globals = fun->globals;
    f->locals = locals;
    f->ip = fun->code->code;
    py_val result;
    py_vm_run(f, PY_NULL, &result);
    ts->pystack_top = top;
    return result;
}

py_val py_exec_code(py_val codev, py_dict *globals, py_dict *locals) {
    const py_code *code = (const py_code *)codev;
    py_thread_state *ts = PY_TS;
    char *top = ts->pystack_top;
    py_frame *f = frame_alloc(ts, code);
    f->globals = globals;
    f->locals = locals ? locals : globals;
    f->ip = code->code;
    py_val result;
    py_vm_run(f, PY_NULL, &result);
    ts->pystack_top = top;
    return result;
}

py_dict *py_vm_globals(void) {
    py_frame *f = PY_TS->frame;
    return f ? f->globals : NULL;
}

py_val py_vm_locals(void) {
    py_frame *f = PY_TS->frame;
    if (f == NULL) {
        return PY_NULL;
    }
    if (f->locals) {
        return (py_val)f->locals;
    }
    // a function: a snapshot of its bound local variables (cells dereferenced; Python code
    // cannot make cell objects, so a cell in a slot is always a cell or free variable)
    py_dict *d = (py_dict *)py_dict_new(f->code->nlocals);
    const py_code *code = f->code;
    for (size_t i = 0; i < code->nlocals; i++) {
        py_val v = f->l[i];
        if (v == PY_NULL) {
            continue;
        }
        if (py_is_obj(v) && v->type == &py_type_closure_cell) {
            v = ((py_cell *)v)->value;
            if (v == PY_NULL) {
                continue;
            }
        }
        py_dict_set_qstr(d, code->varnames[i], v);
    }
    return (py_val)d;
}

// ---- helpers for opcodes ----------------------------------------------------------------------
static _Noreturn void unbound_local(const py_code *code, size_t slot) {
    py_raise_fmt(&py_type_UnboundLocalError,
                 "cannot access local variable '%q' where it is not associated with a value",
                 code->varnames[slot]);
}

static _Noreturn void name_error(qstr name) {
    py_raise(py_exc_new_name_error(name));
}

// Globals and builtins, through the name cache (py_attr_cache_entry): a name found in the
// globals is remembered by its entry number, a builtin by its value while no globals dict
// the cache knows of has gained or lost a key (the builtins are a const dict).
static __attribute__((noinline)) py_val load_global_slow(py_dict *g, qstr name,
                                                         py_attr_cache_entry *ce) {
    if (!(g->flags & PY_DICT_FIXED)) {
        g->flags |= PY_DICT_NS; // from now on its key changes invalidate cached builtins
    }
    ptrdiff_t k = py_dict_find_qstr(g, name);
    py_val v;
    if (k >= 0) {
        v = g->entries[k].value;
        ce->version = (uint32_t)k;
        ce->value = PY_NULL;
    } else {
        v = py_dict_get_qstr(PY_S->builtins, name);
        if (v == PY_NULL) {
            name_error(name);
        }
        ce->version = PY_S->globals_version;
        ce->value = v;
    }
    ce->owner = g;
    ce->name = name;
    return v;
}

static inline py_val load_global(py_dict *g, qstr name) {
    py_attr_cache_entry *ce = py_attr_cache_slot(g, name);
    if (ce->owner == g && ce->name == name) {
        if (ce->value == PY_NULL) {
            py_val v = py_dict_value_at(g, ce->version, py_qstr_val(name));
            if (v != PY_NULL) {
                return v;
            }
        } else if (ce->version == PY_S->globals_version) {
            return ce->value;
        }
    }
    return load_global_slow(g, name, ce);
}

// Stores into a namespace dict; an existing global is found through the name cache.
static void store_global(py_dict *g, qstr name, py_val v) {
    py_attr_cache_entry *ce = py_attr_cache_slot(g, name);
    if (ce->owner == g && ce->name == name && ce->value == PY_NULL && !(g->flags & PY_DICT_FIXED) &&
        py_dict_value_at(g, ce->version, py_qstr_val(name)) != PY_NULL) {
        g->entries[ce->version].value = v;
        return;
    }
    py_dict_set_qstr(g, name, v);
}

static void unpack(py_val seq, size_t before, size_t after, bool star, py_val *dst_top) {
    // Pushes so that the first target ends on top: dst_top[-1] is item 0.
    size_t len;
    py_val *items;
    size_t want = before + after;
    if (!star && py_get_items(seq, &len, &items)) {
        if (len != want) {
            if (len < want) {
                py_raise_fmt(&py_type_ValueError, "not enough values to unpack (expected %d, got %d)",
                             (int)want, (int)len);
            }
            py_raise_fmt(&py_type_ValueError, "too many values to unpack (expected %d)", (int)want);
        }
        for (size_t i = 0; i < len; i++) {
            dst_top[-1 - (ptrdiff_t)i] = items[i];
        }
        return;
    }
    if (!py_is_obj(seq) && !py_is_qstr(seq) && !py_is_small(seq)) {
        py_raise_msg(&py_type_TypeError, "cannot unpack");
    }
    py_val it;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        it = py_getiter(seq);
        py_nlr_pop();
    } else {
        if (py_isinstance(nlr.exc, &py_type_TypeError)) {
            py_raise_fmt(&py_type_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        py_raise(nlr.exc);
    }
    size_t i = 0;
    for (; i < before; i++) {
        py_val v = py_iternext(it);
        if (v == PY_STOP) {
            py_raise_fmt(&py_type_ValueError, "not enough values to unpack (expected %s%d, got %d)",
                         star ? "at least " : "", (int)want, (int)i);
        }
        dst_top[-1 - (ptrdiff_t)i] = v;
    }
    if (!star) {
        if (py_iternext(it) != PY_STOP) {
            py_raise_fmt(&py_type_ValueError, "too many values to unpack (expected %d)", (int)want);
        }
        return;
    }
    py_val rest = py_list_new(0, NULL);
    for (py_val v; (v = py_iternext(it)) != PY_STOP;) {
        py_list_append(rest, v);
    }
    py_list *rl = (py_list *)rest;
    if (rl->len < after) {
        py_raise_fmt(&py_type_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                     (int)want, (int)(before + rl->len));
    }
    size_t nstar = rl->len - after;
    for (size_t k = 0; k < after; k++) {
        dst_top[-1 - (ptrdiff_t)(before + 1 + k)] = rl->items[nstar + k];
    }
    rl->len = nstar;
    dst_top[-1 - (ptrdiff_t)before] = rest;
}

// Calls with keyword names from a tuple: rearranges (pos..., values...) into the interleaved
// form in scratch space on the Python stack.
static py_val call_kw(py_thread_state *ts, py_val fn, py_val *args, size_t total, py_val names) {
    py_tuple *kn = (py_tuple *)names;
    size_t nkw = kn->len, npos = total - nkw;
    size_t need = (npos + 2 * nkw) * sizeof(py_val);
    if (ts->pystack_top + need > ts->pystack_limit) {
        py_raise_recursion_error();
    }
    py_val *scratch = (py_val *)ts->pystack_top;
    ts->pystack_top += (need + 7) & ~(size_t)7;
    py_memcpy(scratch, args, npos * sizeof(py_val));
    for (size_t i = 0; i < nkw; i++) {
        scratch[npos + 2 * i] = kn->items[i];
        scratch[npos + 2 * i + 1] = args[npos + i];
    }
    py_val r = py_call(fn, npos, nkw, scratch);
    ts->pystack_top = (char *)scratch;
    return r;
}

static py_val make_function(py_frame *f, uint32_t flags, py_val **spp) {
    py_val *sp = *spp;
    py_fun *fun = py_new(py_fun, &py_type_function);
    fun->code = (const py_code *)*--sp;
    fun->globals = f->globals;
    if (flags & PY_MF_CLOSURE) {
        fun->closure = (py_tuple *)*--sp;
    }
    if (flags & PY_MF_KWDEFAULTS) {
        fun->kwdefaults = (py_dict *)*--sp;
    }
    if (flags & PY_MF_DEFAULTS) {
        fun->defaults = (py_tuple *)*--sp;
    }
    *spp = sp;
    return (py_val)fun;
}

static py_val format_value(py_val v, uint32_t flags, py_val spec) {
    switch (flags & 3) {
    case 1: v = py_str_of(v); break;
    case 2: v = py_repr(v); break;
    case 3: v = py_ascii(v); break;
    default: break;
    }
    if (spec == PY_NULL && py_is_str(v) && (py_is_qstr(v) || v->type == &py_type_str)) {
        return v;
    }
    return py_format(v, spec ? spec : py_qstr_val(PY_QSTR_));
}

// The pieces of an f-string are strs: one allocation of the exact size.
static py_val build_string(py_val *items, size_t n) {
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        py_get_str(items[i], &len);
        total += len;
    }
    char *d;
    py_val r = py_str_new_uninit(total, &d);
    size_t charlen = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *s = py_get_str(items[i], &len);
        memcpy(d, s, len);
        d += len;
        py_val v = items[i];
        charlen +=
            py_is_qstr(v) || v->type == &py_type_str ? py_str_charlen(v) : py_utf8_charlen(s, len);
    }
    *d = 0;
    ((py_str *)r)->charlen = (uint32_t)charlen;
    return r;
}

static void import_star(py_frame *f, py_val mod) {
    py_dict *dst = f->locals ? f->locals : f->globals;
    py_val all = py_load_attr_maybe(mod, PY_QSTR___all__);
    if (all != PY_NULL) {
        py_val it = py_getiter(all);
        for (py_val name; (name = py_iternext(it)) != PY_STOP;) {
            qstr q = py_str_intern(name);
            py_dict_set_qstr(dst, q, py_load_attr(mod, q));
        }
        return;
    }
    if (!py_is_obj(mod) || mod->type != &py_type_module) {
        return;
    }
    py_dict *g = ((py_module *)mod)->globals;
    size_t pos = 0;
    for (py_dict_entry *e; (e = py_dict_next(g, &pos)) != NULL;) {
        size_t len;
        const char *s = py_get_str(e->key, &len);
        if (len > 0 && s[0] != '_') {
            py_dict_set(dst, e->key, e->value);
        }
    }
}

static py_val import_from(py_val mod, qstr name) {
    py_val v = py_load_attr_maybe(mod, name);
    if (v != PY_NULL) {
        return v;
    }
    // a submodule not imported yet: import package.name
    py_val pkgname = py_load_attr_maybe(mod, PY_QSTR___name__);
    if (pkgname != PY_NULL && py_is_str(pkgname)) {
        size_t pl, nl;
        const char *ps = py_get_str(pkgname, &pl);
        const char *ns = py_qstr_data(name, &nl);
        py_vstr full;
        py_vstr_init(&full, pl + nl + 2);
        py_vstr_add(&full, ps, pl);
        py_vstr_add_char(&full, '.');
        py_vstr_add(&full, ns, nl);
        py_vstr_add_char(&full, 0);
        py_val sub = py_import_submodule_maybe(py_vstr_data(&full));
        if (sub != PY_NULL) {
            return sub;
        }
        py_raise(py_exc_new_import_error_fmt(name, pkgname));
    }
    py_raise_fmt(&py_type_ImportError, "cannot import name '%q'", name);
}

// Special method lookup on the type (instances' dicts are not consulted), as for `with`.
static py_val special_method(py_val obj, qstr name) {
    py_val dest[2];
    if (!py_load_method_special(obj, name, dest)) {
        return PY_NULL;
    }
    return dest[1] ? py_bound_method_new(dest[1], dest[0]) : dest[0];
}

static py_val get_awaitable(py_val v) {
    if (py_is_obj(v) && v->type == &py_type_coroutine) {
        return v;
    }
    py_val aw = special_method(v, PY_QSTR___await__);
    if (aw == PY_NULL) {
        py_raise_fmt(&py_type_TypeError, "object %T can't be used in 'await' expression", v);
    }
    py_val it = py_call0(aw);
    if (py_is_obj(it) && it->type == &py_type_coroutine) {
        py_raise_msg(&py_type_TypeError, "__await__() returned a coroutine");
    }
    return it;
}

// One step of `yield from`/`await`: sends into the sub-iterator. Returns true with the value
// it yielded, or false with its final result.
static bool yield_from_step(py_val it, py_val sent, py_val *out) {
    if (py_is_generator(it)) {
        return py_gen_resume(it, sent, PY_NULL, out);
    }
    py_val v;
    if (sent == PY_NONE) {
        PY_TS->stop_value = PY_NULL;
        v = py_iternext(it);
    } else {
        py_val args[1] = {sent};
        PY_TS->stop_value = PY_NULL;
        py_nlr nlr;
        if (py_nlr_push(&nlr) == 0) {
            v = py_call_method(it, PY_QSTR_send, 1, args);
            py_nlr_pop();
        } else {
            if (py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
                *out = py_stop_iteration_value(nlr.exc);
                return false;
            }
            py_raise(nlr.exc);
        }
    }
    if (v == PY_STOP) {
        *out = PY_TS->stop_value ? PY_TS->stop_value : PY_NONE;
        PY_TS->stop_value = PY_NULL;
        return false;
    }
    *out = v;
    return true;
}

// o[k] for the built-in sequences, inline; PY_NULL: another case (or IndexError to raise).
static inline py_val index_fast(py_val o, py_int_t k) {
    const py_type *t = o->type;
    size_t len;
    if (t == &py_type_list || t == &py_type_tuple) {
        py_val *items = t == &py_type_list ? ((py_list *)o)->items : ((py_tuple *)o)->items;
        len = t == &py_type_list ? ((py_list *)o)->len : ((py_tuple *)o)->len;
        k = k < 0 ? k + (py_int_t)len : k;
        return k >= 0 && (size_t)k < len ? items[k] : PY_NULL;
    }
    if (t == &py_type_str && ((py_str *)o)->len == ((py_str *)o)->charlen) {
        // ASCII text: character k is byte k
        len = ((py_str *)o)->len;
        k = k < 0 ? k + (py_int_t)len : k;
        return k >= 0 && (size_t)k < len ? py_str_ascii_char((uint8_t)((py_str *)o)->data[k])
                                         : PY_NULL;
    }
    const uint8_t *data;
    if (t == &py_type_bytearray) {
        data = ((py_bytearray *)o)->data;
        len = ((py_bytearray *)o)->len;
    } else if (t == &py_type_bytes) {
        data = (const uint8_t *)((py_str *)o)->data;
        len = ((py_str *)o)->len;
    } else {
        return PY_NULL;
    }
    k = k < 0 ? k + (py_int_t)len : k;
    return k >= 0 && (size_t)k < len ? py_small(data[k]) : PY_NULL;
}

// A str (interned or not) and not an instance of a subclass: + is plain concatenation.
static inline bool is_exact_str(py_val v) {
    return py_is_qstr(v) || (py_is_obj(v) && v->type == &py_type_str);
}

// Small-int arithmetic done inline (the other operators, and these when the result is not a
// small int or an error must be raised, go to py_binary_op).
static inline py_val small_arith(int op, py_val a, py_val b) {
    py_int_t x = py_small_get(a), y = py_small_get(b), r;
    switch (op) {
    case PY_OP_OR: return (py_val)((uintptr_t)a | (uintptr_t)b);
    case PY_OP_AND: return (py_val)((uintptr_t)a & (uintptr_t)b);
    case PY_OP_XOR: return (py_val)(((uintptr_t)a ^ (uintptr_t)b) | 1);
    case PY_OP_MUL:
        return __builtin_mul_overflow(x, y, &r) || !py_small_fits(r) ? PY_NULL : py_small(r);
    case PY_OP_FLOORDIV:
    case PY_OP_MOD: {
        if (y <= 0) {
            return PY_NULL; // negative divisors are rare: the general code has the signs right
        }
        py_int_t q = x / y, m = x % y;
        if (m < 0) {
            q--;
            m += y;
        }
        return op == PY_OP_MOD ? py_small(m) : py_small(q);
    }
    case PY_OP_RSHIFT:
        return y < 0 || y >= (py_int_t)(sizeof(py_int_t) * 8) ? PY_NULL : py_small(x >> y);
    default: return PY_NULL;
    }
}

// Float arithmetic inline: +, -, *, / on exact floats, or a float and a small int (the other
// operators, division by zero and subclasses go to py_binary_op). PY_NULL: not done here.
static inline double float_operand(py_val v, bool *ok, bool *is_float) {
#if PY_CFG_FLOAT
    if (py_is_obj(v) && v->type == &py_type_float) {
        *is_float = true;
        return ((py_float *)v)->value;
    }
#endif
    *ok &= py_is_small(v);
    return py_is_small(v) ? (double)py_small_get(v) : 0.0;
}

#if PY_CFG_FLOAT
// A float result, allocated inline when the block at the hint is free (nbody.py makes about
// 14 million): py_float_new otherwise.
static inline py_val float_new(double d) {
    _Static_assert(sizeof(py_float) <= PY_CFG_GC_BLOCK, "vm.c: a float is one GC block");
    py_float *f = py_gc_alloc1_fast(PY_GC_LEAF);
    if (f == NULL) {
        return py_float_new(d);
    }
    f->base.type = &py_type_float;
    f->value = d;
    return (py_val)f;
}
#else
#define float_new py_float_new
#endif

static inline py_val float_arith(int op, py_val a, py_val b) {
    bool ok = true, any_float = false;
    double x = float_operand(a, &ok, &any_float), y = float_operand(b, &ok, &any_float);
    if (!ok || !any_float) {
        return PY_NULL; // int / int is exact in the int code
    }
    switch (op) {
    case PY_OP_ADD: return float_new(x + y);
    case PY_OP_SUB: return float_new(x - y);
    case PY_OP_MUL: return float_new(x * y);
    case PY_OP_TRUEDIV: return y == 0.0 ? PY_NULL : float_new(x / y);
    default: return PY_NULL;
    }
}

// ---- the dispatch loop ------------------------------------------------------------------------
// The 16-bit little-endian argument of the instruction at ip: one (unaligned) halfword load
// on the machines we run on (x86, Cortex-M3), instead of two byte loads and a shift.
static inline uint32_t bc_arg(const uint8_t *ip) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint16_t a;
    memcpy(&a, ip + 1, 2);
    return a;
#else
    return (uint32_t)ip[1] | ((uint32_t)ip[2] << 8);
#endif
}

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SET_TOP(v) (sp[-1] = (v))
#define PEEK(n) (sp[-(n)])

#define LOAD_FRAME()                                                                           \
    do {                                                                                       \
        code = f->code;                                                                        \
        L = f->l;                                                                              \
        ip = f->ip;                                                                            \
        consts = code->consts;                                                                 \
        names = code->names;                                                                   \
    } while (0)
// Runs frame nf (a Python call made in this loop) from its first instruction; the caller's
// stack ends at `top`, where the result will go.
#define ENTER_FRAME(nf, top)                                                                   \
    do {                                                                                       \
        f->sp = (top);                                                                         \
        (nf)->back = f;                                                                        \
        ts->frame = (nf);                                                                      \
        ts->depth++;                                                                           \
        f = (nf);                                                                              \
        LOAD_FRAME();                                                                          \
        sp = L + code->nlocals;                                                                \
        DISPATCH();                                                                            \
    } while (0)

#if PY_CFG_VM_CHECKS
#define VM_CHECK()                                                                             \
    do {                                                                                       \
        if (sp < L + code->nlocals || sp > L + code->nlocals + code->stacksize) {              \
            py_port_fatal("vm: value stack out of bounds (compiler stack depth bug)");        \
        }                                                                                      \
    } while (0)
#else
#define VM_CHECK() (void)0
#endif

#if PY_CFG_VM_BUDGET
// Every instruction spends one unit of the budget; the port is called when it runs out.
#define VM_BUDGET()                                                                            \
    do {                                                                                       \
        if (__builtin_expect(py_budget_spend(PY_S), 0)) {                                      \
            f->ip = ip;                                                                        \
            f->sp = sp;                                                                        \
            py_vm_budget_expired();                                                            \
        }                                                                                      \
    } while (0)
#else
#define VM_BUDGET() (void)0
#endif

// Instructions that neither call out nor raise on their usual path, so f->ip need not be
// stored for them (it is stored on the paths that may raise or look at the frame: an unbound
// local, a truth test calling __bool__, the pending check of a backward jump, the budget).
#define VM_QUIET(op)                                                                           \
    ((op) == PY_BC_LOAD_FAST || (op) == PY_BC_STORE_FAST || (op) == PY_BC_LOAD_CONST ||        \
     (op) == PY_BC_POP_TOP || (op) == PY_BC_DUP_TOP || (op) == PY_BC_ROT_TWO ||                \
     (op) == PY_BC_ROT_THREE || (op) == PY_BC_JUMP || (op) == PY_BC_POP_JUMP_IF_FALSE ||      \
     (op) == PY_BC_POP_JUMP_IF_TRUE || (op) == PY_BC_POP_JUMP_IF_NONE)

#if PY_CFG_COMPUTED_GOTO
// Each handler decodes its own instruction: whether it has an argument is a constant there,
// so `arg` lives only within the handler and the dispatch is a load and a jump. An
// EXTENDED_ARG prefix enters the next handler after its decoding (targets_x).
#define TARGET(op)                                                                             \
    L_##op:                                                                                    \
    if (PY_BC_##op >= PY_BC_HAVE_ARG) {                                                        \
        arg = bc_arg(ip);                                                                      \
        ip += 3;                                                                               \
    } else {                                                                                   \
        ip += 1;                                                                               \
    }                                                                                          \
    if (!VM_QUIET(PY_BC_##op)) {                                                               \
        f->ip = ip;                                                                            \
    }                                                                                          \
    LX_##op:
// More opcodes without an argument sharing the handler that follows (which finds its opcode
// at ip[-1]).
#define ALSO(op)                                                                               \
    L_##op:                                                                                    \
    LX_##op:
#define DISPATCH_OP() goto *targets_x[op]
#define DISPATCH()                                                                             \
    do {                                                                                       \
        VM_CHECK();                                                                            \
        VM_BUDGET();                                                                           \
        goto *targets[*ip];                                                                    \
    } while (0)
#else
#define TARGET(op) case PY_BC_##op:
#define ALSO(op) case PY_BC_##op:
#define DISPATCH_OP() goto dispatch_op
#define DISPATCH() goto dispatch
#endif

#define CHECK_PENDING()                                                                        \
    do {                                                                                       \
        if (PY_S->pending) {                                                                   \
            f->ip = ip;                                                                        \
            f->sp = sp;                                                                        \
            py_vm_handle_pending();                                                            \
        }                                                                                      \
    } while (0)

// Runs frames from ts->frame until the entry frame returns (false) or yields (true).
static bool run(py_thread_state *ts, py_val *result) {
    py_frame *f = ts->frame;
    const py_code *code;
    py_val *L;
    const uint8_t *ip;
    const py_val *consts;
    const qstr *names;
    uint32_t arg = 0;
    uint8_t op;
    py_val cfn, *cargs, *cres; // operands of call_common
    py_val gen_out;            // operand of gen_loop_yield
    LOAD_FRAME();
    py_val *sp = f->sp ? f->sp : L + code->nlocals;

#if PY_CFG_COMPUTED_GOTO
    static const void *const targets[256] = {
#define PY_X_TARGET(name) [PY_BC_##name] = &&L_##name,
        PY_OPCODES(PY_X_TARGET)
#undef PY_X_TARGET
    };
    static const void *const targets_x[256] = {
#define PY_X_TARGET(name) [PY_BC_##name] = &&LX_##name,
        PY_OPCODES(PY_X_TARGET)
#undef PY_X_TARGET
    };
    DISPATCH();
#else
dispatch:
    VM_CHECK();
    VM_BUDGET();
    op = *ip;
    if (op >= PY_BC_HAVE_ARG) {
        arg = bc_arg(ip);
        ip += 3;
    } else {
        ip += 1;
    }
    f->ip = ip;
dispatch_op:
    switch (op) {
#endif

    TARGET(NOP) { DISPATCH(); }
    TARGET(EXTENDED_ARG) {
        uint32_t hi = arg << 16;
        op = *ip;
        arg = hi | (uint32_t)ip[1] | ((uint32_t)ip[2] << 8);
        ip += 3;
        f->ip = ip;
        DISPATCH_OP();
    }
    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }
    TARGET(ROT_TWO) {
        py_val a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = a;
        DISPATCH();
    }
    TARGET(ROT_THREE) {
        py_val a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = a;
        DISPATCH();
    }
    TARGET(ROT_FOUR) {
        py_val a = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = a;
        DISPATCH();
    }
    TARGET(DUP_TOP) {
        py_val a = TOP();
        PUSH(a);
        DISPATCH();
    }
    TARGET(DUP_TOP_TWO) {
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        DISPATCH();
    }
    TARGET(COPY) {
        py_val a = sp[-(ptrdiff_t)arg];
        PUSH(a);
        DISPATCH();
    }
    TARGET(SWAP) {
        py_val a = sp[-1];
        sp[-1] = sp[-(ptrdiff_t)arg];
        sp[-(ptrdiff_t)arg] = a;
        DISPATCH();
    }
    TARGET(UNARY_POSITIVE) {
        SET_TOP(py_unary_op(PY_UOP_POS, TOP()));
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        py_val a = TOP();
        if (py_is_small(a) && py_small_get(a) != PY_SMALL_MIN) {
            SET_TOP(py_small(-py_small_get(a)));
        } else {
            SET_TOP(py_unary_op(PY_UOP_NEG, a));
        }
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        py_val a = TOP();
        SET_TOP(a == PY_TRUE ? PY_FALSE : a == PY_FALSE ? PY_TRUE : py_bool(!py_is_true(a)));
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        py_val a = TOP();
        if (py_is_small(a)) {
            SET_TOP(py_small(~py_small_get(a)));
        } else {
            SET_TOP(py_unary_op(PY_UOP_INVERT, a));
        }
        DISPATCH();
    }

    TARGET(BINARY_ADD) {
        py_val b = POP(), a = TOP();
        intptr_t r;
        if (py_is_small(a) && py_is_small(b) &&
            !__builtin_add_overflow((intptr_t)a, (intptr_t)b - 1, &r)) {
            SET_TOP((py_val)r);
        } else if (is_exact_str(a) && is_exact_str(b)) {
            SET_TOP(py_str_concat(a, b));
        } else {
            py_val fr = float_arith(PY_OP_ADD, a, b);
            SET_TOP(fr ? fr : py_binary_op(PY_OP_ADD, a, b));
        }
        DISPATCH();
    }
    TARGET(BINARY_SUB) {
        py_val b = POP(), a = TOP();
        intptr_t r;
        if (py_is_small(a) && py_is_small(b) &&
            !__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r)) {
            SET_TOP((py_val)r);
        } else {
            py_val fr = float_arith(PY_OP_SUB, a, b);
            SET_TOP(fr ? fr : py_binary_op(PY_OP_SUB, a, b));
        }
        DISPATCH();
    }
    TARGET(INPLACE_ADD) {
        py_val b = POP(), a = TOP();
        intptr_t r;
        if (py_is_small(a) && py_is_small(b) &&
            !__builtin_add_overflow((intptr_t)a, (intptr_t)b - 1, &r)) {
            SET_TOP((py_val)r);
        } else if (is_exact_str(a) && is_exact_str(b)) {
            SET_TOP(py_str_concat(a, b));
        } else {
            py_val fr = float_arith(PY_OP_ADD, a, b);
            SET_TOP(fr ? fr : py_binary_op(PY_OP_IADD, a, b));
        }
        DISPATCH();
    }
    TARGET(INPLACE_SUB) {
        py_val b = POP(), a = TOP();
        intptr_t r;
        if (py_is_small(a) && py_is_small(b) &&
            !__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r)) {
            SET_TOP((py_val)r);
        } else {
            py_val fr = float_arith(PY_OP_SUB, a, b);
            SET_TOP(fr ? fr : py_binary_op(PY_OP_ISUB, a, b));
        }
        DISPATCH();
    }
    // The frequent ones with their own handler (the operator folds into the inline arithmetic),
    // the others sharing one.
#define BINARY(name)                                                                           \
    TARGET(name) {                                                                             \
        py_val b = POP(), a = TOP();                                                           \
        const int bop = PY_OP_OR + (PY_BC_##name - PY_BC_BINARY_OR);                          \
        py_val r = py_is_small(a) && py_is_small(b) ? small_arith(py_op_plain(bop), a, b)      \
                                                    : float_arith(py_op_plain(bop), a, b);     \
        SET_TOP(r ? r : py_binary_op(bop, a, b));                                              \
        DISPATCH();                                                                            \
    }
    BINARY(BINARY_MUL)
    BINARY(INPLACE_MUL)
    BINARY(BINARY_TRUEDIV)
    BINARY(BINARY_FLOORDIV)
    BINARY(BINARY_MOD)
#undef BINARY
    ALSO(BINARY_OR) ALSO(BINARY_XOR) ALSO(BINARY_AND) ALSO(BINARY_LSHIFT)
    ALSO(BINARY_RSHIFT) ALSO(BINARY_MATMUL) ALSO(BINARY_POW) ALSO(INPLACE_OR)
    ALSO(INPLACE_XOR) ALSO(INPLACE_AND) ALSO(INPLACE_LSHIFT) ALSO(INPLACE_RSHIFT)
    ALSO(INPLACE_MATMUL) ALSO(INPLACE_FLOORDIV) ALSO(INPLACE_TRUEDIV)
    ALSO(INPLACE_MOD) TARGET(INPLACE_POW) {
        py_val b = POP(), a = TOP();
        int bop = PY_OP_OR + (ip[-1] - PY_BC_BINARY_OR);
        py_val r = py_is_small(a) && py_is_small(b) ? small_arith(py_op_plain(bop), a, b)
                                                    : float_arith(py_op_plain(bop), a, b);
        SET_TOP(r ? r : py_binary_op(bop, a, b));
        DISPATCH();
    }
// Comparisons: small ints inline (tagged values compare as their integers), the rest through
// py_binary_op.
#define COMPARE(OP, CMP)                                                                       \
    TARGET(COMPARE_##OP) {                                                                     \
        py_val b = POP(), a = TOP();                                                           \
        if (py_is_small(a) && py_is_small(b)) {                                                \
            SET_TOP(py_bool((intptr_t)a CMP(intptr_t) b));                                     \
        } else {                                                                               \
            SET_TOP(py_binary_op(PY_OP_##OP, a, b));                                           \
        }                                                                                      \
        DISPATCH();                                                                            \
    }
    COMPARE(LT, <)
    COMPARE(GT, >)
    COMPARE(EQ, ==)
    COMPARE(NE, !=)
    COMPARE(LE, <=)
    COMPARE(GE, >=)
#undef COMPARE
    TARGET(CONTAINS_OP) {
        py_val b = POP(), a = TOP();
        bool r = is_exact_str(b) && is_exact_str(a) ? py_str_contains(b, a) : py_contains(b, a);
        SET_TOP(py_bool(arg ? !r : r));
        DISPATCH();
    }
    TARGET(IS_OP) {
        py_val b = POP(), a = TOP();
        SET_TOP(py_bool((a == b) != (arg != 0)));
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        py_val i = POP(), o = TOP();
        py_val r = py_is_obj(o) && py_is_small(i) ? index_fast(o, py_small_get(i)) : PY_NULL;
        SET_TOP(r ? r : py_subscr_load(o, i));
        DISPATCH();
    }
    TARGET(BINARY_SLICE) {
        py_val stop = POP(), start = POP(), o = TOP();
        const py_type *t = py_typeof(o);
        if (t == &py_type_list || t == &py_type_tuple || t == &py_type_str || t == &py_type_bytes ||
            t == &py_type_bytearray) {
            // these built-in types read the slice and keep no reference to it: it can live
            // on the C stack
            py_slice s = {{&py_type_slice}, start, stop, PY_NONE};
            SET_TOP(py_subscr_load(o, (py_val)&s));
        } else {
            SET_TOP(py_subscr_load(o, py_slice_new(start, stop, PY_NONE)));
        }
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        py_val i = POP(), o = POP(), v = POP();
        if (py_is_obj(o) && o->type == &py_type_list && py_is_small(i)) {
            py_list *l = (py_list *)o; // l[k] = v inline
            py_int_t k = py_small_get(i);
            k = k < 0 ? k + (py_int_t)l->len : k;
            if (k >= 0 && (size_t)k < l->len) {
                l->items[k] = v;
                DISPATCH();
            }
        }
        py_subscr_store(o, i, v);
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        py_val i = POP(), o = POP();
        py_subscr_delete(o, i);
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(consts[arg]);
        DISPATCH();
    }
    TARGET(LOAD_SMALL_INT) {
        PUSH(py_small((int16_t)arg));
        DISPATCH();
    }
    TARGET(LOAD_NONE) {
        PUSH(PY_NONE);
        DISPATCH();
    }
    TARGET(LOAD_TRUE) {
        PUSH(PY_TRUE);
        DISPATCH();
    }
    TARGET(LOAD_FALSE) {
        PUSH(PY_FALSE);
        DISPATCH();
    }
    TARGET(LOAD_FAST) {
        py_val v = L[arg];
        if (v == PY_NULL) {
            f->ip = ip;
            unbound_local(code, arg);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        L[arg] = POP();
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (L[arg] == PY_NULL) {
            unbound_local(code, arg);
        }
        L[arg] = PY_NULL;
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        py_val v = ((py_cell *)L[arg])->value;
        if (v == PY_NULL) {
            if (arg >= (uint32_t)(code->nlocals - code->nfree)) {
                py_raise_fmt(&py_type_NameError,
                             "cannot access free variable '%q' where it is not associated with a "
                             "value in enclosing scope", code->varnames[arg]);
            }
            unbound_local(code, arg);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        ((py_cell *)L[arg])->value = POP();
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        py_cell *c = (py_cell *)L[arg];
        if (c->value == PY_NULL) {
            unbound_local(code, arg);
        }
        c->value = PY_NULL;
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(L[arg]);
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        qstr name = code->varnames[arg];
        py_val v = f->locals ? py_dict_get_qstr(f->locals, name) : PY_NULL;
        if (v == PY_NULL) {
            v = ((py_cell *)L[arg])->value;
            if (v == PY_NULL) {
                py_raise_fmt(&py_type_NameError,
                             "cannot access free variable '%q' where it is not associated with a "
                             "value in enclosing scope", name);
            }
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(MAKE_CELL) {
        L[arg] = py_cell_new(L[arg]);
        DISPATCH();
    }
    TARGET(COPY_FREE_VARS) {
        py_tuple *cl = f->fun->closure;
        size_t first = code->nlocals - arg;
        for (size_t i = 0; i < arg; i++) {
            L[first + i] = cl->items[i];
        }
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        PUSH(load_global(f->globals, names[arg]));
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        store_global(f->globals, names[arg], POP());
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (py_dict_remove(f->globals, py_qstr_val(names[arg])) == PY_NULL) {
            name_error(names[arg]);
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        qstr name = names[arg];
        py_val v = f->locals == f->globals ? PY_NULL : py_dict_get_qstr(f->locals, name);
        if (v == PY_NULL) {
            v = load_global(f->globals, name);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        py_val v = POP();
        if (f->locals->base.type != &py_type_dict) {
            py_subscr_store((py_val)f->locals, py_qstr_val(names[arg]), v);
        } else if (f->locals == f->globals) {
            store_global(f->globals, names[arg], v);
        } else {
            py_dict_set_qstr(f->locals, names[arg], v);
        }
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        if (py_dict_remove(f->locals, py_qstr_val(names[arg])) == PY_NULL) {
            name_error(names[arg]);
        }
        DISPATCH();
    }
    TARGET(LOAD_ATTR) {
        py_val o = TOP(), dest[2];
        if (!py_instance_load_fast(o, names[arg], dest) &&
            !py_load_method_maybe(o, names[arg], dest)) {
            py_raise_attr_error(o, names[arg]);
        }
        SET_TOP(dest[1] ? py_bound_method_new(dest[1], dest[0]) : dest[0]);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        py_val o = POP(), v = POP();
        if (!py_instance_store_fast(o, names[arg], v)) {
            py_store_attr(o, names[arg], v);
        }
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        py_delete_attr(POP(), names[arg]);
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        py_val o = TOP();
        if (!py_instance_load_fast(o, names[arg], sp - 1)) {
            py_load_method(o, names[arg], sp - 1);
        }
        sp++;
        DISPATCH();
    }
    TARGET(LOAD_SUPER_METHOD) {
        // (super cls self): super().name(...) in a method
        py_val fn = sp[-3], cls = sp[-2], self = sp[-1];
        sp--;
        if (fn == (py_val)&py_type_super) {
            py_super_load_method(cls, self, names[arg], sp - 2);
        } else {
            // `super` means something else here: call it, then an ordinary method lookup
            py_val s = py_call(fn, 2, 0, sp - 1);
            py_load_method(s, names[arg], sp - 2);
        }
        DISPATCH();
    }
    TARGET(LOAD_LOCALS) {
        PUSH(py_vm_locals());
        DISPATCH();
    }

    TARGET(CALL_METHOD) {
        // (meth self args) or (attr NULL args)
        py_val *a = sp - arg;
        cfn = a[-2];
        cres = a - 2;
        if (a[-1] != PY_NULL) {
            cargs = a - 1;
            arg++;
        } else {
            cargs = a;
        }
        goto call_common;
    }
    TARGET(CALL_FUNCTION) {
        cargs = sp - arg;
        cfn = cargs[-1];
        cres = cargs - 1;
    call_common:
        CHECK_PENDING();
        if (py_is_obj(cfn) && cfn->type == &py_type_function &&
            !(((py_fun *)cfn)->code->flags &
              (PY_CO_GENERATOR | PY_CO_COROUTINE | PY_CO_ASYNC_GENERATOR))) {
            // Python to Python: a new frame, same loop
            py_frame *nf = frame_for_plain_call(ts, (py_fun *)cfn, arg, cargs);
            if (nf == NULL) {
                nf = frame_for_call(ts, (py_fun *)cfn, arg, 0, cargs);
            }
            ENTER_FRAME(nf, cres);
        }
        if (py_is_obj(cfn) && cfn->type == &py_type_type &&
            (((py_type *)cfn)->flags & PY_TF_HEAP)) {
            // Constructing an instance of a plain class: __init__ runs as a Python call in
            // this loop with the new object in the slot just below the arguments (the
            // callable's or the absent self's); the result slot keeps the object.
            const py_class *cls = py_class_facts((const py_type *)cfn);
            if ((cls->facts & PY_CLASS_PLAIN_NEW) && (cls->facts & PY_CLASS_INIT_PY)) {
                py_val obj = py_instance_new((const py_type *)cfn);
                *cres = cargs[-1] = obj;
                py_frame *nf = frame_for_call(ts, (py_fun *)cls->init, arg + 1, 0, cargs - 1);
                nf->flags = PY_FRAME_INIT;
                ENTER_FRAME(nf, cres);
            }
        }
        py_val r = py_call(cfn, arg, 0, cargs);
        *cres = r;
        sp = cres + 1;
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_KW) {
        py_val names_t = POP();
        py_val *args = sp - arg;
        py_val fn = args[-1];
        CHECK_PENDING();
        py_val r = call_kw(ts, fn, args, arg, names_t);
        sp = args;
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(CALL_METHOD_KW) {
        py_val names_t = POP();
        py_val *args = sp - arg;
        py_val fn = args[-2];
        CHECK_PENDING();
        py_val r;
        if (args[-1] != PY_NULL) {
            r = call_kw(ts, fn, args - 1, arg + 1, names_t);
        } else {
            r = call_kw(ts, fn, args, arg, names_t);
        }
        sp = args - 1;
        sp[-1] = r;
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        py_val kw = (arg & 1) ? POP() : PY_NULL;
        py_val a = POP();
        py_val fn = TOP();
        CHECK_PENDING();
        SET_TOP(py_call_ex(fn, a, kw));
        DISPATCH();
    }
    TARGET(MAKE_FUNCTION) {
        py_val fn = make_function(f, arg, &sp);
        PUSH(fn);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        py_val r = POP();
        if (f->flags & PY_FRAME_ENTRY) {
            *result = r;
            f->sp = sp;
            return false;
        }
        if (f->flags & PY_FRAME_GEN_LOOP) {
            // a generator resumed by FOR_ITER in this loop is exhausted: the loop ends
            f->flags &= (uint8_t)~PY_FRAME_GEN_LOOP;
            py_gen_run_end(py_gen_of_frame(f), &ts->handled_exc, false);
            ts->depth--;
            f = f->back;
            ts->frame = f;
            LOAD_FRAME();
            sp = f->sp - 1;                 // the generator
            ip = code->code + bc_arg(ip - 3); // FOR_ITER's target (never an extended arg here)
            DISPATCH();
        }
        py_frame *back = f->back;
        bool init = f->flags & PY_FRAME_INIT;
        ts->pystack_top = (char *)f;
        ts->depth--;
        ts->frame = back;
        f = back;
        LOAD_FRAME();
        sp = f->sp;
        if (init) {
            if (r != PY_NONE) {
                py_raise_fmt(&py_type_TypeError, "__init__() should return None, not '%T'", r);
            }
            sp++; // the new instance
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        sp -= arg;
        py_val t = py_tuple_new(arg, sp);
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        sp -= arg;
        py_val l = py_list_new(arg, sp);
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        sp -= arg;
        py_val s = py_set_new(arg, sp);
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        py_val d = py_dict_new(arg);
        sp -= 2 * arg;
        for (size_t i = 0; i < arg; i++) {
            py_dict_set((py_dict *)d, sp[2 * i], sp[2 * i + 1]);
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        py_val step = arg == 3 ? POP() : PY_NONE;
        py_val stop = POP();
        SET_TOP(py_slice_new(TOP(), stop, step));
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        sp -= arg;
        py_val s = build_string(sp, arg);
        PUSH(s);
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        py_val spec = (arg & 4) ? POP() : PY_NULL;
        SET_TOP(format_value(TOP(), arg, spec));
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        py_val v = POP();
        py_list_append(sp[-(ptrdiff_t)arg], v);
        DISPATCH();
    }
    TARGET(SET_ADD) {
        py_val v = POP();
        py_set_add(sp[-(ptrdiff_t)arg], v);
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        py_val v = POP(), k = POP();
        py_dict_set((py_dict *)sp[-(ptrdiff_t)arg], k, v);
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        py_val it = POP();
        py_list_extend(sp[-(ptrdiff_t)arg], it);
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        py_val it = POP();
        py_set_update(sp[-(ptrdiff_t)arg], it);
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        py_val m = POP();
        py_dict_update_checked((py_dict *)sp[-(ptrdiff_t)arg], m, false);
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        py_val m = POP();
        py_dict_update_checked((py_dict *)sp[-(ptrdiff_t)arg], m, true);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        py_list *l = (py_list *)TOP();
        SET_TOP(py_tuple_new(l->len, l->items));
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        py_val seq = POP();
        unpack(seq, arg, 0, false, sp + arg);
        sp += arg;
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        py_val seq = POP();
        size_t before = arg & 0xff, after = arg >> 8;
        unpack(seq, before, after, true, sp + before + after + 1);
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(JUMP) {
        const uint8_t *target = code->code + arg;
        if (target < ip) {
            CHECK_PENDING();
        }
        ip = target;
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        py_val v = POP();
        if (v == PY_FALSE || (v != PY_TRUE && (f->ip = ip, !py_is_true(v)))) {
            ip = code->code + arg;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        py_val v = POP();
        if (v == PY_TRUE || (v != PY_FALSE && (f->ip = ip, py_is_true(v)))) {
            ip = code->code + arg;
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        if (POP() == PY_NONE) {
            ip = code->code + arg;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        py_val v = TOP();
        if (v == PY_FALSE || (v != PY_TRUE && !py_is_true(v))) {
            ip = code->code + arg;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        py_val v = TOP();
        if (v == PY_TRUE || (v != PY_FALSE && py_is_true(v))) {
            ip = code->code + arg;
        } else {
            sp--;
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        SET_TOP(py_getiter(TOP()));
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        py_val it = TOP();
        if (py_is_obj(it) && it->type == &py_type_generator && arg <= 0xffff &&
            ts->depth < PY_S->recursion_limit) {
            // A generator runs in this loop, as a call would: its frame is entered here and
            // its yield (or return) comes back to this instruction's successor (or target).
            // (py_gen_run_begin/end swap the handled exception, as run_frame does.)
            py_gen *g = (py_gen *)it;
            if (g->state == PY_GEN_CREATED || g->state == PY_GEN_SUSPENDED) {
                py_frame *gf = &g->frame;
                if (g->state == PY_GEN_SUSPENDED) {
                    *gf->sp++ = PY_NONE; // the value sent
                }
                py_gen_run_begin(g, &ts->handled_exc);
                gf->flags = (uint8_t)((gf->flags & ~PY_FRAME_ENTRY) | PY_FRAME_GEN_LOOP);
                f->sp = sp;
                gf->back = f;
                ts->frame = gf;
                ts->depth++;
                f = gf;
                LOAD_FRAME();
                sp = f->sp;
                DISPATCH();
            }
        }
        py_val v = py_iternext(it);
        if (v == PY_STOP) {
            sp--;
            ip = code->code + arg;
        } else {
            PUSH(v);
        }
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        f->sp = sp;
        if (arg == 0) {
            py_val e = ts->handled_exc;
            if (e == PY_NULL) {
                py_raise_msg(&py_type_RuntimeError, "No active exception to reraise");
            }
            ts->reraise = true;
            py_raise(e);
        }
        py_val cause = arg == 2 ? POP() : PY_NULL;
        py_val e = py_exc_instantiate(POP());
        if (arg == 2) {
            py_exc_set_cause(e, cause);
        }
        py_raise(e);
    }
    TARGET(RERAISE) {
        ts->reraise = true;
        py_raise(POP());
    }
    TARGET(PUSH_EXC_INFO) {
        py_val e = TOP();
        SET_TOP(ts->handled_exc ? ts->handled_exc : PY_NONE);
        PUSH(e);
        ts->handled_exc = e;
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        py_val prev = POP();
        ts->handled_exc = prev == PY_NONE ? PY_NULL : prev;
        DISPATCH();
    }
    TARGET(POP_EXCEPT_RERAISE) {
        py_val e = POP();
        py_val prev = POP();
        ts->handled_exc = prev == PY_NONE ? PY_NULL : prev;
        ts->reraise = true;
        py_raise(e);
    }
    TARGET(CHECK_EXC_MATCH) {
        py_val cls = POP();
        py_exc_check_catchable(cls);
        py_val match = py_bool(py_exc_matches(TOP(), cls));
        PUSH(match);
        DISPATCH();
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH((py_val)&py_type_AssertionError);
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        py_val mgr = TOP();
        py_val enter = special_method(mgr, PY_QSTR___enter__);
        py_val exitm = enter ? special_method(mgr, PY_QSTR___exit__) : PY_NULL;
        if (enter == PY_NULL || exitm == PY_NULL) {
            py_raise_fmt(&py_type_TypeError,
                         "'%T' object does not support the context manager protocol", mgr);
        }
        SET_TOP(exitm);
        PUSH(py_call0(enter));
        DISPATCH();
    }
    TARGET(BEFORE_ASYNC_WITH) {
        py_val mgr = TOP();
        py_val enter = special_method(mgr, PY_QSTR___aenter__);
        py_val exitm = enter ? special_method(mgr, PY_QSTR___aexit__) : PY_NULL;
        if (enter == PY_NULL || exitm == PY_NULL) {
            py_raise_fmt(&py_type_TypeError,
                         "'%T' object does not support the asynchronous context manager protocol", mgr);
        }
        SET_TOP(exitm);
        PUSH(py_call0(enter));
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        py_val e = TOP();
        py_val exitm = PEEK(3);
        py_val args[3] = {(py_val)py_typeof(e), e, py_exc_traceback_obj(e)};
        py_val r = py_call(exitm, 3, 0, args);
        PUSH(r);
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        PUSH((py_val)&py_builtin___build_class___obj);
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        py_val v = POP();
        py_repl_print_expr(v);
        DISPATCH();
    }
    TARGET(IMPORT_NAME) {
        py_val fromlist = POP();
        py_val level = TOP();
        f->sp = sp;
        SET_TOP(py_import(names[arg], fromlist, (int)py_small_get(level)));
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        py_val v = import_from(TOP(), names[arg]);
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        import_star(f, POP());
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        if (f->flags & PY_FRAME_GEN_LOOP) {
            gen_out = POP();
            goto gen_loop_yield;
        }
        *result = POP();
        f->sp = sp;
        return true;
    gen_loop_yield: {
        // a generator resumed by FOR_ITER in this loop suspends: back to that FOR_ITER's
        // successor with the value
        f->sp = sp;
        f->flags &= (uint8_t)~PY_FRAME_GEN_LOOP;
        py_gen_run_end(py_gen_of_frame(f), &ts->handled_exc, true);
        ts->depth--;
        f = f->back;
        ts->frame = f;
        LOAD_FRAME();
        sp = f->sp;
        PUSH(gen_out);
        DISPATCH();
    }
    }
    TARGET(GET_YIELD_FROM_ITER) {
        py_val v = TOP();
        if (py_is_obj(v) && v->type == &py_type_coroutine && !(code->flags & (PY_CO_COROUTINE))) {
            py_raise_msg(&py_type_TypeError,
                         "cannot 'yield from' a coroutine object in a non-coroutine generator");
        }
        if (!py_is_generator(v)) {
            SET_TOP(py_getiter(v));
        }
        DISPATCH();
    }
    TARGET(YIELD_FROM) {
        py_val sent = POP();
        py_val it = TOP();
        py_val out;
        f->sp = sp;
        if (yield_from_step(it, sent, &out)) {
            f->ip = ip - 1; // resume by re-running YIELD_FROM with the next sent value
            f->sp = sp;
            if (f->flags & PY_FRAME_GEN_LOOP) {
                gen_out = out;
                goto gen_loop_yield;
            }
            *result = out;
            return true;
        }
        SET_TOP(out);
        DISPATCH();
    }
    TARGET(GET_AWAITABLE) {
        SET_TOP(get_awaitable(TOP()));
        DISPATCH();
    }
    TARGET(GET_AITER) {
        py_val v = TOP();
        py_val m = special_method(v, PY_QSTR___aiter__);
        if (m == PY_NULL) {
            py_raise_fmt(&py_type_TypeError,
                         "'async for' requires an object with __aiter__ method, got %T", v);
        }
        SET_TOP(py_call0(m));
        DISPATCH();
    }
    TARGET(GET_ANEXT) {
        py_val ait = TOP();
        py_val m = special_method(ait, PY_QSTR___anext__);
        if (m == PY_NULL) {
            py_raise_fmt(&py_type_TypeError,
                         "'async for' requires an iterator with __anext__ method, got %T", ait);
        }
        PUSH(get_awaitable(py_call0(m)));
        DISPATCH();
    }
    TARGET(END_ASYNC_FOR) {
        py_val e = POP();
        sp--;
        if (!py_exc_matches(e, (py_val)&py_type_StopAsyncIteration)) {
            ts->reraise = true;
            py_raise(e);
        }
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) { DISPATCH(); }
    TARGET(RESERVED_LAST) {
        py_port_fatal("vm: bad opcode");
    }
#if !PY_CFG_COMPUTED_GOTO
    default:
        py_port_fatal("vm: bad opcode");
    }
#endif
    return false; // not reached
}

// ---- entry, exceptions -------------------------------------------------------------------------
static int find_handler(const py_frame *f, py_exc_entry *out) {
    const py_code *code = f->code;
    uint32_t off = (uint32_t)(f->ip - code->code) - 1;
    for (uint16_t i = 0; i < code->nexc; i++) {
        const py_exc_entry *e = &code->exctab[i];
        if (off >= e->start && off < e->end) {
            *out = *e;
            return 1;
        }
    }
    return 0;
}

static void add_traceback(py_val exc, const py_frame *f) {
    const py_code *code = f->code;
    size_t off = (size_t)(f->ip - code->code);
    int line = py_code_line(code, off ? off - 1 : 0);
    py_exc_add_traceback(exc, code->filename, line, code->name);
}

void py_vm_check_depth(void) {
    py_stack_check();
    if (PY_TS->depth >= PY_S->recursion_limit) {
        py_raise_recursion_error();
    }
}

bool py_vm_run(py_frame *entry, py_val throw_exc, py_val *result) {
    py_thread_state *ts = PY_TS;
    char *const entry_top = ts->pystack_top;
    if (!(entry->flags & PY_FRAME_HEAP)) {
        py_vm_check_depth(); // (a generator's run_frame checks before it changes its state)
    }
    entry->flags |= PY_FRAME_ENTRY;
    entry->back = ts->frame;
    ts->frame = entry;
    ts->depth++;
    if (entry->sp == NULL) {
        entry->sp = entry->l + entry->code->nlocals;
    }
    volatile py_val pending = throw_exc; // read again after a longjmp: must not be cached
    py_nlr nlr;
    for (;;) {
        if (py_nlr_push(&nlr) == 0) {
            if (pending != PY_NULL) {
                py_val e = pending;
                pending = PY_NULL;
                py_raise(e);
            }
            bool yielded = run(ts, result);
            py_nlr_pop();
            ts->frame = entry->back;
            ts->depth--;
            return yielded;
        }
        py_val exc = nlr.exc;
        py_frame *f = ts->frame;
        bool skip_tb = ts->reraise;
        ts->reraise = false;
        for (;;) {
            if (!skip_tb && !py_exc_is_emergency(exc)) {
                add_traceback(exc, f);
            }
            skip_tb = false;
            py_exc_entry h;
            if (find_handler(f, &h)) {
                f->sp = f->l + f->code->nlocals + h.depth;
                *f->sp++ = exc;
                f->ip = f->code->code + h.handler;
                ts->pystack_top = pystack_top_of(f, entry, entry_top);
                ts->frame = f;
                break;
            }
            if (f == entry) {
                ts->frame = entry->back;
                ts->depth--;
                ts->pystack_top = entry_top;
                if (entry->flags & PY_FRAME_HEAP) {
                    exc = py_gen_unwound(entry, exc);
                }
                py_nlr_jump(exc);
            }
            ts->depth--;
            if (f->flags & PY_FRAME_GEN_LOOP) { // into the FOR_ITER that resumed it
                f->flags &= (uint8_t)~PY_FRAME_GEN_LOOP;
                exc = py_gen_unwound(f, exc);
            }
            f = f->back;
            ts->frame = f;
        }
    }
}

int py_code_line(const py_code *code, size_t off) {
    int line = (int)code->firstline;
    size_t pos = 0, i = 0;
    while (i < code->linetablen) {
        uint32_t d_off = 0, d_line = 0;
        int sh = 0;
        uint8_t b;
        do {
            b = code->linetab[i++];
            d_off |= (uint32_t)(b & 0x7f) << sh;
            sh += 7;
        } while ((b & 0x80) && i < code->linetablen);
        sh = 0;
        do {
            b = code->linetab[i++];
            d_line |= (uint32_t)(b & 0x7f) << sh;
            sh += 7;
        } while ((b & 0x80) && i < code->linetablen);
        pos += d_off;
        if (pos > off) {
            break;
        }
        line += (int32_t)((d_line >> 1) ^ (0u - (d_line & 1)));
    }
    return line;
}

// The bytecode budget ran out: tell the port how much ran and take the next budget. The
// port may switch threads or raise (then at this exact instruction boundary).
void py_vm_budget_expired(void) {
    py_state *S = PY_S;
    int32_t executed = py_budget_executed(S);
    py_budget_grant(S, 1 << 30); // while in the port: no recursion into here
    int32_t next = py_port_budget(executed);
    py_budget_grant(S, next > 0 ? next : 1);
    if (S->pending) {
        py_vm_handle_pending();
    }
}

// A new event was scheduled (a timer started, a thread created): end the current budget at
// the next instruction so the port can size the next one around it.
void py_vm_budget_refresh(void) {
    py_state *S = PY_S;
    if (S->budget > 0) { // what ran so far stays counted
        S->budget_granted -= S->budget;
        S->budget = 0;
    }
}

// Handles PY_S->pending between instructions: asynchronous exceptions and port requests.
void py_vm_handle_pending(void) {
    py_state *S = PY_S;
    py_thread_state *ts = S->ts;
    if (S->pending & PY_PENDING_PORT) {
        py_port_pending();
    }
    if ((S->pending & PY_PENDING_EXC) && ts->pending_exc != PY_NULL) {
        py_val e = ts->pending_exc;
        ts->pending_exc = PY_NULL;
        S->pending &= ~(uint32_t)PY_PENDING_EXC;
        py_raise(e);
    }
}
