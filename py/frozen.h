// py/frozen.h: Python modules built into the binary (lib/, by tools/freezer.c), as bytecode:
// const code objects (in flash on a target) that import runs without compiling or copying.
// The importer finds them through the ".frozen" entry of sys.path, as MicroPython does, so a
// file earlier on the path can override a frozen module.
#ifndef PY_FROZEN_H
#define PY_FROZEN_H

#include <stddef.h>

struct py_code;
typedef struct py_frozen_module {
    const char *path;   // relative to lib/: "json.py", "asyncio/__init__.py"
    const char *source; // its source (for tracebacks), NULL unless PY_CFG_FROZEN_SOURCE
    unsigned len;
    const struct py_code *code; // the module's code; NULL: compile `source` on import
} py_frozen_module;

extern const py_frozen_module py_frozen_modules[];
extern const unsigned py_frozen_count;

// The frozen module at `path` (relative to lib/), or NULL.
const py_frozen_module *py_frozen_find(const char *path);

#endif // PY_FROZEN_H
