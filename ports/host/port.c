// ports/host/port.c: the py/port.h contract for Linux: console on stdio, files on the host
// file system, built-in modules from modules/.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <time.h>

#include "modules/kthread.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "ports/host/console.h"
#include "ports/host/host.h"
#include "py/port.h"
#include "py/runtime.h"
#include "py/state.h"

void py_port_write_out(const char *s, size_t n) { fwrite(s, 1, n, stdout); }

void py_port_write_err(const char *s, size_t n) {
    fflush(stdout);
    fwrite(s, 1, n, stderr);
    fflush(stderr);
}

void py_port_flush(void) { fflush(stdout); }

_Noreturn void py_port_fatal(const char *msg) {
    fflush(stdout);
    fprintf(stderr, "rtpy: fatal error: %s\n", msg);
    exit(70);
}

bool host_flash_root;

// Imports read the root file system: the host's own, or the flash's (--flash).
int py_port_stat(const char *path) {
    return host_flash_root ? mod_vfs_kind(path) : host_stat(path);
}

long py_port_read_file(const char *path, char *buf, size_t cap) {
    return host_flash_root ? mod_vfs_read_file(path, buf, cap) : host_read_file(path, buf, cap);
}

int host_stat(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : S_ISREG(st.st_mode) ? 1 : 0;
}

long host_read_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    size_t got = 0;
    while (buf && got < cap) {
        ssize_t r = read(fd, buf + got, cap - got);
        if (r <= 0) {
            break;
        }
        got += (size_t)r;
    }
    close(fd);
    return (long)st.st_size;
}


uintptr_t py_port_stack_limit(void) { return 0; }

py_obj *py_port_builtin_module(uint32_t name) { return mod_builtin_lookup(name); }

const char *py_port_platform(void) { return "linux"; }

py_val py_port_readline_stdin(void) {
    py_vstr v;
    py_vstr_init(&v, 64);
    fflush(stdout);
    for (;;) {
        int c = host_console_getc();
        if (c == EOF) {
            break;
        }
        py_vstr_add_char(&v, (char)c);
        if (c == '\n') {
            break;
        }
    }
    return py_vstr_to_str(&v);
}

// Virtual time: the bytecodes that ran cost HOST_BYTECODE_NS each; the next budget ends
// exactly at the next scheduled event, so timers and interrupts take effect at the right
// bytecode. Real time: deliver what is due and look again after a while.
int32_t py_port_budget(int32_t executed) {
    if (k_is_in_isr()) {
        return 1000; // a hard handler: its time is charged with the interrupted code's
    }
    if (!k_sim_is_virtual()) {
        k_sim_consume(0);
        return 1000;
    }
    k_sim_consume((uint64_t)(executed > 0 ? executed : 0) * HOST_BYTECODE_NS);
    uint64_t now = k_sim_now_ns(), next = k_sim_next_event_ns();
    uint64_t n = next > now ? (next - now + HOST_BYTECODE_NS - 1) / HOST_BYTECODE_NS : 1;
    return n > 10000 ? 10000 : (int32_t)n;
}

// time.time(): the wall clock in real time; in virtual time 2000-01-01 plus the uptime, so
// every run of a script sees the same dates.
int64_t py_port_time_ns(void) {
    if (k_sim_is_virtual()) {
        return 946684800LL * 1000000000LL + (int64_t)k_sim_now_ns();
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// Thread stacks come from the host's malloc (the interpreter's heap stays for Python).
void *mod_kthread_port_alloc(size_t size) {
    return aligned_alloc(K_STACK_ALIGN, (size + K_STACK_ALIGN - 1) & ~(size_t)(K_STACK_ALIGN - 1));
}
void mod_kthread_port_free(void *p) { free(p); }

void mod_kthread_port_report(const char *what, py_val exc) {
    py_port_flush();
    py_print_str(&py_print_stderr, what);
    py_print_str(&py_print_stderr, "\n");
    py_exc_print_traceback(&py_print_stderr, exc);
}

// os.uname() and os.urandom(): the host's.
void mod_os_port_uname(const char *fields[5]) {
    static struct utsname u; // (one interpreter per process on the host)
    uname(&u);
    fields[0] = u.sysname;
    fields[1] = u.nodename;
    fields[2] = u.release;
    fields[3] = u.version;
    fields[4] = u.machine;
}

int mod_os_port_urandom(void *buf, size_t n) {
    for (size_t done = 0; done < n;) {
        ssize_t r = getrandom((char *)buf + done, n - done, 0);
        if (r < 0 && errno != EINTR) {
            return -errno;
        }
        done += r > 0 ? (size_t)r : 0;
    }
    return 0;
}
