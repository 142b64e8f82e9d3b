// modules/mod_io_file.c: file objects and io.open (the builtin open), over modules/vfs.h.
// One C layout (mod_io_file) serves every class CPython's open() returns: TextIOWrapper for
// text, BufferedReader/Writer/Random for binary, FileIO for buffering=0; the class only
// changes the name and the messages. sys.stdin/stdout/stderr are TextIOWrappers on the port's
// console (MOD_IO_CONSOLE). Text is UTF-8 only; newline= as CPython (None translates \r\n and
// \r to \n when reading). Reads are buffered (RBUF bytes), writes are not, so other handles on
// the same file see every write at once. Not provided: encodings other than UTF-8, errors=,
// opener=, closing on garbage collection (close files, or use `with`).
#include <errno.h>
#include <string.h>

#include "modules/mod_io.h"
#include "modules/modules.h"
#include "modules/vfs.h"
#include "py/gc.h"
#include "py/port.h"
#include "py/runtime.h"

#define RBUF 512

enum { NL_NONE, NL_ANY, NL_LF, NL_CR, NL_CRLF }; // newline=None, '', '\n', '\r', '\r\n'

static const char closed_msg[] = "I/O operation on closed file.";

static bool is_file_type(const py_type *t) {
    return t == &mod_io_TextIOWrapper || t == &mod_io_BufferedReader ||
           t == &mod_io_BufferedWriter || t == &mod_io_BufferedRandom || t == &mod_io_FileIO;
}

static mod_io_file *file_of(py_val v) {
    if (!py_is_obj(v) || !is_file_type(py_typeof(v))) {
        py_raise_fmt(&py_type_TypeError, "descriptor requires a file object, not '%T'", v);
    }
    return (mod_io_file *)v;
}

static mod_io_file *open_file(py_val v) {
    mod_io_file *f = file_of(v);
    if (f->flags & MOD_IO_CLOSED) {
        py_raise_msg(&py_type_ValueError, closed_msg);
    }
    return f;
}

static bool is_text(mod_io_file *f) {
    return f->flags & MOD_IO_TEXT;
}

static void check_readable(mod_io_file *f) {
    if (!(f->flags & MOD_IO_READ)) {
        py_raise_msg(&mod_io_UnsupportedOperation, is_text(f) ? "not readable" : "read");
    }
}

static void check_writable(mod_io_file *f) {
    if (!(f->flags & MOD_IO_WRITE)) {
        py_raise_msg(&mod_io_UnsupportedOperation, is_text(f) ? "not writable" : "write");
    }
}

static void check(long r, mod_io_file *f) {
    if (r < 0) {
        mod_vfs_raise((int)-r, PY_NULL, PY_NULL);
    }
    (void)f;
}

// ---- reading: a byte at a time from the buffer ---------------------------------------------
static bool fill(mod_io_file *f) {
    if (f->rpos < f->rlen) {
        return true;
    }
    if (f->rbuf == NULL) {
        f->rbuf = py_gc_alloc(RBUF, PY_GC_LEAF);
    }
    long r = mod_vfs_read(f->fd, f->rbuf, RBUF);
    check(r, f);
    f->rpos = 0;
    f->rlen = (uint16_t)r;
    return r > 0;
}

static int getb(mod_io_file *f) {
    return fill(f) ? f->rbuf[f->rpos++] : -1;
}
static int peekb(mod_io_file *f) {
    return fill(f) ? f->rbuf[f->rpos] : -1;
}

// Drops the read buffer, moving the backend back to the file's position (before a write or
// a seek).
static void unread(mod_io_file *f) {
    if (f->rpos < f->rlen) {
        int64_t r = mod_vfs_seek(f->fd, -(int64_t)(f->rlen - f->rpos), 1);
        check(r < 0 ? (long)r : 0, f);
    }
    f->rpos = f->rlen = 0;
}

// Appends one text character (its UTF-8 bytes, newline translated) to v; false at the end.
static bool get_char(mod_io_file *f, py_vstr *v) {
    int c = getb(f);
    if (c < 0) {
        return false;
    }
    if (c == '\r' && f->newline == NL_NONE) {
        if (peekb(f) == '\n') {
            getb(f);
        }
        c = '\n';
    }
    py_vstr_add_char(v, (char)c);
    int more = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    for (int i = 0; i < more; i++) {
        int d = peekb(f);
        if (d < 0 || (d & 0xc0) != 0x80) {
            break; // invalid: the decoder below reports it
        }
        py_vstr_add_char(v, (char)getb(f));
    }
    return true;
}

