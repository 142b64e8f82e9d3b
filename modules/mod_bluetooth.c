// modules/mod_bluetooth.c: MicroPython's `bluetooth` module (bluetooth.BLE, UUID, FLAG_*) on the
// BLE service of mod_bluetooth_stack.c. Methods take the stack mutex around stack calls; those
// that need the controller's answer (active, gap_advertise, gap_scan, gap_connect,
// gap_disconnect) wait for it with the interpreter lock released and raise OSError on a
// failure. Events reach the user's handler through one soft handler (dispatch) that drains the
// service's event ring; data tuples are MicroPython's, with bytes where MicroPython lends
// memoryviews. A read request's answer is awaited by the ble thread (mod_bluetooth_sync_answer).
// Differences and limits: docs/ble.md "The bluetooth module".
#include <errno.h>
#include <string.h>

#include "ble/hci.h"
#include "modules/kthread.h"
#include "modules/mod_bluetooth.h"
#include "modules/modules.h"
#include "py/runtime.h"

#define S mod_bluetooth_svc
#define IO_NO_INPUT_OUTPUT 3 // MicroPython's _IO_CAPABILITY_NO_INPUT_OUTPUT
#define GAP_APPEARANCE_UNKNOWN 0

typedef struct ble_obj {
    py_obj base;
    py_val handler; // None or a callable
} ble_obj;

static ble_obj *ble_get(void) {
    return (ble_obj *)PY_S->module_roots[MOD_ROOT_BLUETOOTH];
}

// ---- errors
// ------------------------------------------------------------------------------------------
static int hci_errno(int status) {
    switch (status) {
    case HCI_ERR_UNKNOWN_CMD:
    case HCI_ERR_UNSUPPORTED: return EOPNOTSUPP;
    case HCI_ERR_UNKNOWN_CONN: return ENOTCONN;
    case HCI_ERR_MEM_EXCEEDED:
    case HCI_ERR_CONN_LIMIT: return ENOMEM;
    case HCI_ERR_CMD_DISALLOWED: return EBUSY;
    case HCI_ERR_INVALID_PARAMS: return EINVAL;
    default: return EIO;
    }
}

// rc: 0, a negative errno, or an HCI status (> 0).
static void check(int rc) {
    if (rc < 0) {
        py_raise_os_error(-rc);
    }
    if (rc > 0) {
        py_raise_os_error(hci_errno(rc));
    }
}

static void need_active(void) {
    if (!S.active) {
        py_raise_os_error(ENODEV); // as MicroPython when the radio is off
    }
}

static uint16_t get_u16(py_val v, const char *what) {
    py_int_t i = py_get_int(v);
    if (i < 0 || i > 0xFFFF) {
        py_raise_fmt(&py_type_ValueError, "invalid %s", what);
    }
    return (uint16_t)i;
}

// Addresses: Python has them in MicroPython's (display) order, HCI in the reverse.
static py_val addr_bytes(const uint8_t *hci) {
    uint8_t a[6];
    for (int i = 0; i < 6; i++) {
        a[i] = hci[5 - i];
    }
    return py_bytes_new(a, 6);
}

// ---- events
// -------------------------------------------------------------------------------------------
static volatile bool sched_pending;
static py_val dispatch(py_val arg);
static PY_FN_OBJ_1(dispatch_obj, bluetooth, dispatch);

void mod_bluetooth_schedule(void) {
    unsigned key = k_irq_lock();
    if (!sched_pending && mod_kthread_irq_soft((py_val)&dispatch_obj, PY_NONE)) {
        sched_pending = true;
    }
    k_irq_unlock(key);
}

// Calls the handler; returns its result, or PY_NULL when it raised (the exception printed).
static py_val call_handler(py_val handler, py_val ev, py_val data) {
    py_nlr nlr;
    if (py_nlr_push(&nlr) == 0) {
        py_val r = py_call2(handler, ev, data);
        py_nlr_pop();
        return r;
    }
    mod_kthread_port_report("Uncaught exception in IRQ callback handler ", nlr.exc);
    return PY_NULL;
}

static uint32_t get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

// One record of the ring (mod_bluetooth_ev_push's layout) as a tuple.
static py_val decode(const uint8_t *rec, size_t n, uint8_t *ev) {
    *ev = rec[2];
    const char *fmt = (const char *)rec + 3;
    const uint8_t *p = rec + 3 + strlen(fmt) + 1;
    py_val items[8];
    size_t k = 0;
    for (const char *f = fmt; *f && k < 8; f++) {
        switch (*f) {
        case 'H':
        case 'i':
            items[k++] = py_int_from((int32_t)get32(p));
            p += 4;
            break;
        case 'b': items[k++] = py_bool(*p++ != 0); break;
        case 'a':
            items[k++] = addr_bytes(p);
            p += 6;
            break;
        case 'y': {
            size_t len = (size_t)p[0] | (size_t)p[1] << 8;
            items[k++] = py_bytes_new(p + 2, len);
            p += 2 + len;
            break;
        }
        case 'u': {
            struct att_uuid u = {0, {0}};
            u.len = p[0];
            memcpy(u.b, p + 1, u.len);
            items[k++] = mod_bluetooth_uuid_new(&u);
            p += 1 + u.len;
            break;
        }
        case 'n': items[k++] = PY_NONE; break;
        default: break;
        }
    }
    (void)n;
    return py_tuple_new(k, items);
}

