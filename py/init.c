// py/init.c: interpreter start-up and shutdown (the life cycle of PY_S).
#include <string.h>

#include "py/builtins.h"
#include "py/objexc.h"
#include "py/runtime.h"
#include "py/state.h"

py_state py_state_g;

void py_thread_state_init(py_thread_state *ts, char *pystack, size_t pystack_size) {
    memset(ts, 0, sizeof(*ts));
    ts->pystack_base = pystack;
    ts->pystack_top = pystack;
    ts->pystack_limit = pystack + pystack_size;
    ts->next = PY_S->threads;
    PY_S->threads = ts;
}

void py_thread_state_unlink(py_thread_state *ts) {
    for (py_thread_state **p = &PY_S->threads; *p; p = &(*p)->next) {
        if (*p == ts) {
            *p = ts->next;
            return;
        }
    }
}

void py_thread_set_stack(py_thread_state *ts, void *top, uintptr_t limit) {
    ts->c_stack_top = top;
    ts->c_stack_limit = limit ? limit + PY_CFG_C_STACK_MARGIN : 0;
}

void py_init(void *heap, size_t heap_size, void *pystack, size_t pystack_size) {
    memset(&py_state_g, 0, sizeof(py_state_g));
    py_state *S = PY_S;
    py_gc_init(heap, heap_size);
    S->attr_cache = py_gc_alloc(PY_CFG_ATTR_CACHE_SIZE * sizeof(py_attr_cache_entry), 0);
    py_thread_state_init(&S->main_thread, pystack, pystack_size);
    S->ts = &S->main_thread;
    S->recursion_limit = PY_CFG_RECURSION_LIMIT;
    py_budget_grant(S, 1000);
    S->type_version_next = 1;
    py_qstr_init();
    py_exc_init();
    S->modules = (py_dict *)py_dict_new(16);
    S->sys_path = py_list_new(0, NULL);
    S->sys_argv = py_list_new(0, NULL);
    S->builtins = (py_dict *)&py_builtins_dict;
}

void py_deinit(void) {
    // Nothing to release: the heap belongs to the port. Clear roots so a soft reset starts
    // from nothing.
    memset(&py_state_g, 0, sizeof(py_state_g));
}
