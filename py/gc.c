// py/gc.c: mark-sweep collector over one fixed heap, cut into blocks.
// Invariants: every allocation is a HEAD block followed by zero or more TAIL blocks; marking
// turns HEAD into MARK and sweeping turns it back (or frees the run). Objects are scanned
// word by word and only exact pointers to a HEAD keep something alive; the C stacks and
// registers are scanned with interior pointers allowed (compilers keep derived pointers).
// Leaf allocations (no pointers inside) are never scanned. Marking uses a bounded explicit
// stack; when it overflows, the heap is rescanned for marked blocks (no recursion at all).
#include <string.h>

#include "py/gc.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define BLOCK PY_CFG_GC_BLOCK
#define MARK_STACK_WORDS 256
#define WORD_BLOCKS (4 * sizeof(uintptr_t)) // blocks described by one word of the table

enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

#define G (PY_S->gc)

static inline unsigned at_get(size_t b) { return (G.atb[b >> 2] >> ((b & 3) * 2)) & 3; }
static inline void at_set(size_t b, unsigned v) {
    uint8_t *p = &G.atb[b >> 2];
    unsigned sh = (b & 3) * 2;
    *p = (uint8_t)((*p & ~(3u << sh)) | (v << sh));
}
static inline bool leaf_get(size_t b) { return (G.leaf[b >> 3] >> (b & 7)) & 1; }
static inline void leaf_set(size_t b, bool on) {
    if (on) {
        G.leaf[b >> 3] |= (uint8_t)(1u << (b & 7));
    } else {
        G.leaf[b >> 3] &= (uint8_t) ~(1u << (b & 7));
    }
}
static inline size_t block_of(const void *p) { return (size_t)((const uint8_t *)p - G.pool) / BLOCK; }
static inline void *ptr_of(size_t b) { return G.pool + b * BLOCK; }
static inline bool in_pool(const void *p) {
    return (const uint8_t *)p >= G.pool && (const uint8_t *)p < G.pool + G.n_blocks * BLOCK;
}

void py_gc_init(void *start, size_t size) {
    uintptr_t s = ((uintptr_t)start + sizeof(void *) - 1) & ~(uintptr_t)(sizeof(void *) - 1);
    uintptr_t e = (uintptr_t)start + size;
    memset(&G, 0, sizeof(G));
    G.mark_stack = (void **)s;
    G.mark_cap = MARK_STACK_WORDS;
    s += MARK_STACK_WORDS * sizeof(void *);
    // n blocks need n*BLOCK + n/4 (atb) + n/8 (leaf) bytes, plus alignment slack.
    size_t avail = e > s + 2 * BLOCK ? (size_t)(e - s) - 2 * BLOCK : 0;
    size_t n = avail * 8 / (8 * BLOCK + 2 + 1);
    n &= ~(size_t)7;
    G.atb = (uint8_t *)s;
    G.leaf = G.atb + n / 4;
    uintptr_t pool = (uintptr_t)(G.leaf + n / 8);
    pool = (pool + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1);
    G.pool = (uint8_t *)pool;
    G.n_blocks = n;
    G.hi = n;
    G.threshold = n / PY_CFG_GC_THRESHOLD_DIV;
    memset(G.atb, 0, n / 4 + n / 8);
    G.enabled = true;
}

bool py_gc_is_heap_ptr(const void *p) { return in_pool(p); }

// ---- marking ---------------------------------------------------------------------------
static void mark_block(size_t b) {
    if (at_get(b) != AT_HEAD) {
        return;
    }
    at_set(b, AT_MARK);
    if (leaf_get(b)) {
        return;
    }
    if (G.mark_sp < G.mark_cap) {
        G.mark_stack[G.mark_sp++] = ptr_of(b);
    } else {
        G.mark_overflow = true;
    }
}

void py_gc_mark(const void *p) {
    if (in_pool(p) && ((uintptr_t)p & (BLOCK - 1)) == ((uintptr_t)G.pool & (BLOCK - 1))) {
        mark_block(block_of(p));
    }
}

static void scan_block_run(size_t b) {
    // Scans the words of the allocation starting at block b.
    size_t end = b + 1;
    while (end < G.n_blocks && at_get(end) == AT_TAIL) {
        end++;
    }
    void **w = ptr_of(b), **we = ptr_of(end);
    for (; w < we; w++) {
        void *p = *w;
        if (in_pool(p) && ((uintptr_t)p & (BLOCK - 1)) == 0) {
            mark_block(block_of(p));
        }
    }
}

