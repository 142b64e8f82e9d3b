// py/runtime.h: the operations the VM, the built-in types and the modules share.
// Everything here may raise (through py/nlr.h) unless it says otherwise; the raise helpers
// are noreturn. Values passed in are not retained beyond the call unless documented.
#ifndef PY_RUNTIME_H
#define PY_RUNTIME_H

#include <stdarg.h>

#include "py/gc.h"
#include "py/nlr.h"
#include "py/obj.h"

// ---- exceptions -------------------------------------------------------------------------
extern const py_type py_type_BaseException, py_type_Exception, py_type_ArithmeticError,
    py_type_AssertionError, py_type_AttributeError, py_type_EOFError, py_type_GeneratorExit,
    py_type_ImportError, py_type_ModuleNotFoundError, py_type_IndentationError,
    py_type_IndexError, py_type_KeyError, py_type_KeyboardInterrupt, py_type_LookupError,
    py_type_MemoryError, py_type_NameError, py_type_NotImplementedError, py_type_OSError,
    py_type_OverflowError, py_type_RecursionError, py_type_RuntimeError,
    py_type_StopIteration, py_type_StopAsyncIteration, py_type_SyntaxError,
    py_type_SystemExit, py_type_TypeError, py_type_UnboundLocalError, py_type_ValueError,
    py_type_ZeroDivisionError, py_type_UnicodeError, py_type_UnicodeDecodeError,
    py_type_UnicodeEncodeError, py_type_TimeoutError, py_type_FileNotFoundError,
    py_type_FileExistsError, py_type_IsADirectoryError, py_type_NotADirectoryError,
    py_type_PermissionError, py_type_CancelledError;

// Raise an exception instance, or an exception class (instantiated with no args).
_Noreturn void py_raise(py_val exc);
_Noreturn void py_raise_msg(const py_type *type, const char *msg);
// Message formatted as py_vprintf (see below).
_Noreturn void py_raise_fmt(const py_type *type, const char *fmt, ...);
_Noreturn void py_raise_type_error_op(int op, py_val a, py_val b); // unsupported operand type(s)
_Noreturn void py_raise_attr_error(py_val obj, qstr attr);
_Noreturn void py_raise_key_error(py_val key);
_Noreturn void py_raise_stop_iteration(py_val value); // value may be PY_NULL
_Noreturn void py_raise_memory_error(void);           // never allocates
_Noreturn void py_raise_recursion_error(void);
_Noreturn void py_raise_os_error(int errno_value);    // OSError(errno, strerror)
// A new exception instance of `type` with args (n may be 0).
py_val py_exc_new(const py_type *type, size_t n, const py_val *args);
py_val py_exc_new_msg(const py_type *type, const char *msg);
bool py_exc_matches(py_val exc, py_val cls); // exception-match rules (class or tuple)
// Prints "Traceback (most recent call last):", the frames, and "Type: message" (chained
// exceptions first, as CPython).
void py_exc_print_traceback(const py_print *p, py_val exc);
// Appends a frame (file, line, function name) to the exception's traceback; never raises.
void py_exc_add_traceback(py_val exc, qstr file, int line, qstr func);

// ---- calls ----------------------------------------------------------------------------------
// args: n_args positional values, then n_kw pairs (key as a qstr value, value).
py_val py_call(py_val fn, size_t n_args, size_t n_kw, const py_val *args);
py_val py_call0(py_val fn);
py_val py_call1(py_val fn, py_val a);
py_val py_call2(py_val fn, py_val a, py_val b);
py_val py_call3(py_val fn, py_val a, py_val b, py_val c);
// Calls obj.name(args...): method lookup without creating a bound method.
py_val py_call_method(py_val obj, qstr name, size_t n_args, const py_val *args);
// Calls with *args (any iterable, may be PY_NULL) and **kwargs (a dict, may be PY_NULL).
py_val py_call_ex(py_val fn, py_val args_iterable, py_val kwargs_dict);
bool py_is_callable(py_val v);

// Argument parsing for PY_FN_KW functions. Each spec entry names one parameter:
typedef struct py_arg_spec {
    uint16_t name;   // qstr
    uint8_t flags;   // PY_ARG_REQUIRED, PY_ARG_KW_ONLY
    py_val dflt;     // default when absent and not required (PY_NULL: leave out[i] = PY_NULL)
} py_arg_spec;
#define PY_ARG_REQUIRED 0x1
#define PY_ARG_KW_ONLY 0x2
// Maps positional then keyword args onto out[0..n_spec); raises TypeError like CPython for
// too many args, unexpected or duplicate keywords, and missing required ones.
// `n_skip` leading positional args (e.g. self) are ignored.
void py_arg_parse(const char *fn_name, size_t n_args, size_t n_kw, const py_val *args,
                  size_t n_skip, const py_arg_spec *spec, size_t n_spec, py_val *out);
