// py/obj.h: the value representation and the object model of the language core.
//
// A py_val is one machine word, tagged in its low bits:
//
//     ...........................xx1   small int: value = (intptr_t)v >> 1
//     ..........................x10    qstr (interned str): id = v >> 2
//     ..........................x00    pointer to an object whose first field is its type
//
// Every object, in the GC heap or in const data (flash), starts with `const py_type *type`.
// Small ints and qstrs never allocate; everything else is an object. None, True, False,
// Ellipsis and NotImplemented are const objects compared by address. PY_NULL (0) is never a
// Python value: it means "absent" (not found, unsupported, no default) in C interfaces.
//
// Type slots return PY_NULL for "unsupported"; they raise (py_raise*, noreturn) for errors.
#ifndef PY_OBJ_H
#define PY_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "py/config.h"
#include "py/print.h"
#include "py/qstr.h"

typedef struct py_type py_type;
typedef struct py_obj {
    const py_type *type;
} py_obj;
typedef py_obj *py_val;

typedef intptr_t py_int_t;   // C type of a small int's value
typedef uintptr_t py_uint_t; // hash values, sizes

#define PY_NULL ((py_val)0)

// hash(int) is the value modulo this prime, as in CPython (64-bit: 2**61 - 1).
#if INTPTR_MAX > 0x7fffffff
#define PY_HASH_MODULUS ((py_int_t)0x1fffffffffffffff)
#else
#define PY_HASH_MODULUS ((py_int_t)0x3fffffff)
#endif

// memcpy/memmove that accept (NULL, 0): C leaves memcpy(d, NULL, 0) undefined, and empty
// containers have NULL item arrays.
static inline void py_memcpy(void *d, const void *s, size_t n) {
    if (n) {
        memcpy(d, s, n);
    }
}
static inline void py_memmove(void *d, const void *s, size_t n) {
    if (n) {
        memmove(d, s, n);
    }
}
static inline void py_memset0(void *d, size_t n) {
    if (n) {
        memset(d, 0, n);
    }
}

// ---- small ints ------------------------------------------------------------------------
#define PY_SMALL_MAX ((py_int_t)(INTPTR_MAX >> 1))
#define PY_SMALL_MIN ((py_int_t)(INTPTR_MIN >> 1))

static inline bool py_is_small(py_val v) { return ((uintptr_t)v & 1) != 0; }
static inline py_int_t py_small_get(py_val v) { return (py_int_t)(intptr_t)v >> 1; }
static inline bool py_small_fits(py_int_t i) { return i >= PY_SMALL_MIN && i <= PY_SMALL_MAX; }
// The caller guarantees py_small_fits(i); use py_int_from() when it may not.
static inline py_val py_small(py_int_t i) { return (py_val)(((uintptr_t)i << 1) | 1); }

// ---- qstrs ---------------------------------------------------------------------------------
static inline bool py_is_qstr(py_val v) { return ((uintptr_t)v & 3) == 2; }
static inline qstr py_qstr_get(py_val v) { return (qstr)((uintptr_t)v >> 2); }
static inline py_val py_qstr_val(qstr q) { return (py_val)(((uintptr_t)q << 2) | 2); }

static inline bool py_is_obj(py_val v) { return ((uintptr_t)v & 3) == 0 && v != PY_NULL; }

// ---- operators -------------------------------------------------------------------------
// Unary slot operations. BOOL/LEN/HASH return a small int or bool (PY_NULL: unsupported).
enum py_unary_op {
    PY_UOP_BOOL,   // truth value → PY_TRUE / PY_FALSE
    PY_UOP_LEN,    // len() → small int
    PY_UOP_HASH,   // hash() → small int
    PY_UOP_POS,    // +x
    PY_UOP_NEG,    // -x
    PY_UOP_INVERT, // ~x
    PY_UOP_ABS,    // abs(x)
    PY_UOP_INT,    // int(x) of a non-int
    PY_UOP_FLOAT,  // float(x) of a non-float
    PY_UOP_INDEX,  // operator.index(x): an exact int or PY_NULL
    PY_UOP_N
};

