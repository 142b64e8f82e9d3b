// py/persist.h: precompiled modules (.rpyc files): a code object tree saved to bytes and
// loaded back, on any build. Written by rtpy-cross (ports/cross), loaded by import
// (py/import.c) and by micropython.rpyc_loads. The format is in docs/cross.md; in short:
//
//     "RPYC" | u16 format version | u16 feature flags | u32 bytecode signature |
//     u32 payload length | u32 CRC-32 of the payload | payload
//
// all fields little-endian, counts and sizes as unsigned LEB128 varints inside the payload,
// names and strings as UTF-8 text interned at load: nothing depends on the word size or the
// byte order of the machine that wrote the file, so one file serves the 64-bit host and the
// 32-bit board.
#ifndef PY_PERSIST_H
#define PY_PERSIST_H

#include <stddef.h>
#include <stdint.h>

#include "py/bc.h"
#include "py/runtime.h"

#define PY_PERSIST_EXT ".rpyc"
#define PY_PERSIST_MAGIC "RPYC"
// The layout of the file itself. Bump it when anything in persist.c's encoding changes.
#define PY_PERSIST_FORMAT_VERSION 1
// Bump this when the meaning of an opcode, of its argument, of a code flag (PY_CO_*) or of
// MAKE_FUNCTION's flags changes without the opcode list in py/bc.h changing (a reordered,
// added or removed opcode changes the signature by itself: see py_persist_bc_signature).
#define PY_PERSIST_BC_REVISION 1

// Feature flags of the header: what a loading build must support.
#define PY_PERSIST_F_FLOAT 0x0001 // float constants (a build without PY_CFG_FLOAT refuses)
#define PY_PERSIST_F_KNOWN PY_PERSIST_F_FLOAT

#define PY_PERSIST_HEADER_LEN 20

// The bytecode signature written into and expected from every file: a hash of the opcode
// names in order and of PY_PERSIST_BC_REVISION.
uint32_t py_persist_bc_signature(void);

// CRC-32 (IEEE 802.3, as zlib's crc32) of data[0..len), continuing from crc (0 to start).
uint32_t py_persist_crc32(uint32_t crc, const uint8_t *data, size_t len);

// Appends the file for `code` (a module's code and everything it contains) to out.
// Raises ValueError for a constant that has no encoding.
void py_persist_save(py_vstr *out, const py_code *code);

// Loads a file: returns the module's code object (in the GC heap). Raises ValueError for
// anything that is not a complete, intact file of this build's format and bytecode (a bad
// magic, another version, a truncated or corrupted file, out-of-range indices in the
// bytecode); MemoryError when the heap is full. Never reads outside data[0..len).
py_val py_persist_load(const uint8_t *data, size_t len);

#endif // PY_PERSIST_H
