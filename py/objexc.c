// py/objexc.c: BaseException and the standard exception hierarchy, raising, tracebacks.
// Every exception instance has the py_exc layout, whether its class is built in or defined
// in Python, so the VM handles all of them alike. Raising goes through py_raise, which sets
// __context__ from the exception being handled (implicit chaining) and longjmps.
#include <errno.h>
#include <string.h>

#include "py/frozen.h"
#include "py/objexc.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define TB_EMERGENCY 16

// ---- printing and attributes ----------------------------------------------------------------
void py_exc_print(const py_print *p, py_val self, int kind) {
    py_exc *e = (py_exc *)self;
    const py_type *t = py_typeof(self);
    size_t n = e->args ? e->args->len : 0;
    if (kind == PY_PRINT_REPR) {
        py_printf(p, "%q(", (qstr)t->name);
        for (size_t i = 0; i < n; i++) {
            if (i) {
                py_print_str(p, ", ");
            }
            py_print_val(p, e->args->items[i], PY_PRINT_REPR);
        }
        py_print_str(p, ")");
        return;
    }
    if (py_issubclass(t, &py_type_KeyError) && n == 1) {
        py_print_val(p, e->args->items[0], PY_PRINT_REPR);
        return;
    }
    if (py_issubclass(t, &py_type_SyntaxError) && n == 2 && py_is_obj(e->args->items[1]) &&
        e->args->items[1]->type == &py_type_tuple && ((py_tuple *)e->args->items[1])->len >= 2) {
        py_tuple *d = (py_tuple *)e->args->items[1];
        py_print_val(p, e->args->items[0], PY_PRINT_STR);
        py_printf(p, " (%S, line %S)", d->items[0], d->items[1]);
        return;
    }
    if (py_issubclass(t, &py_type_OSError) && n >= 2 && py_is_small(e->args->items[0])) {
        py_printf(p, "[Errno %S] %S", e->args->items[0], e->args->items[1]);
        if (n >= 3) {
            py_printf(p, ": %r", e->args->items[2]);
        }
        if (n >= 5 && e->args->items[4] != PY_NONE) { // OSError(errno, strerror, filename, winerror, filename2)
            py_printf(p, " -> %r", e->args->items[4]);
        }
        return;
    }
    if (n == 0) {
        return;
    }
    if (n == 1) {
        py_print_val(p, e->args->items[0], PY_PRINT_STR);
        return;
    }
    py_print_val(p, (py_val)e->args, PY_PRINT_STR);
}

// A traceback object: what __exit__ and __traceback__ see. It points at the exception's
// compact traceback; tb_lineno is the line where the exception passed the innermost frame
// it has reached, tb_frame is None (frames are not objects here) and tb_next is None.
typedef struct py_tb_obj {
    py_obj base;
    py_val exc;
} py_tb_obj;

static void tb_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_exc *e = (py_exc *)((py_tb_obj *)self)->exc;
    py_traceback *tb = e->traceback;
    if (attr == PY_QSTR_tb_lineno) {
        dest[0] = py_small(tb && tb->len ? tb->e[tb->len - 1].line : 0);
    } else if (attr == PY_QSTR_tb_next || attr == PY_QSTR_tb_frame) {
        dest[0] = PY_NONE;
    }
}

const py_type py_type_traceback = {
    .base = {&py_type_type},
    .name = PY_QSTR_traceback,
    .flags = PY_TF_EQ_ID,
    .attr = tb_attr,
    .base_type = &py_type_object,
};

py_val py_exc_traceback_obj(py_val exc) {
    py_exc *e = (py_exc *)exc;
    if (e->traceback == NULL || ((py_traceback *)e->traceback)->len == 0) {
        return PY_NONE;
    }
    py_tb_obj *t = py_new(py_tb_obj, &py_type_traceback);
    t->exc = exc;
    return (py_val)t;
}

py_val py_exc_arg0(py_val exc) {
    py_exc *e = (py_exc *)exc;
    return e->args && e->args->len > 0 ? e->args->items[0] : PY_NULL;
}