// The soft handler: every queued event to the user's handler, in order.
static py_val dispatch(py_val arg) {
    (void)arg;
    static uint8_t rec[3 + 8 + 16 + 2 + BLE_CFG_GATTC_BUF + 32]; // the largest record
    unsigned key = k_irq_lock();
    sched_pending = false; // events pushed from now on schedule another run
    S.dispatcher = k_thread_self();
    k_irq_unlock(key);
    size_t n;
    while ((n = mod_bluetooth_ev_pop(rec, sizeof rec)) > 0) {
        uint8_t ev;
        py_val data = decode(rec, n, &ev);
        uint32_t seq = 0;
        if (ev & MOD_BLUETOOTH_EV_SYNC) { // a read request: its third field is the sequence number
            ev &= (uint8_t)~MOD_BLUETOOTH_EV_SYNC;
            seq = (uint32_t)py_get_int(((py_tuple *)data)->items[2]);
            data = py_tuple_new(2, ((py_tuple *)data)->items);
        }
        ble_obj *b = ble_get();
        py_val handler = b ? b->handler : PY_NONE;
        py_val r = PY_NONE;
        if (handler != PY_NONE) {
            r = call_handler(handler, py_small(ev), data);
        }
        if (seq) {
            py_int_t code = 0; // None, 0, not an int, or a handler that raised: allowed
            if (r == PY_NULL || r == PY_NONE || !py_get_int_maybe(r, &code)) {
                code = 0;
            }
            mod_bluetooth_sync_answer(seq, code < 0 || code > 0xFF ? ATT_ERR_UNLIKELY : (int)code);
        }
        if (ev == MOD_BT_IRQ_SET_SECRET && r != PY_TRUE) {
            mod_bluetooth_bonds_save_file(); // the handler did not keep it: the file does
        }
    }
    return PY_NONE;
}

// At activation: the bonds from the handler (_IRQ_GET_SECRET by index), else from the file.
static void load_bonds(ble_obj *b) {
    mod_bluetooth_lock();
    S.n_bonds = 0;
    mod_bluetooth_unlock();
    unsigned got = 0;
    if (b->handler != PY_NONE) {
        for (unsigned i = 0; i < MOD_BLUETOOTH_BONDS; i++) {
            py_val args[3] = {py_small(MOD_BLUETOOTH_SEC_TYPE), py_small((py_int_t)i), PY_NONE};
            py_val r =
                call_handler(b->handler, py_small(MOD_BT_IRQ_GET_SECRET), py_tuple_new(3, args));
            py_buffer buf;
            if (r == PY_NULL || r == PY_NONE || !py_get_buffer_maybe(r, &buf, PY_BUFFER_READ) ||
                buf.len != 23) {
                break;
            }
            const uint8_t *v = buf.buf;
            struct ble_smp_bond bond;
            bond.peer_type = v[0];
            memcpy(bond.peer_addr, v + 1, 6);
            memcpy(bond.ltk, v + 7, 16);
            mod_bluetooth_lock();
            mod_bluetooth_bond_put(&bond);
            mod_bluetooth_unlock();
            got++;
        }
    }
    if (got == 0) {
        mod_bluetooth_bonds_load_file();
    }
}

// ---- GATT database: the GAP service first, then the user's
// ---------------------------------------
static void write_name(void) {
    if (S.name_handle) {
        (void)gatts_write(&S.gatts, S.name_handle, S.name, S.name_len, false);
    }
}

static const struct gatts_chr_def gap_chrs[2] = {
    {{2, {0x00, 0x2A}}, GATTS_F_READ, NULL, 0}, // Device Name
    {{2, {0x01, 0x2A}}, GATTS_F_READ, NULL, 0}, // Appearance
};

// Registers svcs (the GAP service prepended by the caller) and fixes up the GAP values.
static int register_db(const struct gatts_svc_def *svcs, size_t n, uint16_t *handles,
                       size_t n_handles) {
    int rc = gatts_register_services(&S.gatts, svcs, n, handles, n_handles);
    if (rc >= 2) {
        S.name_handle = handles[0];
        (void)gatts_set_buffer(&S.gatts, S.name_handle, MOD_BLUETOOTH_NAME_MAX, false);
        write_name();
        uint8_t app[2] = {GAP_APPEARANCE_UNKNOWN, 0};
        (void)gatts_write(&S.gatts, handles[1], app, 2, false);
    }
    return rc;
}

static void register_gap_only(void) {
    struct gatts_svc_def gap = {{2, {0x00, 0x18}}, gap_chrs, 2};
    uint16_t handles[2];
    mod_bluetooth_lock();
    (void)register_db(&gap, 1, handles, 2);
    mod_bluetooth_unlock();
}

// ---- BLE()
// ------------------------------------------------------------------------------------------
static py_val ble_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    (void)args;
    py_arg_check_no_kw("BLE", n_kw);
    py_arg_check_count("BLE", n_args, 0, 0);
    ble_obj *b = ble_get();
    if (b == NULL) {
        b = py_new(ble_obj, &mod_bluetooth_ble_type);
        b->handler = PY_NONE;
        PY_S->module_roots[MOD_ROOT_BLUETOOTH] = (py_val)b;
        if (S.active) { // left on by a program before a soft reset: MicroPython's is off now
            mod_bluetooth_stop();
            mod_bluetooth_ev_flush();
        }
        S.has_handler = false;
        S.dispatcher = NULL;                 // (set again by the dispatcher's first run)
        sched_pending = false;               // a soft reset emptied the schedule queue
        if (S.name_len == 0 && S.mtu == 0) { // first use in this process
            memcpy(S.name, "rtpy", 4);
            S.name_len = 4;
            S.mtu = BLE_CFG_ATT_MTU_MAX;
            S.bond = true;
        }
    }
    return (py_val)b;
}

