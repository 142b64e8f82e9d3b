// fs/fs.h: a power-safe file system on a NOR flash partition (drivers/flash.h). A power cut
// during any program or erase leaves every file with its old or its new content (a file's
// writes become its content at fsync or close), and rename, remove, mkdir and rmdir are
// atomic. The on-flash format, the commit protocol and the figures are in docs/storage.md.
// RAM: one fs_t (the caller's; no heap at all); flash: whole sectors for file data, a log of
// fixed-size records for names and sizes.
// Conventions: 0 (or a count, a handle, a position) on success, a negative errno on failure.
// Paths are absolute ("/a/b"); fs/vfs_fs.c resolves relative ones, '.' and '..'.
// Context: a thread; one caller at a time (the caller locks); calls block while the flash does.
#ifndef FS_FS_H
#define FS_FS_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/flash.h"

// Configuration (sizes of fs_t).
#ifndef FS_MAX_SECTORS
#define FS_MAX_SECTORS 512 // sectors a partition may have (4 bytes of RAM each)
#endif
#ifndef FS_BUF_SIZE
#define FS_BUF_SIZE 4096 // the largest sector size (the block buffer)
#endif
#ifndef FS_MAX_OPEN
#define FS_MAX_OPEN 8 // files open at once
#endif
#ifndef FS_MAX_DIRS
#define FS_MAX_DIRS 4 // directories being listed at once
#endif
#define FS_NAME_MAX 100 // bytes of a name (one path component)

// open() flags: the values of modules/vfs.h's MOD_VFS_*.
enum {
    FS_O_RDONLY = 0x0,
    FS_O_WRONLY = 0x1,
    FS_O_RDWR = 0x2,
    FS_O_ACCESS = 0x3,
    FS_O_CREAT = 0x10,
    FS_O_TRUNC = 0x20,
    FS_O_APPEND = 0x40,
    FS_O_EXCL = 0x80,
};

enum { FS_TYPE_FILE = 1, FS_TYPE_DIR = 2 };

typedef struct fs_stat {
    uint32_t ino;
    uint8_t type; // FS_TYPE_*
    uint32_t size;
} fs_stat_t;

typedef struct fs_statvfs {
    uint32_t block_size;  // bytes of file data a sector holds
    uint32_t blocks;      // sectors in the partition
    uint32_t blocks_free; // sectors free for file data (less a reserve for metadata)
    uint32_t name_max;
} fs_statvfs_t;

// Debug figures: sector use and wear (erase counts from the sectors' erase records).
typedef struct fs_info {
    uint32_t sectors, free, meta, data;
    uint32_t erase_min, erase_max; // over every sector
    uint64_t erase_total;
    uint32_t records; // valid records in the metadata log
    uint32_t moved;   // sectors moved by wear levelling since the mount
} fs_info_t;

typedef struct fs_file {
    bool used;
    bool dead;     // its file was removed or replaced: only close works (it frees the slot)
    bool dirty;    // written or truncated since the last commit
    uint8_t flags; // FS_O_*
    uint32_t ino;
    uint32_t pos;
    uint32_t size; // the size now (the same in every handle on ino)
    uint32_t cseq; // seq of the ino's newest record (its committed state)
} fs_file_t;

typedef struct fs_dir {
    bool used;
    uint32_t ino;
    uint32_t last; // the ino readdir returned last (entries come in ino order)
} fs_dir_t;

typedef struct fs {
    drv_flash *f;
    uint32_t off, nsect, ssize, bsize; // partition, sector size, data bytes per sector
    uint32_t gen;                      // format generation
    uint32_t next_seq, next_ino;
    uint32_t cursor; // where allocation looks next (round robin)
    uint32_t nfree;
    uint32_t head, head_slot; // the metadata log's open sector and next free slot
    uint32_t erase_guess;     // count for a sector whose erase record is unreadable
    uint32_t n_alloc;         // allocations (every FS_WEAR_EVERY-th looks at the wear)
    uint32_t n_moved;         // sectors moved by wear levelling
    bool leveling;
    bool mounted;
    // the block buffer: one block of one file (a read cache, or dirty: not yet on flash)
    bool buf_valid, buf_dirty;
    uint32_t buf_ino, buf_blk;
    fs_file_t files[FS_MAX_OPEN];
    fs_dir_t dirs[FS_MAX_DIRS];
    uint32_t sect[FS_MAX_SECTORS]; // what each sector holds (FS_S_* or ino and block)
    union {
        uint8_t buf[FS_BUF_SIZE];
        uint32_t scratch[FS_BUF_SIZE / 4]; // mount's table of files
    };
} fs_t;

/** Mounts the partition [off, off + size) of f: formats it when blank or not a file system
 *  (or when a format was cut short), and finishes what a power cut interrupted. */
int fs_mount(fs_t *fs, drv_flash *f, uint32_t off, uint32_t size);
/** Erases the partition into an empty file system and mounts it. */
int fs_format(fs_t *fs, drv_flash *f, uint32_t off, uint32_t size);
/** Commits every open file and forgets the mount. */
int fs_unmount(fs_t *fs);

int fs_open(fs_t *fs, const char *path, int flags); // → handle; -EISDIR (see docs)
int fs_close(fs_t *fs, int fd);                     // commits
long fs_read(fs_t *fs, int fd, void *buf, uint32_t n);
long fs_write(fs_t *fs, int fd, const void *buf, uint32_t n);
int64_t fs_seek(fs_t *fs, int fd, int64_t off, int whence); // whence 0/1/2
int fs_truncate(fs_t *fs, int fd, uint32_t size);
int fs_fsync(fs_t *fs, int fd); // commits: the file's content now survives a power cut
int fs_fstat(fs_t *fs, int fd, fs_stat_t *st);
int fs_stat(fs_t *fs, const char *path, fs_stat_t *st);
int fs_remove(fs_t *fs, const char *path); // a file (-EISDIR for a directory)
int fs_rename(fs_t *fs, const char *from, const char *to);
int fs_mkdir(fs_t *fs, const char *path);
int fs_rmdir(fs_t *fs, const char *path);
int fs_opendir(fs_t *fs, const char *path);
/** The next entry: 1 with name (truncated to n), type and ino; 0 at the end. */
int fs_readdir(fs_t *fs, int dir, char *name, uint32_t n, uint8_t *type, uint32_t *ino);
int fs_closedir(fs_t *fs, int dir);
int fs_sync(fs_t *fs); // commits every open file
int fs_statvfs(fs_t *fs, fs_statvfs_t *out);
int fs_info(fs_t *fs, fs_info_t *out);

#endif // FS_FS_H