static void drain(void) {
    for (;;) {
        while (G.mark_sp > 0) {
            scan_block_run(block_of(G.mark_stack[--G.mark_sp]));
        }
        if (!G.mark_overflow) {
            return;
        }
        // Some marked objects were not scanned: rescan every marked non-leaf allocation.
        G.mark_overflow = false;
        for (size_t b = 0; b < G.n_blocks; b++) {
            if (at_get(b) == AT_MARK && !leaf_get(b)) {
                scan_block_run(b);
                while (G.mark_sp > 0) {
                    scan_block_run(block_of(G.mark_stack[--G.mark_sp]));
                }
            }
        }
    }
}

#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
void py_gc_mark_range(const void *start, size_t nbytes) {
    const uintptr_t *w = (const uintptr_t *)(((uintptr_t)start + sizeof(void *) - 1) &
                                             ~(uintptr_t)(sizeof(void *) - 1));
    const uintptr_t *we = (const uintptr_t *)((uintptr_t)start + nbytes);
    for (; w < we; w++) {
        const void *p = (const void *)*w;
        if (!in_pool(p)) {
            continue;
        }
        size_t b = block_of(p);
        unsigned k = at_get(b);
        while (k == AT_TAIL && b > 0) {
            k = at_get(--b);
        }
        if (k == AT_HEAD) {
            mark_block(b);
            if (G.mark_sp >= G.mark_cap / 2) {
                drain();
            }
        }
    }
}

// ---- roots -------------------------------------------------------------------------------
static void mark_thread(py_thread_state *ts, bool current) {
    if (ts->pystack_base) {
        py_gc_mark_range(ts->pystack_base, (size_t)(ts->pystack_top - ts->pystack_base));
    }
    py_gc_mark_range(ts, sizeof(*ts));
    if (!current && ts->c_stack_sp && ts->c_stack_top > ts->c_stack_sp) {
        py_gc_mark_range(ts->c_stack_sp, (size_t)(ts->c_stack_top - ts->c_stack_sp));
    }
}

// Scans the running thread's C stack and registers. __builtin_unwind_init() makes this
// function save every callee-saved register into its own frame, so scanning from a local
// upward sees them all (setjmp is not enough: glibc mangles some registers in a jmp_buf).
static __attribute__((noinline)) void mark_current_stack(void) {
#if defined(__GNUC__)
    __builtin_unwind_init();
    void *volatile sp_marker = NULL;
    char *sp = (char *)&sp_marker;
#else
    jmp_buf regs;
    setjmp(regs);
    py_gc_mark_range(&regs, sizeof(regs));
    char *sp = (char *)&regs;
#endif
    py_thread_state *ts = PY_TS;
    if (ts && ts->c_stack_top > sp) {
        py_gc_mark_range(sp, (size_t)(ts->c_stack_top - sp));
    }
}

// Frees unmarked allocations and recomputes the placement hints from scratch.
static void sweep(void) {
    size_t used = 0, run = 0;
    bool freeing = false;
    for (size_t m = 0; m <= PY_GC_SMALL; m++) {
        G.fit[m] = G.n_blocks;
    }
    G.hi = 0;
    for (size_t b = 0; b < G.n_blocks; b++) {
        // A whole table word of free blocks (most of the heap, right after start-up or with
        // early collections) needs no work but extending the run.
        if ((b & (WORD_BLOCKS - 1)) == 0 && b + WORD_BLOCKS <= G.n_blocks) {
            uintptr_t w;
            memcpy(&w, &G.atb[b >> 2], sizeof(w));
            if (w == 0) {
                for (size_t m = run + 1; m <= PY_GC_SMALL && m <= run + WORD_BLOCKS; m++) {
                    if (G.fit[m] == G.n_blocks) {
                        G.fit[m] = b - run;
                    }
                }
                run += WORD_BLOCKS;
                if (run > PY_GC_SMALL) {
                    G.hi = b + WORD_BLOCKS;
                }
                freeing = false;
                b += WORD_BLOCKS - 1;
                continue;
            }
        }
        switch (at_get(b)) {
        case AT_HEAD:
            at_set(b, AT_FREE);
            freeing = true;
            break;
        case AT_TAIL:
            if (freeing) {
                at_set(b, AT_FREE);
            } else {
                used++;
            }
            break;
        case AT_MARK:
            at_set(b, AT_HEAD);
            freeing = false;
            used++;
            break;
        default:
            freeing = false;
            break;
        }
        if (at_get(b) != AT_FREE) {
            run = 0;
        } else if (++run > PY_GC_SMALL) {
            G.hi = b + 1;
        } else if (G.fit[run] == G.n_blocks) {
            G.fit[run] = b + 1 - run;
        }
    }
    G.used_blocks = used;
}

