// fs/vfs_fs.h: the flash file system (fs/fs.h) as a modules/vfs.h backend: one file system,
// mounted by fs_vfs_mount, with a current directory for relative paths.
#ifndef FS_VFS_FS_H
#define FS_VFS_FS_H

#include "drivers/flash.h"
#include "fs/fs.h"
#include "modules/vfs.h"

#define FS_VFS_PATH_MAX 256 // bytes of a path once resolved (with its NUL)

extern const mod_vfs_ops fs_vfs_ops;

/** Mounts the partition [off, off + size) of f (formatting it when blank) as the backend's
 *  file system; the current directory becomes "/". Then mod_vfs_mount(&fs_vfs_ops). */
int fs_vfs_mount(drv_flash *f, uint32_t off, uint32_t size);
/** The mounted file system (tests, debug figures). */
fs_t *fs_vfs_fs(void);

#endif // FS_VFS_FS_H
