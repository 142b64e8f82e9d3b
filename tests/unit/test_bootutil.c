// tests/unit/test_bootutil.c: boot/bootutil.c on a 4 MiB flash in memory with the default
// layout, using imgtool's images of tests/data/mcuboot (v1 = app-ed25519.signed.bin 1.2.3+4,
// v2 = app-v2-ed25519.padded-*.bin 2.0.0+0, v2.1 = app-v2-ed25519.seccnt7.bin 2.1.0+0 with
// security counter 7). The swap types (test, revert, confirm, permanent, imgtool's own
// trailers), refused secondaries (bit flips, wrong key, truncated, downgrade), the security
// counter store, and a power cut at every flash operation of an upgrade, a revert and a
// permanent upgrade, plus cuts during the recovery.
//
// Usage: test_bootutil [DATA_DIR]   (default tests/data/mcuboot); prints the figures of
// docs/ota.md (operations and wear of one upgrade).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot/bootutil.h"
#include "boot/image.h"
#include "drivers/flash.h"
#include "tests/unit/check.h"

static const char *dir = "tests/data/mcuboot";

typedef check_blob blob;

static blob load(const char *name) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return check_load(path);
}

// The DER inside a PEM file (0 if it has none).
static size_t pem_der(const char *name, uint8_t *out, size_t cap) {
    blob b = load(name);
    long n = check_pem_der((const char *)b.p, out, cap);
    free(b.p);
    return n > 0 ? (size_t)n : 0;
}

// ---- The device: a RAM flash that also counts erases per sector and bytes programmed ----

#define NSECT (DRV_FLASH_SIZE / DRV_FLASH_SECTOR)
static uint8_t *mem;
static uint32_t erases[NSECT];
static uint64_t prog_bytes;
static drv_flash fl;
static boot_config cfg;
static boot_key key;
static uint8_t key_der[128];

static int m_read(drv_flash *f, uint32_t off, void *buf, uint32_t n) {
    memcpy(buf, mem + off, n);
    return 0;
}
static int m_prog(drv_flash *f, uint32_t off, const void *buf, uint32_t n) {
    const uint8_t *s = buf;
    for (uint32_t i = 0; i < n; i++) {
        mem[off + i] &= s[i];
    }
    prog_bytes += n;
    return 0;
}
static int m_erase(drv_flash *f, uint32_t off) {
    memset(mem + off, 0xff, DRV_FLASH_SECTOR);
    erases[off / DRV_FLASH_SECTOR]++;
    return 0;
}
static const drv_flash_ops m_ops = {m_read, m_prog, m_erase};

static char logbuf[4096];
static void log_cb(void *ctx, const char *line) {
    size_t n = strlen(logbuf);
    snprintf(logbuf + n, sizeof(logbuf) - n, "%s\n", line);
}

static void fresh(void) {
    memset(mem, 0xff, DRV_FLASH_SIZE);
    drv_flash_init(&fl, &m_ops, NULL, DRV_FLASH_SIZE, DRV_FLASH_SECTOR, DRV_FLASH_WRITE);
    logbuf[0] = 0;
}

static uint32_t ops(void) {
    return fl.n_program + fl.n_erase;
}

static blob v1, v2, v2test, v2perm, v21, p256;

static uint32_t img_len(blob b) {
    boot_image_info info;
    if (boot_image_parse(b.p, b.n, &info, NULL)) {
        printf("fixture does not parse\n");
        exit(2);
    }
    return info.total_len;
}

// "Factory" writes, straight into the memory.
static void put(uint32_t off, const uint8_t *p, size_t n) {
    memcpy(mem + off, p, n);
}
static void put_img(uint32_t slot, blob b) {
    put(slot, b.p, img_len(b));
}
static void erase_slot(uint32_t slot) {
    memset(mem + slot, 0xff, DRV_FLASH_PART_SLOT_SIZE);
}

static bool slot_has(uint32_t slot, blob b) {
    uint32_t n = img_len(b);
    return memcmp(mem + slot, b.p, n) == 0;
}

static bool is_ver(const boot_image_version *v, int a, int b, int c) {
    return v->major == a && v->minor == b && v->revision == c;
}