// Binary slot operations. A type's binary_op(op, lhs, rhs) is called with lhs of that type;
// for the PY_OP_R* ("reflected") ops it is called with lhs = the right operand of the
// Python expression, i.e. `a + b` may end in type(b)->binary_op(PY_OP_RADD, b, a).
// In-place ops fall back to the plain op when a type returns PY_NULL.
// Comparisons: LT..GE; `a in b` is binary_op(PY_OP_CONTAINS, b, a) → bool.
enum py_binary_op {
    PY_OP_LT,
    PY_OP_GT,
    PY_OP_EQ,
    PY_OP_NE,
    PY_OP_LE,
    PY_OP_GE,
    PY_OP_CONTAINS,

    PY_OP_OR, // arithmetic ops, in this order, three times: plain, in-place, reflected
    PY_OP_XOR,
    PY_OP_AND,
    PY_OP_LSHIFT,
    PY_OP_RSHIFT,
    PY_OP_ADD,
    PY_OP_SUB,
    PY_OP_MUL,
    PY_OP_MATMUL,
    PY_OP_FLOORDIV,
    PY_OP_TRUEDIV,
    PY_OP_MOD,
    PY_OP_POW,

    PY_OP_IOR,
    PY_OP_IXOR,
    PY_OP_IAND,
    PY_OP_ILSHIFT,
    PY_OP_IRSHIFT,
    PY_OP_IADD,
    PY_OP_ISUB,
    PY_OP_IMUL,
    PY_OP_IMATMUL,
    PY_OP_IFLOORDIV,
    PY_OP_ITRUEDIV,
    PY_OP_IMOD,
    PY_OP_IPOW,

    PY_OP_ROR,
    PY_OP_RXOR,
    PY_OP_RAND,
    PY_OP_RLSHIFT,
    PY_OP_RRSHIFT,
    PY_OP_RADD,
    PY_OP_RSUB,
    PY_OP_RMUL,
    PY_OP_RMATMUL,
    PY_OP_RFLOORDIV,
    PY_OP_RTRUEDIV,
    PY_OP_RMOD,
    PY_OP_RPOW,
    PY_OP_N
};
#define PY_OP_ARITH_N (PY_OP_POW - PY_OP_OR + 1)
static inline int py_op_plain(int op) { // IADD → ADD, RADD → ADD
    return op >= PY_OP_ROR ? op - 2 * PY_OP_ARITH_N : op >= PY_OP_IOR ? op - PY_OP_ARITH_N : op;
}

// ---- types -------------------------------------------------------------------------------
enum py_print_kind { PY_PRINT_STR, PY_PRINT_REPR };

typedef struct py_dict py_dict;
typedef struct py_tuple py_tuple;

// Buffer protocol (bytes, bytearray, array, memoryview): a contiguous run of items.
typedef struct py_buffer {
    void *buf;
    size_t len;    // in bytes
    char typecode; // 'B' for bytes-like
} py_buffer;
#define PY_BUFFER_READ 1
#define PY_BUFFER_WRITE 2

// Attribute slot protocol (one slot for load, store and delete):
//   load:   dest[0] == PY_NULL on entry; set dest[0] = value, or dest[0] = function and
//           dest[1] = self for a method (the caller binds or calls it); leave dest[0] NULL
//           when absent (the generic lookup in the type's locals continues).
//   store:  dest[0] == PY_SENTINEL, dest[1] = value; set dest[0] = PY_NULL when done.
//   delete: dest[0] == PY_SENTINEL, dest[1] = PY_NULL; set dest[0] = PY_NULL when done.
typedef void (*py_attr_fn)(py_val self, qstr attr, py_val *dest);

struct py_type {
    py_obj base; // &py_type_type (or a metaclass)
    uint16_t name;  // qstr of the type's name
    uint16_t flags; // PY_TF_*
    void (*print)(const py_print *p, py_val self, int kind);
    // type(...) calls: args = n_args positional, then n_kw (name, value) pairs.
    py_val (*make_new)(const py_type *type, size_t n_args, size_t n_kw, const py_val *args);
    py_val (*call)(py_val self, size_t n_args, size_t n_kw, const py_val *args);
    py_val (*unary_op)(int op, py_val self);
    py_val (*binary_op)(int op, py_val lhs, py_val rhs);
    py_attr_fn attr;
    // subscr: value == PY_SENTINEL → load (return the item); PY_NULL → delete; else store.
    // Return PY_NULL for "unsupported", anything else (e.g. PY_NONE) on success.
    py_val (*subscr)(py_val self, py_val index, py_val value);
    py_val (*getiter)(py_val self);
    // Returns the next item, or PY_STOP when exhausted (no exception is allocated).
    py_val (*iternext)(py_val self);
    // Fills *buf; returns false if unsupported (or writable access is not allowed).
    bool (*buffer)(py_val self, py_buffer *buf, int flags);
    py_dict *locals;    // methods and class attributes (a fixed const dict for built-ins)
    const py_type *base_type; // first base; NULL only for object
    py_tuple *bases;    // heap types: all bases (NULL for built-ins: just `base`)
    py_tuple *mro;      // heap types: C3 linearisation (NULL for built-ins: the base chain)
    const py_type *native; // heap types: the built-in type whose layout instances have
};

