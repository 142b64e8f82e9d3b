// modules/mod_socket.c: the socket module (MicroPython's API, CPython's where they meet) over
// modules/mod_socket.h; only ports with sockets (the host) build it. Sockets are IPv4 TCP or
// UDP, addresses (host, port) tuples. The port's sockets never block: a call that must wait
// loops on "try, then wait one step" (mod_socket_port_wait_ms of host time, then 1 ms kernel
// sleep with the interpreter lock released), so other Python threads run and virtual time
// moves on. Timeouts are counted on the kernel clock and raise OSError(ETIMEDOUT) as
// MicroPython's (CPython raises socket.timeout, a TimeoutError: both are OSErrors); a
// non-blocking socket raises OSError(EAGAIN). Sockets are streams: read, readinto, readline and
// write as MicroPython's, and makefile() returns the socket itself. fileno() is the handle plus
// MOD_SOCKET_FD_BASE, which select.poll and select.select accept.
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "modules/kthread.h"
#include "modules/mod_socket.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "py/gc.h"
#include "py/runtime.h"
#include "py/state.h"

typedef struct sock_obj {
    py_obj base;
    int h;              // the port's handle; -1 once closed
    int type;           // MOD_SOCKET_SOCK_*
    int64_t timeout_ms; // -1: blocking for ever; 0: non-blocking
} sock_obj;

static const py_type sock_type;

static int poll_sockets(mod_vfs_pollfd *fds, size_t n) {
    for (size_t i = 0; i < n; i++) {
        fds[i].fd -= MOD_SOCKET_FD_BASE;
    }
    int r = mod_socket_port_poll(fds, n, 0);
    for (size_t i = 0; i < n; i++) {
        fds[i].fd += MOD_SOCKET_FD_BASE;
    }
    return r;
}

static sock_obj *open_sock(sock_obj *s) {
    if (s->h < 0) {
        mod_vfs_raise(EBADF, PY_NULL, PY_NULL);
    }
    return s;
}

static void check(long r) {
    if (r < 0) {
        mod_vfs_raise((int)-r, PY_NULL, PY_NULL);
    }
}

// Waits until the socket is ready for ev (MOD_VFS_POLLIN/POLLOUT) within its timeout.
static void wait_for(sock_obj *s, uint16_t ev) {
    if (s->timeout_ms == 0) {
        mod_vfs_raise(EAGAIN, PY_NULL, PY_NULL);
    }
    int64_t deadline = s->timeout_ms < 0 ? -1 : k_uptime_ms() + s->timeout_ms;
    for (;;) {
        mod_vfs_pollfd p = {s->h, ev, 0};
        int r = mod_socket_port_poll(&p, 1, mod_socket_port_wait_ms());
        check(r);
        if (r > 0) {
            return;
        }
        if (deadline >= 0 && k_uptime_ms() >= deadline) {
            mod_vfs_raise(ETIMEDOUT, PY_NULL, PY_NULL);
        }
        mod_kthread_sleep(k_timeout_ms(1));
        if (PY_S->pending) {
            py_vm_handle_pending(); // KeyboardInterrupt ends the wait
        }
    }
}

// ---- addresses

static mod_socket_addr addr_from(py_val t) {
    size_t n;
    py_val *items;
    if (!py_is_obj(t) || py_typeof(t) != &py_type_tuple) {
        py_raise_msg(&py_type_TypeError, "AF_INET address must be tuple, not str");
    }
    py_get_items(t, &n, &items);
    if (n != 2) {
        py_raise_msg(&py_type_TypeError, "AF_INET address must be a pair (host, port)");
    }
    mod_socket_addr a;
    const char *host = py_get_str(items[0], &n);
    if (n == 0) {
        host = "0.0.0.0";
    }
    py_int_t port = py_get_int(items[1]);
    if (port < 0 || port > 65535) {
        py_raise_msg(&py_type_OverflowError, "port must be 0-65535.");
    }
    int r = mod_socket_port_resolve(host, &a, 1);
    check(r);
    a.port = (uint16_t)port;
    return a;
}

static py_val addr_to(const mod_socket_addr *a) {
    char ip[16];
    int n = snprintf(ip, sizeof(ip), "%u.%u.%u.%u", a->ip[0], a->ip[1], a->ip[2], a->ip[3]);
    py_val t[2] = {py_str_new(ip, (size_t)n), py_small(a->port)};
    return py_tuple_new(2, t);
}

// ---- the socket type

static sock_obj *sock_new(int h, int type) {
    sock_obj *s = py_new(sock_obj, &sock_type);
    s->h = h;
    s->type = type;
    s->timeout_ms = -1;
    mod_select_socket_poll = poll_sockets;
    return s;
}