static int boot(boot_rsp *r) {
    logbuf[0] = 0;
    return boot_go(&fl, &cfg, r);
}

static bool logged(const char *s) {
    return strstr(logbuf, s) != NULL;
}

// v1 confirmed in the primary (no trailer: installed directly), v2 in the secondary.
static void setup_v1_v2(bool pending, bool perm) {
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v2);
    if (pending) {
        CHECK(boot_set_pending(&fl, &cfg, perm) == BOOT_OK);
    }
}

// ---- Tests ----

static void test_none(void) {
    boot_rsp r;
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 1, 2, 3) && r.version.build == 4);
    CHECK(r.confirmed && r.image_off == DRV_FLASH_PART_SLOT0_OFF);
    CHECK(r.entry_off == DRV_FLASH_PART_SLOT0_OFF + r.hdr_size && r.hdr_size >= 32);
    CHECK(logged("boot: primary v1.2.3+4 ok"));
    CHECK(ops() == 0); // nothing written at a plain boot
    // nothing in the secondary, not pending: set_pending refuses
    CHECK(boot_set_pending(&fl, &cfg, false) == BOOT_ENOIMAGE);
    boot_state st;
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK(st.slot[0].valid && !st.slot[1].valid && !st.pending && st.confirmed);
    CHECK(st.next_swap == BOOT_SWAP_NONE && !st.swap_in_progress);
    // confirm with no trailer: nothing to do
    CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK);
    CHECK(ops() == 0);
}

static void test_test_revert(void) {
    boot_rsp r;
    boot_state st;
    setup_v1_v2(true, false);
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK(st.pending && !st.pending_perm && st.next_swap == BOOT_SWAP_TEST);
    CHECK(is_ver(&st.slot[1].version, 2, 0, 0) && st.slot[1].valid);
    // pending twice is harmless
    CHECK(boot_set_pending(&fl, &cfg, false) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_TEST && !r.resumed && is_ver(&r.version, 2, 0, 0));
    CHECK(!r.confirmed);
    CHECK(logged("boot: swap test v2.0.0+0"));
    CHECK(slot_has(DRV_FLASH_PART_SLOT0_OFF, v2) && slot_has(DRV_FLASH_PART_SLOT1_OFF, v1));
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK(!st.pending && !st.confirmed && st.next_swap == BOOT_SWAP_REVERT);
    // no confirm: the next boot reverts
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_REVERT && is_ver(&r.version, 1, 2, 3) && r.confirmed);
    CHECK(logged("boot: revert to v1.2.3+4"));
    CHECK(slot_has(DRV_FLASH_PART_SLOT0_OFF, v1) && slot_has(DRV_FLASH_PART_SLOT1_OFF, v2));
    // and then stays on v1; v2 is not tried again
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 1, 2, 3));
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK(!st.pending && st.confirmed && st.slot[1].valid);
}

static void test_test_confirm(void) {
    boot_rsp r;
    setup_v1_v2(true, false);
    CHECK(boot(&r) == BOOT_OK && is_ver(&r.version, 2, 0, 0) && !r.confirmed);
    CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK);
    CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK); // twice: nothing more written
    for (int i = 0; i < 2; i++) {
        CHECK(boot(&r) == BOOT_OK);
        CHECK(r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 2, 0, 0) && r.confirmed);
    }
    CHECK(slot_has(DRV_FLASH_PART_SLOT0_OFF, v2) && slot_has(DRV_FLASH_PART_SLOT1_OFF, v1));
}

static void test_perm(void) {
    boot_rsp r;
    boot_state st;
    setup_v1_v2(true, true);
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK(st.pending && st.pending_perm && st.next_swap == BOOT_SWAP_PERM);
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_PERM && is_ver(&r.version, 2, 0, 0) && r.confirmed);
    CHECK(logged("boot: swap perm v2.0.0+0"));
    CHECK(boot(&r) == BOOT_OK);
    CHECK(r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 2, 0, 0) && r.confirmed);
    CHECK(slot_has(DRV_FLASH_PART_SLOT0_OFF, v2) && slot_has(DRV_FLASH_PART_SLOT1_OFF, v1));
}