py_val py_stop_iteration_value(py_val exc) {
    py_val v = py_exc_arg0(exc);
    return v ? v : PY_NONE;
}

void py_exc_attr(py_val self, qstr attr, py_val *dest) {
    py_exc *e = (py_exc *)self;
    const py_type *t = py_typeof(self);
    if (dest[0] == PY_SENTINEL) {
        // store / delete
        py_val v = dest[1];
        switch (attr) {
        case PY_QSTR___cause__:
            e->cause = v == PY_NONE ? PY_NULL : v;
            e->suppress_context = true;
            break;
        case PY_QSTR___context__: e->context = v == PY_NONE ? PY_NULL : v; break;
        case PY_QSTR___suppress_context__: e->suppress_context = v ? py_is_true(v) : false; break;
        case PY_QSTR___traceback__: break;
        case PY_QSTR_args:
            e->args = v ? (py_tuple *)py_call1((py_val)&py_type_tuple, v) : (py_tuple *)py_tuple_new(0, NULL);
            break;
        default:
            if (e->dict == NULL) {
                if (v == PY_NULL) {
                    return; // AttributeError from the caller
                }
                e->dict = (py_dict *)py_dict_new(2);
            }
            if (v == PY_NULL) {
                if (py_dict_remove(e->dict, py_qstr_val(attr)) == PY_NULL) {
                    return;
                }
            } else {
                py_dict_set_qstr(e->dict, attr, v);
            }
            break;
        }
        dest[0] = PY_NULL;
        return;
    }
    if (e->dict) {
        py_val v = py_dict_get_qstr(e->dict, attr);
        if (v) {
            dest[0] = v;
            return;
        }
    }
    switch (attr) {
    case PY_QSTR_args: dest[0] = e->args ? (py_val)e->args : py_tuple_new(0, NULL); return;
    case PY_QSTR___cause__: dest[0] = e->cause ? e->cause : PY_NONE; return;
    case PY_QSTR___context__: dest[0] = e->context ? e->context : PY_NONE; return;
    case PY_QSTR___suppress_context__: dest[0] = py_bool(e->suppress_context); return;
    case PY_QSTR___traceback__: dest[0] = py_exc_traceback_obj(self); return;
    default: break;
    }
    if (attr == PY_QSTR_value && py_issubclass(t, &py_type_StopIteration)) {
        dest[0] = py_stop_iteration_value(self);
    } else if (attr == PY_QSTR_code && py_issubclass(t, &py_type_SystemExit)) {
        py_val v = py_exc_arg0(self);
        dest[0] = e->args && e->args->len > 1 ? (py_val)e->args : v ? v : PY_NONE;
    } else if (py_issubclass(t, &py_type_OSError) && (attr == PY_QSTR_errno || attr == PY_QSTR_strerror ||
                                                     attr == PY_QSTR_filename || attr == PY_QSTR_filename2)) {
        size_t idx = attr == PY_QSTR_errno ? 0 : attr == PY_QSTR_strerror ? 1 : attr == PY_QSTR_filename ? 2 : 4;
        dest[0] = e->args && e->args->len >= 2 && e->args->len > idx ? e->args->items[idx] : PY_NONE;
    } else if (py_issubclass(t, &py_type_SyntaxError) &&
               (attr == PY_QSTR_msg || attr == PY_QSTR_filename || attr == PY_QSTR_lineno ||
                attr == PY_QSTR_offset || attr == PY_QSTR_text)) {
        size_t n = e->args ? e->args->len : 0;
        if (attr == PY_QSTR_msg) {
            dest[0] = n > 0 ? e->args->items[0] : PY_NONE;
        } else {
            py_tuple *d = n > 1 && py_is_obj(e->args->items[1]) && e->args->items[1]->type == &py_type_tuple
                              ? (py_tuple *)e->args->items[1]
                              : NULL;
            size_t idx = attr == PY_QSTR_filename ? 0 : attr == PY_QSTR_lineno ? 1 : attr == PY_QSTR_offset ? 2 : 3;
            dest[0] = d && d->len > idx ? d->items[idx] : PY_NONE;
        }
    } else if ((attr == PY_QSTR_name || attr == PY_QSTR_path) && py_issubclass(t, &py_type_ImportError)) {
        dest[0] = PY_NONE;
    }
}

