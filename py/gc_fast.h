// py/gc_fast.h: the commonest allocation inline, for the callers that make many objects of
// one block (floats in the VM's arithmetic, small objects).
#ifndef PY_GC_FAST_H
#define PY_GC_FAST_H

#include <string.h>

#include "py/gc.h"
#include "py/state.h"

// One zeroed block when the block at the hint is free (one byte of each table, no search),
// else NULL having done nothing: then py_gc_alloc (which searches, collects, raises).
static inline void *py_gc_alloc1_fast(unsigned flags) {
    py_gc_state *g = &PY_S->gc;
    size_t b = g->fit[1];
    if (b >= g->n_blocks || g->alloc_since_collect >= g->collect_after || g->lock_depth) {
        return NULL;
    }
    uint8_t *e = &g->atb[b >> 2];
    unsigned sh = (unsigned)(b & 3) * 2;
    if ((*e >> sh) & 3) {
        return NULL;
    }
    *e = (uint8_t)(*e | (1u << sh)); // HEAD (gc.c's AT_HEAD)
    g->fit[1] = b + 1;
    uint8_t bit = (uint8_t)(1u << (b & 7));
    g->leaf[b >> 3] = (uint8_t)((g->leaf[b >> 3] & ~bit) | ((flags & PY_GC_LEAF) ? bit : 0));
    g->used_blocks++;
    g->alloc_since_collect++;
    void *p = g->pool + b * PY_CFG_GC_BLOCK;
    memset(p, 0, PY_CFG_GC_BLOCK);
    return p;
}

#endif
