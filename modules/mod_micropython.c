// modules/mod_micropython.c: the micropython module: const, schedule, heap locking, memory
// information, the keyboard-interrupt character, optimisation level.
#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/gc.h"
#include "py/persist.h"
#include "py/runtime.h"
#include "py/state.h"

static int opt_level;
int mod_micropython_kbd_intr_char = 3; // Ctrl-C; -1 disables (read by the console driver)

// const(x) is x; the compiler also folds NAME = const(number) at module level.
static py_val mp_const(py_val x) { return x; }
static PY_FN_OBJ_1(mp_const_obj, const, mp_const);

static py_val mp_schedule(py_val fn, py_val arg) {
    if (!py_is_callable(fn)) {
        py_raise_msg(&py_type_TypeError, "schedule: function must be callable");
    }
    if (!mod_kthread_irq_soft(fn, arg)) {
        py_raise_msg(&py_type_RuntimeError, "schedule queue full");
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(mp_schedule_obj, schedule, mp_schedule);

static py_val mp_alloc_emergency_exception_buf(py_val size) {
    (void)py_get_int(size); // the emergency MemoryError is always preallocated
    return PY_NONE;
}
static PY_FN_OBJ_1(mp_alloc_emergency_exception_buf_obj, alloc_emergency_exception_buf,
                   mp_alloc_emergency_exception_buf);

static py_val mp_mem_info(size_t n_args, const py_val *args) {
    py_gc_info info;
    py_gc_get_info(&info);
    py_thread_state *ts = PY_TS;
    char here;
    size_t stack_used = ts->c_stack_top > &here ? (size_t)(ts->c_stack_top - &here) : 0;
    size_t stack_total = ts->c_stack_limit ? (size_t)((uintptr_t)ts->c_stack_top - ts->c_stack_limit) : 0;
    py_printf(&py_print_stdout, "stack: %zu out of %zu\n", stack_used, stack_total);
    py_printf(&py_print_stdout, "GC: total: %zu, used: %zu, free: %zu\n", info.total, info.used, info.free);
    py_printf(&py_print_stdout, " No. of 1-blocks: %zu, 2-blocks: %zu, max blk sz: %zu, max free sz: %zu\n",
              info.num_1block, info.num_2block, info.max_block / PY_CFG_GC_BLOCK, info.max_free / PY_CFG_GC_BLOCK);
    if (n_args && py_is_true(args[0])) {
        py_printf(&py_print_stdout, "GC collections: %u\n", (unsigned)info.collections);
    }
    return PY_NONE;
}
static PY_FN_OBJ_VAR(mp_mem_info_obj, mem_info, 0, 1, mp_mem_info);

static py_val mp_heap_lock(void) {
    py_gc_lock();
    return py_small((py_int_t)py_gc_lock_depth() - 1);
}
static PY_FN_OBJ_0(mp_heap_lock_obj, heap_lock, mp_heap_lock);

static py_val mp_heap_unlock(void) {
    // A hard handler runs under a lock its caller took: it may undo only its own heap_lock()s,
    // or it could allocate (and collect) in interrupt context.
    if (py_gc_lock_depth() > mod_kthread_irq_hard_lock_depth()) {
        py_gc_unlock();
    }
    return py_small((py_int_t)py_gc_lock_depth());
}
static PY_FN_OBJ_0(mp_heap_unlock_obj, heap_unlock, mp_heap_unlock);

static py_val mp_heap_locked(void) { return py_small((py_int_t)py_gc_lock_depth()); }
static PY_FN_OBJ_0(mp_heap_locked_obj, heap_locked, mp_heap_locked);

static py_val mp_kbd_intr(py_val chr) {
    py_int_t c = py_get_int(chr);
    mod_micropython_kbd_intr_char = c < 0 || c > 255 ? -1 : (int)c;
    return PY_NONE;
}
static PY_FN_OBJ_1(mp_kbd_intr_obj, kbd_intr, mp_kbd_intr);

static py_val mp_opt_level(size_t n_args, const py_val *args) {
    if (n_args == 0) {
        return py_small(opt_level);
    }
    py_int_t l = py_get_int(args[0]);
    opt_level = l < 0 ? 0 : l > 3 ? 3 : (int)l;
    return PY_NONE;
}
static PY_FN_OBJ_VAR(mp_opt_level_obj, opt_level, 0, 1, mp_opt_level);

static py_val mp_stack_use(void) {
    char here;
    py_thread_state *ts = PY_TS;
    return py_small(ts->c_stack_top > &here ? (py_int_t)(ts->c_stack_top - &here) : 0);
}
static PY_FN_OBJ_0(mp_stack_use_obj, stack_use, mp_stack_use);

// The .rpyc format of precompiled modules (py/persist.h, docs/cross.md) to and from bytes:
// what rtpy-cross writes and import reads, for programs that keep code elsewhere than in files
// (and for the tests: the board has no file system to import from).
static py_val mp_rpyc_dumps(py_val code) {
    if (py_typeof(code) != &py_type_code) {
        py_raise_fmt(&py_type_TypeError, "rpyc_dumps: expected a code object, not '%T'", code);
    }
    py_vstr v;
    py_vstr_init(&v, 256);
    py_persist_save(&v, (const py_code *)code);
    return py_vstr_to_bytes(&v);
}
static PY_FN_OBJ_1(mp_rpyc_dumps_obj, rpyc_dumps, mp_rpyc_dumps);

static py_val mp_rpyc_loads(py_val data) {
    py_buffer buf;
    py_get_buffer(data, &buf, PY_BUFFER_READ);
    return py_persist_load(buf.buf, buf.len);
}
static PY_FN_OBJ_1(mp_rpyc_loads_obj, rpyc_loads, mp_rpyc_loads);

static const py_dict_entry mp_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_micropython)),
    PY_ROM_ENTRY(const, &mp_const_obj),
    PY_ROM_ENTRY(schedule, &mp_schedule_obj),
    PY_ROM_ENTRY(alloc_emergency_exception_buf, &mp_alloc_emergency_exception_buf_obj),
    PY_ROM_ENTRY(mem_info, &mp_mem_info_obj),
    PY_ROM_ENTRY(heap_lock, &mp_heap_lock_obj),
    PY_ROM_ENTRY(heap_unlock, &mp_heap_unlock_obj),
    PY_ROM_ENTRY(heap_locked, &mp_heap_locked_obj),
    PY_ROM_ENTRY(kbd_intr, &mp_kbd_intr_obj),
    PY_ROM_ENTRY(opt_level, &mp_opt_level_obj),
    PY_ROM_ENTRY(stack_use, &mp_stack_use_obj),
    PY_ROM_ENTRY(rpyc_dumps, &mp_rpyc_dumps_obj),
    PY_ROM_ENTRY(rpyc_loads, &mp_rpyc_loads_obj),
};
static PY_ROM_DICT(mp_globals, mp_table);

const py_module mod_micropython_module = {{&py_type_module}, (py_dict *)&mp_globals};