static py_val ble_active(size_t n_args, const py_val *args) {
    ble_obj *b = (ble_obj *)args[0];
    if (n_args > 1) {
        if (py_is_true(args[1])) {
            if (!S.active) {
                check(mod_bluetooth_start());
                register_gap_only();
                load_bonds(b);
            }
        } else {
            mod_bluetooth_stop();
        }
    }
    return py_bool(S.active);
}
static PY_FN_OBJ_VAR(ble_active_obj, active, 1, 2, ble_active);

static py_val config_get(qstr q) {
    switch (q) {
    case PY_QSTR_mac: {
        py_val t[2] = {py_small(HCI_ADDR_PUBLIC), addr_bytes(S.host.addr)};
        need_active();
        return py_tuple_new(2, t);
    }
    case PY_QSTR_gap_name: return py_bytes_new(S.name, S.name_len);
    case PY_QSTR_mtu: return py_small(S.mtu);
    case PY_QSTR_rxbuf: return py_small(MOD_BLUETOOTH_EV_RING);
    case PY_QSTR_addr_mode: return py_small(0);
    case PY_QSTR_bond: return py_bool(S.bond);
    case PY_QSTR_io: return py_small(IO_NO_INPUT_OUTPUT);
    case PY_QSTR_le_secure: return PY_TRUE;
    case PY_QSTR_mitm: return PY_FALSE;
    default: py_raise_msg(&py_type_ValueError, "unknown config param");
    }
}

static void config_set(qstr q, py_val v) {
    switch (q) {
    case PY_QSTR_gap_name: {
        size_t n;
        const char *s;
        py_buffer buf;
        if (py_is_str(v)) {
            s = py_get_str(v, &n);
        } else {
            py_get_buffer(v, &buf, PY_BUFFER_READ);
            s = buf.buf;
            n = buf.len;
        }
        if (n > MOD_BLUETOOTH_NAME_MAX) {
            py_raise_msg(&py_type_ValueError, "gap_name too long");
        }
        mod_bluetooth_lock();
        memcpy(S.name, s, n);
        S.name_len = (uint8_t)n;
        if (S.active) {
            write_name();
        }
        mod_bluetooth_unlock();
        break;
    }
    case PY_QSTR_mtu: {
        py_int_t m = py_get_int(v);
        if (m < (py_int_t)ATT_MTU_DEFAULT || m > (py_int_t)BLE_CFG_ATT_MTU_MAX) {
            py_raise_msg(&py_type_ValueError, "invalid mtu");
        }
        mod_bluetooth_lock();
        S.mtu = (uint16_t)m;
        if (S.active) {
            S.gatts.mtu_max = S.gattc.mtu_max = S.mtu;
        }
        mod_bluetooth_unlock();
        break;
    }
    case PY_QSTR_rxbuf: (void)py_get_int(v); break; // the event ring has a fixed size
    case PY_QSTR_addr_mode:
        if (py_get_int(v) != 0) {
            py_raise_msg(&py_type_ValueError, "only the public address (addr_mode 0) is supported");
        }
        break;
    case PY_QSTR_bond:
        mod_bluetooth_lock();
        S.bond = py_is_true(v);
        S.smp.cfg.bonding = S.bond;
        mod_bluetooth_unlock();
        break;
    case PY_QSTR_io:
        if (py_get_int(v) != IO_NO_INPUT_OUTPUT) {
            py_raise_msg(&py_type_ValueError, "only io=NoInputNoOutput (3) is supported");
        }
        break;
    case PY_QSTR_le_secure:
        if (!py_is_true(v)) {
            py_raise_msg(&py_type_ValueError, "only LE Secure Connections are supported");
        }
        break;
    case PY_QSTR_mitm:
        if (py_is_true(v)) {
            py_raise_msg(&py_type_ValueError, "MITM protection is not supported (Just Works only)");
        }
        break;
    default: py_raise_msg(&py_type_ValueError, "unknown config param");
    }
}

static py_val ble_config(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args == 2 && n_kw == 0) {
        if (!py_is_str(args[1])) {
            py_raise_msg(&py_type_TypeError, "config parameter must be a str");
        }
        size_t len;
        const char *s = py_get_str(args[1], &len);
        py_val q = py_is_qstr(args[1]) ? args[1] : PY_NULL;
        if (q == PY_NULL) { // a str object: find the qstr by comparing with the known names
            static const uint16_t names[] = {PY_QSTR_mac,   PY_QSTR_gap_name,  PY_QSTR_mtu,
                                             PY_QSTR_rxbuf, PY_QSTR_addr_mode, PY_QSTR_bond,
                                             PY_QSTR_io,    PY_QSTR_le_secure, PY_QSTR_mitm};
            for (size_t i = 0; i < sizeof names / sizeof names[0] && q == PY_NULL; i++) {
                size_t nl;
                const char *ns = py_get_str(py_qstr_val(names[i]), &nl);
                if (nl == len && !memcmp(ns, s, len)) {
                    q = py_qstr_val(names[i]);
                }
            }
            if (q == PY_NULL) {
                py_raise_msg(&py_type_ValueError, "unknown config param");
            }
        }
        return config_get(py_qstr_get(q));
    }
    if (n_args != 1) {
        py_raise_msg(&py_type_TypeError, "must query one param");
    }
    const py_val *kw = args + n_args;
    for (size_t i = 0; i < n_kw; i++) {
        config_set(py_qstr_get(kw[2 * i]), kw[2 * i + 1]);
    }
    return PY_NONE;
}
static PY_FN_OBJ_KW(ble_config_obj, config, ble_config);

