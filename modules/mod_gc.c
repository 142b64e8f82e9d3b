// modules/mod_gc.c: the gc module (MicroPython's API; CPython's collect/enable/disable).
// A hard interrupt handler may read the heap's figures but not collect (see gc_collect).
#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/gc.h"
#include "py/runtime.h"

static py_val gc_collect(size_t n_args, const py_val *args) {
    (void)n_args;
    (void)args;
    // A collection marks from the current thread's C stack: in a hard handler that is the
    // interrupt's, and the interrupted thread's own stack (its latest sp unrecorded) would go
    // unscanned, freeing what only it refers to. The handler can schedule a collection instead.
    if (mod_kthread_in_irq_hard()) {
        mod_kthread_raise_irq_hard_gc();
    }
    py_gc_collect();
    return py_small(0);
}
static PY_FN_OBJ_VAR(gc_collect_obj, collect, 0, 1, gc_collect);

static py_val gc_enable(void) {
    py_gc_enable(true);
    return PY_NONE;
}
static PY_FN_OBJ_0(gc_enable_obj, enable, gc_enable);

static py_val gc_disable(void) {
    py_gc_enable(false);
    return PY_NONE;
}
static PY_FN_OBJ_0(gc_disable_obj, disable, gc_disable);

static py_val gc_isenabled(void) { return py_bool(py_gc_is_enabled()); }
static PY_FN_OBJ_0(gc_isenabled_obj, isenabled, gc_isenabled);

static py_val gc_mem_free(void) {
    py_gc_info info;
    py_gc_get_info(&info);
    return py_int_from((py_int_t)info.free);
}
static PY_FN_OBJ_0(gc_mem_free_obj, mem_free, gc_mem_free);

static py_val gc_mem_alloc(void) {
    py_gc_info info;
    py_gc_get_info(&info);
    return py_int_from((py_int_t)info.used);
}
static PY_FN_OBJ_0(gc_mem_alloc_obj, mem_alloc, gc_mem_alloc);

// gc.threshold([amount]): MicroPython's; -1 (or 0) turns the early collection off.
static py_val gc_threshold(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        size_t cur = py_gc_get_threshold();
        return py_int_from(cur ? (py_int_t)cur : -1);
    }
    py_int_t amount = py_get_int(args[0]);
    py_gc_threshold(amount < 0 ? 0 : (size_t)amount);
    return PY_NONE;
}
static PY_FN_OBJ_VAR(gc_threshold_obj, threshold, 0, 1, gc_threshold);

static const py_dict_entry gc_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_gc)),
    PY_ROM_ENTRY(collect, &gc_collect_obj),
    PY_ROM_ENTRY(enable, &gc_enable_obj),
    PY_ROM_ENTRY(disable, &gc_disable_obj),
    PY_ROM_ENTRY(isenabled, &gc_isenabled_obj),
    PY_ROM_ENTRY(mem_free, &gc_mem_free_obj),
    PY_ROM_ENTRY(mem_alloc, &gc_mem_alloc_obj),
    PY_ROM_ENTRY(threshold, &gc_threshold_obj),
};
static PY_ROM_DICT(gc_globals, gc_table);

const py_module mod_gc_module = {{&py_type_module}, (py_dict *)&gc_globals};
