// py/objfun.c: function objects (Python and built-in), bound methods, cells and code.
#include <string.h>

#include "py/objfun.h"
#include "py/objtype.h"
#include "py/runtime.h"

// ---- Python functions --------------------------------------------------------------------
static void fun_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "<function %q at %p>", ((py_fun *)self)->code->qualname, (void *)self);
}

static void fun_attr(py_val self, qstr attr, py_val *dest) {
    py_fun *f = (py_fun *)self;
    if (dest[0] == PY_SENTINEL) {
        py_val v = dest[1];
        switch (attr) {
        case PY_QSTR___defaults__:
            f->defaults = v == PY_NONE || v == PY_NULL ? NULL : (py_tuple *)v;
            dest[0] = PY_NULL;
            return;
        case PY_QSTR___kwdefaults__:
            f->kwdefaults = v == PY_NONE || v == PY_NULL ? NULL : (py_dict *)v;
            dest[0] = PY_NULL;
            return;
        default:
            break;
        }
        py_dict *d = py_instance_dict(self, v != PY_NULL);
        if (v) {
            py_dict_set_qstr(d, attr, v);
        } else if (d == NULL || py_dict_remove(d, py_qstr_val(attr)) == PY_NULL) {
            return;
        }
        dest[0] = PY_NULL;
        return;
    }
    if (f->dict) {
        py_val v = py_dict_get_qstr(f->dict, attr);
        if (v) {
            dest[0] = v;
            return;
        }
    }
    const py_code *code = f->code;
    switch (attr) {
    case PY_QSTR___name__: dest[0] = py_qstr_val(code->name); break;
    case PY_QSTR___qualname__: dest[0] = py_qstr_val(code->qualname); break;
    case PY_QSTR___doc__: dest[0] = (code->flags & PY_CO_HAS_DOC) ? code->consts[0] : PY_NONE; break;
    case PY_QSTR___module__: {
        py_val m = py_dict_get_qstr(f->globals, PY_QSTR___name__);
        dest[0] = m ? m : PY_NONE;
        break;
    }
    case PY_QSTR___defaults__: dest[0] = f->defaults ? (py_val)f->defaults : PY_NONE; break;
    case PY_QSTR___kwdefaults__: dest[0] = f->kwdefaults ? (py_val)f->kwdefaults : PY_NONE; break;
    case PY_QSTR___globals__: dest[0] = (py_val)f->globals; break;
    case PY_QSTR___closure__: dest[0] = f->closure ? (py_val)f->closure : PY_NONE; break;
    case PY_QSTR___code__: dest[0] = (py_val)code; break;
    case PY_QSTR___dict__: dest[0] = (py_val)py_instance_dict(self, true); break;
    case PY_QSTR___annotations__: dest[0] = py_dict_new(0); break;
    default: break;
    }
}

static py_val fun_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    return py_fun_call(self, n_args, n_kw, args);
}

static py_val fun_get(size_t n_args, const py_val *args) {
    // function.__get__(obj, type): a bound method (or the function itself for no instance)
    if (n_args < 2 || args[1] == PY_NONE) {
        return args[0];
    }
    return py_bound_method_new(args[1], args[0]);
}
static PY_FN_OBJ_VAR(fun_get_obj, __get__, 2, 3, fun_get);

static const py_dict_entry fun_locals_table[] = {
    PY_ROM_ENTRY(__get__, &fun_get_obj),
};
static PY_ROM_DICT(fun_locals, fun_locals_table);

const py_type py_type_function = {
    .base = {&py_type_type},
    .name = PY_QSTR_function,
    .flags = PY_TF_EQ_ID,
    .print = fun_print,
    .call = fun_call,
    .attr = fun_attr,
    .locals = (py_dict *)&fun_locals,
    .base_type = &py_type_object,
};

// ---- built-in functions --------------------------------------------------------------------
py_val py_builtin_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args) {
    const py_builtin *b = (const py_builtin *)fn;
    const char *name = py_qstr_str(b->name);
    if (b->kind == PY_FN_KW) {
        return b->fn.kw(n_args, n_kw, args);
    }
    if (n_kw) {
        py_raise_fmt(&py_type_TypeError, "%s() takes no keyword arguments", name);
    }
    switch (b->kind) {
    case PY_FN_0:
        if (n_args != 0) {
            py_raise_fmt(&py_type_TypeError, "%s() takes no arguments (%d given)", name, (int)n_args);
        }
        return b->fn.f0();
    case PY_FN_1:
        if (n_args != 1) {
            py_raise_fmt(&py_type_TypeError, "%s() takes exactly one argument (%d given)", name, (int)n_args);
        }
        return b->fn.f1(args[0]);
    case PY_FN_2:
        if (n_args != 2) {
            py_raise_fmt(&py_type_TypeError, "%s expected 2 arguments, got %d", name, (int)n_args);
        }
        return b->fn.f2(args[0], args[1]);
    case PY_FN_3:
        if (n_args != 3) {
            py_raise_fmt(&py_type_TypeError, "%s expected 3 arguments, got %d", name, (int)n_args);
        }
        return b->fn.f3(args[0], args[1], args[2]);
    default:
        if (n_args < b->min_args || (b->max_args != PY_ARGS_MANY && n_args > b->max_args)) {
            py_arg_check_count(name, n_args, b->min_args, b->max_args == PY_ARGS_MANY ? SIZE_MAX : b->max_args);
        }
        return b->fn.var(n_args, args);
    }
}

