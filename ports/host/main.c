// ports/host/main.c: the `rtpy` host program: runs a script, -c code, -m module, or the REPL,
// on the kernel's host simulation. Python's main thread is a kernel thread; the process ends
// when it ends (other threads are stopped, as in MicroPython). The fixed heap and the Python
// stack are allocated once, before the interpreter starts. SIGINT, the console's Ctrl-C and
// --run-for deliver KeyboardInterrupt to the main thread; exit codes are CPython's.
#include <pthread.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ble/air_client.h"
#include "boards/sim/board_sim.h"
#include "boards/sim/trace.h"
#include "modules/app.h"
#include "modules/boot.h"
#include "modules/kthread.h"
#include "modules/modules.h"
#include "modules/repl.h"
#include "modules/vfs.h"
#include "ports/host/console.h"
#include "ports/host/host.h"
#include "py/bc.h"
#include "py/objexc.h"
#include "py/persist.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

#define DEFAULT_HEAP (16u << 20)
#define DEFAULT_PYSTACK (1u << 20)
// The main thread's C stack: Python calls do not recurse in C, calls through C (dunder
// methods, __init__, key functions) take ~400 bytes a level, so 1 MiB reaches the 1000-frame
// recursion limit; the kernel paints it all at start-up, so it costs start-up time too.
#define MAIN_STACK (1u << 20)

static struct {
    size_t heap_size, pystack_size;
    const char *cmd, *module, *script;
    int argc, first_arg;
    char **argv;
    bool dis;        // -X dis: print the bytecode before running
    bool virtual_time;
    bool time_given;
    long run_for_ms; // -1: none
    const char *board, *trace; // --board= scenario, --trace= output (boards/sim)
    const char *trace_vcd, *trace_sched; // --trace-vcd=, --trace-sched= (docs/tracing.md)
    const char *uart[3];       // --uart1=, --uart2=: host devices as the UARTs' peers
    const char *air, *btsnoop; // --air=SOCKET[,name=N][,x=X][,y=Y], --btsnoop=FILE (docs/ble.md)
    const char *flash;         // --flash= file: the board's flash, its file system the root
    const char *control;       // --control=SOCKET: a test drives inputs (boards/sim/control.c)
    bool repl;
    char *stdin_src; // a program read from a pipe
    size_t stdin_len;
    int exit_code;
} O = {.run_for_ms = -1};

static py_val keyboard_interrupt; // preallocated: delivering it never allocates
static struct k_sim_irq sigint_irq, run_for_irq;

void host_interrupt_main(void) {
    mod_kthread *m = mod_kthread_main();
    if (m && keyboard_interrupt) {
        mod_kthread_interrupt(m, keyboard_interrupt);
    }
}

static void interrupt_isr(void *arg) {
    (void)arg;
    host_interrupt_main();
}

// SIGINT is blocked in every thread; this host thread waits for it and posts an interrupt.
static void *signal_thread(void *arg) {
    sigset_t *set = arg;
    for (;;) {
        int sig;
        if (sigwait(set, &sig) == 0 && sig == SIGINT) {
            k_sim_irq_raise_async(&sigint_irq);
        }
    }
    return NULL;
}

static size_t parse_size(const char *s) {
    char *end;
    unsigned long long v = strtoull(s, &end, 0);
    if (*end == 'k' || *end == 'K') {
        v <<= 10;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        v <<= 20;
        end++;
    }
    if (*end != 0 || v == 0) {
        return 0;
    }
    return (size_t)v;
}

