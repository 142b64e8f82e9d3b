// modules/mod_ota.c: ota, over-the-air updates from Python (docs/ota.md, "The ota module").
// An update is streamed into the secondary slot of the board's flash (begin, write in chunks
// of any size), checked there as the bootloader will check it (finish: header, hash, key hash,
// signature with the keys of boot/keys.c, the security counter) and only then marked pending
// for the next reset (boot_set_pending, boot/bootutil.h): a bad image is refused with
// ValueError before any reset and leaves nothing pending. confirm() keeps a test image;
// running() and pending() describe the slots. No heap besides the results: the state of the
// update in progress and the partial write granule are static.
#include <errno.h>
#include <string.h>

#include "boot/bootutil.h"
#include "boot/keys.h"
#include "drivers/flash.h"
#include "modules/modules.h"
#include "py/runtime.h"

static struct {
    bool active;           // begin() was called, finish() not yet (nor a failure)
    uint32_t total;        // bytes announced by begin()
    uint32_t written;      // bytes received by write()
    uint32_t done_total;   // progress() after the update ended: (done_total, done_total)
    uint8_t part[DRV_FLASH_WRITE * 8]; // bytes of the last, incomplete program granule
    uint32_t n_part;
} S;

static drv_flash *flash(boot_config *cfg) {
    drv_flash *f = drv_flash_board();
    if (f == NULL) {
        py_raise_os_error(ENODEV);
    }
    boot_config_trusted(cfg);
    if (f->write_size > sizeof(S.part) || f->size < cfg->scratch_off + cfg->scratch_size) {
        py_raise_os_error(ENODEV); // not the layout of drivers/flash.h
    }
    return f;
}

// A flash or configuration error of bootutil: OSError(EIO); the update in progress ends.
static void check(int r) {
    if (r != BOOT_OK) {
        S.active = false;
        py_raise_os_error(r == BOOT_ECONFIG ? ENODEV : EIO);
    }
}

// Erases the sector at off unless it is blank already (the slot is erased once per update).
static int erase_if_needed(drv_flash *f, uint32_t off) {
    uint8_t buf[256];
    for (uint32_t k = 0; k < f->sector_size; k += sizeof(buf)) {
        int r = drv_flash_read(f, off + k, buf, sizeof(buf));
        if (r < 0) {
            return BOOT_EFLASH;
        }
        for (size_t i = 0; i < sizeof(buf); i++) {
            if (buf[i] != 0xff) {
                return drv_flash_erase(f, off, f->sector_size) < 0 ? BOOT_EFLASH : BOOT_OK;
            }
        }
    }
    return BOOT_OK;
}

static py_val ota_begin(py_val size_in) {
    boot_config cfg;
    drv_flash *f = flash(&cfg);
    py_int_t size = py_get_int(size_in);
    uint32_t room = cfg.slot_size - f->sector_size;
    if (size <= 0 || (uint64_t)size > room) {
        py_raise_fmt(&py_type_ValueError, "image size must be 1..%u bytes (the slot less its "
                     "trailer sector)", (unsigned)room);
    }
    boot_state st;
    check(boot_read_state(f, &cfg, &st));
    if (st.slot[0].valid && !st.confirmed) {
        // the secondary holds the image a reset reverts to: keep it
        py_raise_msg(&py_type_ValueError, "the running image is a test: ota.confirm() it (or "
                     "reset to revert) before the next update");
    }
    S.active = false;
    S.total = S.written = S.done_total = S.n_part = 0;
    // the trailer sector first: whatever was pending is cancelled before any data changes
    check(erase_if_needed(f, cfg.slot1_off + cfg.slot_size - f->sector_size));
    for (uint32_t off = 0; off < (uint32_t)size; off += f->sector_size) {
        check(erase_if_needed(f, cfg.slot1_off + off));
    }
    S.active = true;
    S.total = (uint32_t)size;
    return PY_NONE;
}
static PY_FN_OBJ_1(ota_begin_obj, begin, ota_begin);

