// modules/mod_io.h: file objects, shared by io (open, the classes), sys (stdin, stdout,
// stderr) and select (fileno).
#ifndef MODULES_MOD_IO_H
#define MODULES_MOD_IO_H

#include "py/obj.h"

// mod_io_file.flags
enum {
    MOD_IO_READ = 0x1,
    MOD_IO_WRITE = 0x2,
    MOD_IO_APPEND = 0x4,
    MOD_IO_TEXT = 0x8,
    MOD_IO_CLOSED = 0x10,
    MOD_IO_CONSOLE = 0x20, // the port's console (sys.std*): read/write by py_port_*, never closed
};

// An open file: TextIOWrapper, BufferedReader/Writer/Random or FileIO (same layout, they
// differ in type only). Reads go through a small buffer; writes go straight to the backend,
// so the backend's position is the file's position minus the unread buffered bytes.
typedef struct mod_io_file {
    py_obj base;
    int fd;                      // modules/vfs.h handle (console: 0, 1, 2)
    uint8_t flags;               // MOD_IO_*
    uint8_t newline;             // text: how lines end (NL_* in mod_io_file.c)
    uint16_t rpos, rlen;         // unread bytes are rbuf[rpos..rlen)
    uint8_t *rbuf;               // leaf block, or NULL
    py_val name, mode, encoding; // (PY_NULL for the console's, whose names are computed)
} mod_io_file;

extern const py_type mod_io_TextIOWrapper, mod_io_BufferedReader, mod_io_BufferedWriter,
    mod_io_BufferedRandom, mod_io_FileIO, mod_io_IOBase, mod_io_UnsupportedOperation;
extern const py_builtin mod_io_open_obj;

// A console stream for sys: fd 0 (stdin), 1 (stdout) or 2 (stderr).
#define MOD_IO_CONSOLE_INIT(fd_, flags_)                                                           \
    {                                                                                              \
        {&mod_io_TextIOWrapper}, (fd_), MOD_IO_CONSOLE | MOD_IO_TEXT | (flags_), 0, 0, 0, NULL,    \
            PY_NULL, PY_NULL, PY_NULL                                                              \
    }

#endif // MODULES_MOD_IO_H
