// py/state.h: all interpreter state, in one struct reached through PY_S (and the running
// thread's through PY_TS). Nothing else in py/ is a mutable global, so a port can reset the
// interpreter (soft reset) by re-initialising this struct, and per-task interpreters stay
// possible later. The GC scans this struct as a root.
#ifndef PY_STATE_H
#define PY_STATE_H

#include <setjmp.h>

#include "py/nlr.h"
#include "py/obj.h"

struct py_frame;

// Per-thread interpreter state. The port creates one per Python thread (the main thread's is
// PY_S->main_thread) and links it into PY_S->threads while the thread lives.
typedef struct py_thread_state {
    struct py_thread_state *next; // all live thread states (GC roots)
    py_nlr *nlr_top;              // innermost exception handler
    struct py_frame *frame;       // innermost running Python frame (NULL: none)
    char *pystack_base;           // this thread's Python stack: frames live here
    char *pystack_top;            // first free byte
    char *pystack_limit;          // end of the region
    py_val handled_exc;           // exception being handled (sys.exc_info()), PY_NULL if none
    uint32_t depth;               // Python call depth (RecursionError past the limit)
    bool reraise;                 // the exception being raised keeps its traceback as is
    py_val stop_value;            // value of the last StopIteration absorbed by py_iternext
    py_val pending_exc;           // raised at the next check when PY_PENDING_EXC is set
    py_val repr_stack[16];        // containers being printed (recursive repr detection)
    void *sched_wake;             // port data: how to wake this thread from a blocking wait
    uint32_t repr_depth;
    uint32_t c_depth;             // nested C entries into the VM
    uintptr_t c_stack_limit;      // py_stack_check's floor (includes the margin)
    char *c_stack_top;            // highest address of the C stack (GC scans below it)
    char *c_stack_sp;             // while suspended: lowest live address of the C stack
    jmp_buf regs;                 // while suspended: callee-saved registers (GC scans them)
    void *port;                   // the port's per-thread data (the kernel thread)
} py_thread_state;

#define PY_SCHED_SIZE 32 // entries of the schedule queue (see py_sched_push)

// PY_S->pending bits: anything the VM must look at between bytecodes. Checked on backward
// jumps and calls only, so setting a bit costs nothing until then.
#define PY_PENDING_EXC 0x1  // raise ts's pending exception (KeyboardInterrupt, thread exit)
#define PY_PENDING_PORT 0x2 // call py_port_pending() (lock hand-off, soft IRQs, virtual time)

#define PY_GC_SMALL 16 // allocations of up to this many blocks are "small"

typedef struct py_gc_state {
    uint8_t *atb;       // allocation table: 2 bits per block
    uint8_t *leaf;      // 1 bit per block: do not scan
    uint8_t *pool;      // first block
    size_t n_blocks;
    // Placement hints (see gc.c): fit[m], m <= PY_GC_SMALL: no free run of m or more blocks
    // starts below it; hi: every free run longer than PY_GC_SMALL lies below it.
    size_t fit[PY_GC_SMALL + 1];
    size_t hi;
    // Where the last search for a big run stopped: no free run in [down, hi) is longer than
    // down_max blocks, so a search for more starts at down (down == hi: nothing known).
    size_t down, down_max;
    size_t used_blocks; // blocks allocated since / live after the last sweep
    void **mark_stack;
    size_t mark_sp, mark_cap;
    bool mark_overflow;
    // Marking and hard interrupt handlers (see py_gc_collect): set by the collector, read by
    // handlers (marking, isr_defer); isr_ran set by handlers, read by the collector.
    volatile bool marking, isr_defer, isr_ran;
    uint32_t mark_repeats;   // mark passes redone because a handler ran (tests, stats)
    void (*mark_hook)(void); // tests: called between the objects marked (py_gc_set_mark_hook)
    bool enabled;
    bool collecting;
    uint16_t lock_depth;
    uint32_t collections;
    size_t alloc_since_collect; // blocks allocated since the last collection
    size_t threshold;           // collect when alloc_since_collect passes it (0: only when full)
    size_t collect_after;       // when the next early collection is due (SIZE_MAX: none)
    bool threshold_auto;        // the threshold is the default one (see early_update in gc.c)
    // Finalisers (py_gc_set_finaliser). The object's address is kept inverted: the table must
    // not keep the object alive when PY_S is scanned as a root.
    struct {
        uintptr_t hidden; // ~(uintptr_t)obj; 0: a free entry
        void (*fn)(void *obj);
    } final[PY_CFG_GC_FINALISERS];
} py_gc_state;

// One entry of the name-lookup cache (PY_CFG_ATTR_CACHE_SIZE entries, direct-mapped by
// owner and name; the GC scans it, so an owner cannot be freed and reused while cached):
//   owner a type:          value = the attribute found along its MRO (PY_NULL: absent),
//                          valid while version == PY_S->type_version_next;
//   owner a globals dict:  value == PY_NULL: the name is the dict's entry number `version`
//                          (checked against the entry's key at each use);
//                          value != PY_NULL: the name is not in the dict and is this builtin,
//                          valid while version == PY_S->globals_version.
typedef struct py_attr_cache_entry {
    const void *owner;
    uint32_t version;
    qstr name;
    py_val value;
} py_attr_cache_entry;

