// modules/mod_machine_uart.c: machine.UART on drivers/uart.h. One object per port (UART(1) is
// UART(1)); UART 0 is the console. Reads wait with the interpreter lock released, woken by the
// driver's receive interrupt: up to `timeout` ms for the first byte, then up to `timeout_char`
// ms between bytes (default: four character times, at least 1 ms); timeout=0 never waits.
// A read that gets nothing returns None, as MicroPython's. Writes are polled (the driver's).
#include <errno.h>
#include <rtos/kernel.h>

#include "drivers/uart.h"
#include "modules/kthread.h"
#include "modules/mod_machine.h"
#include "py/runtime.h"

typedef struct machine_uart {
    py_obj base;
    uint8_t id;
    bool enabled;
    uint8_t bits, stop;
    py_val parity; // None, 0 (even) or 1 (odd): recorded, not simulated
    uint32_t baud;
    uint32_t timeout_ms, timeout_char_ms;
    struct k_sem rx; // given by the receive interrupt
} machine_uart;

// In interrupt context, for every byte received: wakes a waiting reader.
static void rx_isr(uint8_t byte, void *arg) {
    (void)byte;
    k_sem_give(arg);
}

// init(baudrate=115200, bits=8, parity=None, stop=1, *, tx, rx, timeout=0, timeout_char=-1,
//      rxbuf, txbuf): pins and buffer sizes are fixed by the board and ignored.
static void uart_init(machine_uart *u, size_t n_args, size_t n_kw, const py_val *args,
                      size_t skip) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_baudrate, 0, py_small_const(115200)},
        {PY_QSTR_bits, 0, py_small_const(8)},
        {PY_QSTR_parity, 0, PY_NONE},
        {PY_QSTR_stop, 0, py_small_const(1)},
        {PY_QSTR_tx, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_rx, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_timeout, PY_ARG_KW_ONLY, py_small_const(0)},
        {PY_QSTR_timeout_char, PY_ARG_KW_ONLY, py_small_const(-1)},
        {PY_QSTR_rxbuf, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_txbuf, PY_ARG_KW_ONLY, PY_NONE},
    };
    py_val a[10];
    py_arg_parse("UART", n_args, n_kw, args, skip, spec, 10, a);
    py_int_t baud = py_get_int(a[0]), bits = py_get_int(a[1]), stop = py_get_int(a[3]);
    py_int_t timeout = py_get_int(a[6]), tc = py_get_int(a[7]);
    if (bits < 5 || bits > 9) {
        py_raise_msg(&py_type_ValueError, "invalid data bits");
    }
    if (stop != 1 && stop != 2) {
        py_raise_msg(&py_type_ValueError, "invalid stop bits");
    }
    if (a[2] != PY_NONE && py_get_int(a[2]) != 0 && py_get_int(a[2]) != 1) {
        py_raise_msg(&py_type_ValueError, "invalid parity");
    }
    if (timeout < 0 || timeout > 0x7fffffff || tc < -1 || tc > 0x7fffffff) {
        py_raise_msg(&py_type_ValueError, "invalid timeout");
    }
    if (baud <= 0 || baud > 0x7fffffff) {
        py_raise_msg(&py_type_ValueError, "invalid baudrate");
    }
    int err = drv_uart_init(u->id, (uint32_t)baud);
    if (err) {
        mod_machine_raise_errno(err, "baudrate");
    }
    u->baud = (uint32_t)baud;
    u->bits = (uint8_t)bits;
    u->stop = (uint8_t)stop;
    u->parity = a[2];
    u->timeout_ms = (uint32_t)timeout;
    if (tc < 0) {
        uint32_t char_us = (uint32_t)(10000000u / u->baud) + 1; // one character, 10 bits
        tc = (py_int_t)((4 * char_us + 999) / 1000);
    }
    u->timeout_char_ms = tc < 1 ? 1 : (uint32_t)tc;
    k_sem_reset(&u->rx);
    drv_uart_set_rx_callback(u->id, rx_isr, &u->rx);
    u->enabled = true;
}

