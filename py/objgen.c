// py/objgen.c: generators, coroutines and async generators.
// All three own a heap frame resumed by py_vm_run. A frame suspended in `yield from`/`await`
// sits on its YIELD_FROM instruction with the sub-iterator on its stack, so throw() and
// close() can be forwarded to the innermost delegate first, as PEP 380 specifies.
#include <stdio.h>
#include <string.h>

#include "py/bc.h"
#include "py/objexc.h"
#include "py/objfun.h"
#include "py/runtime.h"
#include "py/state.h"

bool py_is_generator(py_val v) {
    return py_is_obj(v) && (v->type == &py_type_generator || v->type == &py_type_coroutine);
}

static bool at_yield_from(const py_gen *g) {
    return g->state == PY_GEN_SUSPENDED && *g->frame.ip == PY_BC_YIELD_FROM;
}

static const char *kind_name(const py_gen *g) {
    return g->base.type == &py_type_coroutine ? "coroutine" : "generator";
}

// Runs the frame with the caller's handled exception swapped for the generator's own. While
// it runs, exc_state holds the caller's (restored when it stops); an exception leaving the
// frame goes through py_gen_unwound, called by py_vm_run (one exception handler a resume).
static bool run_frame(py_gen *g, py_val throw_exc, py_val *result) {
    py_thread_state *ts = PY_TS;
    py_vm_check_depth(); // before the state changes: nothing to undo if it raises
    py_gen_run_begin(g, &ts->handled_exc);
    bool y = py_vm_run(&g->frame, throw_exc, result);
    py_gen_run_end(g, &ts->handled_exc, y);
    return y;
}

py_val py_gen_unwound(py_frame *f, py_val e) {
    py_gen *g = py_gen_of_frame(f);
    py_gen_run_end(g, &PY_TS->handled_exc, false);
    if (py_exc_matches(e, (py_val)&py_type_StopIteration) ||
        (g->base.type == &py_type_async_generator && py_exc_matches(e, (py_val)&py_type_StopAsyncIteration))) {
        char msg[64];
        py_snprintf(msg, sizeof(msg), "%s raised %s", g->base.type == &py_type_async_generator ? "async generator" : kind_name(g),
                 py_exc_matches(e, (py_val)&py_type_StopIteration) ? "StopIteration" : "StopAsyncIteration");
        py_val re = py_exc_new_msg(&py_type_RuntimeError, msg);
        ((py_exc *)re)->cause = e;
        ((py_exc *)re)->suppress_context = true;
        return re;
    }
    return e; // as it is: its context is set, and the caller's frame joins the traceback
}

static bool gen_throw_into(py_gen *g, py_val throw_exc, py_val *result);