static py_val ble_irq(py_val self, py_val handler) {
    if (handler != PY_NONE && !py_is_callable(handler)) {
        py_raise_msg(&py_type_TypeError, "handler must be callable or None");
    }
    ((ble_obj *)self)->handler = handler;
    S.has_handler = handler != PY_NONE;
    if (S.active && handler != PY_NONE) {
        load_bonds((ble_obj *)self); // the new handler may keep secrets
    }
    return PY_NONE;
}
static PY_FN_OBJ_2(ble_irq_obj, irq, ble_irq);

// ---- GAP
// ------------------------------------------------------------------------------------------------
static uint16_t us_to_units(py_val us, unsigned unit_us, uint16_t lo, uint16_t hi,
                            const char *what) {
    py_int_t v = py_get_int(us);
    if (v < 0) {
        py_raise_fmt(&py_type_ValueError, "invalid %s", what);
    }
    py_int_t u = v / (py_int_t)unit_us;
    return (uint16_t)(u < lo ? lo : u > hi ? hi : u);
}

// AD data (31 bytes at most) into a 32-byte command: length, then the data.
static void ad_param(py_val data, uint8_t out[32]) {
    py_buffer b;
    py_get_buffer(data, &b, PY_BUFFER_READ);
    if (b.len > 31) {
        py_raise_msg(&py_type_ValueError, "advertising data too long");
    }
    memset(out, 0, 32);
    out[0] = (uint8_t)b.len;
    memcpy(out + 1, b.buf, b.len);
}

static py_val ble_gap_advertise(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_interval_us, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_adv_data, 0, PY_NONE},
        {PY_QSTR_resp_data, PY_ARG_KW_ONLY, PY_NONE},
        {PY_QSTR_connectable, PY_ARG_KW_ONLY, PY_TRUE},
    };
    py_val a[4];
    py_arg_parse("gap_advertise", n_args, n_kw, args, 1, spec, 4, a);
    need_active();
    static const uint8_t off = 0, on = 1;
    const struct mod_bluetooth_cmd stop = {HCI_LE_SET_ADV_ENABLE, 1, &off};
    (void)mod_bluetooth_cmds(&stop, 1); // (refused when not advertising: fine)
    if (a[0] == PY_NONE) {
        return PY_NONE;
    }
    uint16_t itv = us_to_units(a[0], 625, 0x20, 0x4000, "interval");
    uint8_t adv[32], rsp[32];
    bool connectable = py_is_true(a[3]);
    uint8_t type = connectable       ? HCI_ADV_IND
                   : a[2] != PY_NONE ? HCI_ADV_SCAN_IND
                                     : HCI_ADV_NONCONN_IND;
    uint8_t params[15] = {(uint8_t)itv,
                          (uint8_t)(itv >> 8),
                          (uint8_t)itv,
                          (uint8_t)(itv >> 8),
                          type,
                          0,
                          0,
                          0,
                          0,
                          0,
                          0,
                          0,
                          0,
                          7,
                          0};
    struct mod_bluetooth_cmd cmds[4];
    unsigned n = 0;
    cmds[n++] = (struct mod_bluetooth_cmd){HCI_LE_SET_ADV_PARAMS, 15, params};
    if (a[1] != PY_NONE) { // None: the previous data stays
        ad_param(a[1], adv);
        cmds[n++] = (struct mod_bluetooth_cmd){HCI_LE_SET_ADV_DATA, 32, adv};
    }
    if (a[2] != PY_NONE) {
        ad_param(a[2], rsp);
        cmds[n++] = (struct mod_bluetooth_cmd){HCI_LE_SET_SCAN_RSP_DATA, 32, rsp};
    }
    cmds[n++] = (struct mod_bluetooth_cmd){HCI_LE_SET_ADV_ENABLE, 1, &on};
    check(mod_bluetooth_cmds(cmds, n));
    return PY_NONE;
}
static PY_FN_OBJ_KW(ble_gap_advertise_obj, gap_advertise, ble_gap_advertise);

static void wake_thread(void) {
    k_sem_give(&S.rx_sem); // the ble thread recomputes its deadlines
}

static py_val ble_gap_scan(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_duration_ms, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_interval_us, 0, py_small_const(1280000)},
        {PY_QSTR_window_us, 0, py_small_const(11250)},
        {PY_QSTR_active, 0, PY_FALSE},
    };
    py_val a[4];
    py_arg_parse("gap_scan", n_args, n_kw, args, 1, spec, 4, a);
    need_active();
    static const uint8_t off[2] = {0, 0};
    const struct mod_bluetooth_cmd stop = {HCI_LE_SET_SCAN_ENABLE, 2, off};
    if (a[0] == PY_NONE) {
        mod_bluetooth_lock();
        bool was = S.scanning;
        S.scanning = false;
        if (was) {
            mod_bluetooth_ev_push(MOD_BT_IRQ_SCAN_DONE, "");
        }
        mod_bluetooth_unlock();
        if (was) {
            (void)mod_bluetooth_cmds(&stop, 1);
        }
        return PY_NONE;
    }
    py_int_t dur = py_get_int(a[0]);
    if (dur < 0) {
        py_raise_msg(&py_type_ValueError, "invalid duration");
    }
    uint16_t itv = us_to_units(a[1], 625, 4, 0x4000, "interval");
    uint16_t win = us_to_units(a[2], 625, 4, 0x4000, "window");
    if (win > itv) {
        py_raise_msg(&py_type_ValueError, "window longer than interval");
    }
    mod_bluetooth_lock();
    bool was = S.scanning;
    S.scanning = false;
    mod_bluetooth_unlock();
    if (was) {
        (void)mod_bluetooth_cmds(&stop, 1);
    }
    uint8_t params[7] = {(uint8_t)py_is_true(a[3]),
                         (uint8_t)itv,
                         (uint8_t)(itv >> 8),
                         (uint8_t)win,
                         (uint8_t)(win >> 8),
                         0,
                         0};
    static const uint8_t on[2] = {1, 0}; // every report (no duplicate filtering), as MicroPython
    struct mod_bluetooth_cmd cmds[2] = {{HCI_LE_SET_SCAN_PARAMS, 7, params},
                                        {HCI_LE_SET_SCAN_ENABLE, 2, on}};
    mod_bluetooth_lock();
    S.scanning = true;
    S.scan_end_ms = dur ? k_uptime_ms() + dur : 0;
    mod_bluetooth_unlock();
    int rc = mod_bluetooth_cmds(cmds, 2);
    if (rc) {
        mod_bluetooth_lock();
        S.scanning = false;
        mod_bluetooth_unlock();
        check(rc);
    }
    wake_thread();
    return PY_NONE;
}
static PY_FN_OBJ_KW(ble_gap_scan_obj, gap_scan, ble_gap_scan);