// py_type.flags
#define PY_TF_HEAP 0x0001      // created by a class statement or type(name, bases, dict)
#define PY_TF_BASETYPE 0x0002  // may be subclassed
#define PY_TF_EXC 0x0004       // instances are py_exc (BaseException and subclasses)
#define PY_TF_EQ_ID 0x0008     // == is identity (lets py_equal skip the slot)
#define PY_TF_ITER_SELF 0x0010 // iter(x) is x
#define PY_TF_HAS_DICT 0x0020  // instances have a per-instance attribute dict
#define PY_TF_ABSTRACT_CALLS 0x0040 // heap type overriding a special method (slow paths on)

// ---- the built-in types ---------------------------------------------------------------
extern const py_type py_type_type, py_type_object, py_type_none, py_type_bool, py_type_int,
    py_type_float, py_type_str, py_type_bytes, py_type_bytearray, py_type_list,
    py_type_tuple, py_type_dict, py_type_set, py_type_frozenset, py_type_range,
    py_type_slice, py_type_function, py_type_builtin, py_type_bound_method,
    py_type_closure_cell, py_type_generator, py_type_coroutine, py_type_code, py_type_module,
    py_type_property, py_type_staticmethod, py_type_classmethod, py_type_super,
    py_type_ellipsis, py_type_notimplemented, py_type_memoryview, py_type_dict_keys,
    py_type_dict_values, py_type_dict_items;

// A class defined in Python whose instances are py_instance (not exceptions, not classes:
// a class deriving from `type` has native == &py_type_type and makes types).
static inline bool py_type_is_instance_layout(const py_type *t) {
    return (t->flags & (PY_TF_HEAP | PY_TF_EXC)) == PY_TF_HEAP && t->native != &py_type_type;
}

// ---- singletons ---------------------------------------------------------------------------
extern const py_obj py_const_none, py_const_ellipsis, py_const_notimplemented;
typedef struct py_bool_obj {
    py_obj base;
    bool value;
} py_bool_obj;
extern const py_bool_obj py_const_true, py_const_false;
// Not Python values: markers in C interfaces.
extern const py_obj py_const_stop, py_const_sentinel;

#define PY_NONE ((py_val)&py_const_none)
#define PY_TRUE ((py_val)&py_const_true)
#define PY_FALSE ((py_val)&py_const_false)
#define PY_ELLIPSIS ((py_val)&py_const_ellipsis)
#define PY_NOTIMPLEMENTED ((py_val)&py_const_notimplemented)
#define PY_STOP ((py_val)&py_const_stop)         // iternext: exhausted
#define PY_SENTINEL ((py_val)&py_const_sentinel) // subscr/attr protocol marker
static inline py_val py_bool(bool b) { return b ? PY_TRUE : PY_FALSE; }

static inline const py_type *py_typeof(py_val v) {
    if (py_is_small(v)) {
        return &py_type_int;
    }
    if (py_is_qstr(v)) {
        return &py_type_str;
    }
    return v->type;
}

// ---- object layouts ---------------------------------------------------------------------
// str and bytes share this layout; data is NUL-terminated for C interfaces (not counted).
typedef struct py_str {
    py_obj base;
    uint32_t hash;    // py_qstr_hash_bytes(data), 0 until computed
    uint32_t len;     // bytes
    uint32_t charlen; // code points (str); == len for bytes
    char data[];
} py_str;

typedef struct py_bytearray {
    py_obj base;
    size_t len;
    size_t cap;
    uint8_t *data; // separate GC block (leaf)
} py_bytearray;

typedef struct py_float {
    py_obj base;
    double value;
} py_float;

struct py_tuple {
    py_obj base;
    size_t len;
    py_val items[];
};

typedef struct py_list {
    py_obj base;
    size_t len;
    size_t cap;
    py_val *items; // separate GC block
} py_list;

