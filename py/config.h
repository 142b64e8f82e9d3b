// py/config.h: compile-time options of the language core, with their defaults.
// The port's own header (PY_PORT_CONFIG, e.g. ports/host/py_port_config.h) is read first and
// may set any option; every option is 0 or 1 (or a size) and is tested with #if under -Wundef.
// Bundles: PY_CFG_BUNDLE_MINIMAL (language core + REPL only) and the full default.
#ifndef PY_CONFIG_H
#define PY_CONFIG_H

#ifdef PY_PORT_CONFIG
#include PY_PORT_CONFIG
#endif

// Set by `make SANITIZE=1` (ASan+UBSan build).
#ifndef PY_CFG_SANITIZE
#define PY_CFG_SANITIZE 0
#endif

// Use __builtin_setjmp/__builtin_longjmp for exceptions (faster: saves 3 words instead of a
// full jmp_buf). Off under the sanitizers, which only understand libc longjmp. Cost: none.
#ifndef PY_CFG_NLR_BUILTIN
#if defined(__GNUC__) && !PY_CFG_SANITIZE
#define PY_CFG_NLR_BUILTIN 1
#else
#define PY_CFG_NLR_BUILTIN 0
#endif
#endif

// Check the VM's stack pointer against the frame's bounds at every instruction (debug:
// catches a compiler stack-depth mistake at once). On in sanitizer builds. Cost: speed.
#ifndef PY_CFG_VM_CHECKS
#define PY_CFG_VM_CHECKS PY_CFG_SANITIZE
#endif

// A bytecode budget decremented at every instruction: when it runs out the port is told
// how many bytecodes ran (py_port_budget). The host simulation charges virtual time this way
// and wakes threads at exact bytecode boundaries. Cost: a decrement per bytecode.
#ifndef PY_CFG_VM_BUDGET
#define PY_CFG_VM_BUDGET 1
#endif

// Computed-goto dispatch in the VM (GCC/clang). The switch fallback is built in CI too.
#ifndef PY_CFG_COMPUTED_GOTO
#if defined(__GNUC__)
#define PY_CFG_COMPUTED_GOTO 1
#else
#define PY_CFG_COMPUTED_GOTO 0
#endif
#endif

// Floating point support (float type, float literals). Flash cost ~12 KB on Thumb-2.
#ifndef PY_CFG_FLOAT
#define PY_CFG_FLOAT 1
#endif

// Bytes per GC block: the allocation granule. 16 bytes holds a float or a 2-item tuple on a
// 32-bit target; the allocation table costs 2 bits per block (1.6% of the heap).
// Collect early, once 1/DIV of the heap has been allocated since the last collection: garbage
// is then reused before the live objects spread over the whole heap, which keeps big free
// runs for big objects (the collector does not move objects). Costs more, equally long,
// pauses. gc.threshold() changes it at run time.
#ifndef PY_CFG_GC_THRESHOLD_DIV
#define PY_CFG_GC_THRESHOLD_DIV 8
#endif

// py_gc_init tests the allocation tables for zero before it clears them: memory fresh from
// a hosted OS is zero, and reading it costs less than the page faults of writing it. On a
// board clearing is cheaper (newlib-nano's memcmp goes a byte at a time: testing a 4 MiB
// heap's tables took 600,000 instructions at boot).
#ifndef PY_CFG_GC_INIT_TEST_ZERO
#ifdef __linux__
#define PY_CFG_GC_INIT_TEST_ZERO 1
#else
#define PY_CFG_GC_INIT_TEST_ZERO 0
#endif
#endif

// Objects whose finaliser the collector runs when they become garbage (open files): a fixed
// table, so registering never allocates.
#ifndef PY_CFG_GC_FINALISERS
#define PY_CFG_GC_FINALISERS 32
#endif

#ifndef PY_CFG_GC_BLOCK
#define PY_CFG_GC_BLOCK 16
#endif

// Default Python recursion limit (frames). RAM: each frame lives on the thread's Python stack.
#ifndef PY_CFG_RECURSION_LIMIT
#define PY_CFG_RECURSION_LIMIT 1000
#endif

// Bytes of C stack kept free below the checked limit so error paths still have room.
#ifndef PY_CFG_C_STACK_MARGIN
#define PY_CFG_C_STACK_MARGIN 8192
#endif

// Entries of the name-lookup cache: (type, name) -> attribute along the MRO, and (globals,
// name) -> where LOAD_GLOBAL finds the name (py_attr_cache_entry). A power of two. RAM, in the
// heap: 4 words each (4 KiB for 256 on a 32-bit target).
#ifndef PY_CFG_ATTR_CACHE_SIZE
#define PY_CFG_ATTR_CACHE_SIZE 256
#endif

#endif // PY_CONFIG_H