// socket(af=AF_INET, type=SOCK_STREAM, proto=0)
static py_val sock_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_family, 0, py_small_const(MOD_SOCKET_AF_INET)},
        {PY_QSTR_type, 0, py_small_const(MOD_SOCKET_SOCK_STREAM)},
        {PY_QSTR_proto, 0, py_small_const(0)},
    };
    py_val a[3];
    py_arg_parse("socket", n_args, n_kw, args, 0, spec, 3, a);
    int ty = (int)py_get_int(a[1]);
    int h = mod_socket_port_open((int)py_get_int(a[0]), ty, (int)py_get_int(a[2]));
    check(h);
    return (py_val)sock_new(h, ty);
}

static py_val sock_close(py_val self) {
    sock_obj *s = (sock_obj *)self;
    if (s->h >= 0) {
        mod_socket_port_close(s->h);
        s->h = -1;
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(sock_close_obj, close, sock_close);

static py_val sock_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return sock_close(args[0]);
}
static PY_FN_OBJ_VAR(sock_exit_obj, __exit__, 1, 4, sock_exit);

static py_val sock_enter(py_val self) {
    return self;
}
static PY_FN_OBJ_1(sock_enter_obj, __enter__, sock_enter);

static py_val sock_fileno(py_val self) {
    sock_obj *s = (sock_obj *)self;
    return py_small(s->h < 0 ? -1 : s->h + MOD_SOCKET_FD_BASE);
}
static PY_FN_OBJ_1(sock_fileno_obj, fileno, sock_fileno);

static py_val sock_connect(py_val self, py_val addr) {
    sock_obj *s = open_sock((sock_obj *)self);
    mod_socket_addr a = addr_from(addr);
    int r = mod_socket_port_connect(s->h, &a);
    if (r == -EINPROGRESS) {
        if (s->timeout_ms == 0) {
            mod_vfs_raise(EINPROGRESS, PY_NULL, PY_NULL);
        }
        wait_for(s, MOD_VFS_POLLOUT);
        r = mod_socket_port_error(s->h);
    }
    check(r);
    return PY_NONE;
}
static PY_FN_OBJ_2(sock_connect_obj, connect, sock_connect);

static py_val sock_bind(py_val self, py_val addr) {
    sock_obj *s = open_sock((sock_obj *)self);
    mod_socket_addr a = addr_from(addr);
    check(mod_socket_port_bind(s->h, &a));
    return PY_NONE;
}
static PY_FN_OBJ_2(sock_bind_obj, bind, sock_bind);

static py_val sock_listen(size_t n_args, const py_val *args) {
    sock_obj *s = open_sock((sock_obj *)args[0]);
    py_int_t backlog = n_args > 1 ? py_get_int(args[1]) : 5;
    check(mod_socket_port_listen(s->h, backlog < 0 ? 0 : (int)backlog));
    return PY_NONE;
}
static PY_FN_OBJ_VAR(sock_listen_obj, listen, 1, 2, sock_listen);

static py_val sock_accept(py_val self) {
    sock_obj *s = open_sock((sock_obj *)self);
    mod_socket_addr peer;
    int h;
    while ((h = mod_socket_port_accept(s->h, &peer)) == -EAGAIN) {
        wait_for(s, MOD_VFS_POLLIN);
    }
    check(h);
    sock_obj *c = sock_new(h, s->type);
    py_val t[2] = {(py_val)c, addr_to(&peer)};
    return py_tuple_new(2, t);
}
static PY_FN_OBJ_1(sock_accept_obj, accept, sock_accept);

// One send: what the port takes once the socket is writable.
static long send_some(sock_obj *s, const void *p, size_t n, const mod_socket_addr *to) {
    long r;
    while ((r = mod_socket_port_send(s->h, p, n, to)) == -EAGAIN) {
        wait_for(s, MOD_VFS_POLLOUT);
    }
    check(r);
    return r;
}

static py_buffer buf_arg(py_val v, int flags) {
    py_buffer b;
    if (!py_get_buffer_maybe(v, &b, flags)) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", v);
    }
    return b;
}

static py_val sock_send(py_val self, py_val data) {
    sock_obj *s = open_sock((sock_obj *)self);
    py_buffer b = buf_arg(data, PY_BUFFER_READ);
    return py_small(send_some(s, b.buf, b.len, NULL));
}
static PY_FN_OBJ_2(sock_send_obj, send, sock_send);

