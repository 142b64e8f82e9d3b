// boot/bootutil.c: the bootloader's decision and swap logic (docs/ota.md).
//
// Swap using scratch, a sector at a time. For data sector i of the n the images use (swap_size
// rounded up), with c = (i + base) % (scratch sectors for data), base = the scratch sector
// after the previous swap's last, so that successive upgrades spread the scratch's wear:
//   step 3i+0: erase scratch[c], copy primary[i]   -> scratch[c]
//   step 3i+1: erase primary[i], copy secondary[i] -> primary[i]
//   step 3i+2: erase secondary[i], copy scratch[c] -> secondary[i]
// then step 3n: erase the secondary's trailer sector; step 3n+1: erase the primary's trailer
// sector and write its new trailer (copy_done, image_ok for PERM and REVERT, swap_info,
// swap_size, the magic last). After each step its record is programmed in the swap log (the
// last sectors of the scratch area): a 16-byte header (type, n, check value) and then one
// 8-byte granule per step at a fixed place. A record is programmed only after its step has
// finished, so any granule that is not all 0xff means "that step is done" (even one the power
// cut half way: its step had finished before). A step whose record is blank is redone from its
// start; every step's source is intact until the step after it is recorded, so redoing is
// always right. The swap is over when the header's second granule is programmed to zeros.
#include "boot/bootutil.h"

#include <string.h>

#define ALIGN BOOT_MAX_ALIGN // trailer granule (imgtool --align 8)
#define REC 8u               // a log / counter record
#define HDR_GRANULES 2u
#define SWAP_MAGIC 0x50575342u // "BSWP"
#define CNT_SEED 0x544e4353u   // "SCNT"
#define CHUNK 512u

typedef struct flash_rd {
    drv_flash *f;
    uint32_t base;
} flash_rd;

static int rd_cb(void *ctx, uint32_t off, void *buf, size_t n) {
    flash_rd *r = ctx;
    return drv_flash_read(r->f, r->base + off, buf, (uint32_t)n) ? -1 : 0;
}

static uint32_t le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put32(uint8_t *p, uint32_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

// A check value (not cryptographic): FNV-1a, then a finalizer so that a few flipped bits
// change every bit of the result.
static uint32_t check32(const uint8_t *p, size_t n, uint32_t seed) {
    uint32_t h = 2166136261u ^ seed;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 16777619u;
    }
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

static bool all_ff(const uint8_t *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] != 0xff) {
            return false;
        }
    }
    return true;
}

// ---- The log ------------------------------------------------------------------------------

typedef struct line {
    char b[112];
    size_t n;
} line;

static void l_s(line *l, const char *s) {
    while (*s && l->n + 1 < sizeof(l->b)) {
        l->b[l->n++] = *s++;
    }
    l->b[l->n] = 0;
}

