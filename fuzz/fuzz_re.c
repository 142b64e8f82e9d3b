// fuzz/fuzz_re.c: libFuzzer target for the re module: compiles a random pattern and runs
// every operation on a random subject, with a small heap and a step limit (the matcher polls
// the pending hook, so runaway backtracking ends in RuntimeError like a runaway loop).
// Input: one flags byte, then pattern 0xff subject 0xff template (missing parts are empty).
// Flags byte: bits 0-4 pick re.I/M/S/X/A, bit 5 makes pattern, subject and template bytes.
// Every input must end in a Python exception or normal completion; a crash, a sanitizer
// report, a hang or a fatal error is a bug.
#include <string.h>

#include "fuzz/fuzz.h"

extern const py_module mod_re_module;

py_obj *fuzz_builtin_module(uint32_t name) {
    return name == PY_QSTR_re ? (py_obj *)&mod_re_module : NULL;
}

// The driver: each operation in its own try so that one failure does not hide the others.
static const char driver[] =
    "import re\n"
    "def t(f, *a):\n"
    "    try:\n"
    "        return f(*a)\n"
    "    except (re.error, TypeError, ValueError, IndexError, OverflowError, RecursionError, MemoryError):\n"
    "        return None\n"
    "r = t(re.compile, p, f)\n"
    "if r:\n"
    "    repr(r)\n"
    "    for m in (t(r.search, s), t(r.match, s), t(r.fullmatch, s), t(r.search, s, 1, len(s) - 1)):\n"
    "        if m:\n"
    "            repr(m); m.groups(); m.groupdict('-'); m.span(); m.lastgroup; m.regs\n"
    "            t(m.expand, tm)\n"
    "            t(m.group, *range(r.groups + 1))\n"
    "    t(r.findall, s)\n"
    "    t(r.split, s)\n"
    "    t(r.split, s, 2)\n"
    "    t(r.sub, tm, s)\n"
    "    t(r.subn, lambda m: m.group(0) * 2, s, 3)\n"
    "    t(lambda: [m.span() for m in r.finditer(s, 1)])\n"
    "    t(re.escape, s)\n";

static py_val text(const uint8_t *d, size_t n, bool bytes) {
    return bytes ? py_bytes_new(d, n) : fuzz_text(d, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) {
        return 0;
    }
    fuzz_start(256u << 10);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        uint8_t fl = data[0];
        static const int bits[] = {2, 8, 16, 64, 256};
        int flags = 0;
        for (int i = 0; i < 5; i++) {
            flags |= (fl >> i & 1) ? bits[i] : 0;
        }
        bool bytes = (fl & 0x20) != 0;
        const uint8_t *part[3] = {data + 1, NULL, NULL};
        size_t len[3] = {size - 1, 0, 0};
        for (int k = 0; k < 2; k++) { // split at 0xff
            const uint8_t *sep = memchr(part[k], 0xff, len[k]);
            if (sep == NULL) {
                break;
            }
            part[k + 1] = sep + 1;
            len[k + 1] = len[k] - (size_t)(sep + 1 - part[k]);
            len[k] = (size_t)(sep - part[k]);
        }
        py_dict *g = fuzz_globals();
        // (fuzz/ is not scanned for qstrs: the names are made at run time)
        py_dict_set(g, py_str_from_cstr("p"), text(part[0], len[0], bytes));
        py_dict_set(g, py_str_from_cstr("s"), text(part[1] ? part[1] : part[0], part[1] ? len[1] : len[0], bytes));
        py_dict_set(g, py_str_from_cstr("tm"), text(part[2] ? part[2] : (const uint8_t *)"", len[2], bytes));
        py_dict_set(g, py_str_from_cstr("f"), py_small(flags));
        fuzz_exec(driver, sizeof(driver) - 1, g);
        py_nlr_pop();
    } else {
        fuzz_print_exc(nlr.exc);
    }
    fuzz_finish();
    return 0;
}