static void usage(void) {
    fprintf(stderr,
            "usage: rtpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
            "  -c cmd         run the program passed as a string\n"
            "  -m mod         run a module as a script\n"
            "  -X heapsize=N  size of the Python heap (N bytes, or Nk / Nm; default 16m)\n"
            "  -X pystack=N   size of the Python call stack (default 1m)\n"
            "  -X dis         print the compiled bytecode before running\n"
            "  --time=virtual|real  simulated time (default for scripts: deterministic) or the\n"
            "                 wall clock (default for the interactive REPL)\n"
            "  --run-for=MS   raise KeyboardInterrupt in the main thread after MS of (simulated) time\n"
            "  --board=FILE   simulated board scenario (docs/board-sim.md)\n"
            "  --trace=FILE   write the board's outputs with their times to FILE ('-': stdout)\n"
            "  --trace-vcd=FILE  write pin levels, UART bytes and ADC samples to FILE as a VCD\n"
            "  --trace-sched=FILE  write thread states, interrupts and kernel-object calls to\n"
            "                 FILE as Chrome/Perfetto trace-event JSON (docs/tracing.md)\n"
            "  --control=SOCKET  take scenario lines from a test at run time (docs/testing.md)\n"
            "  --flash=FILE   give the board a flash kept in FILE (4 MiB, created erased); its\n"
            "                 file system becomes the root, and without a program boot.py and\n"
            "                 main.py run from it before the REPL (docs/storage.md)\n"
            "  --uart1=PATH, --uart2=PATH  connect the board's UART 1 or 2 to a serial port, a\n"
            "                 pty, a FIFO or a Unix socket (time then defaults to real)\n"
            "  --air=SOCKET[,name=NAME][,x=M][,y=M]  join the radio medium rtpy-air as NAME at (x, y)\n"
            "                 metres (docs/ble.md); NAME gives the board its BLE address\n"
            "  --btsnoop=FILE record the board's HCI traffic (Wireshark/tshark's btsnoop format)\n"
            "  -h, --help     this text\n"
            "  -V, --version  the version\n");
}

// Returns the process exit code for an uncaught exception (printing its traceback).
static int handle_uncaught(py_val exc) {
    py_port_flush();
    if (py_exc_matches(exc, (py_val)&py_type_SystemExit)) {
        py_val code = py_exc_arg0(exc);
        if (code == PY_NULL || code == PY_NONE) {
            return 0;
        }
        py_int_t c;
        if (py_is_int(code) && py_get_int_maybe(code, &c)) {
            return (int)(c & 0xff);
        }
        py_print_val(&py_print_stderr, code, PY_PRINT_STR);
        py_port_write_err("\n", 1);
        return 1;
    }
    py_exc_print_traceback(&py_print_stderr, exc);
    return 1;
}

// Compiles and runs source text as __main__ (or, with mode PRECOMPILED, loads an .rpyc
// file's code: py/persist.h); returns the exit code.
#define PRECOMPILED (-1)
static int run_source(const char *src, size_t len, qstr filename, int mode) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val code = mode == PRECOMPILED ? py_persist_load((const uint8_t *)src, len)
                                          : py_compile(src, len, filename, mode);
        if (O.dis) {
            py_code_dis(&py_print_stdout, (const py_code *)code);
        }
        py_exec_code(code, PY_S->main_globals, PY_S->main_globals);
        py_nlr_pop();
        return 0;
    }
    return handle_uncaught(nlr.exc);
}

static int run_file(const char *path) {
    long n = host_read_file(path, NULL, 0);
    if (n < 0 || host_stat(path) != 1) {
        fprintf(stderr, "rtpy: can't open file '%s': [Errno 2] No such file or directory\n", path);
        return 2;
    }
    char *src = malloc((size_t)n + 1); // the source lives outside the heap while compiling
    if (src == NULL) {
        fprintf(stderr, "rtpy: out of memory reading '%s'\n", path);
        return 1;
    }
    long m = host_read_file(path, src, (size_t)n);
    size_t pl = strlen(path), el = sizeof(PY_PERSIST_EXT) - 1;
    bool rpyc = pl > el && strcmp(path + pl - el, PY_PERSIST_EXT) == 0; // as python3 runs a .pyc
    int rc = run_source(src, (size_t)(m < 0 ? 0 : m), py_qstr_from_str(path),
                        rpyc ? PRECOMPILED : PY_COMPILE_FILE);
    free(src);
    return rc;
}

// A program piped in is read before the kernel starts (nothing else runs yet).
static void read_stdin_program(void) {
    size_t cap = 4096, len = 0;
    char *src = malloc(cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            src = realloc(src, cap);
        }
        ssize_t r = read(0, src + len, cap - len);
        if (r <= 0) {
            break;
        }
        len += (size_t)r;
    }
    O.stdin_src = src;
    O.stdin_len = len;
}

// The file of module `dotted` (a.b → DIR/a/b.py, or DIR/a/b/__main__.py for a package) in
// the first sys.path entry that has it.
static bool find_module_file(const char *dotted, char *out, size_t size) {
    char rel[1024];
    snprintf(rel, sizeof(rel), "%s", dotted);
    for (char *c = rel; *c; c++) {
        if (*c == '.') {
            *c = '/';
        }
    }
    size_t n;
    py_val *dirs;
    if (!py_get_items(PY_S->sys_path, &n, &dirs)) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        size_t dl;
        const char *d = py_get_str(dirs[i], &dl);
        const char *sep = dl ? "/" : "";
        snprintf(out, size, "%.*s%s%s.py", (int)dl, d, sep, rel);
        if (py_port_stat(out) == 1) {
            return true;
        }
        snprintf(out, size, "%.*s%s%s/__main__.py", (int)dl, d, sep, rel);
        if (py_port_stat(out) == 1) {
            return true;
        }
    }
    return false;
}