// imgtool's --pad (test) and --pad --confirm (permanent) slots, written whole.
static void test_imgtool_trailers(void) {
    boot_rsp r;
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put(DRV_FLASH_PART_SLOT1_OFF, v2test.p, v2test.n);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_TEST && !r.confirmed);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_REVERT && is_ver(&r.version, 1, 2, 3));
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put(DRV_FLASH_PART_SLOT1_OFF, v2perm.p, v2perm.n);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_PERM && r.confirmed);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 2, 0, 0));
}

// The secondary's trailer magic, written by hand (set_pending refuses invalid images).
static void mark_pending_raw(void) {
    boot_trailer_layout tl;
    boot_trailer_layout_for(DRV_FLASH_PART_SLOT_SIZE, 8, 0, &tl);
    put(DRV_FLASH_PART_SLOT1_OFF + tl.magic_off, boot_trailer_magic, BOOT_MAGIC_SIZE);
}

static void refused(const char *what, const char *reason_part) {
    boot_rsp r;
    boot_state st;
    mark_pending_raw();
    CHECK(boot(&r) == BOOT_OK);
    CHECK_MSG(r.secondary_erased && r.swap_type == BOOT_SWAP_NONE, "%s", what);
    CHECK_MSG(is_ver(&r.version, 1, 2, 3) && slot_has(DRV_FLASH_PART_SLOT0_OFF, v1), "%s", what);
    CHECK_MSG(logged("boot: secondary invalid (") && logged("): erased"), "%s: %s", what, logbuf);
    if (reason_part) {
        CHECK_MSG(logged(reason_part), "%s: %s", what, logbuf);
    }
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK && !st.pending && !st.slot[1].valid);
    // the first sector is blank: it does not even parse
    CHECK(mem[DRV_FLASH_PART_SLOT1_OFF] == 0xff);
    // not tried again
    CHECK(boot(&r) == BOOT_OK && !r.secondary_erased && r.swap_type == BOOT_SWAP_NONE);
}

static void test_invalid_secondary(void) {
    uint32_t n2 = img_len(v2);
    boot_image_info info;
    CHECK(boot_image_parse(v2.p, v2.n, &info, NULL) == 0);
    // a payload bit
    setup_v1_v2(false, false);
    mem[DRV_FLASH_PART_SLOT1_OFF + info.hdr_size + 1000] ^= 0x10;
    refused("payload flip", NULL);
    // a signature bit
    setup_v1_v2(false, false);
    mem[DRV_FLASH_PART_SLOT1_OFF + info.sig_off + 5] ^= 0x01;
    refused("signature flip", NULL);
    // signed with another key
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, p256);
    refused("wrong key", NULL);
    // truncated: the last 100 bytes (the TLVs) missing
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put(DRV_FLASH_PART_SLOT1_OFF, v2.p, n2 - 100);
    refused("truncated", NULL);
    // only a header
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put(DRV_FLASH_PART_SLOT1_OFF, v2.p, 32);
    refused("header only", NULL);
    // garbage
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    for (uint32_t i = 0; i < 8192; i++) {
        mem[DRV_FLASH_PART_SLOT1_OFF + i] = (uint8_t)(i * 37 + 11);
    }
    refused("garbage", NULL);
    // a revert whose secondary is gone: the test image keeps running, nothing erased
    boot_rsp r;
    setup_v1_v2(true, false);
    CHECK(boot(&r) == BOOT_OK && is_ver(&r.version, 2, 0, 0));
    memset(mem + DRV_FLASH_PART_SLOT1_OFF, 0xff, DRV_FLASH_SECTOR);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_NONE && is_ver(&r.version, 2, 0, 0));
    CHECK(logged("boot: revert impossible"));
}

