// ports/host/vfs_posix.c: the host's file-system backend for modules/vfs.h: the Linux file
// system through POSIX calls. Handles are the host's file descriptors (so fileno() and
// select.poll see real fds); directory handles index a small table of open DIR streams.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "modules/vfs.h"
#include "ports/host/console.h"
#include "ports/host/host.h"

static DIR *dirs[16]; // open directory streams (os.listdir/ilistdir); the host process owns them

static int neg_errno(void) {
    return errno ? -errno : -EIO;
}

static int px_open(const char *path, int flags) {
    static const int access[] = {O_RDONLY, O_WRONLY, O_RDWR, O_RDWR};
    int f = access[flags & MOD_VFS_ACCESS] | O_CLOEXEC;
    f |= flags & MOD_VFS_CREAT ? O_CREAT : 0;
    f |= flags & MOD_VFS_TRUNC ? O_TRUNC : 0;
    f |= flags & MOD_VFS_APPEND ? O_APPEND : 0;
    f |= flags & MOD_VFS_EXCL ? O_EXCL : 0;
    int fd = open(path, f, 0666);
    if (fd < 0) {
        return neg_errno();
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) { // read-only open() of a directory works
        close(fd);
        return -EISDIR;
    }
    return fd;
}

static int px_close(int fd) {
    return close(fd) == 0 ? 0 : neg_errno();
}

static long px_read(int fd, void *buf, size_t n) {
    ssize_t r;
    do {
        r = read(fd, buf, n);
    } while (r < 0 && errno == EINTR);
    return r < 0 ? neg_errno() : (long)r;
}

static long px_write(int fd, const void *buf, size_t n) {
    size_t done = 0;
    while (done < n) {
        ssize_t r = write(fd, (const char *)buf + done, n - done);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r < 0) {
            return neg_errno();
        }
        done += (size_t)r;
    }
    return (long)done;
}

static int64_t px_seek(int fd, int64_t off, int whence) {
    off_t r = lseek(fd, (off_t)off, whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    return r < 0 ? neg_errno() : (int64_t)r;
}

static int px_truncate(int fd, int64_t size) {
    return ftruncate(fd, (off_t)size) == 0 ? 0 : neg_errno();
}

static void fill_stat(const struct stat *s, mod_vfs_statbuf *st) {
    st->mode = (uint32_t)s->st_mode;
    st->ino = (uint64_t)s->st_ino;
    st->dev = (uint64_t)s->st_dev;
    st->nlink = (uint64_t)s->st_nlink;
    st->uid = (uint32_t)s->st_uid;
    st->gid = (uint32_t)s->st_gid;
    st->size = (int64_t)s->st_size;
    st->atime_ns = (int64_t)s->st_atim.tv_sec * 1000000000 + s->st_atim.tv_nsec;
    st->mtime_ns = (int64_t)s->st_mtim.tv_sec * 1000000000 + s->st_mtim.tv_nsec;
    st->ctime_ns = (int64_t)s->st_ctim.tv_sec * 1000000000 + s->st_ctim.tv_nsec;
}

static int px_fstat(int fd, mod_vfs_statbuf *st) {
    struct stat s;
    if (fstat(fd, &s) != 0) {
        return neg_errno();
    }
    fill_stat(&s, st);
    return 0;
}

static int px_stat(const char *path, mod_vfs_statbuf *st) {
    struct stat s;
    if (stat(path, &s) != 0) {
        return neg_errno();
    }
    fill_stat(&s, st);
    return 0;
}

static int px_remove(const char *path) {
    return unlink(path) == 0 ? 0 : neg_errno();
}
static int px_rename(const char *from, const char *to) {
    return rename(from, to) == 0 ? 0 : neg_errno();
}
static int px_mkdir(const char *path) {
    return mkdir(path, 0777) == 0 ? 0 : neg_errno();
}
static int px_rmdir(const char *path) {
    return rmdir(path) == 0 ? 0 : neg_errno();
}
static int px_chdir(const char *path) {
    return chdir(path) == 0 ? 0 : neg_errno();
}
static int px_getcwd(char *buf, size_t n) {
    return getcwd(buf, n) ? 0 : neg_errno();
}

static int px_opendir(const char *path) {
    size_t i = 0;
    while (i < sizeof(dirs) / sizeof(dirs[0]) && dirs[i]) {
        i++;
    }
    if (i == sizeof(dirs) / sizeof(dirs[0])) {
        return -EMFILE;
    }
    dirs[i] = opendir(path);
    return dirs[i] ? (int)i : neg_errno();
}

static int px_readdir(int dir, char *name, size_t n, uint32_t *kind, uint64_t *ino) {
    if (dir < 0 || dir >= (int)(sizeof(dirs) / sizeof(dirs[0])) || !dirs[dir]) {
        return -EBADF;
    }
    for (;;) {
        errno = 0;
        struct dirent *d = readdir(dirs[dir]);
        if (d == NULL) {
            return errno ? -errno : 0;
        }
        if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0) {
            continue;
        }
        snprintf(name, n, "%s", d->d_name);
        *kind = d->d_type == DT_DIR ? MOD_VFS_IFDIR : d->d_type == DT_REG ? MOD_VFS_IFREG : 0;
        *ino = (uint64_t)d->d_ino;
        return 1;
    }
}