// ---- REPL ------------------------------------------------------------------------------------------
// The shared REPL (modules/repl.c) on the console: line editing and history on a terminal,
// paste mode (Ctrl-E) and the raw REPL (Ctrl-A) as on a board. Ctrl-D exits.
// The REPL ends lines with \r\n, as a UART wants; the host terminal adds the \r itself.
static void repl_write(const char *s, size_t n) {
    size_t start = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '\r' && s[i + 1] == '\n') {
            py_port_write_out(s + start, i - start);
            start = i + 1;
        }
    }
    py_port_write_out(s + start, n - start);
    py_port_flush();
}

static int repl(void) {
    static const mod_repl_io io = {
        .getc = host_console_getc,
        .write = repl_write,
        .line_mode = host_console_line_mode,
        .terminal = true,
        .banner = "rtpy " RTPY_VERSION " (Python 3.11 language) on host\r\n"
                  "Use Ctrl-D to exit, Ctrl-C to interrupt.\r\n",
    };
    int rc = mod_repl_run(&io);
    if (rc < 0) { // Ctrl-D: at the friendly prompt, or at the raw one (no soft reset here)
        repl_write("\r\n", 2);
        return 0;
    }
    return rc;
}

// sys.argv, sys.path[0] and __main__, as CPython sets them up. False if the heap is too small.
static bool setup_main(const char *script, const char *cmd, const char *module, int argc, char **argv, int first_arg) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) != 0) {
        return false;
    }
    keyboard_interrupt = py_exc_new(&py_type_KeyboardInterrupt, 0, NULL);
    PY_S->module_roots[MOD_ROOT_PORT] = keyboard_interrupt; // a GC root: C statics are not
    // sys.argv and sys.path[0] as CPython: the script's directory, or '' for -c / REPL
    const char *argv0 = script ? script : cmd ? "-c" : module ? module : "";
    py_list_append(PY_S->sys_argv, py_str_from_cstr(argv0));
    for (int k = first_arg; k < argc; k++) {
        py_list_append(PY_S->sys_argv, py_str_from_cstr(argv[k]));
    }
    if (script) {
        const char *slash = strrchr(script, '/');
        py_list_append(PY_S->sys_path, slash ? py_str_new(script, (size_t)(slash - script)) : py_qstr_val(PY_QSTR_));
    } else {
        py_list_append(PY_S->sys_path, py_qstr_val(PY_QSTR_));
    }
    py_list_append(PY_S->sys_path, py_str_from_cstr(".frozen")); // lib/, built in
    py_val main_mod = py_module_new(PY_QSTR___main__);
    PY_S->main_globals = ((py_module *)main_mod)->globals;
    py_dict_set_qstr(PY_S->main_globals, PY_QSTR___builtins__, (py_val)&mod_builtins_module);
    if (script) {
        py_dict_set_qstr(PY_S->main_globals, PY_QSTR___file__, py_str_from_cstr(script));
    }
    py_dict_set(PY_S->modules, py_qstr_val(PY_QSTR___main__), main_mod);
    py_nlr_pop();
    return true;
}