static void l_u(line *l, uint32_t v) {
    char t[11];
    int k = 0;
    do {
        t[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    char s[12];
    for (int i = 0; i < k; i++) {
        s[i] = t[k - 1 - i];
    }
    s[k] = 0;
    l_s(l, s);
}

static void l_ver(line *l, const boot_image_version *v) {
    l_s(l, "v");
    l_u(l, v->major);
    l_s(l, ".");
    l_u(l, v->minor);
    l_s(l, ".");
    l_u(l, v->revision);
    l_s(l, "+");
    l_u(l, v->build);
}

static void l_emit(const boot_config *cfg, line *l) {
    if (cfg->log) {
        cfg->log(cfg->log_ctx, l->b);
    }
}

static void log1(const boot_config *cfg, const char *a, const char *b, const char *c) {
    line l = {{0}, 0};
    l_s(&l, a);
    l_s(&l, b ? b : "");
    l_s(&l, c ? c : "");
    l_emit(cfg, &l);
}

static const char *type_name(int t) {
    switch (t) {
    case BOOT_SWAP_TEST:
        return "test";
    case BOOT_SWAP_PERM:
        return "perm";
    case BOOT_SWAP_REVERT:
        return "revert";
    default:
        return "none";
    }
}

// ---- Configuration ------------------------------------------------------------------------

void boot_config_default(boot_config *cfg) {
    memset(cfg, 0, sizeof(*cfg));
    cfg->slot0_off = DRV_FLASH_PART_SLOT0_OFF;
    cfg->slot1_off = DRV_FLASH_PART_SLOT1_OFF;
    cfg->slot_size = DRV_FLASH_PART_SLOT_SIZE;
    cfg->scratch_off = DRV_FLASH_PART_SCRATCH_OFF;
    cfg->scratch_size = DRV_FLASH_PART_SCRATCH_SIZE;
    cfg->counter_off = DRV_FLASH_PART_BOOT_OFF + DRV_FLASH_PART_BOOT_SIZE - 2 * DRV_FLASH_SECTOR;
    cfg->counter_size = 2 * DRV_FLASH_SECTOR;
}

// Data sectors a swap may move: all but the slot's last (the trailer's) sector.
static uint32_t max_data_sectors(const drv_flash *f, const boot_config *cfg) {
    return cfg->slot_size / f->sector_size - 1;
}

uint32_t boot_status_sectors(const drv_flash *f, const boot_config *cfg) {
    if (!f || !cfg || !f->sector_size) {
        return 0;
    }
    uint64_t bytes = (uint64_t)(HDR_GRANULES + 3u * max_data_sectors(f, cfg) + 2u) * REC;
    return (uint32_t)((bytes + f->sector_size - 1) / f->sector_size);
}

static bool area_ok(const drv_flash *f, uint32_t off, uint32_t size) {
    return size && off % f->sector_size == 0 && size % f->sector_size == 0 && off <= f->size &&
           size <= f->size - off;
}

static bool overlap(uint32_t a, uint32_t an, uint32_t b, uint32_t bn) {
    return a < b + bn && b < a + an;
}

static int check_config(const drv_flash *f, const boot_config *cfg) {
    if (!f || !cfg || !f->sector_size || !f->write_size || REC % f->write_size ||
        f->sector_size < 1024 || f->sector_size % CHUNK) {
        return BOOT_ECONFIG;
    }
    if (!area_ok(f, cfg->slot0_off, cfg->slot_size) ||
        !area_ok(f, cfg->slot1_off, cfg->slot_size) ||
        !area_ok(f, cfg->scratch_off, cfg->scratch_size) ||
        !area_ok(f, cfg->counter_off, cfg->counter_size) ||
        cfg->counter_size != 2 * f->sector_size || cfg->slot_size < 2 * f->sector_size ||
        max_data_sectors(f, cfg) > 0xffffu) {
        return BOOT_ECONFIG;
    }
    if (cfg->scratch_size / f->sector_size < boot_status_sectors(f, cfg) + 1) {
        return BOOT_ECONFIG;
    }
    uint32_t off[4] = {cfg->slot0_off, cfg->slot1_off, cfg->scratch_off, cfg->counter_off};
    uint32_t sz[4] = {cfg->slot_size, cfg->slot_size, cfg->scratch_size, cfg->counter_size};
    for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
            if (overlap(off[i], sz[i], off[j], sz[j])) {
                return BOOT_ECONFIG;
            }
        }
    }
    boot_trailer_layout tl;
    if (boot_trailer_layout_for(cfg->slot_size, ALIGN, 0, &tl) ||
        tl.swap_size_off < cfg->slot_size - f->sector_size) {
        return BOOT_ECONFIG;
    }
    return BOOT_OK;
}

// ---- Flash helpers ------------------------------------------------------------------------

static int fl_read(drv_flash *f, uint32_t off, void *buf, uint32_t n) {
    return drv_flash_read(f, off, buf, n) ? BOOT_EFLASH : BOOT_OK;
}

static int fl_prog(drv_flash *f, uint32_t off, const void *buf, uint32_t n) {
    return drv_flash_program(f, off, buf, n) ? BOOT_EFLASH : BOOT_OK;
}

static int fl_erase(drv_flash *f, uint32_t off, uint32_t n) {
    return drv_flash_erase(f, off, n) ? BOOT_EFLASH : BOOT_OK;
}

