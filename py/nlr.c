// py/nlr.c: the handler chain of py/nlr.h, per thread (in the thread state).
#include "py/nlr.h"
#include "py/port.h"
#include "py/state.h"

void py_nlr_link(py_nlr *n) {
    py_thread_state *ts = PY_TS;
    n->prev = ts->nlr_top;
    ts->nlr_top = n;
}

void py_nlr_pop(void) {
    py_thread_state *ts = PY_TS;
    ts->nlr_top = ts->nlr_top->prev;
}

_Noreturn void py_nlr_jump(py_val exc) {
    py_thread_state *ts = PY_TS;
    py_nlr *n = ts->nlr_top;
    if (n == NULL) {
        py_port_fatal("uncaught exception with no handler");
    }
    ts->nlr_top = n->prev;
    n->exc = exc;
    PY_NLR_LONGJMP(n);
}
