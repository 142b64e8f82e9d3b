// modules/vfs.c: the root mount and the calls the modules make through it (modules/vfs.h).
// One root for now; mount points (a flash partition under /flash) come with Step 7.
#include "modules/vfs.h"

#include <errno.h>
#include <string.h>

#include "py/runtime.h"

static const mod_vfs_ops *root; // set once at start-up by the port

void mod_vfs_mount(const mod_vfs_ops *ops) {
    root = ops;
}

// Each call: -ENODEV with nothing mounted, -ENOSYS for an operation the backend lacks.
#define FS_ERR(op) (root == NULL ? -ENODEV : root->op == NULL ? -ENOSYS : 0)

int mod_vfs_open(const char *path, int flags) {
    return FS_ERR(open) ? FS_ERR(open) : root->open(path, flags);
}
int mod_vfs_close(int fd) {
    return FS_ERR(close) ? FS_ERR(close) : root->close(fd);
}
long mod_vfs_read(int fd, void *buf, size_t n) {
    return FS_ERR(read) ? FS_ERR(read) : root->read(fd, buf, n);
}
long mod_vfs_write(int fd, const void *buf, size_t n) {
    return FS_ERR(write) ? FS_ERR(write) : root->write(fd, buf, n);
}
int64_t mod_vfs_seek(int fd, int64_t off, int whence) {
    return FS_ERR(seek) ? FS_ERR(seek) : root->seek(fd, off, whence);
}
int mod_vfs_truncate(int fd, int64_t size) {
    return FS_ERR(truncate) ? FS_ERR(truncate) : root->truncate(fd, size);
}
int mod_vfs_fstat(int fd, mod_vfs_statbuf *st) {
    return FS_ERR(fstat) ? FS_ERR(fstat) : root->fstat(fd, st);
}
int mod_vfs_stat(const char *path, mod_vfs_statbuf *st) {
    return FS_ERR(stat) ? FS_ERR(stat) : root->stat(path, st);
}
int mod_vfs_remove(const char *path) {
    return FS_ERR(remove) ? FS_ERR(remove) : root->remove(path);
}
int mod_vfs_rename(const char *from, const char *to) {
    return FS_ERR(rename) ? FS_ERR(rename) : root->rename(from, to);
}
int mod_vfs_mkdir(const char *path) {
    return FS_ERR(mkdir) ? FS_ERR(mkdir) : root->mkdir(path);
}
int mod_vfs_rmdir(const char *path) {
    return FS_ERR(rmdir) ? FS_ERR(rmdir) : root->rmdir(path);
}
int mod_vfs_chdir(const char *path) {
    return FS_ERR(chdir) ? FS_ERR(chdir) : root->chdir(path);
}
int mod_vfs_getcwd(char *buf, size_t n) {
    return FS_ERR(getcwd) ? FS_ERR(getcwd) : root->getcwd(buf, n);
}
int mod_vfs_opendir(const char *path) {
    return FS_ERR(opendir) ? FS_ERR(opendir) : root->opendir(path);
}
int mod_vfs_readdir(int dir, char *name, size_t n, uint32_t *kind, uint64_t *ino) {
    return FS_ERR(readdir) ? FS_ERR(readdir) : root->readdir(dir, name, n, kind, ino);
}
int mod_vfs_closedir(int dir) {
    return FS_ERR(closedir) ? FS_ERR(closedir) : root->closedir(dir);
}
int mod_vfs_poll(mod_vfs_pollfd *fds, size_t n) {
    return FS_ERR(poll) ? FS_ERR(poll) : root->poll(fds, n);
}
int mod_vfs_statvfs(const char *path, uint32_t out[10]) {
    return FS_ERR(statvfs) ? FS_ERR(statvfs) : root->statvfs(path, out);
}

int mod_vfs_sync(void) {
    return FS_ERR(sync) ? FS_ERR(sync) : root->sync();
}

int mod_vfs_isatty(int fd) {
    return FS_ERR(isatty) ? 0 : root->isatty(fd);
}

int mod_vfs_kind(const char *path) {
    mod_vfs_statbuf st;
    if (mod_vfs_stat(path, &st) != 0) {
        return 0;
    }
    return (st.mode & MOD_VFS_IFDIR) ? 2 : (st.mode & MOD_VFS_IFREG) ? 1 : 0;
}

long mod_vfs_read_file(const char *path, char *buf, size_t cap) {
    int fd = mod_vfs_open(path, MOD_VFS_RDONLY);
    if (fd < 0) {
        return -1;
    }
    mod_vfs_statbuf st;
    long got = 0;
    if (mod_vfs_fstat(fd, &st) != 0 || !(st.mode & MOD_VFS_IFREG)) {
        got = -1;
    } else if (buf == NULL) {
        got = (long)st.size;
    } else {
        while ((size_t)got < cap) {
            long r = mod_vfs_read(fd, buf + got, cap - (size_t)got);
            if (r <= 0) {
                got = r < 0 ? -1 : got;
                break;
            }
            got += r;
        }
    }
    mod_vfs_close(fd);
    return got;
}

_Noreturn void mod_vfs_raise(int err, py_val filename, py_val filename2) {
    py_val args[5] = {py_small(err), py_str_from_cstr(strerror(err)), filename, PY_NONE, filename2};
    size_t n = filename2 ? 5 : filename ? 3 : 2;
    // OSError(errno, ...) picks the subclass (FileNotFoundError, ...) as CPython does
    py_raise(py_exc_new(&py_type_OSError, n, args));
}

const char *mod_vfs_path(py_val path) {
    size_t n;
    const char *s;
    py_buffer b;
    if (py_is_str(path)) {
        s = py_get_str(path, &n);
    } else if (py_is_obj(path) && py_typeof(path) == &py_type_bytes &&
               py_get_buffer_maybe(path, &b, PY_BUFFER_READ)) {
        s = b.buf;
        n = b.len;
    } else {
        py_raise_fmt(&py_type_TypeError, "expected str, bytes or os.PathLike object, not %T", path);
    }
    if (memchr(s, 0, n)) {
        py_raise_msg(&py_type_ValueError, "embedded null byte");
    }
    char *c = py_gc_alloc(n + 1, PY_GC_LEAF);
    py_memcpy(c, s, n);
    c[n] = 0;
    return c;
}