// Does v (text just read) end a line for this file's newline mode? `at_end`: no more input.
static bool line_ends(mod_io_file *f, py_vstr *v) {
    const char *s = py_vstr_data(v);
    char last = s[v->len - 1];
    switch (f->newline) {
    case NL_CR: return last == '\r';
    case NL_CRLF: return last == '\n' && v->len >= 2 && s[v->len - 2] == '\r';
    case NL_ANY:
        if (last == '\r') {
            if (peekb(f) == '\n') {
                py_vstr_add_char(v, (char)getb(f));
            }
            return true;
        }
        return last == '\n';
    default: return last == '\n';
    }
}

static py_val text_value(py_vstr *v) {
    const char *s = v->len ? py_vstr_data(v) : "";
    if (!py_utf8_valid(s, v->len)) {
        py_call_method(py_bytes_new(s, v->len), PY_QSTR_decode, 0, NULL); // raises CPython's error
    }
    return py_str_new(s, v->len);
}

static py_val bytes_value(py_vstr *v) {
    return py_bytes_new(v->len ? py_vstr_data(v) : "", v->len);
}

// A size argument: None or negative → -1 (everything).
static py_int_t size_arg(size_t n_args, const py_val *args, size_t i) {
    if (n_args <= i || args[i] == PY_NONE) {
        return -1;
    }
    py_int_t n;
    if (!py_index_maybe(args[i], &n)) {
        py_raise_fmt(&py_type_TypeError, "argument should be integer or None, not '%T'", args[i]);
    }
    return n < 0 ? -1 : n;
}

// Reads up to `size` characters (text) or bytes (-1: to the end).
static py_val read_impl(mod_io_file *f, py_int_t size) {
    py_vstr v;
    py_vstr_init(&v, size >= 0 && size < 4096 ? (size_t)size + 1 : 256);
    if (f->flags & MOD_IO_CONSOLE) {
        // the console reads lines: read() is every line to the end of input
        for (;;) {
            py_val line = py_port_readline_stdin();
            size_t n;
            const char *s = py_get_str(line, &n);
            if (n == 0) {
                break;
            }
            py_vstr_add(&v, s, n);
        }
        return text_value(&v);
    }
    if (is_text(f)) {
        for (py_int_t i = 0; (size < 0 || i < size) && get_char(f, &v); i++) {
        }
        return text_value(&v);
    }
    while (size < 0 || v.len < (size_t)size) {
        if (!fill(f)) {
            break;
        }
        size_t n = f->rlen - f->rpos;
        if (size >= 0 && n > (size_t)size - v.len) {
            n = (size_t)size - v.len;
        }
        py_vstr_add(&v, (const char *)f->rbuf + f->rpos, n);
        f->rpos = (uint16_t)(f->rpos + n);
    }
    return bytes_value(&v);
}

static py_val readline_impl(mod_io_file *f, py_int_t size) {
    if (f->flags & MOD_IO_CONSOLE) {
        return py_port_readline_stdin();
    }
    py_vstr v;
    py_vstr_init(&v, 80);
    for (py_int_t i = 0; size < 0 || i < size; i++) {
        if (is_text(f)) {
            if (!get_char(f, &v) || line_ends(f, &v)) {
                break;
            }
        } else {
            int c = getb(f);
            if (c < 0) {
                break;
            }
            py_vstr_add_char(&v, (char)c);
            if (c == '\n') {
                break;
            }
        }
    }
    return is_text(f) ? text_value(&v) : bytes_value(&v);
}

static py_val file_read(size_t n_args, const py_val *args) {
    mod_io_file *f = open_file(args[0]);
    check_readable(f);
    return read_impl(f, size_arg(n_args, args, 1));
}
static PY_FN_OBJ_VAR(file_read_obj, read, 1, 2, file_read);

static py_val file_readline(size_t n_args, const py_val *args) {
    mod_io_file *f = open_file(args[0]);
    check_readable(f);
    return readline_impl(f, size_arg(n_args, args, 1));
}
static PY_FN_OBJ_VAR(file_readline_obj, readline, 1, 2, file_readline);