static size_t send_all(sock_obj *s, py_val data) {
    py_buffer b = buf_arg(data, PY_BUFFER_READ);
    size_t done = 0;
    while (done < b.len) {
        done += (size_t)send_some(s, (const uint8_t *)b.buf + done, b.len - done, NULL);
    }
    return done;
}

static py_val sock_sendall(py_val self, py_val data) {
    send_all(open_sock((sock_obj *)self), data);
    return PY_NONE;
}
static PY_FN_OBJ_2(sock_sendall_obj, sendall, sock_sendall);

static py_val sock_write(py_val self, py_val data) { // a stream's write: all of it
    return py_small((py_int_t)send_all(open_sock((sock_obj *)self), data));
}
static PY_FN_OBJ_2(sock_write_obj, write, sock_write);

static py_val sock_sendto(py_val self, py_val data, py_val addr) {
    sock_obj *s = open_sock((sock_obj *)self);
    py_buffer b = buf_arg(data, PY_BUFFER_READ);
    mod_socket_addr a = addr_from(addr);
    return py_small(send_some(s, b.buf, b.len, &a));
}
static PY_FN_OBJ_3(sock_sendto_obj, sendto, sock_sendto);

// One receive into p (waiting for something first); → bytes, 0 at the end.
static long recv_some(sock_obj *s, void *p, size_t n, mod_socket_addr *from) {
    long r;
    while ((r = mod_socket_port_recv(s->h, p, n, from)) == -EAGAIN) {
        wait_for(s, MOD_VFS_POLLIN);
    }
    check(r);
    return r;
}

static size_t size_arg(py_val v) {
    py_int_t n = py_get_int(v);
    if (n < 0) {
        py_raise_msg(&py_type_ValueError, "negative buffersize in recv");
    }
    return (size_t)n;
}

static py_val recv_bytes(sock_obj *s, size_t n, mod_socket_addr *from) {
    uint8_t *tmp = py_gc_alloc(n + 1, PY_GC_LEAF);
    long got = recv_some(s, tmp, n, from);
    return py_bytes_new(tmp, (size_t)got);
}

static py_val sock_recv(py_val self, py_val n) {
    sock_obj *s = open_sock((sock_obj *)self);
    return recv_bytes(s, size_arg(n), NULL);
}
static PY_FN_OBJ_2(sock_recv_obj, recv, sock_recv);

static py_val sock_recvfrom(py_val self, py_val n) {
    sock_obj *s = open_sock((sock_obj *)self);
    mod_socket_addr from;
    py_val t[2];
    t[0] = recv_bytes(s, size_arg(n), &from);
    t[1] = addr_to(&from);
    return py_tuple_new(2, t);
}
static PY_FN_OBJ_2(sock_recvfrom_obj, recvfrom, sock_recvfrom);

// read([n]): n bytes, fewer only at the end (all until the end without n), as a stream.
static py_val sock_read(size_t n_args, const py_val *args) {
    sock_obj *s = open_sock((sock_obj *)args[0]);
    py_int_t want = n_args > 1 && args[1] != PY_NONE ? py_get_int(args[1]) : -1;
    size_t cap = want >= 0 ? (size_t)want : 256, len = 0;
    uint8_t *buf = py_gc_alloc(cap + 1, PY_GC_LEAF);
    while (want < 0 || len < (size_t)want) {
        if (len == cap) {
            buf = py_gc_realloc(buf, cap * 2 + 1);
            cap *= 2;
        }
        long r = recv_some(s, buf + len, cap - len, NULL);
        if (r == 0) {
            break;
        }
        len += (size_t)r;
    }
    return py_bytes_new(buf, len);
}
static PY_FN_OBJ_VAR(sock_read_obj, read, 1, 2, sock_read);

// readinto(buf[, n]): one receive into buf; → the count (0 at the end).
static py_val sock_readinto(size_t n_args, const py_val *args) {
    sock_obj *s = open_sock((sock_obj *)args[0]);
    py_buffer b = buf_arg(args[1], PY_BUFFER_WRITE);
    size_t n = b.len;
    if (n_args > 2 && (size_t)py_get_int(args[2]) < n) {
        n = (size_t)py_get_int(args[2]);
    }
    return py_small(recv_some(s, b.buf, n, NULL));
}
static PY_FN_OBJ_VAR(sock_readinto_obj, readinto, 2, 3, sock_readinto);

// readline(): up to and including b"\n" (one byte a receive: nothing is read ahead).
static py_val sock_readline(py_val self) {
    sock_obj *s = open_sock((sock_obj *)self);
    size_t cap = 64, len = 0;
    uint8_t *buf = py_gc_alloc(cap, PY_GC_LEAF);
    for (;;) {
        if (len == cap) {
            buf = py_gc_realloc(buf, cap * 2);
            cap *= 2;
        }
        if (recv_some(s, buf + len, 1, NULL) == 0 || buf[len++] == '\n') {
            break;
        }
    }
    return py_bytes_new(buf, len);
}
static PY_FN_OBJ_1(sock_readline_obj, readline, sock_readline);

