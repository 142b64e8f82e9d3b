// ports/host/socket_posix.c: modules/mod_socket.h on POSIX sockets. Every socket is
// O_NONBLOCK; the module does the waiting. Handles are the operating system's descriptors.
#define _GNU_SOURCE // accept4
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <rtos/sim.h>

#include "modules/mod_socket.h"
#include "modules/vfs.h"

static int neg_errno(void) {
    return errno == EWOULDBLOCK ? -EAGAIN : -errno;
}

static void to_sin(const mod_socket_addr *a, struct sockaddr_in *s) {
    memset(s, 0, sizeof(*s));
    s->sin_family = AF_INET;
    memcpy(&s->sin_addr, a->ip, 4);
    s->sin_port = htons(a->port);
}

static void from_sin(const struct sockaddr_in *s, mod_socket_addr *a) {
    memcpy(a->ip, &s->sin_addr, 4);
    a->port = ntohs(s->sin_port);
}

int mod_socket_port_open(int af, int type, int proto) {
    if (af != MOD_SOCKET_AF_INET) {
        return -EAFNOSUPPORT;
    }
    if (type != MOD_SOCKET_SOCK_STREAM && type != MOD_SOCKET_SOCK_DGRAM) {
        return -EPROTONOSUPPORT;
    }
    int fd = socket(AF_INET, (type == MOD_SOCKET_SOCK_STREAM ? SOCK_STREAM : SOCK_DGRAM) |
                                 SOCK_NONBLOCK | SOCK_CLOEXEC,
                    proto);
    return fd < 0 ? neg_errno() : fd;
}

int mod_socket_port_close(int h) {
    return close(h) < 0 ? neg_errno() : 0;
}

int mod_socket_port_connect(int h, const mod_socket_addr *a) {
    struct sockaddr_in s;
    to_sin(a, &s);
    return connect(h, (struct sockaddr *)&s, sizeof(s)) < 0 ? -errno : 0;
}

int mod_socket_port_error(int h) {
    int err = 0;
    socklen_t len = sizeof(err);
    if (getsockopt(h, SOL_SOCKET, SO_ERROR, &err, &len) < 0) {
        return neg_errno();
    }
    return -err;
}

int mod_socket_port_bind(int h, const mod_socket_addr *a) {
    struct sockaddr_in s;
    to_sin(a, &s);
    return bind(h, (struct sockaddr *)&s, sizeof(s)) < 0 ? neg_errno() : 0;
}

int mod_socket_port_listen(int h, int backlog) {
    return listen(h, backlog) < 0 ? neg_errno() : 0;
}

int mod_socket_port_accept(int h, mod_socket_addr *peer) {
    struct sockaddr_in s;
    socklen_t len = sizeof(s);
    int fd = accept4(h, (struct sockaddr *)&s, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
        return neg_errno();
    }
    from_sin(&s, peer);
    return fd;
}

long mod_socket_port_send(int h, const void *buf, size_t n, const mod_socket_addr *to) {
    struct sockaddr_in s;
    if (to) {
        to_sin(to, &s);
    }
    ssize_t r = sendto(h, buf, n, MSG_NOSIGNAL, to ? (struct sockaddr *)&s : NULL,
                       to ? sizeof(s) : 0);
    return r < 0 ? neg_errno() : (long)r;
}

long mod_socket_port_recv(int h, void *buf, size_t n, mod_socket_addr *from) {
    struct sockaddr_in s;
    socklen_t len = sizeof(s);
    ssize_t r = recvfrom(h, buf, n, 0, from ? (struct sockaddr *)&s : NULL, from ? &len : NULL);
    if (r < 0) {
        return neg_errno();
    }
    if (from) {
        from_sin(&s, from);
    }
    return (long)r;
}

int mod_socket_port_setsockopt(int h, int level, int opt, int value) {
    if (level != MOD_SOCKET_SOL_SOCKET || opt != MOD_SOCKET_SO_REUSEADDR) {
        return -ENOPROTOOPT;
    }
    return setsockopt(h, SOL_SOCKET, SO_REUSEADDR, &value, sizeof(value)) < 0 ? neg_errno() : 0;
}

int mod_socket_port_name(int h, int peer, mod_socket_addr *a) {
    struct sockaddr_in s;
    socklen_t len = sizeof(s);
    int r = peer ? getpeername(h, (struct sockaddr *)&s, &len)
                 : getsockname(h, (struct sockaddr *)&s, &len);
    if (r < 0) {
        return neg_errno();
    }
    from_sin(&s, a);
    return 0;
}

int mod_socket_port_resolve(const char *host, mod_socket_addr *out, int max) {
    struct in_addr in;
    if (inet_pton(AF_INET, host, &in) == 1) { // numeric: no resolver
        memcpy(out[0].ip, &in, 4);
        return 1;
    }
    if (strcmp(host, "localhost") == 0) { // without the C library's resolver (static binary)
        static const uint8_t lo[4] = {127, 0, 0, 1};
        memcpy(out[0].ip, lo, 4);
        return 1;
    }
    struct addrinfo hints = {.ai_family = AF_INET, .ai_socktype = SOCK_STREAM}, *res, *p;
    if (getaddrinfo(host, NULL, &hints, &res) != 0) {
        return -ENOENT;
    }
    int n = 0;
    for (p = res; p && n < max; p = p->ai_next) {
        from_sin((struct sockaddr_in *)p->ai_addr, &out[n++]);
    }
    freeaddrinfo(res);
    return n ? n : -ENOENT;
}

int mod_socket_port_poll(struct mod_vfs_pollfd *fds, size_t n, int wait_ms) {
    struct pollfd p[16];
    if (n > 16) {
        return -EINVAL;
    }
    for (size_t i = 0; i < n; i++) {
        p[i].fd = fds[i].fd;
        p[i].events = (short)fds[i].events; // the MOD_VFS_POLL* values are Linux's
        p[i].revents = 0;
    }
    int r = poll(p, n, wait_ms);
    if (r < 0) {
        return errno == EINTR ? 0 : neg_errno();
    }
    for (size_t i = 0; i < n; i++) {
        fds[i].revents = (uint16_t)p[i].revents;
    }
    return r;
}

int mod_socket_port_wait_ms(void) {
    return k_sim_is_virtual() ? 1 : 0;
}
