# fs/: the power-safe flash file system (docs/storage.md) and its modules/vfs.h backend.
FS_SRC := fs/fs.c fs/vfs_fs.c