static py_val sock_makefile(size_t n_args, size_t n_kw, const py_val *args) {
    (void)n_args;
    (void)n_kw;
    return args[0]; // a socket is a stream already (MicroPython's makefile does the same)
}
static PY_FN_OBJ_KW(sock_makefile_obj, makefile, sock_makefile);

static py_val sock_settimeout(py_val self, py_val t) {
    sock_obj *s = (sock_obj *)self;
    if (t == PY_NONE) {
        s->timeout_ms = -1;
        return PY_NONE;
    }
    double d;
    if (!py_get_float_maybe(t, &d)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", t);
    }
    if (!(d >= 0)) {
        py_raise_msg(&py_type_ValueError, "Timeout value out of range");
    }
    s->timeout_ms = d > 9e12 ? -1 : (int64_t)ceil(d * 1000);
    return PY_NONE;
}
static PY_FN_OBJ_2(sock_settimeout_obj, settimeout, sock_settimeout);

static py_val sock_gettimeout(py_val self) {
    sock_obj *s = (sock_obj *)self;
    return s->timeout_ms < 0 ? PY_NONE : py_float_new((double)s->timeout_ms / 1000);
}
static PY_FN_OBJ_1(sock_gettimeout_obj, gettimeout, sock_gettimeout);

static py_val sock_setblocking(py_val self, py_val flag) {
    ((sock_obj *)self)->timeout_ms = py_is_true(flag) ? -1 : 0;
    return PY_NONE;
}
static PY_FN_OBJ_2(sock_setblocking_obj, setblocking, sock_setblocking);

static py_val sock_setsockopt(size_t n_args, const py_val *args) {
    (void)n_args;
    sock_obj *s = open_sock((sock_obj *)args[0]);
    check(mod_socket_port_setsockopt(s->h, (int)py_get_int(args[1]), (int)py_get_int(args[2]),
                                     (int)py_get_int(args[3])));
    return PY_NONE;
}
static PY_FN_OBJ_VAR(sock_setsockopt_obj, setsockopt, 4, 4, sock_setsockopt);

static py_val name_of(py_val self, int peer) {
    sock_obj *s = open_sock((sock_obj *)self);
    mod_socket_addr a;
    check(mod_socket_port_name(s->h, peer, &a));
    return addr_to(&a);
}
static py_val sock_getsockname(py_val self) {
    return name_of(self, 0);
}
static PY_FN_OBJ_1(sock_getsockname_obj, getsockname, sock_getsockname);
static py_val sock_getpeername(py_val self) {
    return name_of(self, 1);
}
static PY_FN_OBJ_1(sock_getpeername_obj, getpeername, sock_getpeername);

static void sock_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    sock_obj *s = (sock_obj *)self;
    py_printf(p, "<socket fd=%d type=%d>", s->h < 0 ? -1 : s->h + MOD_SOCKET_FD_BASE, s->type);
}

static const py_dict_entry sock_locals_table[] = {
    PY_ROM_ENTRY(close, &sock_close_obj),
    PY_ROM_ENTRY(__enter__, &sock_enter_obj),
    PY_ROM_ENTRY(__exit__, &sock_exit_obj),
    PY_ROM_ENTRY(fileno, &sock_fileno_obj),
    PY_ROM_ENTRY(connect, &sock_connect_obj),
    PY_ROM_ENTRY(bind, &sock_bind_obj),
    PY_ROM_ENTRY(listen, &sock_listen_obj),
    PY_ROM_ENTRY(accept, &sock_accept_obj),
    PY_ROM_ENTRY(send, &sock_send_obj),
    PY_ROM_ENTRY(sendall, &sock_sendall_obj),
    PY_ROM_ENTRY(sendto, &sock_sendto_obj),
    PY_ROM_ENTRY(recv, &sock_recv_obj),
    PY_ROM_ENTRY(recvfrom, &sock_recvfrom_obj),
    PY_ROM_ENTRY(read, &sock_read_obj),
    PY_ROM_ENTRY(readinto, &sock_readinto_obj),
    PY_ROM_ENTRY(readline, &sock_readline_obj),
    PY_ROM_ENTRY(write, &sock_write_obj),
    PY_ROM_ENTRY(makefile, &sock_makefile_obj),
    PY_ROM_ENTRY(settimeout, &sock_settimeout_obj),
    PY_ROM_ENTRY(gettimeout, &sock_gettimeout_obj),
    PY_ROM_ENTRY(setblocking, &sock_setblocking_obj),
    PY_ROM_ENTRY(setsockopt, &sock_setsockopt_obj),
    PY_ROM_ENTRY(getsockname, &sock_getsockname_obj),
    PY_ROM_ENTRY(getpeername, &sock_getpeername_obj),
};
static PY_ROM_DICT(sock_locals, sock_locals_table);

