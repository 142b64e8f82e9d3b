// py/gc.c: mark-sweep collector over one fixed heap, cut into blocks.
// Invariants: every allocation is a HEAD block followed by zero or more TAIL blocks; marking
// turns HEAD into MARK and sweeping turns it back (or frees the run). Objects are scanned
// word by word and only exact pointers to a HEAD keep something alive; the C stacks and
// registers are scanned with interior pointers allowed (compilers keep derived pointers).
// Leaf allocations (no pointers inside) are never scanned. Marking uses a bounded explicit
// stack (long objects go on it a slice at a time); when it overflows, the heap is rescanned
// for marked blocks (no recursion at all). Hard interrupt handlers may run during marking:
// a pass they disturbed is redone (py_gc_collect).
// The table is mostly read and written a machine word (16 or 32 blocks) at a time: the
// sweep, the rescan and the searches for free runs work on whole words with bit operations.
#include <string.h>

#include "py/gc.h"
#include "py/gc_fast.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define BLOCK PY_CFG_GC_BLOCK
#define MARK_STACK_WORDS 256
#define WORD_BLOCKS (4 * sizeof(uintptr_t)) // blocks described by one word of the table

#define G (PY_S->gc)

enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

static inline unsigned at_get(size_t b) { return (G.atb[b >> 2] >> ((b & 3) * 2)) & 3; }
static inline void at_set(size_t b, unsigned v) {
    uint8_t *p = &G.atb[b >> 2];
    unsigned sh = (b & 3) * 2;
    *p = (uint8_t)((*p & ~(3u << sh)) | (v << sh));
}

// ---- the table a word at a time --------------------------------------------------------
// A word loaded from the byte table holds 4 * sizeof(word) blocks, block i in bits 2i (low)
// and 2i + 1 (high) on a little-endian machine:
//
//     bit:   ... 7 6   5 4   3 2   1 0
//     block: ...  3     2     1     0      FREE 00, HEAD 01, TAIL 10, MARK 11
//
// A mask with one bit per block uses the even bits (EVEN).
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "gc.c: the allocation table is read a word at a time, little-endian"
#endif
#define EVEN (UINTPTR_MAX / 3) // 0x5555...
_Static_assert(sizeof(unsigned long) == sizeof(uintptr_t), "gc.c: __builtin_ctzl on table words");

