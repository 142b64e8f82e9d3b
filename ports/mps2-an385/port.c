// ports/mps2-an385/port.c: the py/port.h contract on the MPS2 AN385: the console on UART0,
// no file system yet (modules come frozen), the clock from the kernel, thread stacks from
// the Python heap (no malloc anywhere in the firmware).
#include <errno.h>
#include <string.h>

#include <rtos/kernel.h>

#include "drivers/board.h"
#include "drivers/gpio.h"
#include "drivers/timer.h"
#include "modules/kthread.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "ports/mps2-an385/port.h"
#include "py/gc.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

// ---- console -----------------------------------------------------------------------------------
static struct {
    struct k_sem rx;         // given for each byte received: a blocked reader wakes
    volatile bool line_mode; // the REPL is editing: Ctrl-C is a key
    py_val kbd_interrupt;    // preallocated KeyboardInterrupt (raising it never allocates)
} C;

static void console_rx(uint8_t byte, void *arg) {
    (void)arg;
    if (!C.line_mode && byte == mod_micropython_kbd_intr_char && C.kbd_interrupt) {
        char drop;
        // the byte is consumed: drop it from the buffer (it is the last one received)
        size_t n = board_console_available();
        if (n == 1) {
            (void)board_console_read(&drop, 1);
        }
        mod_kthread *m = mod_kthread_main();
        if (m) {
            mod_kthread_interrupt(m, C.kbd_interrupt);
        }
        return;
    }
    (void)k_sem_give(&C.rx);
}

// PY_S->module_roots[MOD_ROOT_PORT]: a list of what the port keeps alive: the preallocated
// KeyboardInterrupt, then the blocks holding thread stacks.
static py_list *port_roots(void) { return (py_list *)PY_S->module_roots[MOD_ROOT_PORT]; }

void mps2_console_session_start(void) {
    k_sem_init(&C.rx, 0, 0x7fffffff);
    C.kbd_interrupt = py_exc_new(&py_type_KeyboardInterrupt, 0, NULL);
    PY_S->module_roots[MOD_ROOT_PORT] = py_list_new(1, &C.kbd_interrupt);
    C.line_mode = false;
    board_console_set_rx_hook(console_rx, NULL);
}

void mps2_console_line_mode(bool on) { C.line_mode = on; }

int mps2_console_getc(void) {
    for (;;) {
        char c;
        if (board_console_read(&c, 1) == 1) {
            return (uint8_t)c;
        }
        // the semaphore may hold stale counts (bytes already read): just look again
        (void)mod_kthread_sem_take(&C.rx, k_timeout_forever());
    }
}

void mps2_console_write(const char *s, size_t n) {
    // a terminal wants \r\n; send runs of plain bytes at once
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) {
            board_console_write(s + start, i - start);
            board_console_write("\r\n", 2);
            start = i + 1;
        }
    }
    board_console_write(s + start, n - start);
}

void mps2_quiet_devices(void) {
    board_console_set_rx_hook(NULL, NULL);
    for (unsigned t = 0; t < drv_timer_count(); t++) {
        (void)drv_timer_stop(t);
    }
    for (unsigned p = 0; p < drv_gpio_count(); p++) {
        (void)drv_gpio_irq(p, DRV_GPIO_EDGE_BOTH, NULL, NULL);
    }
}

// ---- py/port.h ---------------------------------------------------------------------------------
void py_port_write_out(const char *s, size_t n) { mps2_console_write(s, n); }
void py_port_write_err(const char *s, size_t n) { mps2_console_write(s, n); }
void py_port_flush(void) {}

_Noreturn void py_port_fatal(const char *msg) {
    board_console_write("\r\nrtpy: fatal error: ", 21);
    board_console_write(msg, strlen(msg));
    board_console_write("\r\n", 2);
    board_exit(70);
}

// No file system yet: imports find frozen modules only.
// Modules are imported from the flash file system (when the board has one).
int py_port_stat(const char *path) { return mod_vfs_kind(path); }

long py_port_read_file(const char *path, char *buf, size_t cap) {
    return mod_vfs_read_file(path, buf, cap);
}

uintptr_t py_port_stack_limit(void) { return 0; }

py_obj *py_port_builtin_module(uint32_t name) { return mod_builtin_lookup(name); }

const char *py_port_platform(void) { return "rtpy"; }

py_val py_port_readline_stdin(void) {
    py_vstr v;
    py_vstr_init(&v, 64);
    for (;;) {
        int c = mps2_console_getc();
        if (c == '\r') {
            c = '\n';
        }
        mps2_console_write((const char *)&(char){(char)c}, 1); // echo
        py_vstr_add_char(&v, (char)c);
        if (c == '\n') {
            break;
        }
    }
    return py_vstr_to_str(&v);
}

// Real time: the budget only paces time slicing among equal-priority threads.
int32_t py_port_budget(int32_t executed) {
    (void)executed;
    return 1000;
}

// No real-time clock: time.time() counts from 2000-01-01 at start-up, as MicroPython boards
// without an RTC do.
int64_t py_port_time_ns(void) {
    return 946684800LL * 1000000000LL + (int64_t)k_uptime_us() * 1000;
}

// Thread stacks come from the Python heap, aligned for the MPU guard inside a larger leaf
// block (the collector scans the live part of a stack through its thread state, never the
// stale rest); the port's root list keeps the blocks until the threads are reaped.
void *mod_kthread_port_alloc(size_t size) {
    size_t a = K_STACK_ALIGN;
    char *block = py_gc_try_alloc(size + a, PY_GC_LEAF);
    if (block == NULL) {
        return NULL;
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) != 0) {
        py_gc_free(block);
        return NULL;
    }
    py_list_append((py_val)port_roots(), (py_val)block);
    py_nlr_pop();
    return (void *)(((uintptr_t)block + a - 1) & ~(uintptr_t)(a - 1));
}

void mod_kthread_port_free(void *p) {
    py_list *l = port_roots();
    for (size_t i = 1; i < l->len; i++) {
        char *block = (char *)l->items[i];
        if ((char *)p >= block && (char *)p < block + K_STACK_ALIGN) {
            l->items[i] = l->items[l->len - 1];
            l->len--;
            py_gc_free(block);
            return;
        }
    }
}

void mod_kthread_port_report(const char *what, py_val exc) {
    py_print_str(&py_print_stderr, what);
    py_print_str(&py_print_stderr, "\n");
    py_exc_print_traceback(&py_print_stderr, exc);
}

// os.uname(): the board; os.urandom(): the board has no entropy source.
void mod_os_port_uname(const char *fields[5]) {
    fields[0] = "rtpy";
    fields[1] = "rtpy";
    fields[2] = RTPY_VERSION;
    fields[3] = RTPY_VERSION;
    fields[4] = "mps2-an385";
}

int mod_os_port_urandom(void *buf, size_t n) {
    (void)buf;
    (void)n;
    return -ENODEV;
}