static void test_primary_invalid(void) {
    boot_rsp r;
    fresh();
    CHECK(boot(&r) == BOOT_ENOIMAGE); // a blank device
    CHECK(logged("boot: primary invalid"));
    setup_v1_v2(false, false);
    mem[DRV_FLASH_PART_SLOT0_OFF + 2000] ^= 1;
    CHECK(boot(&r) == BOOT_ENOIMAGE);
    // a pending upgrade fixes it (a blank or broken primary is swapped out)
    fresh();
    put_img(DRV_FLASH_PART_SLOT1_OFF, v2);
    CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_PERM && is_ver(&r.version, 2, 0, 0));
    // bad configurations are refused, not crashed on
    boot_config c = cfg;
    c.slot1_off = c.slot0_off + DRV_FLASH_SECTOR; // overlap
    CHECK(boot_go(&fl, &c, &r) == BOOT_ECONFIG);
    c = cfg;
    c.scratch_size = DRV_FLASH_SECTOR * 2; // no room for the log + data
    CHECK(boot_go(&fl, &c, &r) == BOOT_ECONFIG);
    c = cfg;
    c.slot_size = 0x3000000;
    CHECK(boot_go(&fl, &c, &r) == BOOT_ECONFIG);
    c = cfg;
    c.scratch_off += 1;
    CHECK(boot_go(&fl, &c, &r) == BOOT_ECONFIG);
    CHECK(boot_go(&fl, &cfg, NULL) == BOOT_ECONFIG);
    c = cfg;
    c.n_keys = 0;
    CHECK(boot_go(&fl, &c, &r) == BOOT_ENOIMAGE);
}

static void test_downgrade(void) {
    boot_rsp r;
    uint32_t cnt;
    // v2.1 (counter 7) as a test: the counter rises only once it is confirmed
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v21);
    CHECK(boot_set_pending(&fl, &cfg, false) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && is_ver(&r.version, 2, 1, 0) && r.sec_cnt == 7);
    CHECK(r.counter == 0 && boot_counter_read(&fl, &cfg, &cnt) == 0 && cnt == 0);
    CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.counter == 7 && r.confirmed);
    CHECK(logged("boot: primary v2.1.0+0 ok"));
    // v2 (no counter: 0) is refused, test or permanent
    for (int perm = 0; perm < 2; perm++) {
        erase_slot(DRV_FLASH_PART_SLOT1_OFF);
        put_img(DRV_FLASH_PART_SLOT1_OFF, v2);
        CHECK(boot_set_pending(&fl, &cfg, perm) == BOOT_OK);
        CHECK(boot(&r) == BOOT_OK);
        CHECK(r.downgrade_refused && r.secondary_erased && r.swap_type == BOOT_SWAP_NONE);
        CHECK(is_ver(&r.version, 2, 1, 0));
        CHECK_MSG(logged("boot: downgrade refused (counter 0 < 7)"), "%s", logbuf);
    }
    // the same counter is accepted
    erase_slot(DRV_FLASH_PART_SLOT1_OFF);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v21);
    CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_PERM && !r.downgrade_refused);
    // a permanent upgrade raises it at once
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v21);
    CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.counter == 7);
    // confirmed test image, then the old one back in the secondary before the next boot: the
    // counter is stored before the upgrade is considered
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v21);
    CHECK(boot_set_pending(&fl, &cfg, false) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.counter == 0);
    CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK);
    erase_slot(DRV_FLASH_PART_SLOT1_OFF);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v1);
    CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK);
    CHECK(boot(&r) == BOOT_OK && r.downgrade_refused && is_ver(&r.version, 2, 1, 0));
}

