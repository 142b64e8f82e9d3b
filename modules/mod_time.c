// modules/time: MicroPython's time module on kernel time (virtual in the host's virtual
// mode). ticks_* wrap at 2**30 as in MicroPython; time() counts seconds from the port's
// epoch source (the host: the wall clock in real mode, 2000-01-01 plus uptime in virtual
// mode so runs repeat). Sleeps release the interpreter lock.
#include <rtos/kernel.h>

#include "modules/kthread.h"
#include "modules/modules.h"
#include "py/objfloat.h"
#include "py/objint.h"
#include "py/runtime.h"

#define TICKS_PERIOD (1u << 30)
#define TICKS_MAX (TICKS_PERIOD - 1)
#define TICKS_HALF (TICKS_PERIOD / 2)

static py_val ticks(uint64_t v) { return py_small((py_int_t)(v & TICKS_MAX)); }

// Every reading of the clock first charges the bytecodes run so far (virtual time).
static py_val time_ticks_ms(void) {
    mod_kthread_charge();
    return ticks(k_uptime_ms());
}
static PY_FN_OBJ_0(time_ticks_ms_obj, ticks_ms, time_ticks_ms);
static py_val time_ticks_us(void) {
    mod_kthread_charge();
    return ticks(k_uptime_us());
}
static PY_FN_OBJ_0(time_ticks_us_obj, ticks_us, time_ticks_us);
static py_val time_ticks_cpu(void) { return time_ticks_us(); }
static PY_FN_OBJ_0(time_ticks_cpu_obj, ticks_cpu, time_ticks_cpu);

static py_int_t get_ticks(py_val v) {
    py_int_t i = py_get_int(v);
    return i & TICKS_MAX;
}

static py_val time_ticks_diff(py_val end, py_val start) {
    py_int_t d = ((get_ticks(end) - get_ticks(start) + TICKS_HALF) & TICKS_MAX) - TICKS_HALF;
    return py_small(d);
}
static PY_FN_OBJ_2(time_ticks_diff_obj, ticks_diff, time_ticks_diff);

static py_val time_ticks_add(py_val t, py_val delta) {
    py_int_t d = py_get_int(delta);
    if (d < -(py_int_t)TICKS_HALF || d >= (py_int_t)TICKS_HALF) {
        py_raise_msg(&py_type_OverflowError, "ticks interval overflow");
    }
    return py_small((get_ticks(t) + d) & TICKS_MAX);
}
static PY_FN_OBJ_2(time_ticks_add_obj, ticks_add, time_ticks_add);

static void do_busy_wait(void *arg) { k_busy_wait_us(*(uint32_t *)arg); }

// Sleeps exactly `us` (as MicroPython's ports do): whole kernel ticks with the lock released
// up to the last tick boundary before the deadline (a kernel timeout of N ticks ends at the
// Nth tick, which alone could end a sleep up to a tick early), then the rest of the tick by
// busy-waiting, with the lock released too (only more urgent threads can run meanwhile).
static void sleep_us(uint64_t us) {
    if (us == 0) {
        // sleep(0): let equal-priority Python threads run
        py_thread_yield_lock();
        return;
    }
    if (k_is_in_isr()) {
        k_busy_wait_us(us > 0xffffffffu ? 0xffffffffu : (uint32_t)us); // a hard handler
        return;
    }
    mod_kthread_charge();
    uint64_t tick_ns = 1000000000u / k_tick_hz();
    uint64_t now = k_uptime_ns(), deadline = now + us * 1000u;
    uint64_t ticks = deadline / tick_ns - now / tick_ns;
    if (ticks > 0) {
        mod_kthread_sleep(k_timeout_ticks(ticks > 0xfffffffeu ? 0xfffffffeu : (uint32_t)ticks));
    }
    mod_kthread *me = mod_kthread_current();
    now = k_uptime_ns();
    if (now < deadline && !(me && me->tsp->pending_exc)) {
        uint32_t rest_us = (uint32_t)((deadline - now + 999u) / 1000u); // never short
        py_blocking_call(do_busy_wait, &rest_us);
    }
}

static py_val time_sleep(py_val s) {
    double d = py_get_float(s);
    if (d < 0) {
        py_raise_msg(&py_type_ValueError, "sleep length must be non-negative");
    }
    sleep_us((uint64_t)(d * 1e6 + 0.5));
    return PY_NONE;
}
static PY_FN_OBJ_1(time_sleep_obj, sleep, time_sleep);