bool py_gen_resume(py_val genv, py_val send, py_val throw_exc, py_val *result) {
    py_gen *g = (py_gen *)genv;
    if (g->state == PY_GEN_RUNNING) {
        py_raise_fmt(&py_type_ValueError, "%s already executing", kind_name(g));
    }
    if (g->state == PY_GEN_FINISHED) {
        if (throw_exc) {
            py_raise(throw_exc);
        }
        if (g->base.type == &py_type_coroutine) {
            py_raise_msg(&py_type_RuntimeError, "cannot reuse already awaited coroutine");
        }
        *result = PY_NONE;
        return false;
    }
    if (throw_exc == PY_NULL) {
        if (g->state == PY_GEN_CREATED) {
            if (send != PY_NONE) {
                py_raise_fmt(&py_type_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
            }
        } else {
            *g->frame.sp++ = send;
        }
        return run_frame(g, PY_NULL, result);
    }
    return gen_throw_into(g, throw_exc, result);
}

// throw(): forwarded to the delegate first when suspended in yield from / await.
static bool gen_throw_into(py_gen *g, py_val exc_in, py_val *result) {
    volatile py_val throw_exc = exc_in;
    if (at_yield_from(g)) {
        py_val sub = g->frame.sp[-1];
        if (py_exc_matches(throw_exc, (py_val)&py_type_GeneratorExit)) {
            py_val close = py_load_attr_maybe(sub, PY_QSTR_close);
            g->state = PY_GEN_RUNNING;
            if (close) {
                py_nlr nlr;
                if (py_nlr_push(&nlr) == 0) {
                    py_call0(close);
                    py_nlr_pop();
                } else {
                    throw_exc = nlr.exc;
                }
            }
            g->state = PY_GEN_SUSPENDED;
        } else {
            py_val sub_result;
            bool sub_yielded = false;
            py_nlr nlr;
            g->state = PY_GEN_RUNNING;
            if (py_nlr_push(&nlr) == 0) {
                if (py_is_generator(sub)) {
                    sub_yielded = py_gen_resume(sub, PY_NONE, throw_exc, &sub_result);
                    py_nlr_pop();
                } else {
                    py_val th = py_load_attr_maybe(sub, PY_QSTR_throw);
                    if (th == PY_NULL) {
                        py_nlr_pop();
                        goto throw_here;
                    }
                    sub_result = py_call1(th, throw_exc);
                    sub_yielded = true;
                    py_nlr_pop();
                }
            } else {
                g->state = PY_GEN_SUSPENDED;
                if (py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
                    sub_result = py_stop_iteration_value(nlr.exc);
                    g->frame.sp[-1] = sub_result;
                    g->frame.ip++; // past YIELD_FROM
                    return run_frame(g, PY_NULL, result);
                }
                throw_exc = nlr.exc;
                goto throw_here;
            }
            g->state = PY_GEN_SUSPENDED;
            if (sub_yielded) {
                *result = sub_result;
                return true;
            }
            g->frame.sp[-1] = sub_result;
            g->frame.ip++;
            return run_frame(g, PY_NULL, result);
        }
    }
throw_here:
    if (g->state == PY_GEN_CREATED) {
        g->state = PY_GEN_FINISHED;
        py_raise(throw_exc);
    }
    return run_frame(g, throw_exc, result);
}

// ---- methods ---------------------------------------------------------------------------------------
static py_val gen_iternext(py_val self) {
    py_val v;
    if (py_gen_resume(self, PY_NONE, PY_NULL, &v)) {
        return v;
    }
    PY_TS->stop_value = v;
    return PY_STOP;
}

static py_val gen_send(py_val self, py_val value) {
    py_val v;
    if (py_gen_resume(self, value, PY_NULL, &v)) {
        return v;
    }
    py_raise_stop_iteration(v == PY_NONE ? PY_NULL : v);
}
static PY_FN_OBJ_2(gen_send_obj, send, gen_send);

static py_val make_throw_exc(size_t n_args, const py_val *args) {
    py_val t = args[1];
    if (n_args >= 3 && args[2] != PY_NONE) {
        if (py_is_type(t)) {
            py_val v = args[2];
            if (py_isinstance(v, (const py_type *)t)) {
                return v;
            }
            return py_call1(t, v);
        }
        py_raise_msg(&py_type_TypeError, "instance exception may not have a separate value");
    }
    return py_exc_instantiate(t);
}

static py_val gen_throw(size_t n_args, const py_val *args) {
    py_val exc = make_throw_exc(n_args, args);
    py_val v;
    if (py_gen_resume(args[0], PY_NONE, exc, &v)) {
        return v;
    }
    py_raise_stop_iteration(v == PY_NONE ? PY_NULL : v);
}
static PY_FN_OBJ_VAR(gen_throw_obj, throw, 2, 4, gen_throw);

static py_val gen_close(py_val self) {
    py_gen *g = (py_gen *)self;
    if (g->state == PY_GEN_CREATED || g->state == PY_GEN_FINISHED) {
        g->state = PY_GEN_FINISHED;
        return PY_NONE;
    }
    py_val exc = py_exc_new(&py_type_GeneratorExit, 0, NULL);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val v;
        bool y = py_gen_resume(self, PY_NONE, exc, &v);
        py_nlr_pop();
        if (y) {
            py_raise_fmt(&py_type_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
        }
        return PY_NONE;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_GeneratorExit) ||
        py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
        return PY_NONE;
    }
    py_raise(nlr.exc);
}
static PY_FN_OBJ_1(gen_close_obj, close, gen_close);