// Raises TypeError unless min <= n <= max.
void py_arg_check_count(const char *fn_name, size_t n, size_t min, size_t max);
void py_arg_check_no_kw(const char *fn_name, size_t n_kw);

// ---- attributes -----------------------------------------------------------------------------
py_val py_load_attr(py_val obj, qstr name); // AttributeError if absent
py_val py_load_attr_maybe(py_val obj, qstr name); // PY_NULL if absent
// dest[0] = function and dest[1] = self for a method, or dest[0] = value, dest[1] = PY_NULL.
void py_load_method(py_val obj, qstr name, py_val dest[2]);
bool py_load_method_maybe(py_val obj, qstr name, py_val dest[2]);
void py_store_attr(py_val obj, qstr name, py_val value);
void py_delete_attr(py_val obj, qstr name);
// Looks `name` up along a type's MRO (no instance dict, no descriptors): PY_NULL if absent.
py_val py_type_lookup(const py_type *type, qstr name);

// ---- operators ---------------------------------------------------------------------------
py_val py_unary_op(int op, py_val v);
py_val py_binary_op(int op, py_val a, py_val b);
bool py_is_true(py_val v);
bool py_equal(py_val a, py_val b); // a == b as bool
bool py_less(py_val a, py_val b);  // a < b as bool (sorting)
py_uint_t py_hash(py_val v);       // TypeError for unhashable
bool py_contains(py_val container, py_val item);
size_t py_len(py_val v);            // TypeError if it has no len
py_val py_len_maybe(py_val v);      // small int or PY_NULL

// Subscripts
py_val py_subscr_load(py_val obj, py_val index);
void py_subscr_store(py_val obj, py_val index, py_val value);
void py_subscr_delete(py_val obj, py_val index);
// Normalises a sequence index (negative from the end); raises IndexError naming `what`
// ("list", "tuple", "string", ...) when out of range, TypeError for a non-int.
size_t py_seq_index(const char *what, size_t len, py_val index);
// Start/stop/step of a slice clipped to len (as CPython's slice.indices); returns the
// number of items selected. ValueError for step 0.
size_t py_slice_indices(py_val slice, size_t len, py_int_t *start, py_int_t *stop, py_int_t *step);
py_val py_slice_new(py_val start, py_val stop, py_val step);

// Iteration
py_val py_getiter(py_val v);   // TypeError if not iterable
py_val py_iternext(py_val it); // next item or PY_STOP (StopIteration is absorbed)
// Calls f(ctx, item) for each item; the fast paths for list/tuple avoid an iterator.
void py_iterate(py_val iterable, void (*f)(void *ctx, py_val item), void *ctx);
// Unpacks exactly n items (ValueError otherwise) into out.
void py_unpack(py_val seq, size_t n, py_val *out);

// ---- conversions ------------------------------------------------------------------------
py_int_t py_get_int(py_val v);      // int/bool (or __index__) that fits a py_int_t; TypeError/OverflowError
bool py_get_int_maybe(py_val v, py_int_t *out); // false if not an int (no raise); OverflowError if too big
bool py_is_int(py_val v);           // int or bool (incl. big)
// An int, or an object with __index__, as a py_int_t: false if v is neither (OverflowError
// if too big). For sequence repeat counts and indices.
bool py_index_maybe(py_val v, py_int_t *out);
double py_get_float(py_val v);      // int, bool or float (TypeError otherwise)
bool py_get_float_maybe(py_val v, double *out);
// The bytes of a str (or qstr) value; TypeError if not a str.
const char *py_get_str(py_val v, size_t *len);
bool py_is_str(py_val v);
// Bytes-like access (bytes, bytearray, memoryview, array); TypeError if not bytes-like.
void py_get_buffer(py_val v, py_buffer *buf, int flags);
bool py_get_buffer_maybe(py_val v, py_buffer *buf, int flags);

// ---- type queries -------------------------------------------------------------------------
bool py_isinstance(py_val v, const py_type *type);
bool py_issubclass(const py_type *sub, const py_type *type);
const char *py_type_name(py_val v); // the name of v's type
qstr py_type_qname(const py_type *t);
bool py_is_type(py_val v); // v is a type object

