// py/pythread.c: what the core needs for threads: blocking calls that release the
// interpreter lock (recording the thread's stack for the GC first), and the schedule queue
// filled from interrupt context.
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// noinline + __builtin_unwind_init: every callee-saved register of the caller is spilled
// into this frame, which stays live during fn; c_stack_sp below it makes the GC scan them.
__attribute__((noinline)) void py_blocking_call(void (*fn)(void *arg), void *arg) {
    py_thread_state *ts = PY_TS;
#if defined(__GNUC__)
    __builtin_unwind_init();
#endif
    void *volatile marker = NULL;
    ts->c_stack_sp = (char *)&marker;
    py_port_gil_release();
    fn(arg);
    py_port_gil_acquire();
    PY_S->ts = ts;
    ts->c_stack_sp = NULL;
}

static void noop(void *arg) { (void)arg; }

void py_thread_yield_lock(void) { py_blocking_call(noop, NULL); }

bool py_sched_push(py_val fn, py_val arg) {
    py_state *S = PY_S;
    uint32_t tail = S->sched_tail;
    if (tail - S->sched_head >= PY_SCHED_SIZE) {
        return false;
    }
    uint32_t i = (tail % PY_SCHED_SIZE) * 2;
    S->sched_queue[i] = fn;
    S->sched_queue[i + 1] = arg;
    S->sched_tail = tail + 1; // published last: a reader sees a complete entry
    return true;
}

bool py_sched_pop(py_val *fn, py_val *arg) {
    py_state *S = PY_S;
    uint32_t head = S->sched_head;
    if (head == S->sched_tail) {
        return false;
    }
    uint32_t i = (head % PY_SCHED_SIZE) * 2;
    *fn = S->sched_queue[i];
    *arg = S->sched_queue[i + 1];
    S->sched_queue[i] = S->sched_queue[i + 1] = PY_NULL;
    S->sched_head = head + 1;
    return true;
}

unsigned py_sched_count(void) { return PY_S->sched_tail - PY_S->sched_head; }