void py_gc_collect(void) {
    if (G.collecting || G.n_blocks == 0) {
        return;
    }
    G.collecting = true;
    G.mark_sp = 0;
    G.mark_overflow = false;
    py_gc_mark_range(PY_S, sizeof(*PY_S));
    for (py_thread_state *ts = PY_S->threads; ts; ts = ts->next) {
        mark_thread(ts, ts == PY_TS);
    }
    mark_current_stack();
    drain();
    sweep();
    G.collections++;
    G.alloc_since_collect = 0;
    G.collecting = false;
}

// ---- allocation --------------------------------------------------------------------------
// Two-ended placement. Small allocations (up to PY_GC_SMALL blocks) go first-fit from the
// bottom, large ones first-fit from the top down, so long-lived small objects pack low and
// the large free space stays in one piece at the top (a next-fit walk would scatter them
// over the whole heap between collections, leaving no room for a big string or list).
// Per-size hints keep first fit linear: fit[m] only moves up between collections (each
// search starts there), and hi only moves down, except where py_gc_free lowers/raises them.

// The first run of n free blocks in [from, G.n_blocks), or SIZE_MAX.
static size_t find_run_up(size_t from, size_t n) {
    size_t run = 0;
    for (size_t b = from; b < G.n_blocks; b++) {
        // Skip 4 allocated blocks at a time when a whole table byte has no free entry.
        if ((b & 3) == 0 && run == 0 && b + 4 <= G.n_blocks) {
            uint8_t v = G.atb[b >> 2];
            if ((v & 0x03) && (v & 0x0c) && (v & 0x30) && (v & 0xc0)) {
                b += 3;
                continue;
            }
        }
        if (at_get(b) == AT_FREE) {
            if (++run == n) {
                return b + 1 - n;
            }
        } else {
            run = 0;
        }
    }
    return SIZE_MAX;
}

// The highest run of n free blocks below G.hi, or SIZE_MAX; lowers G.hi when no other long
// run was passed on the way.
static size_t find_run_down(size_t n) {
    size_t run = 0;
    bool passed_long = false;
    for (size_t b = G.hi; b-- > 0;) {
        if ((b & 3) == 3 && run == 0 && b >= 3) {
            uint8_t v = G.atb[b >> 2];
            if ((v & 0x03) && (v & 0x0c) && (v & 0x30) && (v & 0xc0)) {
                b -= 3;
                continue;
            }
        }
        if (at_get(b) == AT_FREE) {
            if (++run == n) {
                if (!passed_long) {
                    G.hi = b;
                }
                return b;
            }
        } else {
            passed_long |= run > PY_GC_SMALL;
            run = 0;
        }
    }
    if (!passed_long && run <= PY_GC_SMALL) {
        G.hi = 0;
    }
    return SIZE_MAX;
}

static void *alloc_blocks(size_t n, unsigned flags) {
    size_t start;
    if (n <= PY_GC_SMALL) {
        start = find_run_up(G.fit[n], n);
        // No run of n or more starts below `start`; none starts in the blocks just taken,
        // and no shorter run starts there either (so a hint for one can move past them too).
        size_t above = start == SIZE_MAX ? G.n_blocks : start + n;
        for (size_t m = 1; m <= PY_GC_SMALL; m++) {
            if (G.fit[m] < above && (m >= n || G.fit[m] >= start)) {
                G.fit[m] = above;
            }
        }
    } else {
        start = find_run_down(n);
    }
    if (start == SIZE_MAX) {
        return NULL;
    }
    at_set(start, AT_HEAD);
    for (size_t i = 1; i < n; i++) {
        at_set(start + i, AT_TAIL);
    }
    leaf_set(start, (flags & PY_GC_LEAF) != 0);
    G.used_blocks += n;
    G.alloc_since_collect += n;
    void *p = ptr_of(start);
    memset(p, 0, n * BLOCK);
    return p;
}

// Blocks [b, b + n) have just been freed: widen the hints to cover the runs that now exist.
// A new run of m blocks must contain a freed block, and a free stretch next to the freed
// ones that was already a run of m (or a long run) was covered before, so the bounds below
// need no walk over the neighbours.
static void freed_blocks(size_t b, size_t n) {
    for (size_t m = 1; m <= PY_GC_SMALL; m++) {
        size_t lo = b + 1 > m ? b + 1 - m : 0;
        if (G.fit[m] > lo) {
            G.fit[m] = lo;
        }
    }
    size_t top = b + n + PY_GC_SMALL < G.n_blocks ? b + n + PY_GC_SMALL : G.n_blocks;
    if (G.hi < top) {
        G.hi = top;
    }
}

