// fuzz/fuzz_rpyc.c: libFuzzer target for the .rpyc loader (py/persist.c): the input is a
// file. Its header is first made to match this build and the input's payload (format
// version, bytecode signature, length, CRC-32) so that mutations reach the parser and the
// bytecode checks instead of stopping at the checksum, and stale kept inputs stay useful;
// an input whose version field is 0xffff keeps its header as it is (the header checks).
// A file that loads is disassembled (every table read through) and saved again, and the
// saved bytes must load: a mismatch aborts. The code is not run: the loader checks the
// bytecode's indices, jumps and stack depths, not the types the VM expects of its operands
// (docs/cross.md). Every other input must end in ValueError (or MemoryError).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "py/persist.h"

py_obj *fuzz_builtin_module(uint32_t name) {
    (void)name;
    return NULL;
}

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) {
        p[i] = (uint8_t)(v >> (8 * i));
    }
}

// Loads, disassembles, saves and loads again; returns false if the second load fails.
// A function of its own: the collector scans the C stack from fuzz_start's frame down, and
// this frame is as deep as fuzz_start's was (the caller's locals would not be roots).
static __attribute__((noinline)) bool load_save_load(const uint8_t *buf, size_t size) {
    py_val code = py_persist_load(buf, size);
    py_code_dis(&py_print_stdout, (const py_code *)code);
    py_vstr v;
    py_vstr_init(&v, size + 16);
    py_persist_save(&v, (const py_code *)code);
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_persist_load((const uint8_t *)py_vstr_data(&v), v.len);
        py_nlr_pop();
        return true;
    }
    if (py_exc_matches(nlr.exc, (py_val)&py_type_MemoryError)) {
        return true;
    }
    size_t n;
    fprintf(stderr, "fuzz_rpyc: a saved file does not load: %s\n", py_get_str(py_str_of(nlr.exc), &n));
    return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t *buf = malloc(size + 1);
    memcpy(buf, data, size);
    if (size >= PY_PERSIST_HEADER_LEN && !(buf[4] == 0xff && buf[5] == 0xff)) {
        memcpy(buf, PY_PERSIST_MAGIC, 4);
        buf[4] = (uint8_t)PY_PERSIST_FORMAT_VERSION;
        buf[5] = (uint8_t)(PY_PERSIST_FORMAT_VERSION >> 8);
        put32(buf + 8, py_persist_bc_signature());
        size_t plen = size - PY_PERSIST_HEADER_LEN;
        put32(buf + 12, (uint32_t)plen);
        put32(buf + 16, py_persist_crc32(0, buf + PY_PERSIST_HEADER_LEN, plen));
    }
    fuzz_start(256u << 10);
    bool bad = false;
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        bad = !load_save_load(buf, size);
        py_nlr_pop();
    } else {
        if (!py_exc_matches(nlr.exc, (py_val)&py_type_ValueError) &&
            !py_exc_matches(nlr.exc, (py_val)&py_type_MemoryError)) {
            fprintf(stderr, "fuzz_rpyc: %s\n", py_type_name(nlr.exc));
            bad = true;
        }
        fuzz_print_exc(nlr.exc);
    }
    fuzz_finish();
    free(buf);
    if (bad) {
        abort();
    }
    return 0;
}