// *blank = the n bytes at off are all 0xff.
static int is_blank(drv_flash *f, uint32_t off, uint32_t n, bool *blank) {
    uint8_t buf[CHUNK];
    *blank = true;
    for (uint32_t d = 0; d < n; d += CHUNK) {
        uint32_t k = n - d < CHUNK ? n - d : CHUNK;
        if (fl_read(f, off + d, buf, k)) {
            return BOOT_EFLASH;
        }
        if (!all_ff(buf, k)) {
            *blank = false;
            return BOOT_OK;
        }
    }
    return BOOT_OK;
}

// Erases a sector unless it is blank already (saves wear and time).
static int erase_if_needed(drv_flash *f, uint32_t off) {
    bool blank;
    int r = is_blank(f, off, f->sector_size, &blank);
    if (r || blank) {
        return r;
    }
    return fl_erase(f, off, f->sector_size);
}

// Erases the sector at dst and copies the sector at src into it (blank chunks skipped).
static int copy_sector(drv_flash *f, uint32_t dst, uint32_t src) {
    uint8_t buf[CHUNK];
    int r = fl_erase(f, dst, f->sector_size);
    for (uint32_t d = 0; !r && d < f->sector_size; d += CHUNK) {
        r = fl_read(f, src + d, buf, CHUNK);
        if (!r && !all_ff(buf, CHUNK)) {
            r = fl_prog(f, dst + d, buf, CHUNK);
        }
    }
    return r;
}

// ---- Trailers -----------------------------------------------------------------------------

static int trailer_read(drv_flash *f, const boot_config *cfg, uint32_t slot,
                        boot_trailer_state *t) {
    flash_rd rd = {f, slot};
    int r = boot_trailer_read(rd_cb, &rd, cfg->slot_size, ALIGN, t);
    return r ? BOOT_EFLASH : BOOT_OK;
}

static int write_flag(drv_flash *f, uint32_t off, uint8_t v) {
    uint8_t g[ALIGN];
    memset(g, 0xff, sizeof(g));
    g[0] = v;
    return fl_prog(f, off, g, sizeof(g));
}

static int write_magic(drv_flash *f, uint32_t off) {
    return fl_prog(f, off, boot_trailer_magic, BOOT_MAGIC_SIZE);
}

// MCUboot's table, first match wins: secondary magic good and image_ok unset -> TEST, set ->
// PERM; primary magic good, image_ok unset, copy_done set -> REVERT; else NONE.
static int decide(const boot_trailer_state *p, const boot_trailer_state *s) {
    if (s->magic == BOOT_MAGIC_GOOD && s->image_ok == BOOT_FLAG_STATE_UNSET) {
        return BOOT_SWAP_TEST;
    }
    if (s->magic == BOOT_MAGIC_GOOD && s->image_ok == BOOT_FLAG_STATE_SET) {
        return BOOT_SWAP_PERM;
    }
    if (p->magic == BOOT_MAGIC_GOOD && p->image_ok == BOOT_FLAG_STATE_UNSET &&
        p->copy_done == BOOT_FLAG_STATE_SET) {
        return BOOT_SWAP_REVERT;
    }
    return BOOT_SWAP_NONE;
}

// The primary will not be reverted: no trailer magic (installed directly), or image_ok not
// erased (set; or half written by a power cut, which MCUboot's table does not revert either).
static bool permanent(const boot_trailer_state *p) {
    return p->magic != BOOT_MAGIC_GOOD || p->image_ok != BOOT_FLAG_STATE_UNSET;
}

// ---- Images -------------------------------------------------------------------------------

// BOOT_OK (valid), BOOT_IMAGE_EBAD (invalid, *why says why) or BOOT_EFLASH.
static int validate(drv_flash *f, const boot_config *cfg, uint32_t slot, boot_image_info *info,
                    const char **why) {
    flash_rd rd = {f, slot};
    *why = "no key configured";
    int r = BOOT_IMAGE_EBAD;
    for (unsigned k = 0; k < cfg->n_keys; k++) {
        r = boot_image_verify_read(rd_cb, &rd, cfg->slot_size, cfg->keys[k].der,
                                   cfg->keys[k].len, cfg->keys[k].type, info, why);
        if (r == BOOT_IMAGE_EIO) {
            return BOOT_EFLASH;
        }
        if (r == BOOT_IMAGE_OK) {
            break;
        }
    }
    if (r != BOOT_IMAGE_OK) {
        return BOOT_IMAGE_EBAD;
    }
    if (info->total_len > cfg->slot_size - f->sector_size) {
        *why = "image reaches the trailer sector";
        return BOOT_IMAGE_EBAD;
    }
    return BOOT_OK;
}