static py_val ble_gap_connect(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_addr_type, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_addr, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_scan_duration_ms, 0, py_small_const(2000)},
        {PY_QSTR_min_conn_interval_us, 0, PY_NONE},
        {PY_QSTR_max_conn_interval_us, 0, PY_NONE},
    };
    py_val a[5];
    py_arg_parse("gap_connect", n_args, n_kw, args, 1, spec, 5, a);
    py_int_t type = py_get_int(a[0]);
    if (type < 0 || type > 1) {
        py_raise_msg(&py_type_ValueError, "invalid addr_type");
    }
    py_buffer b;
    py_get_buffer(a[1], &b, PY_BUFFER_READ);
    if (b.len != 6) {
        py_raise_msg(&py_type_ValueError, "invalid addr");
    }
    py_int_t dur = py_get_int(a[2]);
    if (dur < 0) {
        py_raise_msg(&py_type_ValueError, "invalid scan_duration_ms");
    }
    uint16_t imin = a[3] == PY_NONE ? 24 : us_to_units(a[3], 1250, 6, 3200, "interval");
    uint16_t imax =
        a[4] == PY_NONE ? (imin > 40 ? imin : 40) : us_to_units(a[4], 1250, 6, 3200, "interval");
    if (imax < imin) {
        py_raise_msg(&py_type_ValueError, "invalid interval");
    }
    need_active();
    uint8_t cc[25] = {0x10, 0, 0x10, 0, 0, (uint8_t)type};
    for (int i = 0; i < 6; i++) {
        cc[6 + i] = ((const uint8_t *)b.buf)[5 - i];
    }
    cc[12] = HCI_ADDR_PUBLIC;
    hci_put16(cc + 13, imin);
    hci_put16(cc + 15, imax);
    hci_put16(cc + 17, 0);   // latency
    hci_put16(cc + 19, 500); // supervision timeout: 5 s
    mod_bluetooth_lock();
    if (S.connecting) {
        mod_bluetooth_unlock();
        py_raise_os_error(EALREADY);
    }
    S.connecting = true;
    S.connect_end_ms = dur ? k_uptime_ms() + dur : 0;
    S.connect_type = (uint8_t)type;
    memcpy(S.connect_addr, cc + 6, 6);
    mod_bluetooth_unlock();
    struct mod_bluetooth_cmd cmd = {HCI_LE_CREATE_CONN, 25, cc};
    int rc = mod_bluetooth_cmds(&cmd, 1);
    if (rc) {
        mod_bluetooth_lock();
        S.connecting = false;
        mod_bluetooth_unlock();
        check(rc);
    }
    wake_thread();
    return PY_NONE;
}
static PY_FN_OBJ_KW(ble_gap_connect_obj, gap_connect, ble_gap_connect);

static py_val ble_gap_disconnect(py_val self, py_val conn) {
    (void)self;
    uint16_t h = get_u16(conn, "conn_handle");
    need_active();
    uint8_t p[3] = {(uint8_t)h, (uint8_t)(h >> 8), HCI_ERR_REMOTE_USER_TERM};
    struct mod_bluetooth_cmd cmd = {HCI_DISCONNECT, 3, p};
    int rc = mod_bluetooth_cmds(&cmd, 1);
    if (rc == HCI_ERR_UNKNOWN_CONN) {
        return PY_FALSE;
    }
    check(rc);
    return PY_TRUE;
}
static PY_FN_OBJ_2(ble_gap_disconnect_obj, gap_disconnect, ble_gap_disconnect);

static py_val ble_gap_pair(py_val self, py_val conn) {
    (void)self;
    uint16_t h = get_u16(conn, "conn_handle");
    need_active();
    mod_bluetooth_lock();
    struct ble_conn *c = ble_host_conn(&S.host, h);
    int rc = !c ? -ENOTCONN : c->central ? ble_smp_pair(&S.smp, h) : ble_smp_request(&S.smp, h);
    mod_bluetooth_unlock();
    check(rc);
    return PY_NONE;
}
static PY_FN_OBJ_2(ble_gap_pair_obj, gap_pair, ble_gap_pair);

// ---- GATT server
// ----------------------------------------------------------------------------------------
struct defs {
    struct gatts_svc_def svcs[1 + 16];
    struct gatts_chr_def chrs[BLE_CFG_MAX_ATTRS];
    struct gatts_dsc_def dscs[BLE_CFG_MAX_ATTRS];
    size_t n_svcs, n_chrs, n_dscs;
    uint8_t per_svc[16]; // handles each user service returns
};