typedef struct py_state {
    py_thread_state *ts;      // the thread that holds the interpreter lock
    py_thread_state *threads; // all live thread states
    volatile uint32_t pending;
    int32_t budget;           // bytecodes left before py_port_budget, minus 1 (see below)
    int32_t budget_granted;   // the budget last granted (to count what ran)
    py_gc_state gc;

    // dynamic qstrs: entries and an open-addressing index of (id + 1) by hash
    py_qstr_entry *qstr_pool;
    uint32_t qstr_n, qstr_cap;
    uint32_t *qstr_index;
    uint32_t qstr_index_cap; // power of two
    char *qstr_chars_base;   // current chunk for the bytes of new qstrs (chunks are chained
                             // through their first word so the GC keeps them all)
    char *qstr_chars;        // next free byte in it
    size_t qstr_chars_left;
    uint16_t char_qstr[128]; // the qstr of each one-character ASCII string, once made (0: not yet)

    py_dict *modules;    // sys.modules
    py_val sys_path;     // list
    py_val sys_argv;     // list
    py_dict *builtins;   // the builtins namespace
    py_dict *main_globals; // __main__'s namespace (the REPL's `_` lives there)
    py_val memory_error; // preallocated MemoryError instance
    py_val stop_iteration_value; // scratch for generators
    py_attr_cache_entry *attr_cache; // PY_CFG_ATTR_CACHE_SIZE entries in the heap
    uint32_t type_version_next;      // bumped when cached facts about classes may change
    uint32_t globals_version;        // bumped when a PY_DICT_NS dict gains or loses a key
    uint32_t recursion_limit;
    py_val sched_queue[2 * PY_SCHED_SIZE]; // (fn, arg) pairs: a root, scanned by the GC
    py_val module_roots[16];               // objects modules/ and ports keep alive
    volatile uint32_t sched_head, sched_tail;
    py_thread_state main_thread;
} py_state;

extern py_state py_state_g;
#define PY_S (&py_state_g)
#define PY_TS (py_state_g.ts)

// Interpreter life cycle (the port calls these).
// heap/heap_size: the GC heap; pystack/pystack_size: the main thread's Python stack.
void py_init(void *heap, size_t heap_size, void *pystack, size_t pystack_size);
void py_deinit(void);
// Sets up a new thread state (for a Python thread started by _thread/rtos) and links it.
void py_thread_state_init(py_thread_state *ts, char *pystack, size_t pystack_size);
void py_thread_state_unlink(py_thread_state *ts);
// Records where the current thread's C stack ends (top = highest address) and its floor.
void py_thread_set_stack(py_thread_state *ts, void *top, uintptr_t limit);

// Runs fn(arg) with the interpreter lock released: for calls that block (sleeps, queue and
// semaphore waits, I/O). fn must not touch Python objects. The thread's registers and stack
// bounds are recorded first, so the GC can scan this thread while another one runs Python.
void py_blocking_call(void (*fn)(void *arg), void *arg);
// Gives the interpreter lock to a thread that waits for it (py_port_pending uses this).
void py_thread_yield_lock(void);

// The schedule queue: callables queued from interrupt context (micropython.schedule, soft
// interrupt handlers) and run later by Python. py_sched_push never allocates and never
// raises: it returns false when the queue is full. py_sched_pop returns false when empty.
bool py_sched_push(py_val fn, py_val arg);
bool py_sched_pop(py_val *fn, py_val *arg);
unsigned py_sched_count(void);

// The cache entry for (owner, name): a type or a globals dict (see py_attr_cache_entry).
static inline py_attr_cache_entry *py_attr_cache_slot(const void *owner, qstr name) {
    size_t h = ((uintptr_t)owner >> 4) ^ (name * 2654435761u);
    return &py_state_g.attr_cache[h & (PY_CFG_ATTR_CACHE_SIZE - 1)];
}

// The bytecode budget (PY_CFG_VM_BUDGET). The VM takes one from `budget` per instruction and
// calls py_vm_budget_expired when it goes below zero (on x86 one subtract from memory and a
// branch on the sign), so a grant of n bytecodes sets it to n - 1.
static inline void py_budget_grant(py_state *S, int32_t n) {
    S->budget_granted = n;
    S->budget = n - 1;
}
// One bytecode's worth: true when the budget has run out (call py_vm_budget_expired).
static inline bool py_budget_spend(py_state *S) {
    return (S->budget -= 1) < 0;
}
// The bytecodes run since the last grant.
static inline int32_t py_budget_executed(const py_state *S) {
    return S->budget_granted - 1 - S->budget;
}

#endif // PY_STATE_H
