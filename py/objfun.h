// py/objfun.h: Python functions, frames and generators, and the VM entry points.
// A frame holds a code object's local slots followed by its value stack. Ordinary calls put
// frames on the thread's Python stack (a bump region: no heap allocation per call);
// generators and coroutines own a heap frame that outlives each resumption.
#ifndef PY_OBJFUN_H
#define PY_OBJFUN_H

#include "py/bc.h"
#include "py/obj.h"

typedef struct py_fun {
    py_obj base; // &py_type_function
    const py_code *code;
    py_dict *globals;
    py_tuple *defaults;  // positional defaults, or NULL
    py_dict *kwdefaults; // keyword-only defaults, or NULL
    py_tuple *closure;   // cells for the code's free variables, or NULL
    py_dict *dict;       // function attributes (lazily allocated)
} py_fun;

#define PY_FRAME_ENTRY 0x1   // the VM returns to its C caller when this frame returns
#define PY_FRAME_HEAP 0x2    // owned by a generator (not on the Python stack)
#define PY_FRAME_STARTED 0x4 // a generator frame that has run (resumes push the sent value)
// __init__ called by the VM to construct an instance: the caller gets the instance (left in
// the call's result slot), not the None returned.
#define PY_FRAME_INIT 0x8
// A generator frame resumed by FOR_ITER in the same VM loop as its caller: it yields and
// returns to that FOR_ITER (see vm.c).
#define PY_FRAME_GEN_LOOP 0x10

typedef struct py_frame {
    struct py_frame *back;
    const py_code *code;
    py_fun *fun;       // NULL for module code run by exec
    py_dict *globals;
    py_dict *locals;   // namespace dict for module and class bodies (LOAD_NAME); else NULL
    const uint8_t *ip; // the instruction running (or to resume at)
    py_val *sp;        // saved value-stack top (suspended generator frames)
    uint8_t flags;
    py_val l[];        // code->nlocals local slots, then code->stacksize stack slots
} py_frame;

static inline size_t py_frame_size(const py_code *code) {
    return sizeof(py_frame) + ((size_t)code->nlocals + code->stacksize) * sizeof(py_val);
}

enum { PY_GEN_CREATED, PY_GEN_SUSPENDED, PY_GEN_RUNNING, PY_GEN_FINISHED };

typedef struct py_gen {
    py_obj base; // generator, coroutine or async_generator type
    uint8_t state;
    py_val name;      // __name__ (a qstr value)
    py_val exc_state; // the exception being handled inside the generator while suspended
    py_frame frame; // variable size: keep last
} py_gen;

extern const py_type py_type_async_generator;

// Calls a Python function (binds the arguments as CPython does; TypeError on mismatch).
py_val py_fun_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args);
// Runs a function's code with `locals` as its namespace dict (class bodies).
py_val py_fun_call_with_locals(py_val fn, py_dict *locals);
// Runs the frame until it returns (false) or yields (true); *result is the value. With
// throw_exc set, the frame first raises that exception at its current instruction.
bool py_vm_run(py_frame *f, py_val throw_exc, py_val *result);
// Resumes a generator/coroutine: returns true and the yielded value, or false and the return
// value. Exceptions propagate (StopIteration inside becomes RuntimeError, as PEP 479).
bool py_gen_resume(py_val gen, py_val send, py_val throw_exc, py_val *result);
// The generator whose frame f is.
static inline py_gen *py_gen_of_frame(py_frame *f) {
    return (py_gen *)((char *)f - offsetof(py_gen, frame));
}
// A generator starts running (from C or from a for loop in the VM): its own handled
// exception becomes the thread's (*handled), and exc_state keeps the caller's meanwhile.
static inline void py_gen_run_begin(py_gen *g, py_val *handled) {
    py_val own = g->exc_state;
    g->exc_state = *handled;
    if (own) {
        *handled = own;
    }
    g->state = PY_GEN_RUNNING;
}
// It stops, suspended at a yield or finished: the caller's handled exception comes back.
static inline void py_gen_run_end(py_gen *g, py_val *handled, bool yielded) {
    py_val saved = g->exc_state;
    if (yielded) {
        g->state = PY_GEN_SUSPENDED;
        g->frame.flags |= PY_FRAME_STARTED;
        g->exc_state = *handled != saved ? *handled : PY_NULL;
    } else {
        g->state = PY_GEN_FINISHED;
        g->exc_state = PY_NULL;
    }
    *handled = saved;
}
// py_vm_run: an exception is leaving generator frame f (PY_FRAME_HEAP): marks the generator
// finished and returns what to raise instead (StopIteration becomes RuntimeError).
py_val py_gen_unwound(py_frame *f, py_val exc);
// py_vm_run's checks before it runs a frame: RecursionError, C stack overflow.
void py_vm_check_depth(void);
bool py_is_generator(py_val v); // generator or coroutine

// The innermost running frame's globals/locals (builtins globals(), locals(), exec, eval).
py_dict *py_vm_globals(void);
py_val py_vm_locals(void);

#endif // PY_OBJFUN_H
