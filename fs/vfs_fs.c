// fs/vfs_fs.c: modules/vfs.h's operations on the flash file system (fs/fs.h). One file system
// (static: no heap), a current directory, and path resolution: relative paths, '.' and '..'
// are resolved here by name (there are no links), so fs.c sees only absolute paths.
#include "fs/vfs_fs.h"

#include <errno.h>
#include <string.h>

_Static_assert((int)MOD_VFS_WRONLY == (int)FS_O_WRONLY && (int)MOD_VFS_RDWR == (int)FS_O_RDWR &&
                   (int)MOD_VFS_CREAT == (int)FS_O_CREAT && (int)MOD_VFS_TRUNC == (int)FS_O_TRUNC &&
                   (int)MOD_VFS_APPEND == (int)FS_O_APPEND && (int)MOD_VFS_EXCL == (int)FS_O_EXCL,
               "open flags pass through unchanged");

static fs_t the_fs;
static char cwd[FS_VFS_PATH_MAX] = "/";

int fs_vfs_mount(drv_flash *f, uint32_t off, uint32_t size) {
    strcpy(cwd, "/");
    return fs_mount(&the_fs, f, off, size);
}

fs_t *fs_vfs_fs(void) {
    return &the_fs;
}

// Resolves path against the current directory into out: "/" or "/a/b" (no '.', '..', or
// empty components).
static int resolve(const char *path, char out[FS_VFS_PATH_MAX]) {
    if (!path || !*path) {
        return -ENOENT;
    }
    size_t n = 0;
    if (path[0] != '/') {
        n = strlen(cwd);
        memcpy(out, cwd, n);
        n = n == 1 ? 0 : n; // the root is ""
    }
    for (const char *p = path; *p;) {
        while (*p == '/') {
            p++;
        }
        const char *s = p;
        while (*p && *p != '/') {
            p++;
        }
        size_t len = (size_t)(p - s);
        if (len == 0 || (len == 1 && s[0] == '.')) {
            continue;
        }
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (n > 0 && out[--n] != '/') {
            }
            continue;
        }
        if (n + 1 + len >= FS_VFS_PATH_MAX) {
            return -ENAMETOOLONG;
        }
        out[n++] = '/';
        memcpy(out + n, s, len);
        n += len;
    }
    if (n == 0) {
        out[n++] = '/';
    }
    out[n] = 0;
    return 0;
}

// Handles are the file system's plus FD_BASE: 0, 1 and 2 stay stdin, stdout and stderr (the
// console), as they are to open(fd) and fileno() everywhere else.
#define FD_BASE 3

static int vf_open(const char *path, int flags) {
    char p[FS_VFS_PATH_MAX];
    int r = resolve(path, p);
    if (r == 0) {
        r = fs_open(&the_fs, p, flags); // MOD_VFS_* and FS_O_* are the same bits
    }
    return r < 0 ? r : r + FD_BASE;
}

static int vf_close(int fd) {
    return fs_close(&the_fs, fd - FD_BASE);
}

static uint32_t clamp(size_t n) {
    return n > 0x40000000u ? 0x40000000u : (uint32_t)n;
}

static long vf_read(int fd, void *buf, size_t n) {
    return fs_read(&the_fs, fd - FD_BASE, buf, clamp(n));
}

static long vf_write(int fd, const void *buf, size_t n) {
    return fs_write(&the_fs, fd - FD_BASE, buf, clamp(n));
}

static int64_t vf_seek(int fd, int64_t off, int whence) {
    return fs_seek(&the_fs, fd - FD_BASE, off, whence);
}

static int vf_truncate(int fd, int64_t size) {
    return size < 0 || size > 0x7fffffff ? -EINVAL : fs_truncate(&the_fs, fd - FD_BASE, (uint32_t)size);
}

static void fill_stat(const fs_stat_t *s, mod_vfs_statbuf *st) {
    memset(st, 0, sizeof(*st));
    st->mode = s->type == FS_TYPE_DIR ? MOD_VFS_IFDIR | 0777 : MOD_VFS_IFREG | 0666;
    st->ino = s->ino;
    st->nlink = 1;
    st->size = s->size;
}

static int vf_fstat(int fd, mod_vfs_statbuf *st) {
    fs_stat_t s;
    int r = fs_fstat(&the_fs, fd - FD_BASE, &s);
    if (r == 0) {
        fill_stat(&s, st);
    }
    return r;
}

