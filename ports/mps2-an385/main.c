// ports/mps2-an385/main.c: the rtpy firmware. main() brings up a fresh kernel for every
// session: the Python main thread initialises the interpreter on the board's heap, runs the
// frozen boot.py and main.py if there are any, then the REPL on the console UART. When the
// REPL ends (Ctrl-D, sys.exit) the kernel stops and main starts over: a soft reset. Kernel
// threads, Python threads, timers and the heap all start from nothing; the board's devices
// are quietened first (their interrupt callbacks point into the old session).
#include <string.h>

#include <rtos/kernel.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/board.h"
#include "drivers/gpio.h"
#include "drivers/timer.h"
#include "modules/boot.h"
#include "modules/kthread.h"
#include "modules/modules.h"
#include "modules/repl.h"
#include "modules/vfs.h"
#include "ports/mps2-an385/port.h"
#include "py/frozen.h"
#include "py/objexc.h"
#include "py/print.h"
#include "py/runtime.h"
#include "py/state.h"

#ifndef MPS2_HEAP_SIZE
#define MPS2_HEAP_SIZE 0 // bytes of Python heap; 0: all the board has
#endif
#define MAIN_STACK (24u << 10)   // the Python main thread's C stack
#define MAIN_PYSTACK (32u << 10) // its Python frames (in the board's heap area)

// Link-time knobs for measurements (bench/target/python.py links variants of the firmware from
// the same objects): --defsym=mps2_heap_limit=N caps the Python heap at N bytes;
// --defsym=mps2_boot_report=1 prints the time from reset to the first REPL prompt.
extern const char mps2_heap_limit[] __attribute__((weak));
extern const char mps2_boot_report[] __attribute__((weak));

K_STACK_DEFINE(main_stack, MAIN_STACK);
static struct k_thread main_kt;

static const char banner[] = "rtpy " RTPY_VERSION " (Python 3.11 language) on mps2-an385 with Cortex-M3\r\n"
                             "Ctrl-D: soft reset, Ctrl-C: interrupt, Ctrl-E: paste mode.\r\n";

static bool setup_main(void) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) != 0) {
        return false;
    }
    mps2_console_session_start();
    py_list_append(PY_S->sys_path, py_qstr_val(PY_QSTR_));
    py_list_append(PY_S->sys_path, py_str_from_cstr(".frozen"));
    py_val main_mod = py_module_new(PY_QSTR___main__);
    PY_S->main_globals = ((py_module *)main_mod)->globals;
    py_dict_set_qstr(PY_S->main_globals, PY_QSTR___builtins__, (py_val)&mod_builtins_module);
    py_dict_set(PY_S->modules, py_qstr_val(PY_QSTR___main__), main_mod);
    py_nlr_pop();
    return true;
}

static void main_thread(void *arg) {
    (void)arg;
    void *area;
    size_t size;
    board_heap_area(&area, &size);
    char *pystack = area;
    char *heap = pystack + MAIN_PYSTACK;
    size_t heap_size = size - MAIN_PYSTACK;
    if (MPS2_HEAP_SIZE && MPS2_HEAP_SIZE < heap_size) {
        heap_size = MPS2_HEAP_SIZE;
    }
    if ((size_t)mps2_heap_limit && (size_t)mps2_heap_limit < heap_size) {
        heap_size = (size_t)mps2_heap_limit;
    }
    py_init(heap, heap_size, pystack, MAIN_PYSTACK);
    uintptr_t lo = 0, hi = 0;
    k_thread_stack_bounds(k_thread_self(), &lo, &hi);
    py_thread_set_stack(PY_TS, (char *)hi, lo);
    mod_kthread_init();
    if (!setup_main()) {
        board_console_write("rtpy: start-up failed: heap too small\r\n", 39);
        board_exit(1);
    }
    (void)mod_boot_mount_flash();
    (void)mod_boot_run_script("boot.py");
    (void)mod_boot_run_script("main.py");
    static bool first_session = true;
    if (mps2_boot_report && first_session) {
        // the dual timer counts at 25 MHz from reset: 40 ns, 40 instructions under -icount 0
        char line[64];
        int n = py_snprintf(line, sizeof(line), "boot-to-prompt: %u ns\r\n", (unsigned)(board_counter() * 40u));
        board_console_write(line, (size_t)n);
    }
    first_session = false;
    static const mod_repl_io io = {
        .getc = mps2_console_getc,
        .write = mps2_console_write,
        .line_mode = mps2_console_line_mode,
        .terminal = true,
        .banner = banner,
        .soft_reset = true,
    };
    (void)mod_repl_run(&io); // however it ends, the board soft-resets
    py_port_flush();
    (void)mod_vfs_sync(); // files left open keep what was written
    k_stop(0);
}

int main(void) {
    for (;;) {
        k_init(NULL);
        k_thread_create(&main_kt, main_stack, sizeof(main_stack), main_thread, NULL,
                        MOD_KTHREAD_PRIO_DEFAULT, "main");
        k_start();
        mps2_quiet_devices();
        board_console_write(MOD_REPL_SOFT_REBOOT, sizeof(MOD_REPL_SOFT_REBOOT) - 1);
    }
}
