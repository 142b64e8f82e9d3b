// ports/host/host.h: what the host port's files share.
#ifndef PORTS_HOST_HOST_H
#define PORTS_HOST_HOST_H

#include <stdbool.h>
#include <stdint.h>

// Raises KeyboardInterrupt in the main Python thread (interrupt context or a kernel thread).
void host_interrupt_main(void);
// Virtual nanoseconds one bytecode costs (documented in docs/python-api.md).
#define HOST_BYTECODE_NS 100u
// The host's file system for modules/vfs.h (vfs_posix.c), mounted as the root at start-up.
extern const struct mod_vfs_ops host_vfs_posix;
// True when the root is the flash's file system (--flash): imports read it (port.c).
extern bool host_flash_root;
// The host's own files, whatever the root: 1 a file, 2 a directory, 0 neither; a file's size
// (reading up to cap bytes into buf if not NULL), -1 if it cannot be read.
int host_stat(const char *path);
long host_read_file(const char *path, char *buf, size_t cap);

#endif
