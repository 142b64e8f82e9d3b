// tests/unit/test_gc.c: the collector: what survives, what is freed, MemoryError, locking.
#include <string.h>

#include "py/gc.h"
#include "py/runtime.h"
#include "py/state.h"
#include "tests/unit/unit_harness.h"

// Allocations made in a function that has returned leave no pointer in live stack frames;
// clearing a deep area of stack also wipes stale copies in dead frames.
static __attribute__((noinline)) void wipe_stack(void) {
    volatile char buf[16384];
    for (size_t i = 0; i < sizeof(buf); i++) {
        buf[i] = 0; // volatile stores: a memset of a dead array may be left out
    }
}

static size_t used(void) {
    py_gc_info info;
    py_gc_get_info(&info);
    return info.used;
}

static __attribute__((noinline)) void make_garbage(int n) {
    for (int i = 0; i < n; i++) {
        py_gc_alloc(64, 0);
    }
}

static void test_alloc_zeroed_and_sized(void) {
    unsigned char *p = py_gc_alloc(40, 0);
    bool zero = true;
    for (int i = 0; i < 40; i++) {
        zero &= p[i] == 0;
    }
    CHECK(zero);
    CHECK(py_gc_nbytes(p) == 48); // 40 rounded up to 16-byte blocks
    CHECK(py_gc_is_heap_ptr(p));
    CHECK(!py_gc_is_heap_ptr(&zero));
}

static void test_unreachable_freed(void) {
    size_t old = py_gc_threshold(0); // no early collection in between
    py_gc_collect();
    size_t base = used();
    make_garbage(1000);
    CHECK(used() >= base + 1000 * 64);
    wipe_stack();
    py_gc_collect();
    CHECK(used() <= base + 16 * 64); // a few stale stack words may keep some alive
    py_gc_threshold(old);
}

static uint32_t collections(void) {
    py_gc_info info;
    py_gc_get_info(&info);
    return info.collections;
}

static void test_threshold_collects_early(void) {
    size_t old = py_gc_threshold(4096);
    uint32_t before = collections();
    make_garbage(1000); // 64 KiB: 16 thresholds' worth
    CHECK(collections() - before >= 15);
    py_gc_threshold(0);
    before = collections();
    make_garbage(100);
    CHECK(collections() == before);
    py_gc_threshold(old);
}

// --- placement -----------------------------------------------------------------------------
static bool block_free(size_t b) {
    return ((PY_S->gc.atb[b >> 2] >> ((b & 3) * 2)) & 3) == 0;
}
static size_t block_index(const void *p) {
    return (size_t)((const uint8_t *)p - PY_S->gc.pool) / PY_CFG_GC_BLOCK;
}
// The lowest (or highest) start of a run of n free blocks, by brute force; SIZE_MAX if none.
static size_t brute_run(size_t n, bool highest) {
    size_t found = SIZE_MAX, run = 0;
    for (size_t b = 0; b < PY_S->gc.n_blocks; b++) {
        run = block_free(b) ? run + 1 : 0;
        if (run >= n) {
            found = b + 1 - n;
            if (!highest) {
                return found;
            }
        }
    }
    return found;
}

// Random allocations, frees and resizes with the collector off: every small allocation must
// land on the lowest run that fits, every large one on the highest, and an allocation may
// fail only when no run fits at all: the placement hints never hide free memory.
static void test_placement_exact(void) {
    enum { SLOTS = 600 };
    static void *slot[SLOTS];
    py_gc_enable(false);
    uint32_t seed = 12345;
    bool ok = true;
    int fails = 0;
    for (int step = 0; step < 40000 && ok; step++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t r = seed >> 8;
        size_t i = r % SLOTS;
        if (slot[i] && (r & 0x300)) {
            if (r & 0x400) {
                py_gc_free(slot[i]);
                slot[i] = NULL;
            } else {
                py_gc_resize_in_place(slot[i], (size_t)((r >> 11) % 400)); // shrink or grow
            }
            continue;
        }
        // mostly small (1..16 blocks), sometimes large (up to 256 blocks)
        size_t nb = (r & 0x3000) ? 1 + (r >> 14) % 16 : 17 + (r >> 14) % 240;
        size_t expect = brute_run(nb, nb > PY_GC_SMALL);
        void *p = py_gc_try_alloc(nb * PY_CFG_GC_BLOCK, 0);
        if (p == NULL) {
            ok &= expect == SIZE_MAX;
            fails++;
        } else {
            ok &= block_index(p) == expect;
            if (slot[i]) {
                py_gc_free(slot[i]);
            }
            slot[i] = p;
        }
    }
    CHECK(ok);
    memset(slot, 0, sizeof(slot));
    py_gc_enable(true);
    py_gc_collect();
}

