// modules/mod_heapq.c: the _heapq module, the C core of `heapq` (lib/heapq.py adds merge,
// nsmallest and nlargest in Python). Binary heaps on lists compared with < only:
// heap[k] <= heap[2k+1], heap[2k+2]. Items land where CPython puts them (same sift order), so
// heaps print the same. A comparison may run Python code that changes the list: the size is
// checked after each one (RuntimeError, as CPython) and the items re-read.
#include "modules/modules.h"
#include "py/runtime.h"

static py_list *as_heap(py_val v, const char *name) {
    if (py_is_obj(v) && v->type != &py_type_list && (v->type->flags & PY_TF_HEAP) &&
        py_isinstance(v, &py_type_list)) {
        return (py_list *)((py_instance *)v)->native;
    }
    if (!py_is_obj(v) || v->type != &py_type_list) {
        py_raise_fmt(&py_type_TypeError, "%s() argument 1 must be list, not %T", name, v);
    }
    return (py_list *)v;
}

// a < b for a min-heap, b < a for a max-heap; RuntimeError if the list's size changed.
static bool before(py_list *l, size_t n, py_val a, py_val b, bool max) {
    bool r = max ? py_less(b, a) : py_less(a, b);
    if (l->len != n) {
        py_raise_msg(&py_type_RuntimeError, "list changed size during iteration");
    }
    return r;
}

// Moves the item at pos up towards start while it goes before its parent.
static void sift_down(py_list *l, size_t start, size_t pos, bool max) {
    size_t n = l->len;
    py_val item = l->items[pos];
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        py_val p = l->items[parent];
        if (!before(l, n, item, p, max)) {
            break;
        }
        l->items[pos] = l->items[parent];
        pos = parent;
    }
    l->items[pos] = item;
}

// Moves the better child up until a leaf is reached, then settles the item from pos there.
static void sift_up(py_list *l, size_t pos, bool max) {
    size_t n = l->len, start = pos;
    py_val item = l->items[pos];
    for (size_t child = 2 * pos + 1; child < n; child = 2 * pos + 1) {
        if (child + 1 < n && !before(l, n, l->items[child], l->items[child + 1], max)) {
            child++;
        }
        l->items[pos] = l->items[child];
        pos = child;
    }
    l->items[pos] = item;
    sift_down(l, start, pos, max);
}

static py_val heappush(py_val heap, py_val item) {
    py_list *l = as_heap(heap, "heappush");
    py_list_append((py_val)l, item);
    sift_down(l, 0, l->len - 1, false);
    return PY_NONE;
}
static PY_FN_OBJ_2(heappush_obj, heappush, heappush);

static py_val pop_impl(py_val heap, const char *name, bool max) {
    py_list *l = as_heap(heap, name);
    if (l->len == 0) {
        py_raise_msg(&py_type_IndexError, "index out of range");
    }
    py_val last = l->items[--l->len];
    if (l->len == 0) {
        return last;
    }
    py_val top = l->items[0];
    l->items[0] = last;
    sift_up(l, 0, max);
    return top;
}

static py_val heappop(py_val heap) { return pop_impl(heap, "heappop", false); }
static PY_FN_OBJ_1(heappop_obj, heappop, heappop);
static py_val heappop_max(py_val heap) { return pop_impl(heap, "_heappop_max", true); }
static PY_FN_OBJ_1(heappop_max_obj, _heappop_max, heappop_max);

static py_val replace_impl(py_val heap, py_val item, const char *name, bool max) {
    py_list *l = as_heap(heap, name);
    if (l->len == 0) {
        py_raise_msg(&py_type_IndexError, "index out of range");
    }
    py_val top = l->items[0];
    l->items[0] = item;
    sift_up(l, 0, max);
    return top;
}

static py_val heapreplace(py_val heap, py_val item) { return replace_impl(heap, item, "heapreplace", false); }
static PY_FN_OBJ_2(heapreplace_obj, heapreplace, heapreplace);
static py_val heapreplace_max(py_val heap, py_val item) {
    return replace_impl(heap, item, "_heapreplace_max", true);
}
static PY_FN_OBJ_2(heapreplace_max_obj, _heapreplace_max, heapreplace_max);

static py_val heappushpop(py_val heap, py_val item) {
    py_list *l = as_heap(heap, "heappushpop");
    if (l->len == 0 || !before(l, l->len, l->items[0], item, false)) {
        return item;
    }
    py_val top = l->items[0];
    l->items[0] = item;
    sift_up(l, 0, false);
    return top;
}
static PY_FN_OBJ_2(heappushpop_obj, heappushpop, heappushpop);

static py_val heapify_impl(py_val heap, const char *name, bool max) {
    py_list *l = as_heap(heap, name);
    for (size_t i = l->len / 2; i-- > 0;) {
        if (i >= l->len) {
            py_raise_msg(&py_type_RuntimeError, "list changed size during iteration");
        }
        sift_up(l, i, max);
    }
    return PY_NONE;
}

static py_val heapify(py_val heap) { return heapify_impl(heap, "heapify", false); }
static PY_FN_OBJ_1(heapify_obj, heapify, heapify);
static py_val heapify_max(py_val heap) { return heapify_impl(heap, "_heapify_max", true); }
static PY_FN_OBJ_1(heapify_max_obj, _heapify_max, heapify_max);

static const py_dict_entry heapq_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR__heapq)),
    PY_ROM_ENTRY(heappush, &heappush_obj),
    PY_ROM_ENTRY(heappop, &heappop_obj),
    PY_ROM_ENTRY(heapreplace, &heapreplace_obj),
    PY_ROM_ENTRY(heappushpop, &heappushpop_obj),
    PY_ROM_ENTRY(heapify, &heapify_obj),
    PY_ROM_ENTRY(_heappop_max, &heappop_max_obj),
    PY_ROM_ENTRY(_heapreplace_max, &heapreplace_max_obj),
    PY_ROM_ENTRY(_heapify_max, &heapify_max_obj),
};
static PY_ROM_DICT(heapq_globals, heapq_table);

const py_module mod_heapq_module = {{&py_type_module}, (py_dict *)&heapq_globals};
