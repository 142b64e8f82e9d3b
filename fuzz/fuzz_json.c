// fuzz/fuzz_json.c: libFuzzer target for the json module: loads() of arbitrary bytes (as str,
// or as bytes when bit 0 of the first byte is set), then dumps() of the result with options
// from the first byte, and a round trip that must reach a fixed point:
// dumps(loads(dumps(loads(x)))) == dumps(loads(x)) once surrogate pairs have combined; a
// mismatch aborts. Every other input must end in a Python exception or normal completion.
#include <stdio.h>
#include <stdlib.h>

#include "fuzz/fuzz.h"

extern const py_module mod_json_module;

py_obj *fuzz_builtin_module(uint32_t name) {
    return name == PY_QSTR_json ? (py_obj *)&mod_json_module : NULL;
}

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
    fuzz_start(256u << 10);
    bool bad = false;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        const uint8_t *doc = data + 1;
        size_t n = size - 1;
        py_val s = data[0] & 1 ? py_bytes_new(doc, n) : fuzz_text(doc, n);
        // (fuzz/ is not scanned for qstrs: the names are made at run time)
        py_dict *g = fuzz_globals();
        py_dict_set(g, py_str_from_cstr("s"), s);
        py_dict_set(g, py_str_from_cstr("o"), py_small(data[0]));
        fuzz_exec(driver, sizeof(driver) - 1, g);
        bad = py_dict_get(g, py_str_from_cstr("bad")) == PY_TRUE;
        py_nlr_pop();
    } else {
        fuzz_print_exc(nlr.exc);
    }
    fuzz_finish();
    if (bad) {
        fprintf(stderr, "fuzz_json: dumps/loads round trip is not stable\n");
        abort();
    }
    return 0;
}