static int vf_stat(const char *path, mod_vfs_statbuf *st) {
    char p[FS_VFS_PATH_MAX];
    fs_stat_t s;
    int r = resolve(path, p);
    if (r == 0 && (r = fs_stat(&the_fs, p, &s)) == 0) {
        fill_stat(&s, st);
    }
    return r;
}

static int vf_remove(const char *path) {
    char p[FS_VFS_PATH_MAX];
    int r = resolve(path, p);
    return r < 0 ? r : fs_remove(&the_fs, p);
}

static int vf_rename(const char *from, const char *to) {
    char a[FS_VFS_PATH_MAX], b[FS_VFS_PATH_MAX];
    int r = resolve(from, a);
    if (r == 0) {
        r = resolve(to, b);
    }
    return r < 0 ? r : fs_rename(&the_fs, a, b);
}

static int vf_mkdir(const char *path) {
    char p[FS_VFS_PATH_MAX];
    int r = resolve(path, p);
    return r < 0 ? r : fs_mkdir(&the_fs, p);
}

static int vf_rmdir(const char *path) {
    char p[FS_VFS_PATH_MAX];
    int r = resolve(path, p);
    return r < 0 ? r : fs_rmdir(&the_fs, p);
}

static int vf_chdir(const char *path) {
    char p[FS_VFS_PATH_MAX];
    fs_stat_t s;
    int r = resolve(path, p);
    if (r == 0 && (r = fs_stat(&the_fs, p, &s)) == 0) {
        if (s.type != FS_TYPE_DIR) {
            return -ENOTDIR;
        }
        strcpy(cwd, p);
    }
    return r;
}

static int vf_getcwd(char *buf, size_t n) {
    size_t len = strlen(cwd);
    if (len >= n) {
        return -ERANGE;
    }
    memcpy(buf, cwd, len + 1);
    return 0;
}

static int vf_opendir(const char *path) {
    char p[FS_VFS_PATH_MAX];
    int r = resolve(path, p);
    return r < 0 ? r : fs_opendir(&the_fs, p);
}

static int vf_readdir(int dir, char *name, size_t n, uint32_t *kind, uint64_t *ino) {
    uint8_t type;
    uint32_t i;
    int r = fs_readdir(&the_fs, dir, name, clamp(n), &type, &i);
    if (r == 1) {
        *kind = type == FS_TYPE_DIR ? MOD_VFS_IFDIR : MOD_VFS_IFREG;
        *ino = i;
    }
    return r;
}

static int vf_closedir(int dir) {
    return fs_closedir(&the_fs, dir);
}

// Files on flash never block: always ready for what was asked.
static int vf_poll(mod_vfs_pollfd *fds, size_t n) {
    int ready = 0;
    for (size_t i = 0; i < n; i++) {
        fs_stat_t s;
        if (fs_fstat(&the_fs, fds[i].fd - FD_BASE, &s) < 0) {
            fds[i].revents = MOD_VFS_POLLNVAL;
        } else {
            fds[i].revents = fds[i].events & (MOD_VFS_POLLIN | MOD_VFS_POLLOUT);
        }
        ready += fds[i].revents != 0;
    }
    return ready;
}

static int vf_isatty(int fd) {
    return 0;
}

static int vf_statvfs(const char *path, uint32_t out[10]) {
    char p[FS_VFS_PATH_MAX];
    fs_stat_t s;
    fs_statvfs_t v;
    int r = resolve(path, p);
    if (r < 0 || (r = fs_stat(&the_fs, p, &s)) < 0 || (r = fs_statvfs(&the_fs, &v)) < 0) {
        return r;
    }
    uint32_t fig[10] = {
        v.block_size, v.block_size, v.blocks, v.blocks_free, v.blocks_free, 0, 0, 0, 0, v.name_max};
    memcpy(out, fig, sizeof(fig));
    return 0;
}

static int vf_sync(void) {
    return fs_sync(&the_fs);
}

const mod_vfs_ops fs_vfs_ops = {
    .open = vf_open,
    .close = vf_close,
    .read = vf_read,
    .write = vf_write,
    .seek = vf_seek,
    .truncate = vf_truncate,
    .fstat = vf_fstat,
    .stat = vf_stat,
    .remove = vf_remove,
    .rename = vf_rename,
    .mkdir = vf_mkdir,
    .rmdir = vf_rmdir,
    .chdir = vf_chdir,
    .getcwd = vf_getcwd,
    .opendir = vf_opendir,
    .readdir = vf_readdir,
    .closedir = vf_closedir,
    .poll = vf_poll,
    .isatty = vf_isatty,
    .statvfs = vf_statvfs,
    .sync = vf_sync,
};
