// py/nlr.h: the core's one non-local-return mechanism (raising an exception).
// A handler is pushed on the current thread's chain; py_nlr_jump (used by py_raise*) unwinds
// to the innermost handler with the exception. Discipline: every successful py_nlr_push is
// matched by py_nlr_pop on the normal path; the function that pushed must not return while
// its handler is linked. Locals changed after the push are indeterminate after a jump unless
// volatile. With GCC the cheaper __builtin_setjmp is used (not under the sanitizers).
#ifndef PY_NLR_H
#define PY_NLR_H

#include <setjmp.h>

#include "py/obj.h"

typedef struct py_nlr {
    struct py_nlr *prev;
    py_val exc; // the exception, valid in the handler
#if PY_CFG_NLR_BUILTIN
    void *jb[5];
#else
    jmp_buf jb;
#endif
} py_nlr;

void py_nlr_link(py_nlr *n);
void py_nlr_pop(void);
_Noreturn void py_nlr_jump(py_val exc);

#if PY_CFG_NLR_BUILTIN
#define py_nlr_push(n) (py_nlr_link(n), __builtin_setjmp((n)->jb))
#define PY_NLR_LONGJMP(n) __builtin_longjmp((n)->jb, 1)
#else
#define py_nlr_push(n) (py_nlr_link(n), setjmp((n)->jb))
#define PY_NLR_LONGJMP(n) longjmp((n)->jb, 1)
#endif

#endif // PY_NLR_H