// ---- Security counter ---------------------------------------------------------------------
// Two sectors of 8-byte records: value u32 LE, check u32. The highest valid value wins (values
// only rise, so it is the newest). Appended after the last programmed granule of the sector
// holding it; when that sector is full the other one is erased and written.

typedef struct cnt_scan {
    uint32_t value;
    bool found;
    uint32_t sector;   // 0 or 1: holds the value (0 if none)
    uint32_t next[2];  // offset after the last programmed granule of each sector
} cnt_scan;

static int cnt_scan_all(drv_flash *f, const boot_config *cfg, cnt_scan *s) {
    uint8_t buf[CHUNK];
    memset(s, 0, sizeof(*s));
    for (uint32_t sec = 0; sec < 2; sec++) {
        uint32_t base = cfg->counter_off + sec * f->sector_size;
        for (uint32_t d = 0; d < f->sector_size; d += CHUNK) {
            if (fl_read(f, base + d, buf, CHUNK)) {
                return BOOT_EFLASH;
            }
            for (uint32_t g = 0; g < CHUNK; g += REC) {
                const uint8_t *p = buf + g;
                if (all_ff(p, REC)) {
                    continue;
                }
                s->next[sec] = d + g + REC;
                uint32_t v = le32(p);
                if (le32(p + 4) == check32(p, 4, CNT_SEED) && (!s->found || v > s->value)) {
                    s->found = true;
                    s->value = v;
                    s->sector = sec;
                }
            }
        }
    }
    return BOOT_OK;
}

int boot_counter_read(drv_flash *f, const boot_config *cfg, uint32_t *out) {
    cnt_scan s;
    if (check_config(f, cfg) || !out) {
        return BOOT_ECONFIG;
    }
    int r = cnt_scan_all(f, cfg, &s);
    *out = s.found ? s.value : 0;
    return r;
}

int boot_counter_raise(drv_flash *f, const boot_config *cfg, uint32_t value) {
    cnt_scan s;
    if (check_config(f, cfg)) {
        return BOOT_ECONFIG;
    }
    int r = cnt_scan_all(f, cfg, &s);
    if (r || (s.found && value <= s.value) || (!s.found && value == 0)) {
        return r;
    }
    uint32_t sec = s.sector, pos = s.next[sec];
    if (pos + REC > f->sector_size) {
        sec ^= 1;
        pos = 0;
        r = fl_erase(f, cfg->counter_off + sec * f->sector_size, f->sector_size);
        if (r) {
            return r;
        }
    }
    uint8_t rec[REC];
    put32(rec, value);
    put32(rec + 4, check32(rec, 4, CNT_SEED));
    return fl_prog(f, cfg->counter_off + sec * f->sector_size + pos, rec, REC);
}

// ---- The swap log -------------------------------------------------------------------------

typedef struct swap_log {
    uint32_t off; // first byte of the log area
    uint32_t size;
    bool active;
    int type;
    uint32_t n;        // data sectors
    uint32_t swap_size;
    uint32_t base;     // the first scratch sector used (spreads the scratch's wear)
    uint32_t done;     // steps recorded (the first blank granule)
} swap_log;

// Scratch sectors for data: those before the log (at most 255, the header keeps a byte).
static uint32_t staging_sectors(const drv_flash *f, const boot_config *cfg) {
    uint32_t k = cfg->scratch_size / f->sector_size - boot_status_sectors(f, cfg);
    return k > 255 ? 255 : k;
}