static py_val gen_iter(py_val self) { return self; }
static PY_FN_OBJ_1(gen_iter_obj, __iter__, gen_iter);

static void gen_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_gen *g = (py_gen *)self;
    const char *what = g->base.type == &py_type_coroutine ? "coroutine"
                       : g->base.type == &py_type_async_generator ? "async_generator" : "generator";
    py_printf(p, "<%s object %q at %p>", what, g->frame.code->qualname, (void *)self);
}

static void gen_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    py_gen *g = (py_gen *)self;
    switch (attr) {
    case PY_QSTR___name__: dest[0] = g->name; break;
    case PY_QSTR___qualname__: dest[0] = py_qstr_val(g->frame.code->qualname); break;
    case PY_QSTR_gi_running:
    case PY_QSTR_cr_running: dest[0] = py_bool(g->state == PY_GEN_RUNNING); break;
    case PY_QSTR_gi_code:
    case PY_QSTR_cr_code: dest[0] = (py_val)g->frame.code; break;
    default: break;
    }
}

static const py_dict_entry gen_locals_table[] = {
    PY_ROM_ENTRY(send, &gen_send_obj),
    PY_ROM_ENTRY(throw, &gen_throw_obj),
    PY_ROM_ENTRY(close, &gen_close_obj),
    PY_ROM_ENTRY(__iter__, &gen_iter_obj),
};
static PY_ROM_DICT(gen_locals, gen_locals_table);

const py_type py_type_generator = {
    .base = {&py_type_type},
    .name = PY_QSTR_generator,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .print = gen_print,
    .attr = gen_attr,
    .iternext = gen_iternext,
    .locals = (py_dict *)&gen_locals,
    .base_type = &py_type_object,
};

static py_val coro_await(py_val self) { return self; }
static PY_FN_OBJ_1(coro_await_obj, __await__, coro_await);

static const py_dict_entry coro_locals_table[] = {
    PY_ROM_ENTRY(send, &gen_send_obj),
    PY_ROM_ENTRY(throw, &gen_throw_obj),
    PY_ROM_ENTRY(close, &gen_close_obj),
    PY_ROM_ENTRY(__await__, &coro_await_obj),
};
static PY_ROM_DICT(coro_locals, coro_locals_table);

// A coroutine is not iterable, but `await` drives it with the same resume protocol.
const py_type py_type_coroutine = {
    .base = {&py_type_type},
    .name = PY_QSTR_coroutine,
    .flags = PY_TF_EQ_ID,
    .print = gen_print,
    .attr = gen_attr,
    .iternext = gen_iternext,
    .locals = (py_dict *)&coro_locals,
    .base_type = &py_type_object,
};

// ---- async generators --------------------------------------------------------------------------
// agen.__anext__() / asend(v) return an awaitable that runs the generator's frame: values
// the frame yields from its own `yield` end the await (StopIteration(value)); values from an
// `await` inside it pass through to the event loop.
typedef struct agen_step {
    py_obj base;
    py_val agen;
    py_val send;  // the first value to send
    py_val throw; // or an exception to throw, once
    bool used;
} agen_step;

extern const py_type py_agen_step_type;

static py_val agen_step_run(agen_step *s, py_val sent, py_val throw_exc) {
    py_gen *g = (py_gen *)s->agen;
    if (!s->used) {
        s->used = true;
        sent = s->send;
        throw_exc = s->throw;
    }
    if (g->state == PY_GEN_FINISHED) {
        py_raise(py_exc_new(&py_type_StopAsyncIteration, 0, NULL));
    }
    py_val v;
    bool y = py_gen_resume(s->agen, sent, throw_exc, &v);
    if (!y) {
        py_raise(py_exc_new(&py_type_StopAsyncIteration, 0, NULL));
    }
    if (at_yield_from(g)) {
        return v; // an await inside the generator: pass the value out
    }
    py_raise_stop_iteration(v);
}