// Keeps every 16th small object of two heapfuls of allocations alive: the early collections
// let the survivors pack at the bottom, so a large block still fits afterwards.
static __attribute__((noinline)) py_val keep_some(size_t heap_bytes) {
    py_val keep = py_list_new(0, NULL);
    for (size_t i = 0; i < heap_bytes / 48; i++) {
        void *p = py_gc_alloc(48, 0);
        if (i % 16 == 0) {
            py_list_append(keep, (py_val)p);
        }
    }
    return keep;
}

static void test_live_objects_pack(void) {
    py_gc_collect();
    py_gc_info info;
    py_gc_get_info(&info);
    size_t total = info.total;
    py_val volatile keep = keep_some(total * 2);
    wipe_stack();
    py_gc_collect();
    py_gc_get_info(&info);
    CHECK(info.max_free >= info.free * 3 / 4);
    CHECK(py_gc_try_alloc(info.free / 2, 0) != NULL);
    CHECK(((py_list *)keep)->len > 0);
}

static void test_stack_root_kept(void) {
    uint32_t *volatile p = py_gc_alloc(256, PY_GC_LEAF);
    for (int i = 0; i < 64; i++) {
        p[i] = 0xabc00000u + (uint32_t)i;
    }
    make_garbage(200);
    wipe_stack();
    py_gc_collect();
    bool intact = true;
    for (int i = 0; i < 64; i++) {
        intact &= p[i] == 0xabc00000u + (uint32_t)i;
    }
    CHECK(intact);
    // the block is still allocated: a new allocation does not land on it
    void *q = py_gc_alloc(256, 0);
    CHECK(q != (void *)p);
}

static __attribute__((noinline)) char *alloc_interior(void) {
    char *p = py_gc_alloc(160, PY_GC_LEAF);
    memset(p, 'x', 160);
    return p + 100; // only an interior pointer survives on the stack
}

static void test_interior_pointer_kept(void) {
    char *volatile mid = alloc_interior();
    wipe_stack();
    make_garbage(100);
    py_gc_collect();
    make_garbage(100); // would reuse the block if it had been freed
    CHECK(mid[-100] == 'x' && mid[59] == 'x');
}

typedef struct node {
    struct node *next;
    uintptr_t value;
} node;

static __attribute__((noinline)) node *build_list(int n) {
    node *head = NULL;
    for (int i = 0; i < n; i++) {
        node *nd = py_gc_alloc(sizeof(node), 0);
        nd->next = head;
        nd->value = (uintptr_t)i * 2 + 1; // odd: never looks like a pointer
        head = nd;
    }
    return head;
}

static void test_long_chain_survives_mark_stack_overflow(void) {
    // 6000 nodes reachable only through each other: deeper than the bounded mark stack
    node *volatile head = build_list(6000);
    wipe_stack();
    py_gc_collect();
    make_garbage(3000);
    int n = 0;
    bool ok = true;
    for (node *nd = head; nd; nd = nd->next) {
        ok &= nd->value == (uintptr_t)(5999 - n) * 2 + 1;
        n++;
    }
    CHECK(n == 6000);
    CHECK(ok);
}

// A list of n lists of n nodes, each node holding a leaf: wider than a slice at two levels,
// 3,600 nodes in all (more than the 256-entry mark stack would hold pushed at once).
static __attribute__((noinline)) py_val build_wide(int n) {
    py_val outer = py_list_new(0, NULL);
    for (int i = 0; i < n; i++) {
        py_val inner = py_list_new(0, NULL);
        for (int j = 0; j < n; j++) {
            node *nd = py_gc_alloc(sizeof(node), 0);
            uintptr_t *leaf = py_gc_alloc(sizeof(uintptr_t), PY_GC_LEAF);
            *leaf = (uintptr_t)(i * n + j) * 2 + 1;
            nd->next = (node *)leaf;
            nd->value = *leaf;
            py_list_append(inner, (py_val)nd);
        }
        py_list_append(outer, inner);
    }
    return outer;
}