static void def_uuid(py_val v, struct att_uuid *out) {
    if (py_typeof(v) != &mod_bluetooth_uuid_type) {
        py_raise_msg(&py_type_TypeError, "expected a bluetooth.UUID");
    }
    *out = ((mod_bluetooth_uuid *)v)->u;
}

static size_t seq(py_val v, py_val **items, const char *what) {
    size_t n;
    if (!py_is_obj(v) || (v->type != &py_type_tuple && v->type != &py_type_list)) {
        py_raise_fmt(&py_type_TypeError, "%s must be a tuple or list", what);
    }
    *items = py_seq_items(v, &n);
    return n;
}

static void parse_services(py_val def, struct defs *d) {
    py_val *svcs;
    size_t ns = seq(def, &svcs, "services");
    if (ns > 16) {
        py_raise_msg(&py_type_ValueError, "too many services");
    }
    for (size_t i = 0; i < ns; i++) {
        py_val *sv;
        if (seq(svcs[i], &sv, "service") != 2) {
            py_raise_msg(&py_type_ValueError, "a service is (uuid, characteristics)");
        }
        struct gatts_svc_def *s = &d->svcs[d->n_svcs++];
        def_uuid(sv[0], &s->uuid);
        py_val *chrs;
        size_t nc = seq(sv[1], &chrs, "characteristics");
        s->chrs = &d->chrs[d->n_chrs];
        s->n_chrs = (uint8_t)nc;
        unsigned handles = 0;
        for (size_t j = 0; j < nc; j++) {
            py_val *cv;
            size_t k = seq(chrs[j], &cv, "characteristic");
            if (k < 2 || k > 3 || d->n_chrs >= BLE_CFG_MAX_ATTRS) {
                py_raise_msg(&py_type_ValueError,
                             "a characteristic is (uuid, flags[, descriptors])");
            }
            struct gatts_chr_def *c = &d->chrs[d->n_chrs++];
            def_uuid(cv[0], &c->uuid);
            c->flags = get_u16(cv[1], "flags");
            c->dscs = &d->dscs[d->n_dscs];
            c->n_dscs = 0;
            handles++;
            if (k == 3) {
                py_val *dv;
                size_t nd = seq(cv[2], &dv, "descriptors");
                for (size_t m = 0; m < nd; m++) {
                    py_val *dd;
                    if (seq(dv[m], &dd, "descriptor") != 2 || d->n_dscs >= BLE_CFG_MAX_ATTRS) {
                        py_raise_msg(&py_type_ValueError, "a descriptor is (uuid, flags)");
                    }
                    struct gatts_dsc_def *ds = &d->dscs[d->n_dscs++];
                    def_uuid(dd[0], &ds->uuid);
                    ds->flags = get_u16(dd[1], "flags");
                    c->n_dscs++;
                    handles++;
                }
            }
        }
        d->per_svc[i] = (uint8_t)handles;
    }
}

static py_val ble_gatts_register_services(py_val self, py_val def) {
    (void)self;
    need_active();
    static struct defs d; // large: not on the stack (the interpreter lock serialises callers)
    memset(&d, 0, sizeof d);
    d.svcs[0] = (struct gatts_svc_def){{2, {0x00, 0x18}}, gap_chrs, 2};
    d.n_svcs = 1;
    parse_services(def, &d);
    uint16_t handles[BLE_CFG_MAX_ATTRS];
    mod_bluetooth_lock();
    int rc = register_db(d.svcs, d.n_svcs, handles, BLE_CFG_MAX_ATTRS);
    mod_bluetooth_unlock();
    if (rc < 0) {
        register_gap_only(); // the database is left as after active(True)
        check(rc);
    }
    py_val out = py_tuple_new(d.n_svcs - 1, NULL);
    size_t at = 2; // after the GAP service's two values
    for (size_t i = 0; i + 1 < d.n_svcs; i++) {
        py_val t = py_tuple_new(d.per_svc[i], NULL);
        for (unsigned k = 0; k < d.per_svc[i]; k++) {
            ((py_tuple *)t)->items[k] = py_small(handles[at++]);
        }
        ((py_tuple *)out)->items[i] = t;
    }
    return out;
}
static PY_FN_OBJ_2(ble_gatts_register_services_obj, gatts_register_services,
                   ble_gatts_register_services);

static py_val ble_gatts_read(py_val self, py_val handle) {
    (void)self;
    uint16_t h = get_u16(handle, "value_handle");
    need_active();
    uint8_t buf[ATT_VALUE_MAX];
    mod_bluetooth_lock();
    const uint8_t *p;
    int n = gatts_read(&S.gatts, h, &p);
    if (n > 0) {
        memcpy(buf, p, (size_t)n);
    }
    mod_bluetooth_unlock();
    check(n < 0 ? n : 0);
    return py_bytes_new(buf, (size_t)n);
}
static PY_FN_OBJ_2(ble_gatts_read_obj, gatts_read, ble_gatts_read);

