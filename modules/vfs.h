// modules/vfs.h: the file-system interface between the modules (open, os, select) and the
// storage. A backend is a table of operations (a POSIX one on the host, a flash file system on
// a board later); the port mounts one at start-up. With nothing mounted every call fails with
// -ENODEV, so the modules build and raise OSError on a board without storage.
// Conventions: every call returns 0 (or a count, a handle, a position) on success and a
// negative errno on failure; none raises, blocks on Python, or allocates from the Python heap.
// Paths are NUL-terminated UTF-8. Handles are small non-negative ints owned by the backend.
// Non-goals (for now): several mount points, permissions, symbolic links.
#ifndef MODULES_VFS_H
#define MODULES_VFS_H

#include <stddef.h>
#include <stdint.h>

#include "py/obj.h"

// open() flags: exactly one access mode, plus any of the others.
enum {
    MOD_VFS_RDONLY = 0x0,
    MOD_VFS_WRONLY = 0x1,
    MOD_VFS_RDWR = 0x2,
    MOD_VFS_ACCESS = 0x3, // the mask of the access mode
    MOD_VFS_CREAT = 0x10,
    MOD_VFS_TRUNC = 0x20,
    MOD_VFS_APPEND = 0x40,
    MOD_VFS_EXCL = 0x80,
};

// Kinds of files (the st_mode type bits, as POSIX and MicroPython's ilistdir).
enum { MOD_VFS_IFDIR = 0x4000, MOD_VFS_IFREG = 0x8000 };

// poll() events: Linux's values, which select.POLL* expose.
enum {
    MOD_VFS_POLLIN = 0x1,
    MOD_VFS_POLLPRI = 0x2,
    MOD_VFS_POLLOUT = 0x4,
    MOD_VFS_POLLERR = 0x8,
    MOD_VFS_POLLHUP = 0x10,
    MOD_VFS_POLLNVAL = 0x20,
};

typedef struct mod_vfs_stat {
    uint32_t mode; // type bits (MOD_VFS_IF*) | permission bits
    uint64_t ino, dev, nlink;
    uint32_t uid, gid;
    int64_t size;
    int64_t atime_ns, mtime_ns, ctime_ns; // since 1970-01-01
} mod_vfs_statbuf;

typedef struct mod_vfs_pollfd {
    int fd;
    uint16_t events, revents;
} mod_vfs_pollfd;

// A backend. Every operation follows the conventions above; an operation a backend lacks may
// be NULL (the call then fails with -ENOSYS).
typedef struct mod_vfs_ops {
    int (*open)(const char *path, int flags); // → handle; -EISDIR for a directory
    int (*close)(int fd);
    long (*read)(int fd, void *buf, size_t n);        // → bytes read, 0 at the end
    long (*write)(int fd, const void *buf, size_t n); // → bytes written
    int64_t (*seek)(int fd, int64_t off, int whence); // whence 0/1/2 → the new position
    int (*truncate)(int fd, int64_t size);
    int (*fstat)(int fd, mod_vfs_statbuf *st);
    int (*stat)(const char *path, mod_vfs_statbuf *st);
    int (*remove)(const char *path);
    int (*rename)(const char *from, const char *to);
    int (*mkdir)(const char *path);
    int (*rmdir)(const char *path);
    int (*chdir)(const char *path);
    int (*getcwd)(char *buf, size_t n); // → 0; -ERANGE if n is too small
    int (*opendir)(const char *path);   // → a directory handle
    // The next entry ('.' and '..' left out): 1 with name (truncated to n), kind and ino set;
    // 0 at the end.
    int (*readdir)(int dir, char *name, size_t n, uint32_t *kind, uint64_t *ino);
    int (*closedir)(int dir);
    // Fills revents without waiting (timeout 0); → the number of ready entries.
    int (*poll)(mod_vfs_pollfd *fds, size_t n);
    int (*isatty)(int fd); // → 1 or 0
    // os.statvfs's ten fields: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files,
    // f_ffree, f_favail, f_flag, f_namemax (blocks of f_frsize bytes).
    int (*statvfs)(const char *path, uint32_t out[10]);
    int (*sync)(void); // everything written so far on the storage
} mod_vfs_ops;

/** Mounts `ops` as the root file system (NULL unmounts). Context: start-up, before Python
 *  runs. Does not block or allocate. */
void mod_vfs_mount(const mod_vfs_ops *ops);

// The calls the modules make: the mounted backend's operation, or -ENODEV when nothing is
// mounted, -ENOSYS when the backend lacks it. Any thread; they do not allocate; they block
// only as long as the storage does (never on another Python thread).
int mod_vfs_open(const char *path, int flags);
// What the ports' py_port_stat and py_port_read_file do, on the mounted file system: 1 for a
// file, 2 for a directory, 0 for nothing; the size of a file (buf NULL) or the bytes read
// into buf (at most cap), -1 if it cannot be read.
int mod_vfs_kind(const char *path);
long mod_vfs_read_file(const char *path, char *buf, size_t cap);
int mod_vfs_close(int fd);
long mod_vfs_read(int fd, void *buf, size_t n);
long mod_vfs_write(int fd, const void *buf, size_t n);
int64_t mod_vfs_seek(int fd, int64_t off, int whence);
int mod_vfs_truncate(int fd, int64_t size);
int mod_vfs_fstat(int fd, mod_vfs_statbuf *st);
int mod_vfs_stat(const char *path, mod_vfs_statbuf *st);
int mod_vfs_remove(const char *path);
int mod_vfs_rename(const char *from, const char *to);
int mod_vfs_mkdir(const char *path);
int mod_vfs_rmdir(const char *path);
int mod_vfs_chdir(const char *path);
int mod_vfs_getcwd(char *buf, size_t n);
int mod_vfs_opendir(const char *path);
int mod_vfs_readdir(int dir, char *name, size_t n, uint32_t *kind, uint64_t *ino);
int mod_vfs_closedir(int dir);
int mod_vfs_poll(mod_vfs_pollfd *fds, size_t n);
int mod_vfs_isatty(int fd);
int mod_vfs_statvfs(const char *path, uint32_t out[10]);
int mod_vfs_sync(void);

/** Raises the OSError subclass for `err` (a positive errno) with the C library's strerror
 *  text and the file names when given (PY_NULL: none). Thread context; allocates. */
_Noreturn void mod_vfs_raise(int err, py_val filename, py_val filename2);

/** The path in a str or bytes argument (TypeError for anything else, ValueError for an
 *  embedded NUL), as a NUL-terminated string on the Python heap. */
const char *mod_vfs_path(py_val path);

#endif // MODULES_VFS_H