static void test_wide_containers_survive(void) {
    int n = 60; // about 150 KiB of the 256 KiB heap
    py_val volatile outer = build_wide(n);
    wipe_stack();
    py_gc_collect();
    make_garbage(2000); // would land on freed nodes or leaves
    bool ok = ((py_list *)outer)->len == (size_t)n;
    for (int i = 0; i < n && ok; i++) {
        py_list *inner = (py_list *)((py_list *)outer)->items[i];
        ok &= inner->len == (size_t)n;
        for (int j = 0; j < n && ok; j++) {
            node *nd = (node *)inner->items[j];
            uintptr_t want = (uintptr_t)(i * n + j) * 2 + 1;
            ok &= nd->value == want && *(uintptr_t *)nd->next == want;
        }
    }
    CHECK(ok);
}

static __attribute__((noinline)) void **make_leaf_holding_pointer(void) {
    void **leaf = py_gc_alloc(sizeof(void *), PY_GC_LEAF);
    leaf[0] = py_gc_alloc(4096, 0); // referenced only from a leaf: not a root
    return leaf;
}

static void test_leaf_not_scanned(void) {
    py_gc_collect();
    size_t base = used();
    void **volatile leaf = make_leaf_holding_pointer();
    wipe_stack();
    py_gc_collect();
    CHECK(used() < base + 4096); // the 4 KiB block was freed
    CHECK(leaf != NULL);
}

// Fills the heap until MemoryError; returns how many 1 KiB blocks fitted. The list holding
// them is unreachable once this returns.
static __attribute__((noinline)) int fill_heap(bool *raised) {
    volatile int got = 0; // changed after py_nlr_push: volatile, or longjmp may lose it
    py_nlr nlr;
    py_val keep = py_list_new(0, NULL);
    if (py_nlr_push(&nlr) == 0) {
        for (;;) {
            py_list_append(keep, (py_val)py_gc_alloc(1024, 0));
            got++;
        }
    }
    *raised = py_isinstance(nlr.exc, &py_type_MemoryError);
    // The list itself may survive in a stale callee-saved register (conservative scanning of
    // registers is allowed to over-retain), so empty it: its blocks are then unreachable.
    py_list *l = (py_list *)keep;
    memset(l->items, 0, l->cap * sizeof(py_val));
    l->len = 0;
    return got;
}

static void test_memory_error_and_recovery(void) {
    bool raised = false;
    int got = fill_heap(&raised);
    CHECK(raised);
    CHECK(got > 100);
    wipe_stack();
    py_gc_collect();
    void *p = py_gc_alloc(1024 * 64, 0); // works again once the memory is unreachable
    CHECK(p != NULL);
}

static void test_lock_refuses_allocation(void) {
    py_gc_lock();
    CHECK(py_gc_try_alloc(16, 0) == NULL);
    py_nlr nlr;
    bool raised = false;
    if (py_nlr_push(&nlr) == 0) {
        py_gc_alloc(16, 0);
        py_nlr_pop();
    } else {
        raised = py_isinstance(nlr.exc, &py_type_MemoryError);
    }
    py_gc_unlock();
    CHECK(raised);
    CHECK(py_gc_try_alloc(16, 0) != NULL);
}

static void test_realloc_keeps_content(void) {
    char *p = py_gc_alloc(20, PY_GC_LEAF);
    memcpy(p, "abcdefghijklmnopqrs", 20);
    make_garbage(1); // so growing in place is not always possible
    p = py_gc_realloc(p, 5000);
    CHECK(memcmp(p, "abcdefghijklmnopqrs", 20) == 0);
    CHECK(py_gc_nbytes(p) >= 5000);
    CHECK(p[4999] == 0);
    CHECK(py_gc_resize_in_place(p, 32));
    CHECK(py_gc_nbytes(p) == 32);
}

static void test_explicit_free_returns_memory(void) {
    size_t before = used();
    void *p = py_gc_alloc(640, 0);
    CHECK(used() == before + 640);
    py_gc_free(p);
    CHECK(used() == before);
    py_gc_free(p); // a second free of the same block is ignored
    CHECK(used() == before);
}

// With the heap locked (a hard interrupt handler) nothing is freed or shrunk: the handler
// may have interrupted an allocation changing the same table words.
static void test_lock_keeps_free_and_shrink(void) {
    size_t before = used();
    void *p = py_gc_alloc(640, 0);
    py_gc_lock();
    py_gc_free(p);
    CHECK(used() == before + 640);
    CHECK(py_gc_resize_in_place(p, 32)); // it fits...
    CHECK(py_gc_nbytes(p) == 640);       // ...in the blocks it had
    py_gc_unlock();
    CHECK(py_gc_resize_in_place(p, 32));
    CHECK(py_gc_nbytes(p) == 32);
    py_gc_free(p);
    CHECK(used() == before);
}

