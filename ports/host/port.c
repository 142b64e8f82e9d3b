// ports/host/port.c: the py/port.h contract for Linux: console on stdio, files on the host
// file system, built-in modules from modules/.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/modules.h"
#include "py/port.h"
#include "py/runtime.h"

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

int py_port_stat(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : S_ISREG(st.st_mode) ? 1 : 0;
}

long py_port_read_file(const char *path, char *buf, size_t cap) {
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

void py_port_pending(void) {}

uintptr_t py_port_stack_limit(void) { return 0; }

py_obj *py_port_builtin_module(uint32_t name) { return mod_builtin_lookup(name); }

const char *py_port_platform(void) { return "linux"; }

py_val py_port_readline_stdin(void) {
    py_vstr v;
    py_vstr_init(&v, 64);
    fflush(stdout);
    for (;;) {
        int c = getchar();
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