static py_val file_readlines(size_t n_args, const py_val *args) {
    mod_io_file *f = open_file(args[0]);
    check_readable(f);
    py_int_t hint = size_arg(n_args, args, 1);
    py_val list = py_list_new(0, NULL);
    size_t got = 0;
    for (;;) {
        py_val line = readline_impl(f, -1);
        size_t n = py_len(line);
        if (n == 0) {
            break;
        }
        py_list_append(list, line);
        got += n;
        if (hint > 0 && got >= (size_t)hint) {
            break;
        }
    }
    return list;
}
static PY_FN_OBJ_VAR(file_readlines_obj, readlines, 1, 2, file_readlines);

static py_val file_readinto(py_val self, py_val b) {
    mod_io_file *f = open_file(self);
    check_readable(f);
    if (is_text(f)) {
        py_raise_msg(&mod_io_UnsupportedOperation, "readinto");
    }
    py_buffer buf;
    py_get_buffer(b, &buf, PY_BUFFER_WRITE);
    size_t got = 0;
    while (got < buf.len && fill(f)) {
        size_t avail = (size_t)(f->rlen - f->rpos),
               n = avail < buf.len - got ? avail : buf.len - got;
        py_memcpy((char *)buf.buf + got, f->rbuf + f->rpos, n);
        f->rpos = (uint16_t)(f->rpos + n);
        got += n;
    }
    return py_small((py_int_t)got);
}
static PY_FN_OBJ_2(file_readinto_obj, readinto, file_readinto);

static py_val file_iternext(py_val self) {
    mod_io_file *f = open_file(self);
    check_readable(f);
    py_val line = readline_impl(f, -1);
    return py_len(line) == 0 ? PY_STOP : line;
}

// ---- writing -----------------------------------------------------------------------------------
static void put(mod_io_file *f, const char *s, size_t n) {
    if (f->flags & MOD_IO_CONSOLE) {
        (f->fd == 2 ? py_port_write_err : py_port_write_out)(s, n);
        return;
    }
    unread(f);
    check(mod_vfs_write(f->fd, s, n), f);
}

static py_val write_one(mod_io_file *f, py_val s) {
    if (is_text(f)) {
        if (!py_is_str(s)) {
            py_raise_fmt(&py_type_TypeError, "write() argument must be str, not %T", s);
        }
        size_t n;
        const char *d = py_get_str(s, &n);
        if ((f->newline == NL_CR || f->newline == NL_CRLF) && memchr(d, '\n', n)) {
            py_vstr v;
            py_vstr_init(&v, n + 16);
            for (size_t i = 0; i < n; i++) {
                if (d[i] == '\n') {
                    py_vstr_add(&v, "\r\n", f->newline == NL_CRLF ? 2 : 1);
                } else {
                    py_vstr_add_char(&v, d[i]);
                }
            }
            put(f, py_vstr_data(&v), v.len);
        } else {
            put(f, d, n);
        }
        return py_small((py_int_t)py_utf8_charlen(d, n));
    }
    py_buffer b;
    if (py_is_str(s) || !py_get_buffer_maybe(s, &b, PY_BUFFER_READ)) {
        py_raise_fmt(&py_type_TypeError, "a bytes-like object is required, not '%T'", s);
    }
    put(f, b.buf, b.len);
    return py_small((py_int_t)b.len);
}

static py_val file_write(py_val self, py_val s) {
    mod_io_file *f = open_file(self);
    check_writable(f);
    return write_one(f, s);
}
static PY_FN_OBJ_2(file_write_obj, write, file_write);