static inline uintptr_t at_word(size_t b) { // b: a multiple of WORD_BLOCKS
    uintptr_t w;
    memcpy(&w, &G.atb[b >> 2], sizeof(w));
    return w;
}
static inline void at_word_set(size_t b, uintptr_t w) {
    memcpy(&G.atb[b >> 2], &w, sizeof(w));
}
// One bit (at 2i) per free block of a table word.
static inline uintptr_t free_bits(uintptr_t w) {
    return ~(w | (w >> 1)) & EVEN;
}
// The number of consecutive blocks from block 0 whose bit is set in the mask x.
static inline unsigned ones_run(uintptr_t x) {
    uintptr_t y = ~x & EVEN;
    return y ? (unsigned)__builtin_ctzl(y) / 2 : WORD_BLOCKS;
}
// The entries of blocks b, b+1, ... in the low bits of a word; the first at_bits_count(b)
// are valid. The load may reach a few bytes past the table (into the leaf table and the
// pool, still inside the heap): those bits are never used.
static inline uintptr_t at_bits(size_t b) {
    uintptr_t w;
    memcpy(&w, &G.atb[b >> 2], sizeof(w));
    return w >> ((b & 3) * 2);
}
static inline size_t at_bits_count(size_t b) {
    size_t k = WORD_BLOCKS - (b & 3), left = G.n_blocks - b;
    return k < left ? k : left;
}
// Replaces the entries of blocks b, b+1, ... selected by mask with those in bits (mask and
// bits laid out as at_bits returns them: block b at bit 0). False, having done nothing, when
// the word would reach past the table.
static inline bool at_merge(size_t b, uintptr_t mask, uintptr_t bits) {
    if ((b >> 2) + sizeof(uintptr_t) > G.n_blocks / 4) {
        return false;
    }
    unsigned sh = (unsigned)(b & 3) * 2;
    uintptr_t w;
    memcpy(&w, &G.atb[b >> 2], sizeof(w));
    w = (w & ~(mask << sh)) | ((bits & mask) << sh);
    memcpy(&G.atb[b >> 2], &w, sizeof(w));
    return true;
}
// How many blocks from b on are TAIL: the rest of b's allocation when b follows its head.
static size_t tails_from(size_t b) {
    size_t n = 0;
    while (b < G.n_blocks) {
        uintptr_t x = at_bits(b);
        size_t k = at_bits_count(b);
        size_t t = ones_run((x >> 1) & ~x); // TAIL: the high bit only
        if (t < k) {
            return n + t;
        }
        n += k;
        b += k;
    }
    return n;
}
// How many blocks from b on (at most max) are free.
static size_t free_from(size_t b, size_t max) {
    size_t n = 0;
    while (n < max && b < G.n_blocks) {
        size_t k = at_bits_count(b);
        size_t t = ones_run(free_bits(at_bits(b)));
        if (t < k) {
            n += t;
            break;
        }
        n += k;
        b += k;
    }
    return n < max ? n : max;
}
// Sets blocks [b, b + n) to v (AT_FREE or AT_TAIL).
static void at_fill(size_t b, size_t n, unsigned v) {
    while (n > 0) {
        size_t k = WORD_BLOCKS - 3; // a word at any byte holds at least this many whole blocks
        k = k < n ? k : n;
        if (at_merge(b, ((uintptr_t)1 << (2 * k)) - 1, EVEN * v)) {
            b += k;
            n -= k;
        } else {
            at_set(b++, v);
            n--;
        }
    }
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

// The early collection happens when enabled and a threshold is set (collect_after keeps the
// allocation fast path to one comparison). With the default threshold (1/PY_CFG_GC_THRESHOLD_DIV
// of the heap) the interval also grows with the data that survived the last collection, up
// to a third of the free space: a program with a big live set is then not marked again and
// again for little garbage each time. (Half the free space made strings.py 8% faster rather
// than 3.5%, but its smallest working heap 4% and sets.py's 11% bigger: more garbage between
// collections leaves the survivors more scattered.) A threshold set with gc.threshold() is
// kept as it is.
static void early_update(void) {
    size_t t = G.threshold;
    if (G.threshold_auto) {
        size_t live = G.used_blocks, room = (G.n_blocks - live) / 3;
        size_t grow = live < room ? live : room;
        t = grow > t ? grow : t;
    }
    G.collect_after = G.enabled && G.threshold ? t : SIZE_MAX;
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
    G.hi = G.down = n;
    // A heap fresh from the OS is zero already, and reading its pages costs far less than
    // writing them (the OS allocates a page at the first write): clear only the chunks that
    // are not zero (a soft reset's heap). t[0] == 0 and t == t + 1 shifted: all zero.
    // (PY_CFG_GC_INIT_TEST_ZERO: on a board clearing at once is cheaper.)
    for (uint8_t *t = G.atb, *te = G.leaf + n / 8; t < te; t += 4096) {
        size_t k = (size_t)(te - t) < 4096 ? (size_t)(te - t) : 4096;
        if (!PY_CFG_GC_INIT_TEST_ZERO || t[0] != 0 || memcmp(t, t + 1, k - 1) != 0) {
            memset(t, 0, k);
        }
    }
    G.enabled = true;
    G.threshold = n / PY_CFG_GC_THRESHOLD_DIV;
    G.threshold_auto = true;
    early_update();
}

bool py_gc_is_heap_ptr(const void *p) { return in_pool(p); }

// ---- marking ---------------------------------------------------------------------------
// The mark stack holds two kinds of entries: an object (the address of its head block, bit 0
// clear) whose words are all still to scan, or the rest of a long one (two entries: where it
// ends, then where to resume with bit 0 set). An allocation longer than SLICE words is
// scanned until it has pushed SLICE children (a list of strs, whose items are leaves, in one
// go); its rest waits on the stack under those children, so the stack holds at most about
// SLICE + 2 entries per level of nesting, whatever the fan-out: a list of a million objects
// needs a few dozen entries, not a million, and the overflow rescan stays for deep graphs.
#define SLICE 32

static inline __attribute__((always_inline)) void mark_block(size_t b) {
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

// Marks what the words [w, we) of an object point to: exact pointers to a block only.
static void scan_words(void *const *w, void *const *we) {
    for (; w < we; w++) {
        void *p = *w;
        if (in_pool(p) && ((uintptr_t)p & (BLOCK - 1)) == 0) {
            mark_block(block_of(p));
        }
    }
}

// As scan_words, but stops once the stack reaches `stop` entries; returns where it stopped.
static void **scan_until(void **w, void **we, size_t stop) {
    while (w < we) {
        void *p = *w++;
        if (in_pool(p) && ((uintptr_t)p & (BLOCK - 1)) == 0) {
            mark_block(block_of(p));
            if (G.mark_sp >= stop) {
                break;
            }
        }
    }
    return w;
}

// Scans what is on the mark stack until it is empty (marked objects that did not fit set
// mark_overflow). The test hook, when set, runs before each entry, where an interrupt may.
static void drain_stack(void) {
    void (*hook)(void) = G.mark_hook;
    while (G.mark_sp > 0) {
        if (hook) {
            hook();
        }
        uintptr_t top = (uintptr_t)G.mark_stack[--G.mark_sp];
        void **w, **we;
        if (top & 1) {
            w = (void **)(top - 1);
            we = G.mark_stack[--G.mark_sp];
        } else {
            size_t b = block_of((void *)top);
            w = (void **)top;
            we = ptr_of(b + 1 + tails_from(b + 1));
        }
        size_t at = G.mark_sp;
        if (we - w <= SLICE || at + 2 + SLICE > G.mark_cap) {
            scan_words(w, we); // short, or no room for a rest: what does not fit overflows
            continue;
        }
        // the rest's two entries go first, under the children
        G.mark_sp = at + 2;
        w = scan_until(w, we, at + 2 + SLICE);
        if (G.mark_sp == at + 2) {
            G.mark_sp = at; // scanned to the end, no child on top: drop the entries
        } else {
            G.mark_stack[at] = we;
            G.mark_stack[at + 1] = (void *)((uintptr_t)w | 1); // w == we: an empty rest
        }
    }
}

// Called with the stack empty.
static void rescan_block(size_t b) {
    if (!leaf_get(b)) {
        G.mark_stack[G.mark_sp++] = ptr_of(b);
        drain_stack();
    }
}

static void drain(void) {
    for (;;) {
        drain_stack();
        if (!G.mark_overflow) {
            return;
        }
        // Some marked objects were not scanned: rescan every marked non-leaf allocation
        // (the marked heads of a table word at a time; what gets marked meanwhile and does
        // not fit the stack sets the flag again for another pass).
        G.mark_overflow = false;
        size_t b = 0, whole = G.n_blocks & ~(WORD_BLOCKS - 1);
        for (; b < whole; b += WORD_BLOCKS) {
            uintptr_t w = at_word(b);
            for (uintptr_t marks = w & (w >> 1) & EVEN; marks; marks &= marks - 1) {
                rescan_block(b + (size_t)__builtin_ctzl(marks) / 2);
            }
        }
        for (; b < G.n_blocks; b++) {
            if (at_get(b) == AT_MARK) {
                rescan_block(b);
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

// Sweep state: the free run being measured and how many fit[] hints are set so far.
typedef struct sweep_run {
    size_t len, start, fitted;
} sweep_run;

// The free run under way grows by `len` blocks, up to block `end`: the first run to reach
// each length m sets fit[m]; a long run moves hi to its end.
static void run_grow(sweep_run *r, size_t len, size_t end) {
    if (r->len == 0) {
        r->start = end - len;
    }
    r->len += len;
    while (r->fitted < r->len && r->fitted < PY_GC_SMALL) {
        G.fit[++r->fitted] = r->start;
    }
    if (r->len > PY_GC_SMALL) {
        G.hi = end;
    }
}

// Frees unmarked allocations and recomputes the placement hints from scratch. A table word
// at a time: marked heads become heads, the tails that follow a marked head (in this word or
// carried over from the one before) stay, everything else becomes free.
static void sweep(void) {
    size_t used = 0;
    sweep_run r = {0, 0, 0};
    for (size_t m = 0; m <= PY_GC_SMALL; m++) {
        G.fit[m] = G.n_blocks;
    }
    G.hi = 0;
    uintptr_t carry = 0; // the last block of the previous word stays allocated
    size_t b = 0, whole = G.n_blocks & ~(WORD_BLOCKS - 1);
    for (; b < whole; b += WORD_BLOCKS) {
        uintptr_t w = at_word(b);
        uintptr_t alive = 0;
        unsigned n_alive = 0;
        if (w != 0) {
            uintptr_t lo = w & EVEN, hi = (w >> 1) & EVEN;
            uintptr_t mark = lo & hi, tail = hi & ~lo;
            // A run of tails is kept when the block before it is a marked head (or the word
            // starts with it and the previous word ended alive). With each tail as two set
            // bits, adding 1 at the start of a kept run carries through the whole run.
            uintptr_t t2 = tail | (tail << 1);
            uintptr_t kept_tail = t2 & ~(t2 + ((mark << 2) | carry)) & EVEN;
            alive = mark | kept_tail;
            at_word_set(b, mark | (kept_tail << 1));
            n_alive = (unsigned)__builtin_popcountl(alive);
            used += n_alive;
        }
        carry = alive >> (2 * (WORD_BLOCKS - 1));
        // the free runs of this word, for the hints
        uintptr_t x = ~alive & EVEN;
        if (x == EVEN) {
            run_grow(&r, WORD_BLOCKS, b + WORD_BLOCKS);
            continue;
        }
        if (r.fitted == PY_GC_SMALL && WORD_BLOCKS - n_alive <= PY_GC_SMALL) {
            // Every fit[] is set, so only runs longer than PY_GC_SMALL matter now (for hi),
            // and with this few free blocks one can only continue from the word before or
            // go on into the next: the free blocks at the start and at the end of the word.
            unsigned lead = ones_run(x);
            if (lead) {
                run_grow(&r, lead, b + lead);
            }
            unsigned top = // the highest allocated block
                (unsigned)(8 * sizeof(uintptr_t) - 1 - (unsigned)__builtin_clzl(~x & EVEN)) / 2;
            r.len = 0;
            if (top < WORD_BLOCKS - 1) {
                run_grow(&r, WORD_BLOCKS - 1 - top, b + WORD_BLOCKS);
            }
            continue;
        }
        for (unsigned i = 0; i < WORD_BLOCKS;) {
            uintptr_t y = x >> (2 * i);
            if (y & 1) {
                unsigned len = ones_run(y);
                i += len;
                run_grow(&r, len, b + i);
            } else {
                r.len = 0;
                y &= EVEN;
                if (y == 0) {
                    break;
                }
                i += (unsigned)__builtin_ctzl(y) / 2;
            }
        }
    }
    // the blocks after the last whole word, one at a time
    bool freeing = !carry;
    for (; b < G.n_blocks; b++) {
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
        if (at_get(b) == AT_FREE) {
            run_grow(&r, 1, b + 1);
        } else {
            r.len = 0;
        }
    }
    G.used_blocks = used;
    G.down = G.hi;
    G.down_max = 0;
}

static void mark_roots(void) {
    py_gc_mark_range(PY_S, sizeof(*PY_S));
    for (py_thread_state *ts = PY_S->threads; ts; ts = ts->next) {
        mark_thread(ts, ts == PY_TS);
    }
    mark_current_stack();
}

// Hard interrupt handlers (the board) may run in the middle of marking. They cannot allocate
// but can move a reference from an object not scanned yet into one already scanned (or into
// a root scanned already); what it points to would then stay unmarked. Each handler takes
// the heap lock, which sets isr_ran while marking; a pass during which none ran leaves every
// reachable object marked, so passes repeat: the roots again, then every marked object
// rescanned. A handler that runs later, during the sweep, can only move references between
// marked objects. Handlers arriving in pass after pass would keep the collector going for
// ever: the last pass (MARK_PASSES) has them wait (py_gc_isr_must_defer).
#define MARK_PASSES 3

// ---- finalisers -------------------------------------------------------------------------------
bool py_gc_set_finaliser(void *obj, void (*fn)(void *obj)) {
    for (size_t i = 0; i < PY_CFG_GC_FINALISERS; i++) {
        if (G.final[i].hidden == 0) {
            G.final[i].hidden = ~(uintptr_t)obj;
            G.final[i].fn = fn;
            return true;
        }
    }
    return false;
}

void py_gc_clear_finaliser(void *obj) {
    for (size_t i = 0; i < PY_CFG_GC_FINALISERS; i++) {
        if (G.final[i].hidden == ~(uintptr_t)obj) {
            G.final[i].hidden = 0;
        }
    }
}

// After marking: the finaliser of each registered object left unmarked runs (once).
static void run_finalisers(void) {
    for (size_t i = 0; i < PY_CFG_GC_FINALISERS; i++) {
        if (G.final[i].hidden == 0) {
            continue;
        }
        void *obj = (void *)~G.final[i].hidden;
        if (in_pool(obj) && at_get(block_of(obj)) == AT_HEAD) {
            G.final[i].hidden = 0;
            G.final[i].fn(obj);
        }
    }
}

void py_gc_collect(void) {
    if (G.collecting || G.n_blocks == 0) {
        return;
    }
    G.collecting = true;
    G.mark_sp = 0;
    G.mark_overflow = false;
    for (unsigned pass = 1;; pass++) {
        G.isr_defer = pass >= MARK_PASSES;
        G.isr_ran = false;
        G.marking = true;
        __atomic_signal_fence(__ATOMIC_SEQ_CST); // the flags are set before any marking
        mark_roots();
        G.mark_overflow |= pass > 1; // rescan every marked object
        drain();
        __atomic_signal_fence(__ATOMIC_SEQ_CST);
        if (!G.isr_ran) {
            break;
        }
        G.mark_repeats++;
    }
    G.marking = false;
    G.isr_defer = false;
    run_finalisers();
    sweep();
    G.collections++;
    G.alloc_since_collect = 0;
    early_update();
    G.collecting = false;
}

bool py_gc_isr_must_defer(void) { return G.isr_defer; }

void py_gc_set_mark_hook(void (*hook)(void)) { G.mark_hook = hook; }

// ---- allocation --------------------------------------------------------------------------
// Two-ended placement. Small allocations (up to PY_GC_SMALL blocks) go first-fit from the
// bottom, large ones first-fit from the top down, so long-lived small objects pack low and
// the large free space stays in one piece at the top (a next-fit walk would scatter them
// over the whole heap between collections, leaving no room for a big string or list).
// Per-size hints keep first fit fast: no free run of m blocks or more starts below fit[m]
// (nor below fit[1]: no free block at all does). A search for n starts at the higher of
// fit[n] and fit[1] and moves only those two; the sweep recomputes all of them exactly and
// py_gc_free lowers them. hi only moves down, except where py_gc_free raises it.

// The first run of n free blocks in [from, G.n_blocks), or SIZE_MAX. A table word at a time:
// a run carried over from the words before may end in this one; otherwise the blocks i with
// i..i+n-1 all free in this word are the bits left after and-ing the free mask with itself
// shifted by 1..n-1 blocks.
static size_t find_run_up(size_t from, size_t n) {
    size_t run = 0, whole = G.n_blocks & ~(WORD_BLOCKS - 1);
    size_t b = from & ~(WORD_BLOCKS - 1);
    uintptr_t first = EVEN << (2 * (from - b)); // blocks of the first word below `from` are skipped
    for (; b < whole; b += WORD_BLOCKS, first = EVEN) {
        uintptr_t x = free_bits(at_word(b)) & first;
        unsigned lead = ones_run(x);
        if (run + lead >= n) {
            return b - run;
        }
        if (lead == WORD_BLOCKS) {
            run += WORD_BLOCKS;
            continue;
        }
        uintptr_t y = x;
        for (unsigned k = 1; k < n && y; k++) {
            y &= x >> (2 * k);
        }
        if (y) {
            return b + (unsigned)__builtin_ctzl(y) / 2;
        }
        // the free blocks at the end of the word (x has a clear bit: lead < WORD_BLOCKS)
        unsigned top =
            (unsigned)(8 * sizeof(uintptr_t) - 1 - (unsigned)__builtin_clzl(~x & EVEN)) / 2;
        run = WORD_BLOCKS - 1 - top;
    }
    for (b = b > from ? b : from; b < G.n_blocks; b++) {
        if (at_get(b) != AT_FREE) {
            run = 0;
        } else if (++run == n) {
            return b + 1 - n;
        }
    }
    return SIZE_MAX;
}

// The highest run of n free blocks below G.hi, or SIZE_MAX; lowers G.hi when no other long
// run was passed on the way. A big allocation that grows a little each time (a bigint being
// multiplied up) would pass every hole left by the slightly smaller ones before it, each
// time: the search starts at G.down when the runs between there and G.hi are too short, and
// steps over whole table words that are all free or all taken.
static size_t find_run_down(size_t n) {
    size_t run = 0;    // free blocks from b up
    size_t passed = 0; // the longest free run passed above b
    size_t b = G.hi;
    if (n > G.down_max && G.down < G.hi) {
        b = G.down;
        passed = G.down_max;
    }
    size_t start = SIZE_MAX;
    while (b > 0) {
        if ((b & (WORD_BLOCKS - 1)) == 0 && b >= WORD_BLOCKS) {
            uintptr_t x = free_bits(at_word(b - WORD_BLOCKS));
            if (x == EVEN) {
                if (run + WORD_BLOCKS >= n) {
                    start = b + run - n;
                    break;
                }
                run += WORD_BLOCKS;
                b -= WORD_BLOCKS;
                continue;
            }
            if (x == 0) {
                passed = run > passed ? run : passed;
                run = 0;
                b -= WORD_BLOCKS;
                continue;
            }
        }
        b--;
        if (at_get(b) != AT_FREE) {
            passed = run > passed ? run : passed;
            run = 0;
        } else if (++run == n) {
            start = b;
            break;
        }
    }
    if (start == SIZE_MAX) {
        passed = run > passed ? run : passed;
        G.down = 0;
        G.down_max = passed;
        if (passed <= PY_GC_SMALL) {
            G.hi = G.down = G.down_max = 0;
        }
        return SIZE_MAX;
    }
    // [start, hi) now holds no free run longer than `passed` (the run found is taken whole)
    if (passed <= PY_GC_SMALL) {
        G.hi = start;
        passed = 0;
    }
    G.down = start;
    G.down_max = passed;
    return start;
}

// Zeroes a new allocation: the usual small sizes with inline stores rather than a call.
static inline void zero_blocks(void *p, size_t n) {
    switch (n) {
    case 1: memset(p, 0, BLOCK); break;
    case 2: memset(p, 0, 2 * BLOCK); break;
    case 3: memset(p, 0, 3 * BLOCK); break;
    case 4: memset(p, 0, 4 * BLOCK); break;
    default: memset(p, 0, n * BLOCK); break;
    }
}

static void *alloc_blocks(size_t n, unsigned flags) {
    size_t start;
    if (n <= PY_GC_SMALL) {
        // The hint for n is fit[n], or fit[1] when higher (no free block at all below it
        // means no run of n either). Only these two move: no run of n or more starts below
        // `start` nor in the blocks just taken, and when `start` was the first free block no
        // free block is left below `above`. The other hints may lag behind; searches from
        // them catch up a table word at a time.
        // (Most small allocations land right at the hint: py_gc_try_alloc looked there first.)
        size_t from = G.fit[n] > G.fit[1] ? G.fit[n] : G.fit[1];
        start = find_run_up(from, n);
        size_t above = start == SIZE_MAX ? G.n_blocks : start + n;
        G.fit[n] = above;
        if (start == G.fit[1]) {
            G.fit[1] = above;
        }
    } else {
        start = find_run_down(n);
    }
    if (start == SIZE_MAX) {
        return NULL;
    }
    // a HEAD and n - 1 TAILs: one merge into the table when they fit a word
    uintptr_t tails = (EVEN * AT_TAIL) & ~(uintptr_t)3;
    if (n > WORD_BLOCKS - 3 || !at_merge(start, ((uintptr_t)1 << (2 * n)) - 1, tails | AT_HEAD)) {
        at_set(start, AT_HEAD);
        at_fill(start + 1, n - 1, AT_TAIL);
    }
    leaf_set(start, (flags & PY_GC_LEAF) != 0);
    G.used_blocks += n;
    G.alloc_since_collect += n;
    void *p = ptr_of(start);
    zero_blocks(p, n);
    return p;
}

// Blocks [b, b + n) have just been freed: widen the hints to cover the runs that now exist.
// The freed blocks join the free neighbours into one run [lo, hi): runs of up to its length
// now start at lo. Looking no further than PY_GC_SMALL blocks each way is enough: a longer
// free stretch next to the freed ones was already a run of every small length, so the hints
// were already at or below its start.
static void freed_blocks(size_t b, size_t n) {
    size_t lo = b, hi = b + n + free_from(b + n, PY_GC_SMALL);
    while (lo > 0 && b - lo < PY_GC_SMALL && at_get(lo - 1) == AT_FREE) {
        lo--;
    }
    for (size_t m = 1; m <= PY_GC_SMALL && m <= hi - lo; m++) {
        if (G.fit[m] > lo) {
            G.fit[m] = lo;
        }
    }
    size_t top = b + n + PY_GC_SMALL < G.n_blocks ? b + n + PY_GC_SMALL : G.n_blocks;
    if (G.hi < top) {
        G.hi = top;
    }
    if (b + n > G.down) { // the runs in [down, hi) may have changed
        G.down = G.hi;
        G.down_max = 0;
    }
}

// alloc_blocks' common case, inline: a small allocation that fits at its hint and whose
// table entries lie in one word. NULL: not this case (nothing done).
static inline void *alloc_at_hint(size_t n, unsigned flags) {
    size_t b = G.fit[n] > G.fit[1] ? G.fit[n] : G.fit[1];
    if (n > WORD_BLOCKS - 3 || b >= G.n_blocks || n > G.n_blocks - b ||
        (b >> 2) + sizeof(uintptr_t) > G.n_blocks / 4) {
        return NULL;
    }
    uintptr_t mask = ((uintptr_t)1 << (2 * n)) - 1; // n < WORD_BLOCKS: no shift by the width
    if ((at_bits(b) & mask) != 0) {
        return NULL;
    }
    at_merge(b, mask, ((EVEN * AT_TAIL) & ~(uintptr_t)3) | AT_HEAD);
    if (b == G.fit[1]) {
        G.fit[1] = b + n;
    }
    G.fit[n] = b + n;
    uint8_t bit = (uint8_t)(1u << (b & 7));
    G.leaf[b >> 3] = (uint8_t)((G.leaf[b >> 3] & ~bit) | ((flags & PY_GC_LEAF) ? bit : 0));
    G.used_blocks += n;
    G.alloc_since_collect += n;
    void *p = ptr_of(b);
    zero_blocks(p, n);
    return p;
}

void *py_gc_try_alloc(size_t nbytes, unsigned flags) {
    if (G.lock_depth > 0 || G.n_blocks == 0) {
        return NULL;
    }
    if (nbytes <= BLOCK) {
        void *p = py_gc_alloc1_fast(flags);
        if (p) {
            return p;
        }
    }
    size_t n = nbytes == 0 ? 1 : (nbytes + BLOCK - 1) / BLOCK;
    bool early = G.alloc_since_collect > G.collect_after;
    if (!early && n <= PY_GC_SMALL) {
        void *p = alloc_at_hint(n, flags);
        if (p) {
            return p;
        }
    }
    if (n > G.n_blocks) {
        return NULL;
    }
    if (early) {
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
    py_obj *o = n <= BLOCK ? py_gc_alloc1_fast(flags) : NULL;
    if (o == NULL) {
        o = py_gc_alloc(n, flags);
    }
    o->type = type;
    return o;
}

static size_t nblocks_of(size_t b) {
    return 1 + tails_from(b + 1);
}

size_t py_gc_nbytes(const void *p) {
    if (!in_pool(p)) {
        return 0;
    }
    return nblocks_of(block_of(p)) * BLOCK;
}

// While the heap is locked (a hard interrupt handler may be running, and may have
// interrupted an allocation that is changing the same table words) nothing is freed or
// shrunk: the collector reclaims it later.
void py_gc_free(void *p) {
    if (p == NULL || !in_pool(p) || G.collecting || G.lock_depth > 0) {
        return;
    }
    size_t b = block_of(p);
    if (at_get(b) != AT_HEAD) {
        return;
    }
    size_t n = nblocks_of(b);
    at_fill(b, n, AT_FREE);
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
        if (G.lock_depth > 0) {
            return true; // it still fits; the tail goes back at the next chance (see py_gc_free)
        }
        at_fill(b + want, have - want, AT_FREE);
        G.used_blocks -= have - want;
        freed_blocks(b + want, have - want);
        return true;
    }
    if (G.lock_depth > 0) {
        return false;
    }
    if (free_from(b + have, want - have) < want - have) {
        return false;
    }
    at_fill(b + have, want - have, AT_TAIL);
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

void py_gc_enable(bool on) {
    G.enabled = on;
    early_update();
}
bool py_gc_is_enabled(void) { return G.enabled; }
size_t py_gc_threshold(size_t bytes) {
    size_t old = G.threshold * BLOCK;
    G.threshold = (bytes + BLOCK - 1) / BLOCK;
    G.threshold_auto = false;
    early_update();
    return old;
}
size_t py_gc_get_threshold(void) {
    return G.threshold * BLOCK;
}
void py_gc_lock(void) {
    G.lock_depth++;
    if (G.marking) {
        G.isr_ran = true; // only an interrupt handler can run here: see py_gc_collect
    }
}
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