static void program(drv_flash *f, uint32_t slot1, uint32_t at, const uint8_t *p, uint32_t n) {
    if (n && drv_flash_program(f, slot1 + at, p, n) < 0) {
        S.active = false;
        py_raise_os_error(EIO);
    }
}

static py_val ota_write(py_val data) {
    boot_config cfg;
    drv_flash *f = flash(&cfg);
    py_buffer b;
    py_get_buffer(data, &b, PY_BUFFER_READ);
    if (!S.active) {
        py_raise_msg(&py_type_ValueError, "no update in progress (ota.begin first)");
    }
    if (b.len > S.total - S.written) {
        py_raise_fmt(&py_type_ValueError, "more data than ota.begin(%u) announced",
                     (unsigned)S.total);
    }
    const uint8_t *p = b.buf;
    uint32_t n = (uint32_t)b.len, g = f->write_size;
    uint32_t at = S.written - S.n_part; // flash offset of the granule being filled
    S.written += n;
    if (S.n_part) {
        uint32_t take = g - S.n_part < n ? g - S.n_part : n;
        memcpy(S.part + S.n_part, p, take);
        S.n_part += take;
        p += take;
        n -= take;
        if (S.n_part < g) {
            return PY_NONE;
        }
        program(f, cfg.slot1_off, at, S.part, g);
        at += g;
        S.n_part = 0;
    }
    uint32_t whole = n / g * g;
    program(f, cfg.slot1_off, at, p, whole);
    memcpy(S.part, p + whole, n - whole);
    S.n_part = n - whole;
    return PY_NONE;
}
static PY_FN_OBJ_1(ota_write_obj, write, ota_write);

typedef struct slot_rd {
    drv_flash *f;
    uint32_t base;
} slot_rd;

static int slot_read(void *ctx, uint32_t off, void *buf, size_t n) {
    slot_rd *r = ctx;
    return drv_flash_read(r->f, r->base + off, buf, (uint32_t)n) < 0 ? -1 : 0;
}

// Why the image in the secondary must not be installed (msg may hold the text), or NULL.
static const char *refusal(drv_flash *f, const boot_config *cfg, char *msg, size_t cap) {
    slot_rd rd = {f, cfg->slot1_off};
    boot_image_info info;
    const char *why = "no trusted key";
    int r = BOOT_IMAGE_EBAD;
    for (unsigned k = 0; k < cfg->n_keys && r != BOOT_IMAGE_OK; k++) {
        r = boot_image_verify_read(slot_read, &rd, cfg->slot_size, cfg->keys[k].der,
                                   cfg->keys[k].len, cfg->keys[k].type, &info, &why);
        if (r == BOOT_IMAGE_EIO) {
            return "flash read error";
        }
    }
    if (r != BOOT_IMAGE_OK) {
        return why;
    }
    if (info.total_len != S.total) {
        py_snprintf(msg, cap, "the image is %u bytes, %u were written", (unsigned)info.total_len,
                    (unsigned)S.total);
        return msg;
    }
    // the downgrade check of the bootloader, and the running image's counter when it is
    // permanent (the bootloader stores it at the next boot at the latest)
    uint32_t floor = 0;
    boot_state st;
    if (boot_read_state(f, cfg, &st) != BOOT_OK) {
        return "flash read error";
    }
    floor = st.counter;
    if (st.slot[0].valid && st.confirmed && st.slot[0].sec_cnt > floor) {
        floor = st.slot[0].sec_cnt;
    }
    uint32_t cnt = info.has_sec_cnt ? info.sec_cnt : 0;
    if (cnt < floor) {
        py_snprintf(msg, cap, "security counter %u is below the device's %u (downgrade)",
                    (unsigned)cnt, (unsigned)floor);
        return msg;
    }
    return NULL;
}