static void builtin_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "<built-in function %q>", (qstr)((const py_builtin *)self)->name);
}

static void builtin_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    if (attr == PY_QSTR___name__ || attr == PY_QSTR___qualname__) {
        dest[0] = py_qstr_val(((const py_builtin *)self)->name);
    } else if (attr == PY_QSTR___doc__) {
        dest[0] = PY_NONE;
    }
}

const py_type py_type_builtin = {
    .base = {&py_type_type},
    .name = PY_QSTR_builtin_function_or_method,
    .flags = PY_TF_EQ_ID,
    .print = builtin_print,
    .call = py_builtin_call,
    .attr = builtin_attr,
    .base_type = &py_type_object,
};

// ---- bound methods ----------------------------------------------------------------------------
py_val py_bound_method_new(py_val self, py_val func) {
    py_bound_method *m = py_new(py_bound_method, &py_type_bound_method);
    m->self = self;
    m->func = func;
    return (py_val)m;
}

static py_val bound_call(py_val self, size_t n_args, size_t n_kw, const py_val *args) {
    py_bound_method *m = (py_bound_method *)self;
    size_t total = n_args + 2 * n_kw;
    py_val buf[8];
    py_val *a = total + 1 <= 8 ? buf : py_gc_alloc((total + 1) * sizeof(py_val), 0);
    a[0] = m->self;
    py_memcpy(a + 1, args, total * sizeof(py_val));
    return py_call(m->func, n_args + 1, n_kw, a);
}

static void bound_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_bound_method *m = (py_bound_method *)self;
    py_val qn = py_load_attr_maybe(m->func, PY_QSTR___qualname__);
    if (py_typeof(m->func) == &py_type_builtin) {
        py_printf(p, "<built-in method %S of %T object at %p>", qn ? qn : PY_NONE, m->self, (void *)m->self);
        return;
    }
    py_printf(p, "<bound method %S of ", qn ? qn : PY_NONE);
    py_print_val(p, m->self, PY_PRINT_REPR);
    py_print_str(p, ">");
}

static void bound_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_bound_method *m = (py_bound_method *)self;
    if (attr == PY_QSTR___self__) {
        dest[0] = m->self;
    } else if (attr == PY_QSTR___func__) {
        dest[0] = m->func;
    } else {
        dest[0] = py_load_attr_maybe(m->func, attr);
    }
}

static py_val bound_binary_op(int op, py_val a, py_val b) {
    if (op == PY_OP_EQ && py_typeof(b) == &py_type_bound_method) {
        py_bound_method *x = (py_bound_method *)a, *y = (py_bound_method *)b;
        return py_bool(x->self == y->self && x->func == y->func);
    }
    return PY_NULL;
}

static py_val bound_unary_op(int op, py_val a) {
    if (op == PY_UOP_HASH) {
        py_bound_method *m = (py_bound_method *)a;
        return py_small((py_int_t)(((uintptr_t)m->self >> 4) ^ ((uintptr_t)m->func >> 4)));
    }
    return PY_NULL;
}

const py_type py_type_bound_method = {
    .base = {&py_type_type},
    .name = PY_QSTR_method,
    .print = bound_print,
    .call = bound_call,
    .attr = bound_attr,
    .binary_op = bound_binary_op,
    .unary_op = bound_unary_op,
    .base_type = &py_type_object,
};

// ---- cells and code ---------------------------------------------------------------------------------
py_val py_cell_new(py_val value) {
    py_cell *c = py_new(py_cell, &py_type_closure_cell);
    c->value = value;
    return (py_val)c;
}

static void cell_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] != PY_SENTINEL && attr == PY_QSTR_cell_contents) {
        py_val v = ((py_cell *)self)->value;
        if (v == PY_NULL) {
            py_raise_msg(&py_type_ValueError, "Cell is empty");
        }
        dest[0] = v;
    }
}

const py_type py_type_closure_cell = {
    .base = {&py_type_type},
    .name = PY_QSTR_cell,
    .flags = PY_TF_EQ_ID,
    .attr = cell_attr,
    .base_type = &py_type_object,
};

static void code_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    const py_code *c = (const py_code *)self;
    py_printf(p, "<code object %q at %p, file \"%q\", line %u>", c->name, (void *)self, c->filename,
              (unsigned)c->firstline);
}

static void code_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    const py_code *c = (const py_code *)self;
    switch (attr) {
    case PY_QSTR_co_name: dest[0] = py_qstr_val(c->name); break;
    case PY_QSTR_co_filename: dest[0] = py_qstr_val(c->filename); break;
    case PY_QSTR_co_firstlineno: dest[0] = py_small(c->firstline); break;
    case PY_QSTR_co_argcount: dest[0] = py_small(c->argcount); break;
    case PY_QSTR_co_flags: dest[0] = py_small(c->flags); break;
    default: break;
    }
}

const py_type py_type_code = {
    .base = {&py_type_type},
    .name = PY_QSTR_code,
    .flags = PY_TF_EQ_ID,
    .print = code_print,
    .attr = code_attr,
    .base_type = &py_type_object,
};
