// modules/ulab/ulab.c: the ulab module and its ulab.numpy (docs/ulab.md). The functions are
// listed in the fns_*.h X-macro files, one per group of source files, so each group adds its
// names without touching the others.
#include <math.h>

#include "modules/ulab/ulab.h"
#include "py/runtime.h"

#define UL_ENTRY(q, ctype, obj) extern const ctype obj;
#include "modules/ulab/fns_create.h"
#include "modules/ulab/fns_linalg.h"
#include "modules/ulab/fns_numerical.h"
#undef UL_ENTRY

static const py_float ul_pi = {{&py_type_float}, M_PI};
static const py_float ul_e = {{&py_type_float}, M_E};
static const py_float ul_inf = {{&py_type_float}, INFINITY};
static const py_float ul_nan = {{&py_type_float}, NAN};

#define UL_ENTRY(q, ctype, obj) PY_ROM_ENTRY_Q(q, &obj),
static const py_dict_entry numpy_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_numpy)),
    PY_ROM_ENTRY(ndarray, &ul_ndarray_type),
    PY_ROM_ENTRY(dtype, &ul_dtype_type),
    PY_ROM_ENTRY(bool, py_small_const('?')),
    PY_ROM_ENTRY(uint8, py_small_const('B')),
    PY_ROM_ENTRY(int8, py_small_const('b')),
    PY_ROM_ENTRY(uint16, py_small_const('H')),
    PY_ROM_ENTRY(int16, py_small_const('h')),
    PY_ROM_ENTRY(float, py_small_const('d')),
    PY_ROM_ENTRY(pi, &ul_pi),
    PY_ROM_ENTRY(e, &ul_e),
    PY_ROM_ENTRY(inf, &ul_inf),
    PY_ROM_ENTRY(nan, &ul_nan),
#include "modules/ulab/fns_create.h"
#include "modules/ulab/fns_linalg.h"
#include "modules/ulab/fns_numerical.h"
};
#undef UL_ENTRY
static PY_ROM_DICT(numpy_globals, numpy_table);
const py_module ul_numpy_module = {{&py_type_module}, (py_dict *)&numpy_globals};

static const py_dict_entry ulab_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_ulab)),
    PY_ROM_ENTRY(__version__, py_qstr_val_const(PY_QSTR_6_dot_5_dot_0_hyphen_rtpy)),
    PY_ROM_ENTRY(numpy, &ul_numpy_module),
};
static PY_ROM_DICT(ulab_globals, ulab_table);
const py_module mod_ulab_module = {{&py_type_module}, (py_dict *)&ulab_globals};