// The Python main thread: a kernel thread.
static void main_thread(void *arg) {
    (void)arg;
    void *heap = malloc(O.heap_size);
    void *pystack = malloc(O.pystack_size);
    if (heap == NULL || pystack == NULL) {
        fprintf(stderr, "rtpy: cannot allocate the heap\n");
        k_stop(1);
    }
    py_init(heap, O.heap_size, pystack, O.pystack_size);
    uintptr_t lo = 0, hi = 0;
    k_thread_stack_bounds(k_thread_self(), &lo, &hi);
    py_thread_set_stack(PY_TS, (char *)__builtin_frame_address(0) + 256, lo);
    mod_kthread_init();
    if (!O.flash) {
        mod_vfs_mount(&host_vfs_posix);
    }
    if (!setup_main(O.script, O.cmd, O.module, O.argc, O.argv, O.first_arg)) {
        fprintf(stderr, "rtpy: start-up failed (heap too small?)\n");
        k_stop(1);
    }
    bool app = false;
    if (O.flash) {
        // the simulator's bootloader: install or revert an update, find the application
        // bundle of the image that runs (docs/ota.md); then the flash's file system as the
        // root (if it cannot be mounted, no root at all)
        app = mod_app_boot();
        host_flash_root = mod_boot_mount_flash();
    }
    if (O.run_for_ms >= 0) {
        k_sim_irq_at(&run_for_irq, (uint64_t)O.run_for_ms * 1000000u);
    }
    int rc;
    if (O.cmd) {
        rc = run_source(O.cmd, strlen(O.cmd), PY_QSTR_lt_string_gt, PY_COMPILE_FILE);
    } else if (O.module) {
        // -m: find the module's file on sys.path (a package runs its __main__.py) and run it
        // as __main__, as CPython does
        char path[4096];
        rc = 1;
        if (find_module_file(O.module, path, sizeof(path))) {
            py_list *argv_l = (py_list *)PY_S->sys_argv;
            argv_l->items[0] = py_str_from_cstr(path);
            py_dict_set_qstr(PY_S->main_globals, PY_QSTR___file__, py_str_from_cstr(path));
            rc = run_file(path);
        } else {
            fprintf(stderr, "%s: No module named %s\n", O.argv[0], O.module);
        }
    } else if (O.script) {
        rc = run_file(O.script);
    } else if (O.flash) {
        // a device: boot.py, then the application's main (or else main.py) from its file
        // system, then the REPL (or a program piped in)
        (void)mod_boot_run_script("boot.py");
        if (!app || !mod_app_run_main()) {
            (void)mod_boot_run_script("main.py");
        }
        rc = O.repl ? repl() : O.stdin_src ? run_source(O.stdin_src, O.stdin_len, PY_QSTR_lt_stdin_gt, PY_COMPILE_FILE) : 0;
    } else if (O.stdin_src) {
        rc = run_source(O.stdin_src, O.stdin_len, PY_QSTR_lt_stdin_gt, PY_COMPILE_FILE);
    } else {
        rc = repl();
    }
    py_port_flush();
    if (host_flash_root) {
        mod_vfs_sync(); // files left open keep what was written, as CPython's are closed at exit
    }
    k_stop(rc);
}

// --air=SOCKET[,name=NAME][,x=M][,y=M]: the name defaults to the script's file name.
static int join_air(const char *arg) {
    struct air_spec spec;
    const char *base = O.script ? strrchr(O.script, '/') : NULL;
    snprintf(spec.name, sizeof spec.name, "%s", base ? base + 1 : O.script ? O.script : "rtpy");
    const char *bad = air_spec_parse(arg, &spec);
    if (bad) {
        fprintf(stderr, "rtpy: --air: %s\n", bad);
        return -1;
    }
    return board_sim_ble_join(spec.path, spec.name, spec.x_m, spec.y_m);
}

