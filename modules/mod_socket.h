// modules/mod_socket.h: what the socket module (modules/mod_socket.c) needs from the port.
// The module is portable: addresses, timeouts and blocking are its own; the port opens
// operating-system sockets (the host's: ports/host/socket_posix.c) and makes single,
// never-blocking attempts. A port without sockets leaves the module out of its build.
// Conventions (as modules/vfs.h): calls return 0, a count or a handle on success and a
// negative errno on failure (-EAGAIN: would block, try again when mod_socket_port_wait says
// so); none raises or allocates from the Python heap; any thread.
// Non-goals: IPv6, raw sockets, TLS.
#ifndef MODULES_MOD_SOCKET_H
#define MODULES_MOD_SOCKET_H

#include <stddef.h>
#include <stdint.h>

// Linux's values, which the module exposes as socket.AF_INET etc.
enum {
    MOD_SOCKET_AF_INET = 2,
    MOD_SOCKET_SOCK_STREAM = 1,
    MOD_SOCKET_SOCK_DGRAM = 2,
    MOD_SOCKET_SOL_SOCKET = 1,
    MOD_SOCKET_SO_REUSEADDR = 2,
    MOD_SOCKET_IPPROTO_TCP = 6,
    MOD_SOCKET_IPPROTO_UDP = 17,
};

// A handle's file number as select.poll sees it: handle + MOD_SOCKET_FD_BASE, above any file's
// (modules/vfs.h) so that both can be polled together.
#define MOD_SOCKET_FD_BASE 0x1000

typedef struct mod_socket_addr {
    uint8_t ip[4]; // IPv4, network order
    uint16_t port;
} mod_socket_addr;

/** A new socket (af, type, proto as above), never blocking. → handle, or -EAFNOSUPPORT,
 *  -EPROTONOSUPPORT, -EMFILE. */
int mod_socket_port_open(int af, int type, int proto);
int mod_socket_port_close(int h);
/** Starts connecting: 0 when connected, -EINPROGRESS while in progress (wait for writable,
 *  then mod_socket_port_error), or the error (-ECONNREFUSED...). */
int mod_socket_port_connect(int h, const mod_socket_addr *a);
/** The pending error of a socket (SO_ERROR), as a negative errno, or 0. */
int mod_socket_port_error(int h);
int mod_socket_port_bind(int h, const mod_socket_addr *a);
int mod_socket_port_listen(int h, int backlog);
/** → the new connection's handle (peer filled in), or -EAGAIN. */
int mod_socket_port_accept(int h, mod_socket_addr *peer);
/** Sends what it can (to: UDP destination or NULL). → bytes sent, or -EAGAIN. */
long mod_socket_port_send(int h, const void *buf, size_t n, const mod_socket_addr *to);
/** Receives what is there (from: filled in when not NULL). → bytes, 0 at the end, -EAGAIN. */
long mod_socket_port_recv(int h, void *buf, size_t n, mod_socket_addr *from);
int mod_socket_port_setsockopt(int h, int level, int opt, int value);
int mod_socket_port_name(int h, int peer, mod_socket_addr *a); // getsockname / getpeername
/** Resolves host (a dotted quad or a name) to at most max IPv4 addresses. → how many, or
 *  -ENOENT (unknown name; the module raises OSError -2 as MicroPython). May block (DNS). */
int mod_socket_port_resolve(const char *host, mod_socket_addr *out, int max);
/** Readiness: each handle's events (modules/vfs.h's MOD_VFS_POLL*), revents filled in.
 *  Waits at most wait_ms (0: not at all) of host time, holding whatever the caller holds.
 *  → the number of ready entries, or a negative errno. */
struct mod_vfs_pollfd;
int mod_socket_port_poll(struct mod_vfs_pollfd *fds, size_t n, int wait_ms);
/** How long one wait step may block the whole board in host time (ms): 0 in real time, where
 *  the caller sleeps on the kernel instead; 1 in virtual time, where it then lets 1 ms of
 *  virtual time pass, so waiting on the network costs about as much virtual time as host
 *  time (docs/packages.md). */
int mod_socket_port_wait_ms(void);

// select.poll/select.select (modules/mod_select.c) poll file numbers from MOD_SOCKET_FD_BASE up
// through this hook, which the socket module sets when it makes its first socket (NULL
// before, and always where the port has no sockets).
extern int (*mod_select_socket_poll)(struct mod_vfs_pollfd *fds, size_t n);

#endif // MODULES_MOD_SOCKET_H