static void test_counter_store(void) {
    uint32_t v;
    fresh();
    CHECK(boot_counter_read(&fl, &cfg, &v) == 0 && v == 0);
    // past both sectors several times: 512 records a sector
    for (uint32_t i = 1; i <= 1600; i++) {
        CHECK(boot_counter_raise(&fl, &cfg, i) == 0);
        if (i % 97 == 0 || i > 1020) {
            CHECK(boot_counter_read(&fl, &cfg, &v) == 0 && v == i);
        }
    }
    CHECK(boot_counter_raise(&fl, &cfg, 5) == 0); // lower: nothing
    CHECK(boot_counter_read(&fl, &cfg, &v) == 0 && v == 1600);
    CHECK(erases[cfg.counter_off / DRV_FLASH_SECTOR] + erases[cfg.counter_off / DRV_FLASH_SECTOR + 1] <= 4);
    // a cut at every operation of a raise that erases (sector full) and of one that appends:
    // the old value or the new one, never less, and a later raise works
    uint8_t *save = malloc(DRV_FLASH_SIZE);
    for (uint32_t start = 1; start <= 2; start++) {
        fresh();
        uint32_t first = start == 1 ? 512 : 100;
        for (uint32_t i = 1; i <= first; i++) {
            boot_counter_raise(&fl, &cfg, i);
        }
        memcpy(save, mem, DRV_FLASH_SIZE);
        for (uint32_t k = 1; k <= 2; k++) {
            for (uint32_t seed = 1; seed <= 40; seed++) {
                memcpy(mem, save, DRV_FLASH_SIZE);
                fl.faults.cut_after = k;
                fl.faults.seed = seed;
                int rc = boot_counter_raise(&fl, &cfg, first + 1);
                drv_flash_power_on(&fl);
                CHECK(boot_counter_read(&fl, &cfg, &v) == 0);
                CHECK_MSG(v == first || v == first + 1, "v=%u rc=%d", v, rc);
                CHECK(boot_counter_raise(&fl, &cfg, first + 2) == 0);
                CHECK(boot_counter_read(&fl, &cfg, &v) == 0 && v == first + 2);
            }
        }
    }
    free(save);
}

// ---- Power cuts ----

typedef struct {
    const char *name;
    int type;        // the swap of the boot under test
    int ver_major;   // what runs once it is complete
    int ver_minor;
    blob in0, in1;   // what the slots hold then
    bool confirmed;
    uint32_t counter;
} expect;

static void check_after(const expect *e, const boot_rsp *r, uint32_t k, const char *when) {
    CHECK_MSG(r->version.major == e->ver_major && r->version.minor == e->ver_minor,
              "%s k=%u %s: runs v%u.%u", e->name, k, when, r->version.major, r->version.minor);
    CHECK_MSG(slot_has(DRV_FLASH_PART_SLOT0_OFF, e->in0) &&
                  slot_has(DRV_FLASH_PART_SLOT1_OFF, e->in1),
              "%s k=%u %s: slots mixed", e->name, k, when);
    CHECK_MSG(r->confirmed == e->confirmed && r->counter == e->counter, "%s k=%u %s", e->name,
              k, when);
    boot_state st;
    CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
    CHECK_MSG(!st.pending && !st.swap_in_progress && st.slot[0].valid && st.slot[1].valid,
              "%s k=%u %s: state", e->name, k, when);
}

// The device is in the state before the boot under test. Cut at every operation k; boot
// again; it must complete. For every `nested`-th k, also cut at every `nested`-th operation of
// the recovery boot. A cut in the last operation of a boot may leave that operation done (the
// driver completes a program before the power goes): the device is then exactly as after the
// boot, and for a test upgrade the next boot reverts, as after any unconfirmed run; `alt`
// (may be NULL) is what is accepted then.
static void sweep(const expect *e, const expect *alt, uint32_t nested) {
    uint8_t *before = malloc(DRV_FLASH_SIZE), *cut = malloc(DRV_FLASH_SIZE);
    boot_rsp r;
    memcpy(before, mem, DRV_FLASH_SIZE);
    uint32_t o = ops();
    CHECK(boot(&r) == BOOT_OK && r.swap_type == e->type);
    check_after(e, &r, 0, "uncut");
    uint32_t n = ops() - o;
    CHECK(n > 10);
    uint32_t cuts = 0, resumed = 0, nested_cuts = 0;
    for (uint32_t k = 1; k <= n; k++) {
        memcpy(mem, before, DRV_FLASH_SIZE);
        fl.faults.cut_after = k;
        fl.faults.seed = k * 2654435761u;
        int rc = boot(&r);
        CHECK_MSG(rc == BOOT_EFLASH && fl.powered_off, "%s k=%u rc=%d", e->name, k, rc);
        cuts++;
        drv_flash_power_on(&fl);
        memcpy(cut, mem, DRV_FLASH_SIZE);
        uint32_t o2 = ops();
        rc = boot(&r);
        uint32_t n2 = ops() - o2;
        CHECK_MSG(rc == BOOT_OK, "%s k=%u: recovery rc=%d %s", e->name, k, rc, logbuf);
        if (rc != BOOT_OK) {
            continue;
        }
        resumed += r.resumed;
        bool last_done = alt && k == n && r.swap_type == alt->type;
        check_after(last_done ? alt : e, &r, k, "recovered");
        if (nested && k % nested == 0) {
            for (uint32_t j = 1; j <= n2; j++) {
                if (j % nested != 1 && j != n2) {
                    continue; // a sample, and always the last operation
                }
                memcpy(mem, cut, DRV_FLASH_SIZE);
                fl.faults.cut_after = j;
                fl.faults.seed = j * 40503u + k;
                rc = boot(&r);
                drv_flash_power_on(&fl);
                nested_cuts++;
                CHECK_MSG(boot(&r) == BOOT_OK, "%s k=%u j=%u: %s", e->name, k, j, logbuf);
                last_done = alt && (j == n2 || k == n) && r.swap_type == alt->type;
                check_after(last_done ? alt : e, &r, k, "recovered twice");
            }
        }
    }
    printf("  %s: %u flash operations, %u cuts (%u resumed a swap), %u cuts in recovery\n",
           e->name, n, cuts, resumed, nested_cuts);
    free(before);
    free(cut);
}