static py_val uart_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    if (n_args < 1) {
        py_raise_msg(&py_type_TypeError, "UART() needs an id");
    }
    py_int_t id = py_get_int(args[0]);
    if (id < 0 || (size_t)id >= drv_uart_count()) {
        py_raise_fmt(&py_type_ValueError, "UART(%d) does not exist", (int)id);
    }
    mod_machine_roots *r = mod_machine_roots_get();
    if (r->uarts[id] == PY_NULL) {
        machine_uart *u = py_new(machine_uart, &mod_machine_uart_type);
        u->id = (uint8_t)id;
        u->parity = PY_NONE;
        k_sem_init(&u->rx, 0, 1);
        r->uarts[id] = (py_val)u;
    }
    machine_uart *u = (machine_uart *)r->uarts[id];
    if (n_args > 1 || n_kw > 0 || !u->enabled) {
        uart_init(u, n_args, n_kw, args, 1);
    }
    return (py_val)u;
}

static machine_uart *enabled(py_val self) {
    machine_uart *u = (machine_uart *)self;
    if (!u->enabled) {
        py_raise_msg(&py_type_ValueError, "UART is not initialised");
    }
    return u;
}

static py_val uart_init_m(size_t n_args, size_t n_kw, const py_val *args) {
    uart_init((machine_uart *)args[0], n_args, n_kw, args, 1);
    return PY_NONE;
}
static PY_FN_OBJ_KW(uart_init_obj, init, uart_init_m);

static py_val uart_deinit(py_val self) {
    machine_uart *u = (machine_uart *)self;
    drv_uart_set_rx_callback(u->id, NULL, NULL);
    u->enabled = false;
    return PY_NONE;
}
static PY_FN_OBJ_1(uart_deinit_obj, deinit, uart_deinit);

// Reads up to `want` bytes into out (line: stop after '\n'), waiting as the file header says.
static size_t read_bytes(machine_uart *u, uint8_t *out, size_t want, bool line) {
    size_t got = 0;
    mod_kthread_charge();
    uint64_t deadline = k_uptime_us() + (uint64_t)u->timeout_ms * 1000u;
    while (got < want) {
        (void)k_sem_take(&u->rx, k_timeout_none()); // forget wake-ups for bytes we read below
        size_t before = got;
        while (got < want && drv_uart_read(u->id, out + got, 1) == 1) {
            if (out[got++] == '\n' && line) {
                return got;
            }
        }
        if (got == want || u->timeout_ms == 0) {
            break;
        }
        uint64_t now = k_uptime_us();
        if (got > before) {
            deadline = now + (uint64_t)u->timeout_char_ms * 1000u;
        }
        if (now >= deadline) {
            break;
        }
        mod_kthread_sem_take(&u->rx, k_timeout_us(deadline - now));
    }
    return got;
}

// Reads into a growing buffer: everything available (want SIZE_MAX), or up to want bytes.
static py_val read_to_bytes(machine_uart *u, size_t want, bool line) {
    py_vstr v;
    py_vstr_init(&v, want < 64 ? want : 64);
    size_t total = 0;
    for (;;) {
        size_t chunk = want - total < 256 ? want - total : 256;
        uint8_t *dst = (uint8_t *)py_vstr_extend(&v, chunk);
        size_t got = read_bytes(u, dst, chunk, line);
        v.len -= chunk - got;
        total += got;
        if (got < chunk || total == want || (line && got && dst[got - 1] == '\n')) {
            break;
        }
    }
    if (total == 0 && want != 0) {
        return PY_NONE;
    }
    return py_vstr_to_bytes(&v);
}