// gatts_write(value_handle, data, send_update=False): send_update by keyword too, as
// MicroPython's scripts pass it
static py_val ble_gatts_write(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_value_handle, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_data, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_send_update, 0, PY_FALSE},
    };
    py_val v[3];
    py_arg_parse("gatts_write", n_args, n_kw, args, 1, spec, 3, v);
    uint16_t h = get_u16(v[0], "value_handle");
    py_buffer b;
    py_get_buffer(v[1], &b, PY_BUFFER_READ);
    bool update = py_is_true(v[2]);
    need_active();
    if (b.len > ATT_VALUE_MAX) {
        py_raise_msg(&py_type_ValueError, "value too long");
    }
    mod_bluetooth_lock();
    int rc = gatts_write(&S.gatts, h, b.buf, (uint16_t)b.len, update);
    mod_bluetooth_unlock();
    check(rc < 0 ? rc : 0);
    return PY_NONE;
}
static PY_FN_OBJ_KW(ble_gatts_write_obj, gatts_write, ble_gatts_write);

static py_val notify_or_indicate(size_t n_args, const py_val *args, bool indicate) {
    uint16_t conn = get_u16(args[1], "conn_handle"), h = get_u16(args[2], "value_handle");
    py_buffer b = {NULL, 0, 'B'};
    bool has = n_args > 3 && args[3] != PY_NONE;
    if (has) {
        py_get_buffer(args[3], &b, PY_BUFFER_READ);
    }
    need_active();
    mod_bluetooth_lock();
    int rc;
    uint16_t len = (uint16_t)(b.len > ATT_VALUE_MAX ? ATT_VALUE_MAX : b.len);
    if (indicate) {
        gatts_tick(&S.gatts, (uint32_t)k_uptime_ms());
        rc = gatts_indicate(&S.gatts, conn, h, has ? b.buf : NULL, len);
    } else {
        rc = gatts_notify(&S.gatts, conn, h, has ? b.buf : NULL, len);
    }
    mod_bluetooth_unlock();
    check(rc < 0 ? rc : 0);
    return PY_NONE;
}

static py_val ble_gatts_notify(size_t n_args, const py_val *args) {
    return notify_or_indicate(n_args, args, false);
}
static PY_FN_OBJ_VAR(ble_gatts_notify_obj, gatts_notify, 3, 4, ble_gatts_notify);

static py_val ble_gatts_indicate(size_t n_args, const py_val *args) {
    return notify_or_indicate(n_args, args, true);
}
static PY_FN_OBJ_VAR(ble_gatts_indicate_obj, gatts_indicate, 3, 4, ble_gatts_indicate);

static py_val ble_gatts_set_buffer(size_t n_args, const py_val *args) {
    uint16_t h = get_u16(args[1], "value_handle"), len = get_u16(args[2], "len");
    bool append = n_args > 3 && py_is_true(args[3]);
    need_active();
    mod_bluetooth_lock();
    int rc = gatts_set_buffer(&S.gatts, h, len, append);
    mod_bluetooth_unlock();
    check(rc);
    return PY_NONE;
}
static PY_FN_OBJ_VAR(ble_gatts_set_buffer_obj, gatts_set_buffer, 3, 4, ble_gatts_set_buffer);

// ---- GATT client
// ------------------------------------------------------------------------------------------
static py_val gattc_done(int rc) {
    mod_bluetooth_unlock();
    check(rc);
    return PY_NONE;
}

static py_val ble_gattc_discover_services(size_t n_args, const py_val *args) {
    uint16_t conn = get_u16(args[1], "conn_handle");
    struct att_uuid u;
    bool has = n_args > 2 && args[2] != PY_NONE;
    if (has) {
        def_uuid(args[2], &u);
    }
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_discover_services(&S.gattc, conn, has ? &u : NULL));
}
static PY_FN_OBJ_VAR(ble_gattc_discover_services_obj, gattc_discover_services, 2, 3,
                     ble_gattc_discover_services);

static py_val ble_gattc_discover_characteristics(size_t n_args, const py_val *args) {
    uint16_t conn = get_u16(args[1], "conn_handle"), start = get_u16(args[2], "start_handle"),
             end = get_u16(args[3], "end_handle");
    struct att_uuid u;
    bool has = n_args > 4 && args[4] != PY_NONE;
    if (has) {
        def_uuid(args[4], &u);
    }
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_discover_characteristics(&S.gattc, conn, start, end, has ? &u : NULL));
}
static PY_FN_OBJ_VAR(ble_gattc_discover_characteristics_obj, gattc_discover_characteristics, 4, 5,
                     ble_gattc_discover_characteristics);

static py_val ble_gattc_discover_descriptors(size_t n_args, const py_val *args) {
    (void)n_args;
    uint16_t conn = get_u16(args[1], "conn_handle"), start = get_u16(args[2], "start_handle"),
             end = get_u16(args[3], "end_handle");
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_discover_descriptors(&S.gattc, conn, start, end));
}
static PY_FN_OBJ_VAR(ble_gattc_discover_descriptors_obj, gattc_discover_descriptors, 4, 4,
                     ble_gattc_discover_descriptors);

static py_val ble_gattc_read(py_val self, py_val conn, py_val handle) {
    (void)self;
    uint16_t c = get_u16(conn, "conn_handle"), h = get_u16(handle, "value_handle");
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_read(&S.gattc, c, h));
}
static PY_FN_OBJ_3(ble_gattc_read_obj, gattc_read, ble_gattc_read);

static py_val ble_gattc_write(size_t n_args, const py_val *args) {
    uint16_t conn = get_u16(args[1], "conn_handle"), h = get_u16(args[2], "value_handle");
    py_buffer b;
    py_get_buffer(args[3], &b, PY_BUFFER_READ);
    py_int_t mode = n_args > 4 ? py_get_int(args[4]) : 0;
    if (mode != 0 && mode != 1) {
        py_raise_msg(&py_type_ValueError, "invalid mode");
    }
    if (b.len > BLE_CFG_GATTC_BUF) {
        py_raise_msg(&py_type_ValueError, "value too long");
    }
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_write(&S.gattc, conn, h, b.buf, (uint16_t)b.len,
                                  mode ? GATTC_WRITE_WITH_RESPONSE : GATTC_WRITE_NO_RESPONSE));
}
static PY_FN_OBJ_VAR(ble_gattc_write_obj, gattc_write, 4, 5, ble_gattc_write);