static const py_type sock_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_socket,
    .flags = PY_TF_EQ_ID,
    .print = sock_print,
    .make_new = sock_make_new,
    .locals = (py_dict *)&sock_locals,
    .base_type = &py_type_object,
};

// getaddrinfo(host, port, af=0, type=0, proto=0, flags=0): [(af, type, proto, '', (ip, port))]
static py_val socket_getaddrinfo(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_host, PY_ARG_REQUIRED, PY_NULL}, {PY_QSTR_port, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_family, 0, py_small_const(0)},   {PY_QSTR_type, 0, py_small_const(0)},
        {PY_QSTR_proto, 0, py_small_const(0)},    {PY_QSTR_flags, 0, py_small_const(0)},
    };
    py_val a[6];
    py_arg_parse("getaddrinfo", n_args, n_kw, args, 0, spec, 6, a);
    size_t n;
    const char *host = a[0] == PY_NONE ? "127.0.0.1" : py_get_str(a[0], &n);
    py_int_t port = a[1] == PY_NONE ? 0 : py_get_int(a[1]);
    py_int_t af = py_get_int(a[2]), type = py_get_int(a[3]), proto = py_get_int(a[4]);
    if (af != 0 && af != MOD_SOCKET_AF_INET) {
        mod_vfs_raise(EAFNOSUPPORT, PY_NULL, PY_NULL);
    }
    if (port < 0 || port > 65535) {
        py_raise_msg(&py_type_OverflowError, "port must be 0-65535.");
    }
    mod_socket_addr addrs[8];
    int count = mod_socket_port_resolve(host, addrs, 8);
    if (count < 0) { // MicroPython's OSError(-2); CPython's socket.gaierror(-2) is one too
        py_val e[2] = {py_small(-2), py_str_from_cstr("Name or service not known")};
        py_raise(py_exc_new(&py_type_OSError, 2, e));
    }
    py_val out = py_list_new(0, NULL);
    static const int types[2] = {MOD_SOCKET_SOCK_STREAM, MOD_SOCKET_SOCK_DGRAM};
    for (int i = 0; i < count; i++) {
        addrs[i].port = (uint16_t)port;
        for (int k = 0; k < 2; k++) {
            if (type && type != types[k]) {
                continue;
            }
            int pr = k ? MOD_SOCKET_IPPROTO_UDP : MOD_SOCKET_IPPROTO_TCP;
            if (proto && proto != pr) {
                continue;
            }
            py_val t[5] = {py_small(MOD_SOCKET_AF_INET), py_small(types[k]), py_small(pr),
                           py_str_new("", 0), addr_to(&addrs[i])};
            py_list_append(out, py_tuple_new(5, t));
        }
    }
    return out;
}
static PY_FN_OBJ_KW(socket_getaddrinfo_obj, getaddrinfo, socket_getaddrinfo);

static const py_dict_entry socket_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_socket)),
    PY_ROM_ENTRY(socket, &sock_type),
    PY_ROM_ENTRY(getaddrinfo, &socket_getaddrinfo_obj),
    PY_ROM_ENTRY(AF_INET, py_small_const(MOD_SOCKET_AF_INET)),
    PY_ROM_ENTRY(SOCK_STREAM, py_small_const(MOD_SOCKET_SOCK_STREAM)),
    PY_ROM_ENTRY(SOCK_DGRAM, py_small_const(MOD_SOCKET_SOCK_DGRAM)),
    PY_ROM_ENTRY(SOL_SOCKET, py_small_const(MOD_SOCKET_SOL_SOCKET)),
    PY_ROM_ENTRY(SO_REUSEADDR, py_small_const(MOD_SOCKET_SO_REUSEADDR)),
    PY_ROM_ENTRY(IPPROTO_TCP, py_small_const(MOD_SOCKET_IPPROTO_TCP)),
    PY_ROM_ENTRY(IPPROTO_UDP, py_small_const(MOD_SOCKET_IPPROTO_UDP)),
};
static PY_ROM_DICT(socket_globals, socket_table);

const py_module mod_socket_module = {{&py_type_module}, (py_dict *)&socket_globals};