static int px_closedir(int dir) {
    if (dir < 0 || dir >= (int)(sizeof(dirs) / sizeof(dirs[0])) || !dirs[dir]) {
        return -EBADF;
    }
    closedir(dirs[dir]);
    dirs[dir] = NULL;
    return 0;
}

static int px_poll(mod_vfs_pollfd *fds, size_t n) {
    struct pollfd p[16];
    int ready = 0;
    for (size_t base = 0; base < n; base += 16) { // in slices: no allocation
        size_t m = n - base < 16 ? n - base : 16;
        for (size_t i = 0; i < m; i++) {
            p[i].fd = fds[base + i].fd;
            p[i].events = (short)fds[base + i].events; // the MOD_VFS_POLL* values are Linux's
            p[i].revents = 0;
        }
        int r = poll(p, m, 0);
        if (r < 0) {
            return neg_errno();
        }
        ready += r;
        for (size_t i = 0; i < m; i++) {
            uint16_t ev = (uint16_t)p[i].revents;
            if (p[i].fd == 0) {
                // the console's reader thread drains fd 0: whether stdin is readable is
                // whether the console has bytes (or the end) for us
                bool had = ev != 0;
                ev &= (uint16_t) ~(POLLIN | POLLHUP);
                if ((fds[base + i].events & POLLIN) && host_console_readable()) {
                    ev |= POLLIN;
                }
                ready += (ev != 0) - had;
            }
            fds[base + i].revents = ev;
        }
    }
    return ready;
}

static int px_isatty(int fd) {
    return isatty(fd);
}

static int px_statvfs(const char *path, uint32_t out[10]) {
    struct statvfs s;
    if (statvfs(path, &s) != 0) {
        return -errno;
    }
    const unsigned long long v[10] = {s.f_bsize, s.f_frsize, s.f_blocks, s.f_bfree, s.f_bavail,
                                      s.f_files, s.f_ffree, s.f_favail, s.f_flag, s.f_namemax};
    for (size_t i = 0; i < 10; i++) {
        out[i] = v[i] > UINT32_MAX ? UINT32_MAX : (uint32_t)v[i];
    }
    return 0;
}

static int px_sync(void) {
    sync();
    return 0;
}

const mod_vfs_ops host_vfs_posix = {
    .open = px_open,
    .close = px_close,
    .read = px_read,
    .write = px_write,
    .seek = px_seek,
    .truncate = px_truncate,
    .fstat = px_fstat,
    .stat = px_stat,
    .remove = px_remove,
    .rename = px_rename,
    .mkdir = px_mkdir,
    .rmdir = px_rmdir,
    .chdir = px_chdir,
    .getcwd = px_getcwd,
    .opendir = px_opendir,
    .readdir = px_readdir,
    .closedir = px_closedir,
    .poll = px_poll,
    .isatty = px_isatty,
    .statvfs = px_statvfs,
    .sync = px_sync,
};