// The OSError subclass CPython picks for an errno (OSError(2, ...) is a FileNotFoundError).
static const py_type *os_error_type(int err) {
    switch (err) {
    case ENOENT: return &py_type_FileNotFoundError;
    case EEXIST: return &py_type_FileExistsError;
    case EISDIR: return &py_type_IsADirectoryError;
    case ENOTDIR: return &py_type_NotADirectoryError;
    case EACCES:
    case EPERM: return &py_type_PermissionError;
    case ETIMEDOUT: return &py_type_TimeoutError;
    default: return &py_type_OSError;
    }
}

py_val py_exc_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_kw; // keyword arguments go to __init__ of subclasses; BaseException ignores them
    if (type == &py_type_OSError && n_args >= 2 && py_is_small(args[0])) {
        type = os_error_type((int)py_small_get(args[0]));
    }
    py_exc *e = py_new(py_exc, type);
    e->args = (py_tuple *)py_tuple_new(n_args, args);
    return (py_val)e;
}

static py_val exc_init(size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_kw;
    py_val self = args[0];
    if (py_is_obj(self) && (py_typeof(self)->flags & PY_TF_EXC)) {
        ((py_exc *)self)->args = (py_tuple *)py_tuple_new(n_args - 1, args + 1);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(exc_init_obj, __init__, exc_init);

static py_val exc_with_traceback(py_val self, py_val tb) {
    (void)tb;
    return self;
}
static PY_FN_OBJ_2(exc_with_traceback_obj, with_traceback, exc_with_traceback);

static const py_dict_entry exc_locals_table[] = {
    PY_ROM_ENTRY(__init__, &exc_init_obj),
    PY_ROM_ENTRY(with_traceback, &exc_with_traceback_obj),
};
PY_ROM_DICT(py_exc_locals, exc_locals_table);

const py_type py_type_BaseException = {
    .base = {&py_type_type},
    .name = PY_QSTR_BaseException,
    .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,
    .print = py_exc_print,
    .make_new = py_exc_make_new,
    .attr = py_exc_attr,
    .locals = (py_dict *)&py_exc_locals,
    .base_type = &py_type_object,
};

#define EXC_TYPE(name_, base_)                                                                 \
    const py_type py_type_##name_ = {                                                          \
        .base = {&py_type_type},                                                               \
        .name = PY_QSTR_##name_,                                                               \
        .flags = PY_TF_BASETYPE | PY_TF_EXC | PY_TF_EQ_ID,                                     \
        .print = py_exc_print,                                                                    \
        .make_new = py_exc_make_new,                                                              \
        .attr = py_exc_attr,                                                                      \
        .locals = (py_dict *)&py_exc_locals,                                                      \
        .base_type = &py_type_##base_,                                                         \
    }

EXC_TYPE(SystemExit, BaseException);
EXC_TYPE(KeyboardInterrupt, BaseException);
EXC_TYPE(GeneratorExit, BaseException);
EXC_TYPE(Exception, BaseException);
EXC_TYPE(StopIteration, Exception);
EXC_TYPE(StopAsyncIteration, Exception);
EXC_TYPE(ArithmeticError, Exception);
EXC_TYPE(OverflowError, ArithmeticError);
EXC_TYPE(ZeroDivisionError, ArithmeticError);
EXC_TYPE(AssertionError, Exception);
EXC_TYPE(AttributeError, Exception);
EXC_TYPE(EOFError, Exception);
EXC_TYPE(ImportError, Exception);
EXC_TYPE(ModuleNotFoundError, ImportError);
EXC_TYPE(LookupError, Exception);
EXC_TYPE(IndexError, LookupError);
EXC_TYPE(KeyError, LookupError);
EXC_TYPE(MemoryError, Exception);
EXC_TYPE(NameError, Exception);
EXC_TYPE(UnboundLocalError, NameError);
EXC_TYPE(OSError, Exception);
EXC_TYPE(FileNotFoundError, OSError);
EXC_TYPE(FileExistsError, OSError);
EXC_TYPE(IsADirectoryError, OSError);
EXC_TYPE(NotADirectoryError, OSError);
EXC_TYPE(PermissionError, OSError);
EXC_TYPE(TimeoutError, OSError);
EXC_TYPE(RuntimeError, Exception);
EXC_TYPE(NotImplementedError, RuntimeError);
EXC_TYPE(RecursionError, RuntimeError);
EXC_TYPE(SyntaxError, Exception);
EXC_TYPE(IndentationError, SyntaxError);
EXC_TYPE(TypeError, Exception);
EXC_TYPE(ValueError, Exception);
EXC_TYPE(UnicodeError, ValueError);
EXC_TYPE(UnicodeDecodeError, UnicodeError);
EXC_TYPE(UnicodeEncodeError, UnicodeError);
EXC_TYPE(CancelledError, BaseException);

// ---- construction and raising ---------------------------------------------------------------
py_val py_exc_new(const py_type *type, size_t n, const py_val *args) {
    return py_call((py_val)type, n, 0, args);
}

py_val py_exc_new_msg(const py_type *type, const char *msg) {
    py_val m = py_str_from_cstr(msg);
    return py_exc_new(type, 1, &m);
}

py_val py_exc_new_name_error(qstr name) {
    py_vstr v;
    py_vstr_init(&v, 32);
    py_print p;
    py_vstr_printer(&v, &p);
    py_printf(&p, "name '%q' is not defined", name);
    py_val m = py_vstr_to_str(&v);
    py_val e = py_exc_new(&py_type_NameError, 1, &m);
    return e;
}

py_val py_exc_new_import_error_fmt(qstr name, py_val module_name) {
    py_vstr v;
    py_vstr_init(&v, 48);
    py_print p;
    py_vstr_printer(&v, &p);
    py_printf(&p, "cannot import name '%q' from '%S'", name, module_name);
    py_val m = py_vstr_to_str(&v);
    return py_exc_new(&py_type_ImportError, 1, &m);
}

bool py_is_exc_type(py_val v) {
    return py_is_type(v) && (((const py_type *)v)->flags & PY_TF_EXC);
}

py_val py_exc_instantiate(py_val v) {
    if (py_is_obj(v) && (py_typeof(v)->flags & PY_TF_EXC) && !py_is_type(v)) {
        return v;
    }
    if (py_is_exc_type(v)) {
        py_val e = py_call0(v);
        if (!(py_typeof(e)->flags & PY_TF_EXC)) {
            py_raise_fmt(&py_type_TypeError,
                         "calling %r should have returned an instance of BaseException, not %T", v, e);
        }
        return e;
    }
    py_raise_msg(&py_type_TypeError, "exceptions must derive from BaseException");
}

void py_exc_set_cause(py_val exc, py_val cause) {
    py_exc *e = (py_exc *)exc;
    if (cause == PY_NONE) {
        e->cause = PY_NULL;
    } else if (py_is_exc_type(cause) || (py_is_obj(cause) && (py_typeof(cause)->flags & PY_TF_EXC))) {
        e->cause = py_exc_instantiate(cause);
    } else {
        py_raise_msg(&py_type_TypeError, "exception causes must derive from BaseException");
    }
    e->suppress_context = true;
}

void py_exc_check_catchable(py_val cls) {
    if (py_is_exc_type(cls)) {
        return;
    }
    if (py_is_obj(cls) && cls->type == &py_type_tuple) {
        py_tuple *t = (py_tuple *)cls;
        for (size_t i = 0; i < t->len; i++) {
            py_exc_check_catchable(t->items[i]);
        }
        return;
    }
    py_raise_msg(&py_type_TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

bool py_exc_matches(py_val exc, py_val cls) {
    if (py_is_obj(cls) && cls->type == &py_type_tuple) {
        py_tuple *t = (py_tuple *)cls;
        for (size_t i = 0; i < t->len; i++) {
            if (py_exc_matches(exc, t->items[i])) {
                return true;
            }
        }
        return false;
    }
    return py_is_type(cls) && py_issubclass(py_typeof(exc), (const py_type *)cls);
}

bool py_exc_is_emergency(py_val exc) { return exc == PY_S->memory_error; }

_Noreturn void py_raise(py_val exc) {
    exc = py_exc_instantiate(exc);
    py_thread_state *ts = PY_TS;
    py_val handled = ts->handled_exc;
    if (handled && handled != exc && !ts->reraise && !py_exc_is_emergency(exc)) {
        py_exc *e = (py_exc *)exc;
        if (e->context == PY_NULL) {
            // avoid a cycle: the handled exception must not already chain to exc
            py_val c = handled;
            bool cycle = false;
            for (int i = 0; i < 100 && c; i++) {
                if (c == exc) {
                    cycle = true;
                    break;
                }
                c = ((py_exc *)c)->context;
            }
            if (!cycle) {
                e->context = handled;
            }
        }
    }
    py_nlr_jump(exc);
}

_Noreturn void py_raise_msg(const py_type *type, const char *msg) {
    py_raise(py_exc_new_msg(type, msg));
}

_Noreturn void py_raise_fmt(const py_type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    py_vstr v;
    py_vstr_init(&v, 64);
    py_print p;
    py_vstr_printer(&v, &p);
    py_vprintf(&p, fmt, ap);
    va_end(ap);
    py_val m = py_vstr_to_str(&v);
    py_raise(py_exc_new(type, 1, &m));
}

static const char *op_symbol(int op) {
    static const char *const syms[] = {"|", "^", "&", "<<", ">>", "+", "-", "*", "@", "//", "/", "%", "** or pow()"};
    static const char *const isyms[] = {"|=", "^=", "&=", "<<=", ">>=", "+=", "-=", "*=", "@=", "//=", "/=", "%=", "**="};
    if (op >= PY_OP_IOR && op <= PY_OP_IPOW) {
        return isyms[op - PY_OP_IOR];
    }
    op = py_op_plain(op);
    if (op >= PY_OP_OR && op <= PY_OP_POW) {
        return syms[op - PY_OP_OR];
    }
    static const char *const cmps[] = {"<", ">", "==", "!=", "<=", ">="};
    if (op >= PY_OP_LT && op <= PY_OP_GE) {
        return cmps[op - PY_OP_LT];
    }
    return "?";
}

_Noreturn void py_raise_type_error_op(int op, py_val a, py_val b) {
    if (op >= PY_OP_LT && op <= PY_OP_GE) {
        py_raise_fmt(&py_type_TypeError, "'%s' not supported between instances of '%T' and '%T'",
                     op_symbol(op), a, b);
    }
    py_raise_fmt(&py_type_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                 op_symbol(op), a, b);
}

_Noreturn void py_raise_attr_error(py_val obj, qstr attr) {
    if (py_is_type(obj)) {
        py_raise_fmt(&py_type_AttributeError, "type object '%q' has no attribute '%q'",
                     py_type_qname((const py_type *)obj), attr);
    }
    if (py_is_obj(obj) && obj->type == &py_type_module) {
        py_val name = py_dict_get_qstr(((py_module *)obj)->globals, PY_QSTR___name__);
        py_raise_fmt(&py_type_AttributeError, "module '%S' has no attribute '%q'",
                     name ? name : py_qstr_val(PY_QSTR_), attr);
    }
    py_raise_fmt(&py_type_AttributeError, "'%T' object has no attribute '%q'", obj, attr);
}

_Noreturn void py_raise_key_error(py_val key) { py_raise(py_exc_new(&py_type_KeyError, 1, &key)); }

_Noreturn void py_raise_stop_iteration(py_val value) {
    py_raise(py_exc_new(&py_type_StopIteration, value ? 1 : 0, &value));
}

_Noreturn void py_raise_recursion_error(void) {
    py_raise_msg(&py_type_RecursionError, "maximum recursion depth exceeded");
}

_Noreturn void py_raise_memory_error(void) {
    py_exc *e = (py_exc *)PY_S->memory_error;
    if (e == NULL) {
        py_port_fatal("MemoryError during start-up");
    }
    e->context = PY_NULL;
    e->cause = PY_NULL;
    ((py_traceback *)e->traceback)->len = 0;
    PY_TS->reraise = false;
    py_nlr_jump((py_val)e);
}

_Noreturn void py_raise_os_error(int err) {
    py_val args[2] = {py_small(err), py_str_from_cstr(strerror(err))};
    py_raise(py_exc_new(os_error_type(err), 2, args));
}

void py_exc_init(void) {
    py_exc *e = py_new(py_exc, &py_type_MemoryError);
    e->args = (py_tuple *)py_tuple_new(0, NULL);
    py_traceback *tb = py_gc_alloc(sizeof(py_traceback) + TB_EMERGENCY * sizeof(py_tb_entry), PY_GC_LEAF);
    tb->cap = TB_EMERGENCY;
    e->traceback = tb;
    PY_S->memory_error = (py_val)e;
}

// ---- tracebacks ----------------------------------------------------------------------------------
void py_exc_add_traceback(py_val exc, qstr file, int line, qstr func) {
    py_exc *e = (py_exc *)exc;
    py_traceback *tb = e->traceback;
    if (tb == NULL || tb->len == tb->cap) {
        if (py_exc_is_emergency(exc)) {
            return; // fixed buffer: keep the innermost frames
        }
        uint32_t cap = tb ? tb->cap * 2 : 4;
        py_traceback *n = py_gc_try_alloc(sizeof(py_traceback) + cap * sizeof(py_tb_entry), PY_GC_LEAF);
        if (n == NULL) {
            return; // no memory for the traceback: the exception still propagates
        }
        if (tb) {
            py_memcpy(n, tb, sizeof(py_traceback) + tb->len * sizeof(py_tb_entry));
        }
        n->cap = cap;
        e->traceback = tb = n;
    }
    tb->e[tb->len++] = (py_tb_entry){file, func, (uint32_t)line};
}

static void print_source_line(const py_print *p, qstr file, uint32_t line) {
    // CPython shows the source line under each frame; we can when the file is readable.
    size_t flen;
    const char *fname = py_qstr_data(file, &flen);
    if (flen == 0 || fname[0] == '<') {
        return;
    }
    const char *src;
    char *buf = NULL;
    size_t len;
    const py_frozen_module *fz = strncmp(fname, ".frozen/", 8) == 0 ? py_frozen_find(fname + 8) : NULL;
    if (fz) {
        if (fz->source == NULL) {
            return; // frozen as bytecode only
        }
        src = fz->source;
        len = fz->len;
    } else {
        long n = py_port_read_file(fname, NULL, 0);
        if (n < 0) {
            return;
        }
        // Read (up to 64 KiB of) the file into the heap; a traceback is not a hot path.
        size_t cap = (size_t)n < 65536 ? (size_t)n : 65536;
        src = buf = py_gc_try_alloc(cap + 1, PY_GC_LEAF);
        if (buf == NULL) {
            return;
        }
        long got = py_port_read_file(fname, buf, cap);
        if (got < 0) {
            return;
        }
        len = (size_t)got < cap ? (size_t)got : cap;
    }
    size_t i = 0;
    for (uint32_t l = 1; l < line && i < len; i++) {
        if (src[i] == '\n') {
            l++;
        }
    }
    if (i >= len && line > 1) {
        return;
    }
    while (i < len && (src[i] == ' ' || src[i] == '\t')) {
        i++;
    }
    size_t e = i;
    while (e < len && src[e] != '\n' && src[e] != '\r') {
        e++;
    }
    if (e > i) {
        py_print_str(p, "    ");
        py_print_strn(p, src + i, e - i);
        py_print_str(p, "\n");
    }
    py_gc_free(buf);
}

static void print_one(const py_print *p, py_val exc) {
    py_exc *e = (py_exc *)exc;
    py_traceback *tb = e->traceback;
    if (tb && tb->len > 0) {
        py_print_str(p, "Traceback (most recent call last):\n");
        // entries were added innermost first: print outermost first; as CPython does, a
        // line repeated more than 3 times in a row (recursion) is printed 3 times and counted
        uint32_t same = 0;
        for (uint32_t i = tb->len; i-- > 0;) {
            const py_tb_entry *t = &tb->e[i];
            bool repeat = i + 1 < tb->len && t->file == t[1].file && t->line == t[1].line &&
                          t->func == t[1].func;
            same = repeat ? same + 1 : 0;
            if (same < 3) {
                py_printf(p, "  File \"%q\", line %u, in %q\n", t->file, (unsigned)t->line, t->func);
                print_source_line(p, t->file, t->line);
            }
            bool last_of_run = i == 0 || t[-1].file != t->file || t[-1].line != t->line ||
                               t[-1].func != t->func;
            if (last_of_run && same >= 3) {
                py_printf(p, "  [Previous line repeated %u more time%s]\n", (unsigned)(same - 2),
                          same - 2 > 1 ? "s" : "");
            }
        }
    }
    const py_type *t = py_typeof(exc);
    if (py_issubclass(t, &py_type_SyntaxError)) {
        py_val fn = py_load_attr_maybe(exc, PY_QSTR_filename);
        py_val ln = py_load_attr_maybe(exc, PY_QSTR_lineno);
        py_val text = py_load_attr_maybe(exc, PY_QSTR_text);
        py_val off = py_load_attr_maybe(exc, PY_QSTR_offset);
        if (fn && fn != PY_NONE && ln && ln != PY_NONE) {
            py_printf(p, "  File \"%S\", line %S\n", fn, ln);
            if (text && py_is_str(text)) {
                size_t tl;
                const char *ts = py_get_str(text, &tl);
                size_t lead = 0;
                while (lead < tl && (ts[lead] == ' ' || ts[lead] == '\t')) {
                    lead++;
                }
                py_print_str(p, "    ");
                py_print_strn(p, ts + lead, tl - lead);
                py_print_str(p, "\n");
                if (off && py_is_small(off) && py_small_get(off) > 0) {
                    py_int_t col = py_small_get(off) - 1 - (py_int_t)lead;
                    if (col > (py_int_t)(tl - lead)) {
                        col = (py_int_t)(tl - lead); // an offset past the text: its end
                    }
                    py_print_str(p, "    ");
                    for (py_int_t k = 0; k < col; k++) {
                        py_print_char(p, ' ');
                    }
                    py_print_str(p, "^\n");
                }
            }
            py_val msg = py_load_attr_maybe(exc, PY_QSTR_msg);
            py_printf(p, "%q: %S\n", py_type_qname(t), msg ? msg : PY_NONE);
            return;
        }
    }
    py_val mod = py_type_lookup(t, PY_QSTR___module__);
    if ((t->flags & PY_TF_HEAP) && mod && py_is_str(mod)) {
        size_t ml;
        const char *ms = py_get_str(mod, &ml);
        if (!(ml == 8 && memcmp(ms, "__main__", 8) == 0) && !(ml == 8 && memcmp(ms, "builtins", 8) == 0)) {
            py_printf(p, "%S.", mod);
        }
    }
    py_printf(p, "%q", py_type_qname(t));
    // str(exc) may run Python code that fails: print what we can.
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val s = py_str_of(exc);
        size_t len;
        const char *str = py_get_str(s, &len);
        if (len > 0) {
            py_print_str(p, ": ");
            py_print_strn(p, str, len);
        }
        py_nlr_pop();
    } else {
        py_print_str(p, ": <exception str() failed>");
    }
    py_print_str(p, "\n");
}

static void print_chain(const py_print *p, py_val exc, int depth) {
    py_exc *e = (py_exc *)exc;
    if (depth < 32) {
        if (e->cause) {
            print_chain(p, e->cause, depth + 1);
            py_print_str(p, "\nThe above exception was the direct cause of the following exception:\n\n");
        } else if (e->context && !e->suppress_context) {
            print_chain(p, e->context, depth + 1);
            py_print_str(p, "\nDuring handling of the above exception, another exception occurred:\n\n");
        }
    }
    print_one(p, exc);
}

void py_exc_print_traceback(const py_print *p, py_val exc) { print_chain(p, exc, 0); }