static py_val ble_gattc_exchange_mtu(py_val self, py_val conn) {
    (void)self;
    uint16_t c = get_u16(conn, "conn_handle");
    need_active();
    mod_bluetooth_lock();
    return gattc_done(gattc_exchange_mtu(&S.gattc, c));
}
static PY_FN_OBJ_2(ble_gattc_exchange_mtu_obj, gattc_exchange_mtu, ble_gattc_exchange_mtu);

// ---- the types and the module
// ------------------------------------------------------------------------------
static void ble_print(const py_print *p, py_val self, int kind) {
    (void)self;
    (void)kind;
    py_printf(p, "<BLE>");
}

static const py_dict_entry ble_locals_table[] = {
    PY_ROM_ENTRY(active, &ble_active_obj),
    PY_ROM_ENTRY(config, &ble_config_obj),
    PY_ROM_ENTRY(irq, &ble_irq_obj),
    PY_ROM_ENTRY(gap_advertise, &ble_gap_advertise_obj),
    PY_ROM_ENTRY(gap_scan, &ble_gap_scan_obj),
    PY_ROM_ENTRY(gap_connect, &ble_gap_connect_obj),
    PY_ROM_ENTRY(gap_disconnect, &ble_gap_disconnect_obj),
    PY_ROM_ENTRY(gap_pair, &ble_gap_pair_obj),
    PY_ROM_ENTRY(gatts_register_services, &ble_gatts_register_services_obj),
    PY_ROM_ENTRY(gatts_read, &ble_gatts_read_obj),
    PY_ROM_ENTRY(gatts_write, &ble_gatts_write_obj),
    PY_ROM_ENTRY(gatts_notify, &ble_gatts_notify_obj),
    PY_ROM_ENTRY(gatts_indicate, &ble_gatts_indicate_obj),
    PY_ROM_ENTRY(gatts_set_buffer, &ble_gatts_set_buffer_obj),
    PY_ROM_ENTRY(gattc_discover_services, &ble_gattc_discover_services_obj),
    PY_ROM_ENTRY(gattc_discover_characteristics, &ble_gattc_discover_characteristics_obj),
    PY_ROM_ENTRY(gattc_discover_descriptors, &ble_gattc_discover_descriptors_obj),
    PY_ROM_ENTRY(gattc_read, &ble_gattc_read_obj),
    PY_ROM_ENTRY(gattc_write, &ble_gattc_write_obj),
    PY_ROM_ENTRY(gattc_exchange_mtu, &ble_gattc_exchange_mtu_obj),
};
static PY_ROM_DICT(ble_locals, ble_locals_table);

const py_type mod_bluetooth_ble_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_BLE,
    .flags = PY_TF_EQ_ID,
    .print = ble_print,
    .make_new = ble_make_new,
    .locals = (py_dict *)&ble_locals,
    .base_type = &py_type_object,
};

static const py_dict_entry bluetooth_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_bluetooth)),
    PY_ROM_ENTRY(BLE, &mod_bluetooth_ble_type),
    PY_ROM_ENTRY(UUID, &mod_bluetooth_uuid_type),
    PY_ROM_ENTRY(FLAG_BROADCAST, py_small_const(GATTS_F_BROADCAST)),
    PY_ROM_ENTRY(FLAG_READ, py_small_const(GATTS_F_READ)),
    PY_ROM_ENTRY(FLAG_WRITE_NO_RESPONSE, py_small_const(GATTS_F_WRITE_NO_RESPONSE)),
    PY_ROM_ENTRY(FLAG_WRITE, py_small_const(GATTS_F_WRITE)),
    PY_ROM_ENTRY(FLAG_NOTIFY, py_small_const(GATTS_F_NOTIFY)),
    PY_ROM_ENTRY(FLAG_INDICATE, py_small_const(GATTS_F_INDICATE)),
    PY_ROM_ENTRY(FLAG_AUTHENTICATED_SIGNED_WRITE,
                 py_small_const(GATTS_F_AUTHENTICATED_SIGNED_WRITE)),
    PY_ROM_ENTRY(FLAG_AUX_WRITE, py_small_const(GATTS_F_AUX_WRITE)),
    PY_ROM_ENTRY(FLAG_READ_ENCRYPTED, py_small_const(GATTS_F_READ_ENCRYPTED)),
    PY_ROM_ENTRY(FLAG_READ_AUTHENTICATED, py_small_const(GATTS_F_READ_AUTHENTICATED)),
    PY_ROM_ENTRY(FLAG_READ_AUTHORIZED, py_small_const(GATTS_F_READ_AUTHORIZED)),
    PY_ROM_ENTRY(FLAG_WRITE_ENCRYPTED, py_small_const(GATTS_F_WRITE_ENCRYPTED)),
    PY_ROM_ENTRY(FLAG_WRITE_AUTHENTICATED, py_small_const(GATTS_F_WRITE_AUTHENTICATED)),
    PY_ROM_ENTRY(FLAG_WRITE_AUTHORIZED, py_small_const(GATTS_F_WRITE_AUTHORIZED)),
};
static PY_ROM_DICT(bluetooth_globals, bluetooth_table);

const py_module mod_bluetooth_module = {{&py_type_module}, (py_dict *)&bluetooth_globals};