static void test_cut_test_upgrade(void) {
    setup_v1_v2(true, false);
    expect e = {"test upgrade", BOOT_SWAP_TEST, 2, 0, v2, v1, false, 0};
    expect alt = {"test upgrade, then revert", BOOT_SWAP_REVERT, 1, 2, v1, v2, true, 0};
    sweep(&e, &alt, 9);
}

static void test_cut_revert(void) {
    boot_rsp r;
    setup_v1_v2(true, false);
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_TEST);
    expect e = {"revert", BOOT_SWAP_REVERT, 1, 2, v1, v2, true, 0};
    sweep(&e, NULL, 11);
}

static void test_cut_perm_upgrade(void) {
    fresh();
    put_img(DRV_FLASH_PART_SLOT0_OFF, v1);
    put_img(DRV_FLASH_PART_SLOT1_OFF, v21);
    CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK);
    expect e = {"permanent upgrade", BOOT_SWAP_PERM, 2, 1, v21, v1, true, 7};
    sweep(&e, NULL, 10);
}

// A scratch area of 3 data sectors (+ 2 for the log): each scratch sector is reused 4 or 5
// times in one swap, and every cut still resumes right.
static void test_cut_small_scratch(void) {
    boot_config save = cfg;
    cfg.scratch_size = 5 * DRV_FLASH_SECTOR;
    cfg.scratch_off = DRV_FLASH_PART_SCRATCH_OFF + DRV_FLASH_PART_SCRATCH_SIZE - cfg.scratch_size;
    setup_v1_v2(true, true);
    expect e = {"permanent upgrade, 3 scratch sectors", BOOT_SWAP_PERM, 2, 0, v2, v1, true, 0};
    memset(erases, 0, sizeof(erases));
    sweep(&e, NULL, 13);
    cfg = save;
}

// Scratch wear over many upgrades: each swap's staging starts after the previous swap's last
// scratch sector, so the scratch sectors wear evenly.
static void test_scratch_wear(void) {
    boot_rsp r;
    setup_v1_v2(true, true);
    memset(erases, 0, sizeof(erases));
    int ups = 20;
    for (int u = 0; u < ups; u++) {
        CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_PERM);
        CHECK(boot_set_pending(&fl, &cfg, true) == BOOT_OK); // the other image, back again
    }
    uint32_t mx = 0, mn = 1000;
    for (uint32_t s = DRV_FLASH_PART_SCRATCH_OFF / DRV_FLASH_SECTOR;
         s < (DRV_FLASH_PART_SCRATCH_OFF + DRV_FLASH_PART_SCRATCH_SIZE) / DRV_FLASH_SECTOR - 2;
         s++) {
        mx = erases[s] > mx ? erases[s] : mx;
        mn = erases[s] < mn ? erases[s] : mn;
    }
    uint32_t lg = erases[(DRV_FLASH_PART_SCRATCH_OFF + DRV_FLASH_PART_SCRATCH_SIZE) /
                             DRV_FLASH_SECTOR - 2];
    printf("  %d permanent upgrades v1 <-> v2: scratch data sectors erased %u..%u times, the "
           "log's first sector %u, slot sector 0 %u\n", ups, mn, mx, lg,
           erases[DRV_FLASH_PART_SLOT0_OFF / DRV_FLASH_SECTOR]);
    CHECK(mx - mn <= 1 && mx <= (uint32_t)(ups * 13 + 29) / 30 && lg <= (uint32_t)ups);
    CHECK(erases[DRV_FLASH_PART_SLOT0_OFF / DRV_FLASH_SECTOR] == (uint32_t)ups);
}