int main(int argc, char **argv) {
    O.heap_size = DEFAULT_HEAP;
    O.pystack_size = DEFAULT_PYSTACK;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-c") == 0 && i + 1 < argc) {
            O.cmd = argv[++i];
            i++;
            break;
        } else if (strcmp(a, "-m") == 0 && i + 1 < argc) {
            O.module = argv[++i];
            i++;
            break;
        } else if (strcmp(a, "-X") == 0 && i + 1 < argc) {
            const char *x = argv[++i];
            if (strncmp(x, "heapsize=", 9) == 0) {
                O.heap_size = parse_size(x + 9);
                if (O.heap_size < 4096) {
                    fprintf(stderr, "rtpy: bad heap size '%s'\n", x + 9);
                    return 2;
                }
            } else if (strcmp(x, "dis") == 0) {
                O.dis = true;
            } else if (strncmp(x, "pystack=", 8) == 0) {
                O.pystack_size = parse_size(x + 8);
                if (O.pystack_size < 1024) {
                    fprintf(stderr, "rtpy: bad Python stack size '%s'\n", x + 8);
                    return 2;
                }
            } else {
                fprintf(stderr, "rtpy: unknown option -X %s\n", x);
                return 2;
            }
        } else if (strncmp(a, "--time=", 7) == 0) {
            O.time_given = true;
            if (strcmp(a + 7, "virtual") == 0) {
                O.virtual_time = true;
            } else if (strcmp(a + 7, "real") == 0) {
                O.virtual_time = false;
            } else {
                fprintf(stderr, "rtpy: --time must be virtual or real\n");
                return 2;
            }
        } else if (strncmp(a, "--run-for=", 10) == 0) {
            char *end;
            O.run_for_ms = strtol(a + 10, &end, 10);
            if (*end || O.run_for_ms < 0) {
                fprintf(stderr, "rtpy: bad --run-for value '%s'\n", a + 10);
                return 2;
            }
        } else if (strncmp(a, "--board=", 8) == 0) {
            O.board = a + 8;
        } else if (strncmp(a, "--trace=", 8) == 0) {
            O.trace = a + 8;
        } else if (strncmp(a, "--trace-vcd=", 12) == 0 && a[12]) {
            O.trace_vcd = a + 12;
        } else if (strncmp(a, "--trace-sched=", 14) == 0 && a[14]) {
            O.trace_sched = a + 14;
        } else if (strncmp(a, "--control=", 10) == 0 && a[10]) {
            O.control = a + 10;
        } else if (strncmp(a, "--flash=", 8) == 0) {
            O.flash = a + 8;
        } else if (strncmp(a, "--air=", 6) == 0 && a[6]) {
            O.air = a + 6;
        } else if (strncmp(a, "--btsnoop=", 10) == 0 && a[10]) {
            O.btsnoop = a + 10;
        } else if ((strncmp(a, "--uart1=", 8) == 0 || strncmp(a, "--uart2=", 8) == 0) && a[8]) {
            O.uart[a[6] - '0'] = a + 8;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage();
            return 0;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("rtpy 0.1 (Python 3.11)\n");
            return 0;
        } else if (strcmp(a, "-") == 0) {
            i++;
            break;
        } else if (a[0] == '-' && a[1] != 0) {
            fprintf(stderr, "rtpy: unknown option %s\n", a);
            usage();
            return 2;
        } else {
            O.script = a;
            i++;
            break;
        }
    }
    O.argc = argc;
    O.argv = argv;
    O.first_arg = i;
    O.repl = !O.cmd && !O.module && !O.script && isatty(0);
    if (!O.time_given) {
        // scripts: deterministic; the interactive REPL and a board wired to the outside world
        // (whose peer does not wait for virtual time): the wall clock
        O.virtual_time = !O.repl && !O.uart[1] && !O.uart[2];
    }
    if (!O.cmd && !O.module && !O.script && !O.repl) {
        read_stdin_program();
    }

    // SIGINT goes to a host thread of ours (kernel threads inherit the blocked mask)
    static sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t sig_thread;
    pthread_create(&sig_thread, NULL, signal_thread, &set);
    pthread_detach(sig_thread);

    if (!O.virtual_time) { // lines leave as they are printed, as from a board's console
        setvbuf(stdout, NULL, _IOLBF, 0);
    }
    struct k_config cfg;
    k_config_default(&cfg);
    cfg.time_mode = O.virtual_time ? K_TIME_VIRTUAL : K_TIME_REAL;
    k_init(&cfg);
    if (board_sim_init(O.board, O.trace) != 0) {
        return 2;
    }
    if ((O.trace_vcd && board_sim_trace_vcd_open(O.trace_vcd) != 0) ||
        (O.trace_sched && board_sim_trace_sched_open(O.trace_sched) != 0)) {
        return 2;
    }
    if (O.control && board_sim_control_open(O.control) != 0) {
        return 2;
    }
    if (O.flash && board_sim_flash_open(O.flash) != 0) {
        return 2;
    }
    for (unsigned u = 1; u < 3; u++) {
        if (O.uart[u] && board_sim_uart_connect(u, O.uart[u]) != 0) {
            return 2;
        }
    }
    if (O.air && join_air(O.air) != 0) {
        return 2;
    }
    if (O.btsnoop && board_sim_ble_btsnoop(O.btsnoop) != 0) {
        return 2;
    }
    k_sim_irq_init(&sigint_irq, interrupt_isr, NULL);
    k_sim_irq_init(&run_for_irq, interrupt_isr, NULL);
    k_sim_irq_set_name(&sigint_irq, "SIGINT");
    k_sim_irq_set_name(&run_for_irq, "run-for");
    if (O.repl) {
        host_console_start(true);
    } else if (!O.stdin_src) {
        host_console_start(false);
    }
    static struct k_thread main_kt;
    size_t ss = K_STACK_SIZE(MAIN_STACK);
    void *stack = aligned_alloc(K_STACK_ALIGN, ss);
    k_thread_create(&main_kt, stack, ss, main_thread, NULL, MOD_KTHREAD_PRIO_DEFAULT, "main");
    int rc = k_start();
    host_console_stop();
    fflush(stdout);
    return rc < 0 ? 1 : rc;
}