static void log_hdr(uint8_t h[16], int type, uint32_t base, uint32_t n, uint32_t swap_size) {
    put32(h, SWAP_MAGIC);
    h[4] = (uint8_t)type;
    h[5] = (uint8_t)base;
    h[6] = (uint8_t)n;
    h[7] = (uint8_t)(n >> 8);
    put32(h + 8, swap_size);
    put32(h + 12, check32(h, 12, SWAP_MAGIC));
}

static int log_read(drv_flash *f, const boot_config *cfg, swap_log *l) {
    uint32_t ns = boot_status_sectors(f, cfg);
    memset(l, 0, sizeof(*l));
    l->size = ns * f->sector_size;
    l->off = cfg->scratch_off + cfg->scratch_size - l->size;
    uint8_t h[16];
    if (fl_read(f, l->off, h, sizeof(h))) {
        return BOOT_EFLASH;
    }
    uint32_t n = (uint32_t)h[6] | (uint32_t)h[7] << 8;
    int type = h[4];
    if (le32(h) != SWAP_MAGIC || le32(h + 12) != check32(h, 12, SWAP_MAGIC) || n == 0 ||
        n > max_data_sectors(f, cfg) || type < BOOT_SWAP_TEST || type > BOOT_SWAP_REVERT) {
        return BOOT_OK; // no swap in progress (erased, finished or garbage)
    }
    if (h[5] >= staging_sectors(f, cfg)) {
        return BOOT_OK;
    }
    l->active = true;
    l->base = h[5];
    l->type = type;
    l->n = n;
    l->swap_size = le32(h + 8);
    uint32_t steps = 3 * n + 2;
    uint8_t buf[CHUNK];
    for (uint32_t q = 0; q < steps; q++) {
        uint32_t pos = (HDR_GRANULES + q) * REC;
        if (q == 0 || pos % CHUNK == 0) {
            uint32_t start = pos - pos % CHUNK;
            uint32_t k = l->size - start < CHUNK ? l->size - start : CHUNK;
            if (fl_read(f, l->off + start, buf, k)) {
                return BOOT_EFLASH;
            }
        }
        if (all_ff(buf + pos % CHUNK, REC)) {
            break;
        }
        l->done = q + 1;
    }
    return BOOT_OK;
}

// Starts a swap: the log area blank, then its header (one program: a cut leaves it invalid).
// The staging starts at the scratch sector after the last one the previous swap used (read
// from its closed header, whose first granule stays readable), so successive upgrades wear
// the scratch sectors in turn; 0 when there is no previous header.
static int log_start(drv_flash *f, const boot_config *cfg, swap_log *l, int type, uint32_t n,
                     uint32_t swap_size) {
    uint8_t old[REC];
    uint32_t base = 0, staging = staging_sectors(f, cfg);
    if (fl_read(f, l->off, old, sizeof(old))) {
        return BOOT_EFLASH;
    }
    if (le32(old) == SWAP_MAGIC) {
        base = ((uint32_t)old[5] + ((uint32_t)old[6] | (uint32_t)old[7] << 8)) % staging;
    }
    for (uint32_t s = 0; s < l->size; s += f->sector_size) {
        int r = erase_if_needed(f, l->off + s);
        if (r) {
            return r;
        }
    }
    uint8_t h[16];
    log_hdr(h, type, base, n, swap_size);
    int r = fl_prog(f, l->off, h, sizeof(h));
    l->active = !r;
    l->type = type;
    l->n = n;
    l->swap_size = swap_size;
    l->base = base;
    l->done = 0;
    return r;
}

static int log_step(drv_flash *f, const swap_log *l, uint32_t q) {
    uint8_t g[REC] = {0x5a, (uint8_t)(q % 3), (uint8_t)q, (uint8_t)(q >> 8), 0, 0, 0, 0};
    return fl_prog(f, l->off + (HDR_GRANULES + q) * REC, g, REC);
}