// A cut in set_pending / set_confirmed: either not done (and a retry works) or done.
static void test_cut_app_calls(void) {
    uint8_t *save = malloc(DRV_FLASH_SIZE);
    boot_rsp r;
    for (int perm = 0; perm < 2; perm++) {
        for (uint32_t k = 1; k <= 3; k++) {
            setup_v1_v2(false, false);
            fl.faults.cut_after = k;
            fl.faults.seed = k + 7;
            boot_set_pending(&fl, &cfg, perm);
            drv_flash_power_on(&fl);
            CHECK(boot_set_pending(&fl, &cfg, perm) == BOOT_OK);
            CHECK(boot(&r) == BOOT_OK && is_ver(&r.version, 2, 0, 0));
            CHECK(r.swap_type == (perm ? BOOT_SWAP_PERM : BOOT_SWAP_TEST));
        }
    }
    setup_v1_v2(true, false);
    CHECK(boot(&r) == BOOT_OK);
    memcpy(save, mem, DRV_FLASH_SIZE);
    for (uint32_t seed = 1; seed < 30; seed++) {
        memcpy(mem, save, DRV_FLASH_SIZE);
        fl.faults.cut_after = 1;
        fl.faults.seed = seed;
        CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_EFLASH);
        drv_flash_power_on(&fl);
        // half a flag is not erased: no revert (MCUboot's table), so confirmed as well
        CHECK(boot_set_confirmed(&fl, &cfg) == BOOT_OK);
        CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_NONE);
        CHECK(is_ver(&r.version, 2, 0, 0) && r.confirmed);
    }
    free(save);
}

// Random bytes in both trailer sectors and in the swap log (a device in any state): boot_go,
// boot_read_state and the application calls return, never crash, and whatever boot_go says
// runs is a valid image; a log header with a good check value is trusted (resumed).
static void test_garbage(void) {
    uint32_t x = 12345;
    uint32_t log_off = DRV_FLASH_PART_SCRATCH_OFF + DRV_FLASH_PART_SCRATCH_SIZE -
                       boot_status_sectors(&fl, &cfg) * DRV_FLASH_SECTOR;
    uint32_t areas[3] = {DRV_FLASH_PART_SLOT0_OFF + DRV_FLASH_PART_SLOT_SIZE - DRV_FLASH_SECTOR,
                         DRV_FLASH_PART_SLOT1_OFF + DRV_FLASH_PART_SLOT_SIZE - DRV_FLASH_SECTOR,
                         log_off};
    for (int round = 0; round < 60; round++) {
        setup_v1_v2(round & 1, round & 2);
        for (int a = 0; a < 3; a++) {
            if (!((round >> 2) & (1 << a)) && round < 40) {
                continue;
            }
            // sparse garbage (round < 40) keeps most bytes, else every byte random
            for (uint32_t i = 0; i < DRV_FLASH_SECTOR; i++) {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                if (round >= 40 || x % 7 == 0) {
                    mem[areas[a] + i] = (uint8_t)(x >> 8);
                }
            }
        }
        boot_rsp r;
        boot_state st;
        int rc = boot(&r);
        CHECK_MSG(rc == BOOT_OK || rc == BOOT_ENOIMAGE, "round %d rc=%d", round, rc);
        if (rc == BOOT_OK) {
            CHECK(slot_has(DRV_FLASH_PART_SLOT0_OFF, v1) || slot_has(DRV_FLASH_PART_SLOT0_OFF, v2));
        }
        CHECK(boot_read_state(&fl, &cfg, &st) == BOOT_OK);
        rc = boot_set_confirmed(&fl, &cfg);
        CHECK(rc == BOOT_OK || rc == BOOT_EFLASH); // EFLASH: image_ok not erased (NOR rule)
        rc = boot_set_pending(&fl, &cfg, round & 4);
        CHECK(rc == BOOT_OK || rc == BOOT_ENOIMAGE);
        rc = boot(&r);
        CHECK(rc == BOOT_OK || rc == BOOT_ENOIMAGE);
    }
}