static py_val file_writelines(py_val self, py_val lines) {
    mod_io_file *f = open_file(self);
    check_writable(f);
    py_val it = py_getiter(lines);
    for (py_val s; (s = py_iternext(it)) != PY_STOP;) {
        write_one(open_file(self), s);
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(file_writelines_obj, writelines, file_writelines);

// ---- positioning --------------------------------------------------------------------------------
static void check_seekable(mod_io_file *f) {
    if (f->flags & MOD_IO_CONSOLE) {
        mod_vfs_raise(ESPIPE, PY_NULL, PY_NULL);
    }
}

static int64_t tell_impl(mod_io_file *f) {
    check_seekable(f);
    int64_t r = mod_vfs_seek(f->fd, 0, 1);
    check(r < 0 ? (long)r : 0, f);
    return r - (f->rlen - f->rpos);
}

static py_val file_tell(py_val self) {
    return py_int_from((py_int_t)tell_impl(open_file(self)));
}
static PY_FN_OBJ_1(file_tell_obj, tell, file_tell);

static py_val file_seek(size_t n_args, const py_val *args) {
    mod_io_file *f = open_file(args[0]);
    py_int_t off, whence = 0;
    if (!py_index_maybe(args[1], &off)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                     args[1]);
    }
    if (n_args > 2 && !py_index_maybe(args[2], &whence)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                     args[2]);
    }
    if (whence < 0 || whence > 2) {
        py_raise_fmt(&py_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    check_seekable(f);
    if (is_text(f)) {
        if (whence != 0 && off != 0) {
            py_raise_msg(&mod_io_UnsupportedOperation, whence == 1
                                                           ? "can't do nonzero cur-relative seeks"
                                                           : "can't do nonzero end-relative seeks");
        }
        if (off < 0) {
            py_raise_fmt(&py_type_ValueError, "negative seek position %d", (int)off);
        }
    }
    unread(f); // (the backend is then at the file's position, so whence 1 needs no adjusting)
    int64_t r = mod_vfs_seek(f->fd, off, (int)whence);
    check(r < 0 ? (long)r : 0, f);
    return py_int_from((py_int_t)r);
}
static PY_FN_OBJ_VAR(file_seek_obj, seek, 2, 3, file_seek);

static py_val file_truncate(size_t n_args, const py_val *args) {
    mod_io_file *f = open_file(args[0]);
    if (!(f->flags & MOD_IO_WRITE)) {
        py_raise_msg(&mod_io_UnsupportedOperation, "File not open for writing");
    }
    int64_t size = tell_impl(f);
    if (n_args > 1 && args[1] != PY_NONE) {
        py_int_t n;
        if (!py_index_maybe(args[1], &n)) {
            py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer",
                         args[1]);
        }
        size = n;
    }
    unread(f);
    check(mod_vfs_truncate(f->fd, size), f);
    return py_int_from((py_int_t)size);
}
static PY_FN_OBJ_VAR(file_truncate_obj, truncate, 1, 2, file_truncate);

// ---- state
// ---------------------------------------------------------------------------------------
// A file that became garbage without close() (`open(p).read()`): the collector closes it, as
// CPython's reference counting does at once, so the storage's handles are not used up.
static void file_finalise(void *obj) {
    mod_io_file *f = obj;
    if (!(f->flags & (MOD_IO_CLOSED | MOD_IO_CONSOLE))) {
        f->flags |= MOD_IO_CLOSED;
        (void)mod_vfs_close(f->fd);
    }
}

static py_val file_close(py_val self) {
    mod_io_file *f = file_of(self);
    if (f->flags & (MOD_IO_CLOSED | MOD_IO_CONSOLE)) {
        if (f->flags & MOD_IO_CONSOLE) {
            py_port_flush();
        }
        return PY_NONE;
    }
    py_gc_clear_finaliser(f);
    f->flags |= MOD_IO_CLOSED;
    f->rbuf = NULL;
    f->rpos = f->rlen = 0;
    check(mod_vfs_close(f->fd), f);
    return PY_NONE;
}
static PY_FN_OBJ_1(file_close_obj, close, file_close);

static py_val file_flush(py_val self) {
    mod_io_file *f = open_file(self);
    if (f->flags & MOD_IO_CONSOLE) {
        py_port_flush();
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(file_flush_obj, flush, file_flush);

static py_val file_fileno(py_val self) {
    return py_small(open_file(self)->fd);
}
static PY_FN_OBJ_1(file_fileno_obj, fileno, file_fileno);

static py_val file_readable(py_val self) {
    return py_bool(open_file(self)->flags & MOD_IO_READ);
}
static PY_FN_OBJ_1(file_readable_obj, readable, file_readable);

static py_val file_writable(py_val self) {
    return py_bool(open_file(self)->flags & MOD_IO_WRITE);
}
static PY_FN_OBJ_1(file_writable_obj, writable, file_writable);

static py_val file_seekable(py_val self) {
    return py_bool(!(open_file(self)->flags & MOD_IO_CONSOLE));
}
static PY_FN_OBJ_1(file_seekable_obj, seekable, file_seekable);

static py_val file_isatty(py_val self) {
    return py_bool(mod_vfs_isatty(open_file(self)->fd) > 0);
}
static PY_FN_OBJ_1(file_isatty_obj, isatty, file_isatty);

static py_val file_enter(py_val self) {
    open_file(self);
    return self;
}
static PY_FN_OBJ_1(file_enter_obj, __enter__, file_enter);

static py_val file_exit(size_t n_args, const py_val *args) {
    (void)n_args;
    return file_close(args[0]);
}
static PY_FN_OBJ_VAR(file_exit_obj, __exit__, 1, 4, file_exit);

static py_val console_name(mod_io_file *f) {
    return py_str_from_cstr(f->fd == 0 ? "<stdin>" : f->fd == 1 ? "<stdout>" : "<stderr>");
}

static void file_attr(py_val self, qstr attr, py_val *dest) {
    mod_io_file *f = (mod_io_file *)self;
    if (dest[0] == PY_SENTINEL) {
        return;
    }
    bool console = f->flags & MOD_IO_CONSOLE;
    switch (attr) {
    case PY_QSTR_closed: dest[0] = py_bool(f->flags & MOD_IO_CLOSED); return;
    case PY_QSTR_name: dest[0] = console ? console_name(f) : f->name; return;
    case PY_QSTR_mode:
        dest[0] = console ? py_str_from_cstr(f->fd == 0 ? "r" : "w") : f->mode;
        return;
    default: break;
    }
    if (!is_text(f)) {
        return;
    }
    switch (attr) {
    case PY_QSTR_encoding: dest[0] = f->encoding ? f->encoding : py_str_from_cstr("utf-8"); return;
    case PY_QSTR_errors: dest[0] = py_str_from_cstr("strict"); return;
    case PY_QSTR_line_buffering: dest[0] = py_bool(console && f->fd != 0); return;
    default: return;
    }
}

static void file_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    mod_io_file *f = (mod_io_file *)self;
    bool console = f->flags & MOD_IO_CONSOLE;
    py_val name = console ? console_name(f) : f->name;
    py_printf(p, "<_io.%q name=%r", py_typeof(self)->name, name);
    if (is_text(f)) {
        py_val mode = console ? py_str_from_cstr(f->fd == 0 ? "r" : "w") : f->mode;
        py_printf(p, " mode=%r encoding=%r", mode,
                  f->encoding ? f->encoding : py_str_from_cstr("utf-8"));
    } else if (py_typeof(self) == &mod_io_FileIO) {
        py_printf(p, " mode=%r closefd=True", f->mode);
    }
    py_print_str(p, ">");
}

static const py_dict_entry file_locals_table[] = {
    PY_ROM_ENTRY(read, &file_read_obj),           PY_ROM_ENTRY(readline, &file_readline_obj),
    PY_ROM_ENTRY(readlines, &file_readlines_obj), PY_ROM_ENTRY(readinto, &file_readinto_obj),
    PY_ROM_ENTRY(write, &file_write_obj),         PY_ROM_ENTRY(writelines, &file_writelines_obj),
    PY_ROM_ENTRY(seek, &file_seek_obj),           PY_ROM_ENTRY(tell, &file_tell_obj),
    PY_ROM_ENTRY(truncate, &file_truncate_obj),   PY_ROM_ENTRY(flush, &file_flush_obj),
    PY_ROM_ENTRY(close, &file_close_obj),         PY_ROM_ENTRY(fileno, &file_fileno_obj),
    PY_ROM_ENTRY(readable, &file_readable_obj),   PY_ROM_ENTRY(writable, &file_writable_obj),
    PY_ROM_ENTRY(seekable, &file_seekable_obj),   PY_ROM_ENTRY(isatty, &file_isatty_obj),
    PY_ROM_ENTRY(__enter__, &file_enter_obj),     PY_ROM_ENTRY(__exit__, &file_exit_obj),
};
static PY_ROM_DICT(file_locals, file_locals_table);

#define FILE_TYPE(cname, qname)                                                                    \
    const py_type cname = {                                                                        \
        .base = {&py_type_type},                                                                   \
        .name = PY_QSTR_##qname,                                                                   \
        .flags = PY_TF_EQ_ID | PY_TF_ITER_SELF,                                                    \
        .print = file_print,                                                                       \
        .attr = file_attr,                                                                         \
        .iternext = file_iternext,                                                                 \
        .locals = (py_dict *)&file_locals,                                                         \
        .base_type = &mod_io_IOBase,                                                               \
    }
FILE_TYPE(mod_io_TextIOWrapper, TextIOWrapper);
FILE_TYPE(mod_io_BufferedReader, BufferedReader);
FILE_TYPE(mod_io_BufferedWriter, BufferedWriter);
FILE_TYPE(mod_io_BufferedRandom, BufferedRandom);
FILE_TYPE(mod_io_FileIO, FileIO);

// ---- open ---------------------------------------------------------------------------------------
// Parses a mode string as CPython's open(): flags into *flags, MOD_IO_* into *io.
static void parse_mode(py_val mode, int *vflags, uint8_t *io, bool *binary) {
    if (!py_is_str(mode)) {
        py_raise_fmt(&py_type_TypeError, "open() argument 'mode' must be str, not %T", mode);
    }
    size_t n;
    const char *s = py_get_str(mode, &n);
    unsigned seen = 0;
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0, text = 0, bin = 0;
    for (size_t i = 0; i < n; i++) {
        const char *k = memchr("xrwa+tb", s[i], 7);
        unsigned bit = k ? 1u << (k - "xrwa+tb") : 0;
        if (s[i] == 0 || bit == 0 || (seen & bit)) {
            py_raise_fmt(&py_type_ValueError, "invalid mode: '%S'", mode);
        }
        seen |= bit;
        creating += s[i] == 'x';
        reading += s[i] == 'r';
        writing += s[i] == 'w';
        appending += s[i] == 'a';
        updating += s[i] == '+';
        text += s[i] == 't';
        bin += s[i] == 'b';
    }
    if (text && bin) {
        py_raise_msg(&py_type_ValueError, "can't have text and binary mode at once");
    }
    if (creating + reading + writing + appending != 1) {
        py_raise_msg(&py_type_ValueError, "must have exactly one of create/read/write/append mode");
    }
    int acc = updating ? MOD_VFS_RDWR : reading ? MOD_VFS_RDONLY : MOD_VFS_WRONLY;
    *vflags = acc | (creating ? MOD_VFS_CREAT | MOD_VFS_EXCL : 0) |
              (writing ? MOD_VFS_CREAT | MOD_VFS_TRUNC : 0) |
              (appending ? MOD_VFS_CREAT | MOD_VFS_APPEND : 0);
    *io = (uint8_t)((reading || updating ? MOD_IO_READ : 0) |
                    (!reading || updating ? MOD_IO_WRITE : 0) | (appending ? MOD_IO_APPEND : 0) |
                    (bin ? 0 : MOD_IO_TEXT));
    *binary = bin;
}

// FileIO's mode string: 'rb', 'wb', 'xb', 'ab', with '+' at the end.
static py_val raw_mode(int vflags) {
    char m[4];
    size_t n = 0;
    bool rw = (vflags & MOD_VFS_ACCESS) == MOD_VFS_RDWR;
    m[n++] = vflags & MOD_VFS_EXCL           ? 'x'
             : vflags & MOD_VFS_APPEND       ? 'a'
             : vflags & MOD_VFS_TRUNC && !rw ? 'w'
                                             : 'r';
    m[n++] = 'b';
    if (rw) {
        m[n++] = '+';
    }
    return py_str_new(m, n);
}

static uint8_t parse_newline(py_val nl) {
    if (nl == PY_NONE) {
        return NL_NONE;
    }
    if (!py_is_str(nl)) {
        py_raise_fmt(&py_type_TypeError, "open() argument 'newline' must be str or None, not %T",
                     nl);
    }
    size_t n;
    const char *s = py_get_str(nl, &n);
    if (n == 0) {
        return NL_ANY;
    }
    if (n == 1 && (s[0] == '\n' || s[0] == '\r')) {
        return s[0] == '\n' ? NL_LF : NL_CR;
    }
    if (n == 2 && s[0] == '\r' && s[1] == '\n') {
        return NL_CRLF;
    }
    py_raise_fmt(&py_type_ValueError, "illegal newline value: %S", nl);
}

static bool is_utf8_name(py_val enc) {
    size_t n;
    const char *s = py_get_str(enc, &n);
    char low[8];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof(low); i++) {
        char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        if (c != '-' && c != '_') {
            low[k++] = c;
        }
    }
    return n < 16 && k == 4 && memcmp(low, "utf8", 4) == 0;
}

static py_val io_open(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_file, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_mode, 0, PY_NULL},
        {PY_QSTR_buffering, 0, PY_NULL},
        {PY_QSTR_encoding, 0, PY_NONE},
        {PY_QSTR_errors, 0, PY_NONE},
        {PY_QSTR_newline_kw, 0, PY_NONE},
        {PY_QSTR_closefd, 0, PY_TRUE},
        {PY_QSTR_opener, 0, PY_NONE},
    };
    py_val a[8];
    py_arg_parse("open", n_args, n_kw, args, 0, spec, 8, a);
    py_val file = a[0], mode = a[1] ? a[1] : py_str_from_cstr("r");
    int vflags;
    uint8_t io;
    bool binary;
    parse_mode(mode, &vflags, &io, &binary);
    py_int_t buffering = -1;
    if (a[2] && !py_index_maybe(a[2], &buffering)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", a[2]);
    }
    if (a[3] != PY_NONE && !py_is_str(a[3])) {
        py_raise_fmt(&py_type_TypeError, "open() argument 'encoding' must be str or None, not %T",
                     a[3]);
    }
    if (a[4] != PY_NONE && !py_is_str(a[4])) {
        py_raise_fmt(&py_type_TypeError, "open() argument 'errors' must be str or None, not %T",
                     a[4]);
    }
    uint8_t newline = parse_newline(a[5]);
    if (binary) {
        if (a[3] != PY_NONE) {
            py_raise_msg(&py_type_ValueError, "binary mode doesn't take an encoding argument");
        }
        if (a[4] != PY_NONE) {
            py_raise_msg(&py_type_ValueError, "binary mode doesn't take an errors argument");
        }
        if (a[5] != PY_NONE) {
            py_raise_msg(&py_type_ValueError, "binary mode doesn't take a newline argument");
        }
    }
    if (a[3] != PY_NONE && !is_utf8_name(a[3])) {
        py_raise_fmt(&py_type_LookupError,
                     "unknown encoding: %S (rtpy reads and writes UTF-8 only)", a[3]);
    }
    if (a[7] != PY_NONE) {
        py_raise_msg(&py_type_NotImplementedError, "open(): opener is not supported");
    }
    int fd;
    if (py_is_int(file) && file != PY_TRUE && file != PY_FALSE) {
        fd = (int)py_get_int(file); // an open descriptor (os-level): stdin, stdout, ...
        if (fd < 0) {
            py_raise_msg(&py_type_ValueError, "negative file descriptor");
        }
    } else {
        if (!py_is_str(file) && !(py_is_obj(file) && py_typeof(file) == &py_type_bytes)) {
            py_raise_fmt(&py_type_TypeError, "expected str, bytes or os.PathLike object, not %T",
                         file);
        }
        const char *path = mod_vfs_path(file);
        fd = mod_vfs_open(path, vflags);
        if (fd == -EMFILE || fd == -ENFILE) {
            py_gc_collect(); // files that are garbage close, giving their handles back
            fd = mod_vfs_open(path, vflags);
        }
        if (fd < 0) {
            mod_vfs_raise(-fd, file, PY_NULL);
        }
    }
    if (!binary && buffering == 0) { // (CPython checks this after opening, and so do we)
        if (!py_is_int(file)) {
            mod_vfs_close(fd);
        }
        py_raise_msg(&py_type_ValueError, "can't have unbuffered text I/O");
    }
    const py_type *t = !binary          ? &mod_io_TextIOWrapper
                       : buffering == 0 ? &mod_io_FileIO
                       : (io & (MOD_IO_READ | MOD_IO_WRITE)) == (MOD_IO_READ | MOD_IO_WRITE)
                           ? &mod_io_BufferedRandom
                       : io & MOD_IO_READ ? &mod_io_BufferedReader
                                          : &mod_io_BufferedWriter;
    mod_io_file *f = py_new(mod_io_file, t);
    f->fd = fd;
    f->flags = io;
    f->newline = newline;
    f->rpos = f->rlen = 0;
    f->rbuf = NULL;
    f->name = file;
    f->mode = binary ? raw_mode(vflags) : mode;
    f->encoding = a[3] == PY_NONE ? PY_NULL : a[3];
    if (vflags & MOD_VFS_APPEND) {
        mod_vfs_seek(fd, 0, 2); // tell() starts at the end, as CPython
    }
    if (!py_is_int(file) && !py_gc_set_finaliser(f, file_finalise)) {
        py_gc_collect(); // the table is full of files that may be garbage
        (void)py_gc_set_finaliser(f, file_finalise);
    }
    return (py_val)f;
}
PY_FN_OBJ_KW(mod_io_open_obj, open, io_open);