static void test_disabled_gc_raises_when_full(void) {
    py_gc_enable(false);
    bool raised = false;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        make_garbage(100000); // garbage, but no automatic collection
        py_nlr_pop();
    } else {
        raised = true;
    }
    CHECK(raised);
    py_gc_enable(true);
    wipe_stack();
    make_garbage(5000); // collects automatically again
    CHECK(py_gc_is_enabled());
}

static void test_python_objects_survive_collection(void) {
    py_val d = py_dict_new(0);
    for (int i = 0; i < 500; i++) {
        py_dict_set((py_dict *)d, py_int_from(i), py_str_from_cstr("value"));
    }
    wipe_stack();
    make_garbage(2000);
    py_gc_collect();
    make_garbage(2000);
    CHECK(py_dict_len((py_dict *)d) == 500);
    py_val v = py_dict_get((py_dict *)d, py_small(499));
    CHECK(v != PY_NULL && py_equal(v, py_str_from_cstr("value")));
}

// --- hard interrupt handlers during marking ------------------------------------------------
// On the board a hard handler may run at any point of a collection; here the mark hook plays
// one, as mod_kthread_irq_hard runs it: deferred in the last pass, else under the heap lock.
// These statics are not roots (the collector does not scan .bss).
static py_val irq_from, irq_to;
static int irq_step, irq_at, irq_deferred;

static void irq_move(void) {
    if (py_gc_isr_must_defer()) {
        irq_deferred++;
        return;
    }
    if (++irq_step != irq_at) {
        return;
    }
    // a.append(b[0]); b[0] = None: the only reference moves from b to a
    py_gc_lock();
    py_list *from = (py_list *)irq_from;
    py_list_append(irq_to, from->items[0]); // room for it: no allocation
    from->items[0] = PY_NONE;
    py_gc_unlock();
}

// holder = [from, to]; from = [z]; to = [] with room for one item. The marker scans `to`
// (pushed last) before `from`.
static __attribute__((noinline)) py_val irq_build(uintptr_t *zb_out) {
    uint32_t *z = py_gc_alloc(64, PY_GC_LEAF);
    for (int i = 0; i < 16; i++) {
        z[i] = 0x5a5a0000u + (uint32_t)i;
    }
    irq_from = py_list_new(0, NULL);
    irq_to = py_list_new(0, NULL);
    py_list_append(irq_from, (py_val)z);
    py_list_append(irq_to, PY_NONE);
    py_list_pop(irq_to);
    ((py_list *)irq_to)->items[0] = PY_NONE; // pop leaves the old item in the spare slot
    py_val holder = py_list_new(0, NULL);
    py_list_append(holder, irq_from);
    py_list_append(holder, irq_to);
    *zb_out = block_index(z) ^ 0x55; // not a pointer
    return holder;
}

static void test_handler_moving_reference_during_mark(void) {
    // The move happens at step 1, 2, ...: one of them falls between the scans of `to` and
    // `from`. Each time z must stay allocated, and end up in `to`.
    bool ok = true;
    uint32_t repeats = PY_S->gc.mark_repeats;
    for (int at = 1; at <= 12; at++) {
        uintptr_t zb;
        py_val volatile holder = irq_build(&zb);
        wipe_stack();
        irq_step = 0;
        irq_at = at;
        irq_deferred = 0;
        py_gc_set_mark_hook(irq_move);
        py_gc_collect();
        py_gc_set_mark_hook(NULL);
        py_list *to = (py_list *)irq_to;
        bool moved = to->len == 1;
        bool kept = !block_free(zb ^ 0x55);
        if (moved && !kept) {
            ok = false;
        }
        (void)holder;
    }
    CHECK(ok);
    CHECK(PY_S->gc.mark_repeats > repeats); // the moves were seen
}

static void irq_storm(void) {
    if (py_gc_isr_must_defer()) {
        irq_deferred++;
        return;
    }
    irq_step++;
    py_gc_lock();
    py_gc_unlock();
}

static void test_handler_storm_ends(void) {
    // A handler at every step of every pass: the collection still ends, handlers waiting in
    // its last pass only.
    py_val volatile keep = py_list_new(0, NULL);
    for (int i = 0; i < 100; i++) {
        py_list_append(keep, py_list_new(0, NULL));
    }
    irq_step = irq_deferred = 0;
    uint32_t repeats = PY_S->gc.mark_repeats;
    py_gc_set_mark_hook(irq_storm);
    py_gc_collect();
    py_gc_set_mark_hook(NULL);
    CHECK(PY_S->gc.mark_repeats - repeats == 2);
    CHECK(irq_step > 0 && irq_deferred > 0);
    CHECK(!py_gc_isr_must_defer());
    CHECK(((py_list *)keep)->len == 100);
}