// dict: insertion-ordered entries of key and value, scanned linearly up to
// PY_DICT_LINEAR_MAX entries and through a hash index beyond. The entries block holds, one
// after the other: cap entries; cap stored hashes if PY_DICT_HASHES; the index (py_dict_index)
// if PY_DICT_INDEXED. A hash is stored only for keys whose hash could run Python code (user
// objects, tuples, floats, ...): that of a qstr, small int, str or bytes key is taken from the
// key. Without an index a deletion closes the gap, so fill is the length; with one it leaves a
// deleted entry (key PY_NULL) and the index keeps the count.
// A const dict (PY_DICT_FIXED) points at const entries of qstr keys, searched by identity
// after interning the key; used for built-in methods and module globals.
// 16 bytes of header on a 32-bit target, 8 per entry: MicroPython's sizes.
typedef struct py_dict_entry {
    py_val key; // PY_NULL: deleted entry
    py_val value;
} py_dict_entry;

struct py_dict {
    py_obj base; // &py_type_dict (or a dict subclass)
    py_dict_entry *entries;
    uint32_t fill; // entries[0..fill) in use, including deleted ones
    uintptr_t cap : sizeof(uintptr_t) * 8 - 8; // capacity of entries
    uintptr_t flags : 8;                       // PY_DICT_*
};
typedef struct py_dict_index {
    uint32_t used;   // live entries
    uint32_t log2;   // 1 << log2 slots
    uint32_t slot[]; // entry number + 1, 0 = empty
} py_dict_index;
#define PY_DICT_FIXED 0x01 // const: entries in ROM, read-only
// Module globals cached by LOAD_GLOBAL: adding or removing a key bumps PY_S->globals_version.
#define PY_DICT_NS 0x02
// Some key is an object (not a qstr or small int): a name looked up by identity and not found
// must still be compared with those keys.
#define PY_DICT_OBJ_KEYS 0x04
#define PY_DICT_HASHES 0x08 // hashes stored after the entries
#define PY_DICT_INDEXED 0x10 // an index after the entries (and hashes)
// An instance's attribute dict that __dict__ handed out: the dict object is in `entries`
// (see py_instance_attrs).
#define PY_DICT_MOVED 0x20
static inline py_dict_index *py_dict_index_of(const py_dict *d) {
    size_t per = sizeof(py_dict_entry) + ((d->flags & PY_DICT_HASHES) ? sizeof(py_uint_t) : 0);
    return (py_dict_index *)((char *)d->entries + (size_t)d->cap * per);
}
static inline size_t py_dict_len(const py_dict *d) {
    return (d->flags & PY_DICT_INDEXED) ? py_dict_index_of(d)->used : d->fill;
}
#define PY_DICT_LINEAR_MAX 8

// set and frozenset: an open-addressing table probed as CPython's set is (so iteration order
// of ints matches CPython's); entries with key PY_NULL are empty, PY_SENTINEL deleted.
typedef struct py_set_entry {
    py_uint_t hash;
    py_val key;
} py_set_entry;
typedef struct py_set {
    py_obj base;
    size_t used;  // live keys
    size_t fill;  // live + deleted
    size_t mask;  // table size - 1
    py_set_entry *table;
    py_uint_t frozen_hash; // frozenset: 0 until computed
} py_set;

typedef struct py_range {
    py_obj base;
    py_val start, stop, step; // ints (big ints allowed)
    py_val len;               // the length, computed once
} py_range;

typedef struct py_slice {
    py_obj base;
    py_val start, stop, step; // PY_NONE when omitted
} py_slice;

typedef struct py_cell {
    py_obj base;
    py_val value; // PY_NULL: empty
} py_cell;

typedef struct py_bound_method {
    py_obj base;
    py_val self;
    py_val func;
} py_bound_method;

// staticmethod, classmethod, property's plain wrapper
typedef struct py_wrapper {
    py_obj base;
    py_val func;
} py_wrapper;

typedef struct py_property {
    py_obj base;
    py_val fget, fset, fdel, doc;
} py_property;

typedef struct py_module {
    py_obj base;
    py_dict *globals; // includes __name__
} py_module;

// Instances of classes whose native layout is `object` (or a built-in that is not an
// exception): attributes in `dict`; `native` holds the built-in base's object when the
// class derives from list, dict, int, str, ... (PY_NULL otherwise).
// An instance of a class defined in Python: its attribute dict is inline, followed in the same
// block by the dict's first entries (py_instance_new); see py_instance_attrs.
typedef struct py_instance {
    py_obj base;
    py_val native; // the built-in base's object, for subclasses of built-in types
    py_dict dict;
} py_instance;