static py_val time_sleep_ms(py_val ms) {
    py_int_t v = py_get_int(ms);
    if (v > 0) {
        sleep_us((uint64_t)v * 1000u);
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(time_sleep_ms_obj, sleep_ms, time_sleep_ms);

static py_val time_sleep_us(py_val us) {
    py_int_t v = py_get_int(us);
    if (v > 0) {
        sleep_us((uint64_t)v);
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(time_sleep_us_obj, sleep_us, time_sleep_us);

// ---- calendar ---------------------------------------------------------------------------------------
// Seconds since 1970-01-01 (the port's clock).
static int64_t epoch_ns(void) {
    mod_kthread_charge();
    return py_port_time_ns();
}

static py_val time_time(void) { return py_float_new((double)epoch_ns() / 1e9); }
static PY_FN_OBJ_0(time_time_obj, time, time_time);
static py_val time_time_ns(void) { return py_int_from_ll(epoch_ns()); }
static PY_FN_OBJ_0(time_time_ns_obj, time_ns, time_time_ns);

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static const uint16_t days_before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

// Days since 1970-01-01 of a civil date (proleptic Gregorian).
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static py_val tuple_from_secs(int64_t secs) {
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400;
    // civil from days (Howard Hinnant's algorithm, written out)
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t d = doy - (153 * mp + 2) / 5 + 1;
    int64_t m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    int64_t yday = days_before[m - 1] + d + (m > 2 && is_leap(y));
    int64_t wday = (days % 7 + 7 + 3) % 7; // 1970-01-01 was a Thursday (Monday = 0)
    py_val items[8] = {py_int_from_ll(y), py_small(m), py_small(d), py_small(rem / 3600),
                       py_small(rem / 60 % 60), py_small(rem % 60), py_small(wday), py_small(yday)};
    return py_tuple_new(8, items);
}

static py_val time_gmtime(size_t n_args, const py_val *args) {
    int64_t secs = n_args && args[0] != PY_NONE ? (int64_t)py_get_float(args[0]) : epoch_ns() / 1000000000;
    if (n_args && args[0] != PY_NONE && py_is_int(args[0])) {
        // 64 bits even where small ints have 31 (dates after 2038 on a 32-bit target)
        uint8_t b[8];
        if (!py_int_to_bytes(args[0], b, 8, false, true)) {
            py_raise_msg(&py_type_OverflowError, "timestamp out of range");
        }
        uint64_t u = 0;
        for (int i = 7; i >= 0; i--) {
            u = u << 8 | b[i];
        }
        secs = (int64_t)u;
    }
    return tuple_from_secs(secs);
}
static PY_FN_OBJ_VAR(time_gmtime_obj, gmtime, 0, 1, time_gmtime);

static py_val time_mktime(py_val t) {
    size_t n;
    py_val *items;
    if (!py_get_items(t, &n, &items) || n < 6) {
        py_raise_msg(&py_type_TypeError, "mktime needs a tuple of at least 6 items");
    }
    int64_t y = py_get_int(items[0]), mo = py_get_int(items[1]), d = py_get_int(items[2]);
    // normalise months outside 1..12 as MicroPython's mktime does
    int64_t m0 = mo - 1;
    y += m0 >= 0 ? m0 / 12 : -((11 - m0) / 12);
    m0 = ((m0 % 12) + 12) % 12;
    int64_t days = days_from_civil(y, m0 + 1, 1) + d - 1;
    int64_t secs = days * 86400 + py_get_int(items[3]) * 3600 + py_get_int(items[4]) * 60 + py_get_int(items[5]);
    return py_int_from_ll(secs);
}
static PY_FN_OBJ_1(time_mktime_obj, mktime, time_mktime);

static const py_dict_entry time_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_time)),
    PY_ROM_ENTRY(sleep, &time_sleep_obj),
    PY_ROM_ENTRY(sleep_ms, &time_sleep_ms_obj),
    PY_ROM_ENTRY(sleep_us, &time_sleep_us_obj),
    PY_ROM_ENTRY(ticks_ms, &time_ticks_ms_obj),
    PY_ROM_ENTRY(ticks_us, &time_ticks_us_obj),
    PY_ROM_ENTRY(ticks_cpu, &time_ticks_cpu_obj),
    PY_ROM_ENTRY(ticks_diff, &time_ticks_diff_obj),
    PY_ROM_ENTRY(ticks_add, &time_ticks_add_obj),
    PY_ROM_ENTRY(time, &time_time_obj),
    PY_ROM_ENTRY(time_ns, &time_time_ns_obj),
    PY_ROM_ENTRY(gmtime, &time_gmtime_obj),
    PY_ROM_ENTRY(localtime, &time_gmtime_obj),
    PY_ROM_ENTRY(mktime, &time_mktime_obj),
};
static PY_ROM_DICT(time_globals, time_table);

const py_module mod_time_module = {{&py_type_module}, (py_dict *)&time_globals};