// ---- finalisers
// The objects are kept as inverted addresses, which the stack scan does not take for pointers.
// A stale copy of an address in a dead frame can keep an object alive a while (the scan is
// conservative), so the checks count most, not all.
#define N_FINAL 20
static uintptr_t final_hidden[N_FINAL];
static int final_runs[N_FINAL];
static int final_other; // runs for objects not in the table above

static void count_final(void *obj) {
    for (int i = 0; i < N_FINAL; i++) {
        if (final_hidden[i] == ~(uintptr_t)obj) {
            final_runs[i]++;
            return;
        }
    }
    final_other++;
}

static __attribute__((noinline)) void make_finals(bool clear) {
    for (int i = 0; i < N_FINAL; i++) {
        void *p = py_gc_alloc(32, 0);
        final_hidden[i] = ~(uintptr_t)p;
        final_runs[i] = 0;
        CHECK(py_gc_set_finaliser(p, count_final));
        if (clear) {
            py_gc_clear_finaliser(p);
        }
    }
}

// Registers finalisers on new objects until the table is full; returns how many went in.
static __attribute__((noinline)) size_t fill_finals(void) {
    size_t n = 0;
    while (n < 1000 && py_gc_set_finaliser(py_gc_alloc(16, 0), count_final)) {
        n++;
    }
    return n;
}

static int finals_run(void) {
    int n = 0;
    for (int i = 0; i < N_FINAL; i++) {
        CHECK(final_runs[i] <= 1); // never twice
        n += final_runs[i];
    }
    return n;
}

static void test_finalisers(void) {
    // kept alive: never run; garbage: run once, before it is freed
    void *live = py_gc_alloc(32, 0);
    CHECK(py_gc_set_finaliser(live, count_final));
    make_finals(false);
    wipe_stack();
    py_gc_collect();
    CHECK(finals_run() >= N_FINAL - 4);
    py_gc_collect();
    py_gc_collect();
    CHECK(finals_run() <= N_FINAL && final_other == 0);
    // cleared (an explicit close): not run (a straggler of the first ones may run meanwhile)
    make_finals(true);
    wipe_stack();
    py_gc_collect();
    CHECK(finals_run() == 0);
    // the table full: registration refused (what is still registered: `live`, and perhaps a
    // few of the first ones a stale word keeps); the new objects may reuse the addresses of
    // the ones above, so those are forgotten first
    memset(final_hidden, 0, sizeof(final_hidden));
    size_t n = fill_finals();
    CHECK(n < PY_CFG_GC_FINALISERS && n >= PY_CFG_GC_FINALISERS - 1 - 4);
    int before = final_other;
    wipe_stack();
    py_gc_collect();
    CHECK(final_other - before >= (int)n - 4); // those ran (`live`'s did not: below)
    // `live`, still referenced here, was never finalised: clearing finds it registered
    py_gc_clear_finaliser(live);
    CHECK(py_gc_set_finaliser(live, count_final));
    py_gc_clear_finaliser(live);
}

int main(void) {
    static const uh_test tests[] = {
        {"finalisers", test_finalisers},
        {"alloc_zeroed_and_sized", test_alloc_zeroed_and_sized},
        {"unreachable_freed", test_unreachable_freed},
        {"threshold_collects_early", test_threshold_collects_early},
        {"placement_exact", test_placement_exact},
        {"live_objects_pack", test_live_objects_pack},
        {"stack_root_kept", test_stack_root_kept},
        {"interior_pointer_kept", test_interior_pointer_kept},
        {"long_chain_survives_mark_stack_overflow", test_long_chain_survives_mark_stack_overflow},
        {"wide_containers_survive", test_wide_containers_survive},
        {"leaf_not_scanned", test_leaf_not_scanned},
        {"memory_error_and_recovery", test_memory_error_and_recovery},
        {"lock_refuses_allocation", test_lock_refuses_allocation},
        {"realloc_keeps_content", test_realloc_keeps_content},
        {"explicit_free_returns_memory", test_explicit_free_returns_memory},
        {"lock_keeps_free_and_shrink", test_lock_keeps_free_and_shrink},
        {"disabled_gc_raises_when_full", test_disabled_gc_raises_when_full},
        {"python_objects_survive_collection", test_python_objects_survive_collection},
        {"handler_moving_reference_during_mark", test_handler_moving_reference_during_mark},
        {"handler_storm_ends", test_handler_storm_ends},
    };
    return uh_run("gc", tests, sizeof(tests) / sizeof(tests[0]));
}
