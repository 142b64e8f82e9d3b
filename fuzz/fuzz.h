// fuzz/fuzz.h: what the fuzz targets share (fuzz/fuzz_port.c): the port (output discarded,
// no files, a step budget through the pending hook), a fresh interpreter per input, and
// turning input bytes into str.
#ifndef FUZZ_FUZZ_H
#define FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "py/runtime.h"

// Defined by each target: the built-in module `name` it imports (or NULL).
py_obj *fuzz_builtin_module(uint32_t name);

// Starts a fresh interpreter with a heap of heap_size bytes (at most 256 KiB) and a budget of
// steps (backward jumps and calls; the re matcher polls too): past it, RuntimeError.
void fuzz_start(size_t heap_size);
// Compiles and runs src in a new __main__ namespace `g`.
void fuzz_exec(const char *src, size_t len, py_dict *g);
// Prints the exception that ended an input (exercising its repr and str; output discarded).
void fuzz_print_exc(py_val exc);
// Ends the interpreter fuzz_start began.
void fuzz_finish(void);
// A new __main__ namespace.
py_dict *fuzz_globals(void);
// d[0..n) as a str: UTF-8 when it is valid, else read as Latin-1.
py_val fuzz_text(const uint8_t *d, size_t n);

#endif // FUZZ_FUZZ_H