// Step q of the swap described by l (see the top of the file).
static int swap_step(drv_flash *f, const boot_config *cfg, const swap_log *l, uint32_t q) {
    uint32_t ss = f->sector_size;
    if (q < 3 * l->n) {
        uint32_t i = q / 3, c = (i + l->base) % staging_sectors(f, cfg);
        uint32_t p = cfg->slot0_off + i * ss, s = cfg->slot1_off + i * ss;
        uint32_t t = cfg->scratch_off + c * ss;
        switch (q % 3) {
        case 0:
            return copy_sector(f, t, p);
        case 1:
            return copy_sector(f, p, s);
        default:
            return copy_sector(f, s, t);
        }
    }
    uint32_t last = cfg->slot_size - ss;
    if (q == 3 * l->n) {
        return erase_if_needed(f, cfg->slot1_off + last);
    }
    // the primary's new trailer: the magic last
    boot_trailer_layout tl;
    boot_trailer_layout_for(cfg->slot_size, ALIGN, 0, &tl);
    uint32_t base = cfg->slot0_off;
    int r = fl_erase(f, base + last, ss);
    if (!r) {
        r = write_flag(f, base + tl.copy_done_off, BOOT_FLAG_SET);
    }
    if (!r && l->type != BOOT_SWAP_TEST) {
        r = write_flag(f, base + tl.image_ok_off, BOOT_FLAG_SET);
    }
    if (!r) {
        r = write_flag(f, base + tl.swap_info_off, (uint8_t)l->type);
    }
    if (!r) {
        uint8_t g[ALIGN];
        memset(g, 0xff, sizeof(g));
        put32(g, l->swap_size);
        r = fl_prog(f, base + tl.swap_size_off, g, sizeof(g));
    }
    if (!r) {
        r = write_magic(f, base + tl.magic_off);
    }
    return r;
}

// Runs the swap from its first unrecorded step to the end, then closes the log.
static int swap_run(drv_flash *f, const boot_config *cfg, const swap_log *l) {
    uint32_t steps = 3 * l->n + 2;
    for (uint32_t q = l->done; q < steps; q++) {
        int r = swap_step(f, cfg, l, q);
        if (!r) {
            r = log_step(f, l, q);
        }
        if (r) {
            return r;
        }
    }
    // the header's second granule (swap_size, check) to zeros: the check fails from now on
    // and the swap is over; the first (type, base, n) stays for the next swap's base
    uint8_t z[REC] = {0};
    return fl_prog(f, l->off + REC, z, REC);
}

// ---- Boot ---------------------------------------------------------------------------------

static uint32_t sectors_for(const drv_flash *f, uint32_t bytes) {
    return (bytes + f->sector_size - 1) / f->sector_size;
}

// The secondary is refused: its first sector and its trailer sector are erased, so it is not
// tried again and does not look like an image.
static int erase_secondary(drv_flash *f, const boot_config *cfg) {
    int r = erase_if_needed(f, cfg->slot1_off);
    if (!r) {
        r = erase_if_needed(f, cfg->slot1_off + cfg->slot_size - f->sector_size);
    }
    return r;
}