static py_val uart_read(size_t n_args, const py_val *args) {
    machine_uart *u = enabled(args[0]);
    size_t want = SIZE_MAX;
    if (n_args > 1 && args[1] != PY_NONE) {
        py_int_t n = py_get_int(args[1]);
        want = n < 0 ? SIZE_MAX : (size_t)n;
    }
    return read_to_bytes(u, want, false);
}
static PY_FN_OBJ_VAR(uart_read_obj, read, 1, 2, uart_read);

static py_val uart_readline(py_val self) {
    return read_to_bytes(enabled(self), SIZE_MAX, true);
}
static PY_FN_OBJ_1(uart_readline_obj, readline, uart_readline);

static py_val uart_readinto(size_t n_args, const py_val *args) {
    machine_uart *u = enabled(args[0]);
    py_buffer b;
    py_get_buffer(args[1], &b, PY_BUFFER_WRITE);
    size_t want = b.len;
    if (n_args > 2) {
        py_int_t n = py_get_int(args[2]);
        if (n >= 0 && (size_t)n < want) {
            want = (size_t)n;
        }
    }
    size_t got = read_bytes(u, b.buf, want, false);
    return got == 0 && want != 0 ? PY_NONE : py_int_from((py_int_t)got);
}
static PY_FN_OBJ_VAR(uart_readinto_obj, readinto, 2, 3, uart_readinto);

static py_val uart_write(py_val self, py_val data) {
    machine_uart *u = enabled(self);
    const void *p;
    size_t n;
    if (py_is_str(data)) {
        p = py_get_str(data, &n);
    } else {
        py_buffer b;
        py_get_buffer(data, &b, PY_BUFFER_READ);
        p = b.buf;
        n = b.len;
    }
    mod_kthread_charge(); // sent now, after the bytecodes so far
    int r = drv_uart_write(u->id, p, n);
    if (r < 0) {
        mod_machine_raise_errno(r, "UART");
    }
    py_vm_budget_refresh(); // a loopback schedules the bytes' arrival
    return py_int_from(r);
}
static PY_FN_OBJ_2(uart_write_obj, write, uart_write);

static py_val uart_any(py_val self) {
    return py_int_from((py_int_t)drv_uart_available(enabled(self)->id));
}
static PY_FN_OBJ_1(uart_any_obj, any, uart_any);

static py_val uart_flush(py_val self) {
    (void)enabled(self);
    return PY_NONE;
}
static PY_FN_OBJ_1(uart_flush_obj, flush, uart_flush);

static py_val uart_txdone(py_val self) {
    (void)enabled(self);
    return PY_TRUE; // writes complete before they return
}
static PY_FN_OBJ_1(uart_txdone_obj, txdone, uart_txdone);

static void uart_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    machine_uart *u = (machine_uart *)self;
    py_printf(p, "UART(%d, baudrate=%u, bits=%d, parity=%r, stop=%d, timeout=%u, timeout_char=%u)",
              (int)u->id, (unsigned)u->baud, (int)u->bits, u->parity, (int)u->stop,
              (unsigned)u->timeout_ms, (unsigned)u->timeout_char_ms);
}

static const py_dict_entry uart_locals_table[] = {
    PY_ROM_ENTRY(init, &uart_init_obj),         PY_ROM_ENTRY(deinit, &uart_deinit_obj),
    PY_ROM_ENTRY(read, &uart_read_obj),         PY_ROM_ENTRY(readline, &uart_readline_obj),
    PY_ROM_ENTRY(readinto, &uart_readinto_obj), PY_ROM_ENTRY(write, &uart_write_obj),
    PY_ROM_ENTRY(any, &uart_any_obj),           PY_ROM_ENTRY(flush, &uart_flush_obj),
    PY_ROM_ENTRY(txdone, &uart_txdone_obj),
};
static PY_ROM_DICT(uart_locals, uart_locals_table);

const py_type mod_machine_uart_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_UART,
    .flags = PY_TF_EQ_ID,
    .print = uart_print,
    .make_new = uart_make_new,
    .locals = (py_dict *)&uart_locals,
    .base_type = &py_type_object,
};