static py_val agen_step_next(py_val self) {
    py_nlr nlr;
    py_val v;
    if (py_nlr_push(&nlr) == 0) {
        v = agen_step_run((agen_step *)self, PY_NONE, PY_NULL);
        py_nlr_pop();
        return v;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_StopIteration)) {
        PY_TS->stop_value = py_stop_iteration_value(nlr.exc);
        return PY_STOP;
    }
    py_raise(nlr.exc);
}

static py_val agen_step_send(py_val self, py_val v) { return agen_step_run((agen_step *)self, v, PY_NULL); }
static PY_FN_OBJ_2(agen_step_send_obj, send, agen_step_send);
static py_val agen_step_throw(size_t n_args, const py_val *args) {
    return agen_step_run((agen_step *)args[0], PY_NONE, make_throw_exc(n_args, args));
}
static PY_FN_OBJ_VAR(agen_step_throw_obj, throw, 2, 4, agen_step_throw);
static py_val agen_step_close(py_val self) {
    (void)self;
    return PY_NONE;
}
static PY_FN_OBJ_1(agen_step_close_obj, close, agen_step_close);

static const py_dict_entry agen_step_locals_table[] = {
    PY_ROM_ENTRY(send, &agen_step_send_obj),
    PY_ROM_ENTRY(throw, &agen_step_throw_obj),
    PY_ROM_ENTRY(close, &agen_step_close_obj),
    PY_ROM_ENTRY(__await__, &gen_iter_obj),
    PY_ROM_ENTRY(__iter__, &gen_iter_obj),
};
static PY_ROM_DICT(agen_step_locals, agen_step_locals_table);

const py_type py_agen_step_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_async_generator_asend,
    .flags = PY_TF_ITER_SELF | PY_TF_EQ_ID,
    .iternext = agen_step_next,
    .locals = (py_dict *)&agen_step_locals,
    .base_type = &py_type_object,
};

static py_val agen_new_step(py_val agen, py_val send, py_val throw_exc) {
    agen_step *s = py_new(agen_step, &py_agen_step_type);
    s->agen = agen;
    s->send = send;
    s->throw = throw_exc;
    return (py_val)s;
}

static py_val agen_anext(py_val self) { return agen_new_step(self, PY_NONE, PY_NULL); }
static PY_FN_OBJ_1(agen_anext_obj, __anext__, agen_anext);
static py_val agen_asend(py_val self, py_val v) { return agen_new_step(self, v, PY_NULL); }
static PY_FN_OBJ_2(agen_asend_obj, asend, agen_asend);
static py_val agen_athrow(size_t n_args, const py_val *args) {
    return agen_new_step(args[0], PY_NONE, make_throw_exc(n_args, args));
}
static PY_FN_OBJ_VAR(agen_athrow_obj, athrow, 2, 4, agen_athrow);
static py_val agen_aclose(py_val self) {
    return agen_new_step(self, PY_NONE, py_exc_new(&py_type_GeneratorExit, 0, NULL));
}
static PY_FN_OBJ_1(agen_aclose_obj, aclose, agen_aclose);

static const py_dict_entry agen_locals_table[] = {
    PY_ROM_ENTRY(__aiter__, &gen_iter_obj),
    PY_ROM_ENTRY(__anext__, &agen_anext_obj),
    PY_ROM_ENTRY(asend, &agen_asend_obj),
    PY_ROM_ENTRY(athrow, &agen_athrow_obj),
    PY_ROM_ENTRY(aclose, &agen_aclose_obj),
};
static PY_ROM_DICT(agen_locals, agen_locals_table);

const py_type py_type_async_generator = {
    .base = {&py_type_type},
    .name = PY_QSTR_async_generator,
    .flags = PY_TF_EQ_ID,
    .print = gen_print,
    .attr = gen_attr,
    .locals = (py_dict *)&agen_locals,
    .base_type = &py_type_object,
};
