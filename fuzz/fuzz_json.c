// fuzz/fuzz_json.c: libFuzzer target for the json module: loads() of arbitrary bytes (as str,
// or as bytes when bit 0 of the first byte is set), then dumps() of the result with options
// from the first byte, and a round trip that must reach a fixed point:
// dumps(loads(dumps(loads(x)))) == dumps(loads(x)) once surrogate pairs have combined; a
// mismatch aborts. Every other input must end in a Python exception or normal completion.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define HEAP (256u << 10)
#define PYSTACK (32u << 10)
#define STEP_LIMIT 20000 // backward jumps and calls per input

extern const py_module mod_json_module;

static char heap[HEAP] __attribute__((aligned(16)));
static char pystack[PYSTACK] __attribute__((aligned(16)));
static unsigned steps;

void py_port_write_out(const char *s, size_t n) {
    (void)s;
    (void)n;
}
void py_port_write_err(const char *s, size_t n) {
    (void)s;
    (void)n;
}
_Noreturn void py_port_fatal(const char *msg) {
    fprintf(stderr, "fatal: %s\n", msg);
    abort();
}
int py_port_stat(const char *path) {
    (void)path;
    return 0;
}
long py_port_read_file(const char *path, char *buf, size_t cap) {
    (void)path;
    (void)buf;
    (void)cap;
    return -1;
}
void py_port_pending(void) {
    if (++steps > STEP_LIMIT) {
        steps = 0;
        py_raise_msg(&py_type_RuntimeError, "fuzz: step limit");
    }
}
uintptr_t py_port_stack_limit(void) { return 0; }
py_obj *py_port_builtin_module(uint32_t name) {
    return name == PY_QSTR_json ? (py_obj *)&mod_json_module : NULL;
}
int32_t py_port_budget(int32_t executed) {
    (void)executed;
    return 1 << 20;
}
void py_port_gil_release(void) {}
void py_port_gil_acquire(void) {}

static const char driver[] =
    "import json\n"
    "E = (ValueError, TypeError, RecursionError, MemoryError)\n"
    "kw = {}\n"
    "if o & 2: kw['object_pairs_hook'] = dict\n"
    "if o & 4: kw['parse_float'] = str\n"
    "if o & 8: kw['strict'] = False\n"
    "opts = {'indent': (None, 2, '\\t', 0)[o >> 4 & 3], 'sort_keys': bool(o & 64), 'ensure_ascii': not o & 128}\n"
    "try:\n"
    "    v = json.loads(s, **kw)\n"
    "except E:\n"
    "    v = None\n"
    "else:\n"
    "    try:\n"
    "        a = json.dumps(json.loads(json.dumps(v, **opts)), **opts)\n"
    "        b = json.dumps(json.loads(a), **opts)\n"
    "        bad = a != b\n"
    "        json.dumps(v, separators=(',', ':'), allow_nan=False)\n"
    "    except E:\n"
    "        pass\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) {
        return 0;
    }
    py_init(heap, sizeof(heap), pystack, sizeof(pystack));
    char here;
    py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 64, (uintptr_t)&here - (256u << 10));
    steps = 0;
    bool bad = false;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        const char *doc = (const char *)data + 1;
        size_t n = size - 1;
        py_val s;
        if (data[0] & 1) {
            s = py_bytes_new(doc, n);
        } else if (py_utf8_valid(doc, n)) {
            s = py_str_new(doc, n);
        } else {
            py_vstr v; // not UTF-8: read it as Latin-1
            py_vstr_init(&v, n);
            for (size_t i = 0; i < n; i++) {
                py_vstr_add_utf8(&v, (uint8_t)doc[i]);
            }
            s = py_vstr_to_str(&v);
        }
        // (fuzz/ is not scanned for qstrs: the names are made at run time)
        py_dict *g = (py_dict *)py_dict_new(8);
        py_dict_set_qstr(g, PY_QSTR___name__, py_qstr_val(PY_QSTR___main__));
        py_dict_set(g, py_str_from_cstr("s"), s);
        py_dict_set(g, py_str_from_cstr("o"), py_small(data[0]));
        PY_S->pending |= PY_PENDING_PORT;
        py_val code = py_compile(driver, sizeof(driver) - 1, PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
        py_exec_code(code, g, g);
        bad = py_dict_get(g, py_str_from_cstr("bad")) == PY_TRUE;
        py_nlr_pop();
    } else {
        py_nlr nlr2;
        if (py_nlr_push(&nlr2) == 0) {
            py_exc_print_traceback(&py_print_stderr, nlr.exc);
            py_nlr_pop();
        }
    }
    py_deinit();
    if (bad) {
        fprintf(stderr, "fuzz_json: dumps/loads round trip is not stable\n");
        abort();
    }
    return 0;
}