void *py_gc_try_alloc(size_t nbytes, unsigned flags) {
    if (G.lock_depth > 0 || G.n_blocks == 0) {
        return NULL;
    }
    size_t n = nbytes == 0 ? 1 : (nbytes + BLOCK - 1) / BLOCK;
    if (n > G.n_blocks) {
        return NULL;
    }
    if (G.threshold && G.alloc_since_collect > G.threshold && G.enabled) {
        py_gc_collect();
    }
    void *p = alloc_blocks(n, flags);
    if (p == NULL && !G.collecting && G.enabled) {
        py_gc_collect();
        p = alloc_blocks(n, flags);
    }
    return p;
}

void *py_gc_alloc(size_t n, unsigned flags) {
    void *p = py_gc_try_alloc(n, flags);
    if (p == NULL) {
        py_raise_memory_error();
    }
    return p;
}

void *py_gc_new_obj(size_t n, const void *type, unsigned flags) {
    py_obj *o = py_gc_alloc(n, flags);
    o->type = type;
    return o;
}

static size_t nblocks_of(size_t b) {
    size_t e = b + 1;
    while (e < G.n_blocks && at_get(e) == AT_TAIL) {
        e++;
    }
    return e - b;
}

size_t py_gc_nbytes(const void *p) {
    if (!in_pool(p)) {
        return 0;
    }
    return nblocks_of(block_of(p)) * BLOCK;
}

void py_gc_free(void *p) {
    if (p == NULL || !in_pool(p) || G.collecting) {
        return;
    }
    size_t b = block_of(p);
    if (at_get(b) != AT_HEAD) {
        return;
    }
    size_t n = nblocks_of(b);
    for (size_t i = 0; i < n; i++) {
        at_set(b + i, AT_FREE);
    }
    G.used_blocks -= n;
    freed_blocks(b, n);
}

bool py_gc_resize_in_place(void *p, size_t nbytes) {
    size_t b = block_of(p);
    size_t have = nblocks_of(b);
    size_t want = nbytes == 0 ? 1 : (nbytes + BLOCK - 1) / BLOCK;
    if (want == have) {
        return true;
    }
    if (want < have) {
        for (size_t i = want; i < have; i++) {
            at_set(b + i, AT_FREE);
        }
        G.used_blocks -= have - want;
        freed_blocks(b + want, have - want);
        return true;
    }
    if (G.lock_depth > 0) {
        return false;
    }
    for (size_t i = have; i < want; i++) {
        if (b + i >= G.n_blocks || at_get(b + i) != AT_FREE) {
            return false;
        }
    }
    for (size_t i = have; i < want; i++) {
        at_set(b + i, AT_TAIL);
    }
    memset((uint8_t *)p + have * BLOCK, 0, (want - have) * BLOCK);
    G.used_blocks += want - have;
    G.alloc_since_collect += want - have;
    return true;
}

void *py_gc_realloc(void *p, size_t nbytes) {
    if (p == NULL) {
        return py_gc_alloc(nbytes, 0);
    }
    if (py_gc_resize_in_place(p, nbytes)) {
        return p;
    }
    size_t b = block_of(p);
    size_t old = nblocks_of(b) * BLOCK;
    void *q = py_gc_alloc(nbytes, leaf_get(b) ? PY_GC_LEAF : 0);
    memcpy(q, p, old < nbytes ? old : nbytes);
    py_gc_free(p);
    return q;
}

void py_gc_enable(bool on) { G.enabled = on; }
bool py_gc_is_enabled(void) { return G.enabled; }
size_t py_gc_threshold(size_t bytes) {
    size_t old = G.threshold * BLOCK;
    G.threshold = (bytes + BLOCK - 1) / BLOCK;
    return old;
}
void py_gc_lock(void) { G.lock_depth++; }
void py_gc_unlock(void) {
    if (G.lock_depth > 0) {
        G.lock_depth--;
    }
}
unsigned py_gc_lock_depth(void) { return G.lock_depth; }

void py_gc_get_info(py_gc_info *info) {
    memset(info, 0, sizeof(*info));
    info->total = G.n_blocks * BLOCK;
    info->collections = G.collections;
    size_t run = 0;
    for (size_t b = 0; b < G.n_blocks; b++) {
        unsigned k = at_get(b);
        if (k == AT_FREE) {
            run++;
            if (run * BLOCK > info->max_free) {
                info->max_free = run * BLOCK;
            }
            continue;
        }
        run = 0;
        if (k == AT_HEAD || k == AT_MARK) {
            size_t n = nblocks_of(b);
            info->used += n * BLOCK;
            info->num_1block += n == 1;
            info->num_2block += n == 2;
            if (n * BLOCK > info->max_block) {
                info->max_block = n * BLOCK;
            }
        }
    }
    info->free = info->total - info->used;
}