// ---- printing ----------------------------------------------------------------------------------
// repr()/str() into a printer; py_repr/py_str return str objects.
void py_print_val(const py_print *p, py_val v, int kind);
py_val py_repr(py_val v);
py_val py_str_of(py_val v);
// Core formatting for messages: %d %i %u %ld %lu %zu %x %c %s %.*s %% plus
//   %q  a qstr             %r  repr of a py_val     %S  str of a py_val
//   %T  the type name of a py_val
void py_vprintf(const py_print *p, const char *fmt, va_list ap);
extern const py_print py_print_stdout, py_print_stderr;

// ---- growable strings ----------------------------------------------------------------
// A byte buffer in the GC heap that turns into a str or bytes object without copying.
typedef struct py_vstr {
    py_str *obj; // allocation holding the bytes after a py_str header
    size_t len;
    size_t cap;
} py_vstr;
void py_vstr_init(py_vstr *v, size_t cap);
void py_vstr_add(py_vstr *v, const char *s, size_t n);
void py_vstr_add_char(py_vstr *v, char c);
void py_vstr_add_utf8(py_vstr *v, uint32_t codepoint);
char *py_vstr_extend(py_vstr *v, size_t n); // room for n more bytes, returns where they go
static inline char *py_vstr_data(py_vstr *v) { return v->obj->data; }
// Makes a printer that appends to v.
void py_vstr_printer(py_vstr *v, py_print *p);
// Finishes the buffer into a str (must be valid UTF-8) or a bytes object; v is then spent.
py_val py_vstr_to_str(py_vstr *v);
py_val py_vstr_to_bytes(py_vstr *v);

// A str that is usually short, built through a printer: the bytes go to a buffer in the
// struct (on the C stack) and move to a vstr only past its size, so a short result costs one
// allocation of the exact size. py_sbuild_init fills *p; py_sbuild_to_str finishes (UTF-8).
typedef struct py_sbuild {
    char buf[64];
    size_t len;
    py_vstr v; // v.obj == NULL while the bytes fit in buf
} py_sbuild;
void py_sbuild_init(py_sbuild *b, py_print *p);
py_val py_sbuild_to_str(py_sbuild *b);

// ---- constructors -----------------------------------------------------------------------------
py_val py_int_from(py_int_t i);            // small or big
py_val py_int_from_ll(long long i);
py_val py_int_from_ull(unsigned long long i);
py_val py_int_from_double(double d);       // truncates; OverflowError for inf, ValueError for nan
py_val py_float_new(double d);
// A str from UTF-8 bytes (validated by the caller); short strings may come back as qstrs.
py_val py_str_new(const char *s, size_t len);
py_val py_str_from_cstr(const char *s);
py_val py_str_new_uninit(size_t len, char **data); // fill data, then py_str_finish()
py_val py_str_finish(py_val s);                     // computes the char count
py_val py_bytes_new(const void *s, size_t len);
py_val py_bytes_new_uninit(size_t len, char **data); // fill data[0..len)
py_val py_bytearray_new(const void *s, size_t len);
py_val py_tuple_new(size_t n, const py_val *items); // items NULL: slots set to PY_NONE
py_val py_list_new(size_t n, const py_val *items);  // items NULL: slots set to PY_NONE
void py_list_append(py_val list, py_val item);
py_val py_list_pop(py_val list);
py_val py_dict_new(size_t n_hint);
py_val py_set_new(size_t n, const py_val *items);
py_val py_frozenset_new(size_t n, const py_val *items);
void py_set_add(py_val set, py_val item);
py_val py_range_new(py_val start, py_val stop, py_val step); // ints; step != 0
py_val py_bound_method_new(py_val self, py_val func);
py_val py_cell_new(py_val value);

// ---- dict, usable with any dict (including const ones for lookups) ------------------------
py_val py_dict_get(py_dict *d, py_val key);       // PY_NULL if absent
py_val py_dict_get_qstr(py_dict *d, qstr key);    // PY_NULL if absent; no hashing of objects
// The entry number holding `key` (d->entries[i]), or -1. Entry numbers change only when a
// key is added or removed, so a cached number stays right while py_dict_value_at accepts it.
ptrdiff_t py_dict_find_qstr(py_dict *d, qstr key);
// The value in entry i if that entry still holds `key` (a qstr value), else PY_NULL.
static inline py_val py_dict_value_at(const py_dict *d, uint32_t i, py_val key) {
    return i < d->fill && d->entries[i].key == key ? d->entries[i].value : PY_NULL;
}
void py_dict_set(py_dict *d, py_val key, py_val value);
void py_dict_set_qstr(py_dict *d, qstr key, py_val value);
py_val py_dict_remove(py_dict *d, py_val key);    // the removed value, or PY_NULL
void py_dict_clear(py_dict *d);
// Iterates: *pos starts at 0; returns the next live entry or NULL at the end.
py_dict_entry *py_dict_next(py_dict *d, size_t *pos);
// The hash of the key in entry e (stored, or recomputed where that is cheap and pure).
py_uint_t py_dict_entry_hash(const py_dict *d, const py_dict_entry *e);
void py_dict_update(py_dict *dst, py_val src); // dict, mapping or iterable of pairs