// BaseException and subclasses (built-in or defined in Python: same layout).
typedef struct py_exc {
    py_obj base;
    py_tuple *args;
    py_dict *dict;      // attributes set on the instance (lazily allocated)
    py_val cause;       // __cause__ (PY_NULL: None)
    py_val context;     // __context__ (PY_NULL: None)
    void *traceback;    // see py/objexc.h; PY_NULL when none
    bool suppress_context;
} py_exc;

// ---- built-in functions --------------------------------------------------------------------
// A C function callable from Python. Its kind says which C signature `fn` has:
//   PY_FN_0..PY_FN_3: exactly that many positional args, no keywords.
//   PY_FN_VAR: min..max positional args (max 0xff = unlimited), no keywords.
//   PY_FN_KW:  any call; args as in py_call (positional, then n_kw name/value pairs); use
//              py_arg_parse() to map them to parameters.
// Methods of built-in types are built-in functions whose first argument is self.
enum { PY_FN_0, PY_FN_1, PY_FN_2, PY_FN_3, PY_FN_VAR, PY_FN_KW };
typedef py_val (*py_fn_var_t)(size_t n_args, const py_val *args);
typedef py_val (*py_fn_kw_t)(size_t n_args, size_t n_kw, const py_val *args);
typedef struct py_builtin {
    py_obj base; // &py_type_builtin
    uint16_t name;
    uint8_t kind;
    uint8_t min_args, max_args;
    union {
        py_val (*f0)(void);
        py_val (*f1)(py_val);
        py_val (*f2)(py_val, py_val);
        py_val (*f3)(py_val, py_val, py_val);
        py_fn_var_t var;
        py_fn_kw_t kw;
    } fn;
} py_builtin;
#define PY_ARGS_MANY 0xff

#define PY_FN_OBJ_0(obj, qname, cfn)                                                           \
    const py_builtin obj = {{&py_type_builtin}, PY_QSTR_##qname, PY_FN_0, 0, 0, {.f0 = cfn}}
#define PY_FN_OBJ_1(obj, qname, cfn)                                                           \
    const py_builtin obj = {{&py_type_builtin}, PY_QSTR_##qname, PY_FN_1, 1, 1, {.f1 = cfn}}
#define PY_FN_OBJ_2(obj, qname, cfn)                                                           \
    const py_builtin obj = {{&py_type_builtin}, PY_QSTR_##qname, PY_FN_2, 2, 2, {.f2 = cfn}}
#define PY_FN_OBJ_3(obj, qname, cfn)                                                           \
    const py_builtin obj = {{&py_type_builtin}, PY_QSTR_##qname, PY_FN_3, 3, 3, {.f3 = cfn}}
#define PY_FN_OBJ_VAR(obj, qname, min, max, cfn)                                               \
    const py_builtin obj = {{&py_type_builtin}, PY_QSTR_##qname, PY_FN_VAR, min, max,         \
                            {.var = cfn}}
#define PY_FN_OBJ_KW(obj, qname, cfn)                                                          \
    const py_builtin obj = {                                                                  \
        {&py_type_builtin}, PY_QSTR_##qname, PY_FN_KW, 0, PY_ARGS_MANY, {.kw = cfn}}

// Const dicts (type locals, module globals) built from a table of entries:
//   static const py_dict_entry list_locals_table[] = {
//       PY_ROM_ENTRY(append, &list_append_obj), ...
//   };
//   PY_ROM_DICT(list_locals, list_locals_table);   // then .locals = (py_dict *)&list_locals
#define PY_ROM_ENTRY(qname, value) {py_qstr_val_const(PY_QSTR_##qname), (py_val)(value)}
#define PY_ROM_ENTRY_Q(q, value) {py_qstr_val_const(q), (py_val)(value)}
#define py_qstr_val_const(q) ((py_val)(((uintptr_t)(q) << 2) | 2))
#define py_small_const(i) ((py_val)(((uintptr_t)(i) << 1) | 1))
#define PY_ROM_DICT(name, table)                                                               \
    const py_dict name = {{&py_type_dict},                                                     \
                          (py_dict_entry *)(table),                                            \
                          sizeof(table) / sizeof((table)[0]),                                  \
                          sizeof(table) / sizeof((table)[0]),                                  \
                          PY_DICT_FIXED}

#endif // PY_OBJ_H
