// py/objlist.h: list and tuple helpers shared by the sequence types.
#ifndef PY_OBJLIST_H
#define PY_OBJLIST_H

#include "py/obj.h"

void py_seq_print(const py_print *p, const py_val *items, size_t n, const char *open, const char *close,
                  bool one_comma);
py_val py_seq_compare(int op, const py_val *a, size_t an, const py_val *b, size_t bn);
size_t py_seq_count(const py_val *items, size_t n, py_val v);
// seq.index(x[, start[, stop]]) over items; args[0] is the sequence, args[1] the value.
py_val py_seq_index_of(const char *what, size_t n_args, const py_val *args, py_val *items, size_t len);
// Stable sort in place with an optional key function (PY_NULL or None for none).
void py_list_sort(py_val list, py_val key, bool reverse);
py_val py_list_reversed(py_val list);

#endif // PY_OBJLIST_H