// ---- tuples, lists: direct access for C code -------------------------------------------------
static inline py_val *py_seq_items(py_val seq, size_t *len) {
    if (seq->type == &py_type_tuple) {
        *len = ((py_tuple *)seq)->len;
        return ((py_tuple *)seq)->items;
    }
    *len = ((py_list *)seq)->len;
    return ((py_list *)seq)->items;
}
// The items of a list or tuple (exact types); false otherwise.
bool py_get_items(py_val seq, size_t *len, py_val **items);

// ---- strings ------------------------------------------------------------------------------
// str ↔ qstr: returns the qstr of a str value, interning it (allocates when new).
qstr py_str_intern(py_val s);
size_t py_utf8_charlen(const char *s, size_t len);
bool py_utf8_valid(const char *s, size_t len);
// Index of the byte where code point `index` starts (index < charlen).
const char *py_utf8_offset(const char *s, size_t len, size_t index);
uint32_t py_utf8_decode(const char **s); // decodes one code point, advances *s

// ---- modules and import -------------------------------------------------------------------------
py_val py_import(qstr name, py_val fromlist, int level); // __import__
py_val py_import_module(const char *dotted_name);       // import a.b.c → module a.b.c
py_val py_module_new(qstr name);
// Modules of the running application (docs/ota.md, "The application bundle"): precompiled
// modules the port keeps outside the file system, found through the ".app" entry of sys.path
// like the frozen ones through ".frozen". `path` is relative to the bundle ("main.rpyc",
// "pkg/__init__.rpyc"); load returns the module's code (raises as py_persist_load). NULL: no
// application (".app" then matches nothing).
typedef struct py_app_modules {
    bool (*exists)(const char *path);
    py_val (*load)(const char *path);
} py_app_modules;
extern const py_app_modules *py_app_modules_hook;
// Registers a built-in module (a const module object) under its name; the port calls this at
// start-up for each C module it links in.
typedef struct py_builtin_module {
    uint16_t name; // qstr
    py_val module;
} py_builtin_module;

// ---- running code ------------------------------------------------------------------------------
enum { PY_COMPILE_FILE, PY_COMPILE_EVAL, PY_COMPILE_SINGLE };
// Compiles source text into a code object; raises SyntaxError.
py_val py_compile(const char *src, size_t len, qstr filename, int mode);
// Runs a module-level code object with the given globals (and locals: NULL = globals).
py_val py_exec_code(py_val code, py_dict *globals, py_dict *locals);
// Compiles and runs source as the module `module` (used by the port for scripts and -c).
void py_exec_str(const char *src, size_t len, qstr filename, int mode, py_dict *globals, py_dict *locals);

// Checks the C stack has room (RecursionError otherwise): call before deep C recursion.
void py_stack_check(void);

// ---- used by the VM and built-ins --------------------------------------------------------------
// Like py_load_method but looks only on the type (special methods: __enter__, __iter__, ...).
bool py_load_method_special(py_val obj, qstr name, py_val dest[2]);
py_val py_ascii(py_val v);               // ascii()
// Guards a container's repr against itself: false if obj is already being printed (print
// "[...]" then); pair every true return with py_repr_leave. An exception in between is
// cleaned up by the next top-level repr.
bool py_repr_enter(py_val obj);
void py_repr_leave(py_val obj);
py_val py_format(py_val v, py_val spec); // format(v, spec) → str
void py_list_extend(py_val list, py_val iterable);
void py_set_update(py_val set, py_val iterable);
// dst.update(m); with `as_kwargs`, keys must be str and not already present (f(**m) rules).
void py_dict_update_checked(py_dict *dst, py_val m, bool as_kwargs);
// import a.b.c if it exists as a module (PY_NULL if not found; other errors raise).
py_val py_import_submodule_maybe(const char *dotted);
// Echo of an expression statement in the REPL: repr(v) + newline unless None; sets builtins._
void py_repl_print_expr(py_val v);
// Handles PY_S->pending (the VM calls it between instructions).
void py_vm_handle_pending(void);
// The bytecode budget ran out (PY_CFG_VM_BUDGET): calls py_port_budget.
void py_vm_budget_expired(void);
// Ends the current budget at the next instruction (a new timed event was scheduled).
void py_vm_budget_refresh(void);

#endif // PY_RUNTIME_H
