// py/gc.h: the fixed-size garbage-collected heap.
// One block of memory given by the port is cut into PY_CFG_GC_BLOCK-byte blocks tracked by a
// 2-bit allocation table (free / head / tail / marked head) plus a 1-bit "leaf" table (the
// block holds no pointers and is not scanned). Mark-sweep: roots are the interpreter state,
// the threads' Python stacks, and the C stacks and registers, scanned conservatively. No
// malloc: when the heap is full, collect, then raise MemoryError. Not thread-safe by itself:
// callers hold the interpreter lock.
#ifndef PY_GC_H
#define PY_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PY_GC_LEAF 0x1 // the allocation holds no pointers (strings, floats, digits, bytes)

typedef struct py_gc_info {
    size_t total;      // bytes of heap
    size_t used;       // bytes in live allocations (after the last sweep, plus new ones)
    size_t free;       // total - used
    size_t max_free;   // largest free run, bytes
    size_t num_1block; // allocations of one block
    size_t num_2block; // allocations of two blocks
    size_t max_block;  // largest allocation, bytes
    uint32_t collections;
} py_gc_info;

// Hands the heap to the collector. `start` need not be aligned; some bytes go to the tables.
void py_gc_init(void *start, size_t size);
// Zeroed memory for `n` bytes (n may be 0). Collects and retries when full; then raises
// MemoryError (noreturn). Raises MemoryError at once while the heap is locked.
void *py_gc_alloc(size_t n, unsigned flags);
// As py_gc_alloc but returns NULL instead of raising.
void *py_gc_try_alloc(size_t n, unsigned flags);
// Resizes (may move; new bytes are zeroed); p may be NULL. Raises MemoryError.
void *py_gc_realloc(void *p, size_t n);
// Shrinks or grows in place only; returns false (and changes nothing) if it cannot.
bool py_gc_resize_in_place(void *p, size_t n);
// Frees at once an allocation known to be unreachable (optional; the collector would).
void py_gc_free(void *p);
// Has fn(obj) called by the collection that finds obj (an allocation's start) unreachable,
// before it is freed: e.g. an open file closes itself. fn must not allocate or raise, nor use
// other heap objects (they may be garbage too). False if the table is full (then nothing is
// registered). py_gc_clear_finaliser forgets it (an explicit close).
bool py_gc_set_finaliser(void *obj, void (*fn)(void *obj));
void py_gc_clear_finaliser(void *obj);
// Bytes usable in the allocation p (a multiple of the block size).
size_t py_gc_nbytes(const void *p);
bool py_gc_is_heap_ptr(const void *p);

// Thread context, the interpreter lock held. Not from a hard interrupt handler: the C stack
// scanned would be the interrupt's, not the interrupted thread's (gc.collect refuses there).
// Does nothing when a collection is already under way.
void py_gc_collect(void);
// Automatic collection (when an allocation finds the heap full). Disabled, a full heap raises
// MemoryError at once, as in MicroPython; py_gc_collect() still works.
void py_gc_enable(bool on);
bool py_gc_is_enabled(void);
// Collect early, once more than `bytes` have been allocated since the last collection
// (0: only when an allocation fails). Returns the previous setting.
size_t py_gc_threshold(size_t bytes);
size_t py_gc_get_threshold(void);
void py_gc_get_info(py_gc_info *info);
// heap_lock: allocation raises MemoryError (micropython.heap_lock; hard interrupt handlers).
void py_gc_lock(void);
void py_gc_unlock(void);
unsigned py_gc_lock_depth(void);

// Any context (an interrupt handler). True while the collector is in the last pass of its
// mark phase, which hard interrupt handlers must not disturb: they run as soft ones instead
// (they may run in earlier passes, which are redone when one did; see py_gc_collect).
bool py_gc_isr_must_defer(void);
// For tests: `hook` (NULL: none) is called between the objects the mark phase scans, where an
// interrupt may run on the board. It runs in the collection: no allocation.
void py_gc_set_mark_hook(void (*hook)(void));

// For roots: mark everything a range of words may point to (conservative: interior pointers
// into an allocation keep it alive).
void py_gc_mark_range(const void *start, size_t nbytes);
// Mark one object (exact pointer to the start of an allocation; others ignored).
void py_gc_mark(const void *p);

#define py_new(T, typeptr) ((T *)py_gc_new_obj(sizeof(T), (typeptr), 0))
#define py_new_var(T, extra, typeptr) ((T *)py_gc_new_obj(sizeof(T) + (extra), (typeptr), 0))
#define py_new_leaf_var(T, extra, typeptr) ((T *)py_gc_new_obj(sizeof(T) + (extra), (typeptr), PY_GC_LEAF))
void *py_gc_new_obj(size_t n, const void *type, unsigned flags);

#endif // PY_GC_H