// The figures of docs/ota.md: one test upgrade of v2 (52 KB) over v1 (40 KB).
static void test_figures(void) {
    boot_rsp r;
    setup_v1_v2(true, false);
    memset(erases, 0, sizeof(erases));
    prog_bytes = 0;
    uint32_t p0 = fl.n_program, e0 = fl.n_erase, rd0 = fl.n_read;
    CHECK(boot(&r) == BOOT_OK && r.swap_type == BOOT_SWAP_TEST);
    uint32_t max_slot = 0, max_scratch = 0, sum = 0, touched = 0;
    for (uint32_t s = 0; s < NSECT; s++) {
        uint32_t off = s * DRV_FLASH_SECTOR;
        sum += erases[s];
        touched += erases[s] != 0;
        if (off >= DRV_FLASH_PART_SLOT0_OFF && off < DRV_FLASH_PART_SCRATCH_OFF &&
            erases[s] > max_slot) {
            max_slot = erases[s];
        }
        if (off >= DRV_FLASH_PART_SCRATCH_OFF &&
            off < DRV_FLASH_PART_SCRATCH_OFF + DRV_FLASH_PART_SCRATCH_SIZE &&
            erases[s] > max_scratch) {
            max_scratch = erases[s];
        }
    }
    printf("  upgrade of a %u-byte image over a %u-byte one: %u erases (%u sectors, max %u a "
           "slot sector, %u a scratch sector), %u programs (%llu bytes), %u reads\n",
           img_len(v2), img_len(v1), fl.n_erase - e0, touched, max_slot, max_scratch,
           fl.n_program - p0, (unsigned long long)prog_bytes, fl.n_read - rd0);
    CHECK(max_slot <= 1 && max_scratch <= 1);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        dir = argv[1];
    }
    mem = malloc(DRV_FLASH_SIZE);
    v1 = load("app-ed25519.signed.bin");
    v2test = load("app-v2-ed25519.padded-test.bin");
    v2perm = load("app-v2-ed25519.padded-confirmed.bin");
    v2 = v2test; // the image part (img_len) of the padded slot
    v21 = load("app-v2-ed25519.seccnt7.bin");
    p256 = load("app-ec-p256.signed.bin");
    key.len = pem_der("root-ed25519.pub.pem", key_der, sizeof(key_der));
    key.der = key_der;
    key.type = BOOT_KEY_ED25519;
    boot_config_default(&cfg);
    cfg.keys = &key;
    cfg.n_keys = 1;
    cfg.log = log_cb;
    static const check_test tests[] = {
        {"none", test_none},
        {"test_revert", test_test_revert},
        {"test_confirm", test_test_confirm},
        {"perm", test_perm},
        {"imgtool_trailers", test_imgtool_trailers},
        {"invalid_secondary", test_invalid_secondary},
        {"primary_invalid", test_primary_invalid},
        {"downgrade", test_downgrade},
        {"counter_store", test_counter_store},
        {"cut_app_calls", test_cut_app_calls},
        {"garbage", test_garbage},
        {"figures", test_figures},
        {"cut_test_upgrade", test_cut_test_upgrade},
        {"cut_revert", test_cut_revert},
        {"cut_perm_upgrade", test_cut_perm_upgrade},
        {"cut_small_scratch", test_cut_small_scratch},
        {"scratch_wear", test_scratch_wear},
    };
    return check_run("bootutil", tests, sizeof(tests) / sizeof(tests[0]));
}