int boot_go(drv_flash *f, const boot_config *cfg, boot_rsp *rsp) {
    int r = check_config(f, cfg);
    if (r || !rsp) {
        return BOOT_ECONFIG;
    }
    memset(rsp, 0, sizeof(*rsp));
    rsp->swap_type = BOOT_SWAP_NONE;
    swap_log l;
    boot_trailer_state pt, st;
    boot_image_info pi, si;
    const char *why = NULL;
    line ln = {{0}, 0};
    bool primary_ok = false;
    if ((r = log_read(f, cfg, &l))) {
        return r;
    }
    if (l.active) {
        rsp->resumed = true;
        rsp->swap_type = l.type;
        l_s(&ln, "boot: resuming interrupted swap (");
        l_s(&ln, type_name(l.type));
        l_s(&ln, ") at step ");
        l_u(&ln, l.done);
        l_s(&ln, "/");
        l_u(&ln, 3 * l.n + 2);
        l_emit(cfg, &ln);
        if ((r = swap_run(f, cfg, &l))) {
            return r;
        }
    } else {
        if ((r = trailer_read(f, cfg, cfg->slot0_off, &pt)) ||
            (r = trailer_read(f, cfg, cfg->slot1_off, &st))) {
            return r;
        }
        // A confirmed primary's counter is stored before any upgrade is considered, so an
        // image older than it cannot come back through the secondary.
        r = validate(f, cfg, cfg->slot0_off, &pi, &why);
        if (r == BOOT_EFLASH) {
            return r;
        }
        primary_ok = r == BOOT_OK;
        if (primary_ok && permanent(&pt) && (r = boot_counter_raise(f, cfg, pi.sec_cnt))) {
            return r;
        }
        int type = decide(&pt, &st);
        if (type != BOOT_SWAP_NONE) {
            uint32_t counter;
            if ((r = boot_counter_read(f, cfg, &counter))) {
                return r;
            }
            r = validate(f, cfg, cfg->slot1_off, &si, &why);
            if (r == BOOT_EFLASH) {
                return r;
            }
            if (r != BOOT_OK) {
                if (type == BOOT_SWAP_REVERT) {
                    log1(cfg, "boot: revert impossible: secondary invalid (", why, ")");
                } else {
                    log1(cfg, "boot: secondary invalid (", why, "): erased");
                    rsp->secondary_erased = true;
                    if ((r = erase_secondary(f, cfg))) {
                        return r;
                    }
                }
                type = BOOT_SWAP_NONE;
            } else if (type != BOOT_SWAP_REVERT && si.sec_cnt < counter) {
                l_s(&ln, "boot: downgrade refused (counter ");
                l_u(&ln, si.sec_cnt);
                l_s(&ln, " < ");
                l_u(&ln, counter);
                l_s(&ln, "): erased");
                l_emit(cfg, &ln);
                rsp->secondary_erased = rsp->downgrade_refused = true;
                if ((r = erase_secondary(f, cfg))) {
                    return r;
                }
                type = BOOT_SWAP_NONE;
            }
        }
        if (type != BOOT_SWAP_NONE) {
            // swap_size: the larger image; an invalid primary's bytes past it are dropped
            uint32_t size = si.total_len;
            flash_rd rd = {f, cfg->slot0_off};
            boot_image_info pp;
            int pr = boot_image_parse_read(rd_cb, &rd, cfg->slot_size, &pp, NULL);
            if (pr == BOOT_IMAGE_EIO) {
                return BOOT_EFLASH;
            }
            if (pr == BOOT_IMAGE_OK && pp.total_len > size) {
                size = pp.total_len;
            }
            uint32_t n = sectors_for(f, size);
            if (n > max_data_sectors(f, cfg)) {
                n = max_data_sectors(f, cfg);
            }
            if (type == BOOT_SWAP_REVERT) {
                l_s(&ln, "boot: revert to ");
            } else {
                l_s(&ln, "boot: swap ");
                l_s(&ln, type_name(type));
                l_s(&ln, " ");
            }
            l_ver(&ln, &si.version);
            l_emit(cfg, &ln);
            rsp->swap_type = type;
            if ((r = log_start(f, cfg, &l, type, n, size)) || (r = swap_run(f, cfg, &l))) {
                return r;
            }
            primary_ok = false;
        }
    }
    if ((r = trailer_read(f, cfg, cfg->slot0_off, &pt))) {
        return r;
    }
    if (!primary_ok) {
        r = validate(f, cfg, cfg->slot0_off, &pi, &why);
        if (r == BOOT_EFLASH) {
            return r;
        }
        if (r != BOOT_OK) {
            log1(cfg, "boot: primary invalid (", why, "): nothing to run");
            return BOOT_ENOIMAGE;
        }
        if (permanent(&pt) && (r = boot_counter_raise(f, cfg, pi.sec_cnt))) {
            return r;
        }
    }
    rsp->image_off = cfg->slot0_off;
    rsp->entry_off = cfg->slot0_off + pi.hdr_size;
    rsp->version = pi.version;
    rsp->img_size = pi.img_size;
    rsp->hdr_size = pi.hdr_size;
    rsp->load_addr = pi.load_addr;
    rsp->sec_cnt = pi.sec_cnt;
    rsp->confirmed = permanent(&pt);
    if ((r = boot_counter_read(f, cfg, &rsp->counter))) {
        return r;
    }
    ln.n = 0;
    l_s(&ln, "boot: primary ");
    l_ver(&ln, &pi.version);
    l_s(&ln, rsp->confirmed ? " ok" : " ok (test: reverts unless confirmed)");
    l_emit(cfg, &ln);
    return BOOT_OK;
}