static py_val ota_finish(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {{PY_QSTR_permanent, 0, PY_FALSE}};
    py_val permanent;
    py_arg_parse("finish", n_args, n_kw, args, 0, spec, 1, &permanent);
    boot_config cfg;
    drv_flash *f = flash(&cfg);
    if (!S.active) {
        py_raise_msg(&py_type_ValueError, "no update in progress (ota.begin first)");
    }
    if (S.written != S.total) {
        py_raise_fmt(&py_type_ValueError, "image incomplete: %u of %u bytes written",
                     (unsigned)S.written, (unsigned)S.total);
    }
    S.active = false;
    if (S.n_part) { // the last granule, padded with the erased value
        memset(S.part + S.n_part, 0xff, f->write_size - S.n_part);
        program(f, cfg.slot1_off, S.written - S.n_part, S.part, f->write_size);
        S.n_part = 0;
    }
    char msg[96];
    const char *why = refusal(f, &cfg, msg, sizeof(msg));
    if (why != NULL) {
        // no longer an image: neither pending() nor a bootloader takes it for one
        (void)erase_if_needed(f, cfg.slot1_off);
        py_raise_fmt(&py_type_ValueError, "image refused: %s", why);
    }
    int r = boot_set_pending(f, &cfg, py_is_true(permanent));
    if (r == BOOT_ENOIMAGE) {
        py_raise_msg(&py_type_ValueError, "image refused: it does not verify");
    }
    check(r);
    S.done_total = S.total;
    return PY_NONE;
}
static PY_FN_OBJ_KW(ota_finish_obj, finish, ota_finish);

static py_val ota_confirm(void) {
    boot_config cfg;
    drv_flash *f = flash(&cfg);
    check(boot_set_confirmed(f, &cfg));
    return PY_NONE;
}
static PY_FN_OBJ_0(ota_confirm_obj, confirm, ota_confirm);

static py_val version_str(const boot_image_version *v) {
    char buf[48];
    py_snprintf(buf, sizeof(buf), "%u.%u.%u+%u", (unsigned)v->major, (unsigned)v->minor,
                (unsigned)v->revision, (unsigned)v->build);
    return py_str_from_cstr(buf);
}

static void read_state(boot_state *st) {
    boot_config cfg;
    drv_flash *f = flash(&cfg);
    int r = boot_read_state(f, &cfg, st);
    if (r != BOOT_OK) {
        py_raise_os_error(r == BOOT_ECONFIG ? ENODEV : EIO);
    }
}

// (version, slot, flag) of a slot
static py_val slot_tuple(const boot_slot_state *s, int slot, bool flag) {
    py_val t[3] = {version_str(&s->version), py_small(slot), flag ? PY_TRUE : PY_FALSE};
    return py_tuple_new(3, t);
}

static py_val ota_running(void) {
    boot_state st;
    read_state(&st);
    return st.slot[0].valid ? slot_tuple(&st.slot[0], 0, st.confirmed) : PY_NONE;
}
static PY_FN_OBJ_0(ota_running_obj, running, ota_running);

static py_val ota_pending(void) {
    boot_state st;
    read_state(&st);
    return st.pending && st.slot[1].valid ? slot_tuple(&st.slot[1], 1, st.pending_perm) : PY_NONE;
}
static PY_FN_OBJ_0(ota_pending_obj, pending, ota_pending);

static py_val ota_progress(void) {
    py_val t[2];
    if (S.active) {
        t[0] = py_int_from((py_int_t)S.written);
        t[1] = py_int_from((py_int_t)S.total);
    } else {
        t[0] = t[1] = py_int_from((py_int_t)S.done_total);
    }
    return py_tuple_new(2, t);
}
static PY_FN_OBJ_0(ota_progress_obj, progress, ota_progress);

static const py_dict_entry ota_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_ota)),
    PY_ROM_ENTRY(begin, &ota_begin_obj),
    PY_ROM_ENTRY(write, &ota_write_obj),
    PY_ROM_ENTRY(finish, &ota_finish_obj),
    PY_ROM_ENTRY(confirm, &ota_confirm_obj),
    PY_ROM_ENTRY(running, &ota_running_obj),
    PY_ROM_ENTRY(pending, &ota_pending_obj),
    PY_ROM_ENTRY(progress, &ota_progress_obj),
};
static PY_ROM_DICT(ota_globals, ota_table);

const py_module mod_ota_module = {{&py_type_module}, (py_dict *)&ota_globals};