// ---- For the application ------------------------------------------------------------------

int boot_set_confirmed(drv_flash *f, const boot_config *cfg) {
    boot_trailer_state t;
    boot_trailer_layout tl;
    int r = check_config(f, cfg);
    if (r || (r = trailer_read(f, cfg, cfg->slot0_off, &t))) {
        return r;
    }
    if (permanent(&t)) {
        return BOOT_OK; // will not be reverted already
    }
    boot_trailer_layout_for(cfg->slot_size, ALIGN, 0, &tl);
    return write_flag(f, cfg->slot0_off + tl.image_ok_off, BOOT_FLAG_SET);
}

int boot_set_pending(drv_flash *f, const boot_config *cfg, bool perm) {
    boot_trailer_state t;
    boot_trailer_layout tl;
    boot_image_info info;
    const char *why;
    int r = check_config(f, cfg);
    if (r || (r = trailer_read(f, cfg, cfg->slot1_off, &t))) {
        return r;
    }
    if (t.magic == BOOT_MAGIC_GOOD) {
        return BOOT_OK; // pending already (as it was asked first)
    }
    r = validate(f, cfg, cfg->slot1_off, &info, &why);
    if (r) {
        return r == BOOT_EFLASH ? r : BOOT_ENOIMAGE;
    }
    // Each field is written once after the sector's erase: start from a blank trailer sector
    // (an earlier attempt may have left image_ok or a half-written magic).
    uint32_t last = cfg->slot1_off + cfg->slot_size - f->sector_size;
    if ((r = erase_if_needed(f, last))) {
        return r;
    }
    boot_trailer_layout_for(cfg->slot_size, ALIGN, 0, &tl);
    if (perm && (r = write_flag(f, cfg->slot1_off + tl.image_ok_off, BOOT_FLAG_SET))) {
        return r;
    }
    return write_magic(f, cfg->slot1_off + tl.magic_off);
}

int boot_read_state(drv_flash *f, const boot_config *cfg, boot_state *st) {
    int r = check_config(f, cfg);
    if (r || !st) {
        return BOOT_ECONFIG;
    }
    memset(st, 0, sizeof(*st));
    boot_trailer_state t[2];
    uint32_t offs[2] = {cfg->slot0_off, cfg->slot1_off};
    for (int i = 0; i < 2; i++) {
        boot_image_info info;
        const char *why;
        if ((r = trailer_read(f, cfg, offs[i], &t[i]))) {
            return r;
        }
        r = validate(f, cfg, offs[i], &info, &why);
        if (r == BOOT_EFLASH) {
            return r;
        }
        st->slot[i].valid = r == BOOT_OK;
        if (!st->slot[i].valid) {
            flash_rd rd = {f, offs[i]};
            r = boot_image_parse_read(rd_cb, &rd, cfg->slot_size, &info, NULL);
            if (r == BOOT_IMAGE_EIO) {
                return BOOT_EFLASH;
            }
            if (r != BOOT_IMAGE_OK) {
                memset(&info, 0, sizeof(info));
            }
        }
        st->slot[i].version = info.version;
        st->slot[i].sec_cnt = info.sec_cnt;
        st->slot[i].magic = t[i].magic;
        st->slot[i].image_ok = t[i].image_ok;
        st->slot[i].copy_done = t[i].copy_done;
    }
    swap_log l;
    if ((r = log_read(f, cfg, &l)) || (r = boot_counter_read(f, cfg, &st->counter))) {
        return r;
    }
    st->swap_in_progress = l.active;
    st->next_swap = l.active ? l.type : decide(&t[0], &t[1]);
    st->pending = t[1].magic == BOOT_MAGIC_GOOD;
    st->pending_perm = st->pending && t[1].image_ok == BOOT_FLAG_STATE_SET;
    st->confirmed = permanent(&t[0]);
    return BOOT_OK;
}
