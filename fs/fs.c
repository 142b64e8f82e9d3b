// fs/fs.c: the power-safe file system (fs/fs.h; the format is described in docs/storage.md).
//
// Every sector starts with an erase record (its erase count and the format generation,
// written right after each erase). A sector then holds one block of one file (a data sector,
// header written after the data, so a valid header means complete data) or a part of the
// metadata log (fixed-size records: create, commit of a size, rename, delete). Nothing is
// ever written in place: a file's new blocks go to fresh sectors with a higher sequence
// number, and a record naming the file's new size commits them. For each file the newest
// record wins; for each block the sector with the highest sequence number not newer than
// that record wins. Mounting undoes what an interrupted session left (sectors newer than
// their file's newest record are erased) and zeroes torn log records.
#include "fs/fs.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

// Sector layout (offsets in a sector).
#define ER_OFF 0    // erase record, 16 bytes
#define KILL_OFF 16 // format-in-progress mark, 16 bytes (sector 0 only)
#define HDR_OFF 32  // sector header, 32 bytes
#define DATA_OFF 64 // file data (data sectors)
#define SLOT 128u   // a log record; slot 0 of a log sector is the sector's header area

#define ER_MAGIC 0x45465452u   // "RTFE"
#define META_MAGIC 0x4d465452u // "RTFM"
#define DATA_MAGIC 0x44465452u // "RTFD"

#define ROOT 1u
#define NONE 0xffffffffu
#define RESERVE 3u // sectors file data may not take: the log always has room to commit
#define TRIES 8    // reads of something whose checksum fails before it counts as bad
#ifndef FS_WEAR_EVERY
#define FS_WEAR_EVERY 16 // allocations between two looks at the wear
#endif
#ifndef FS_WEAR_GAP
#define FS_WEAR_GAP 8 // erases a sector holding a file that never changes may lag by
#endif

// What fs->sect[] says of a sector; anything else is a data sector's ino << 12 | block.
#define S_FREE 0xffffffffu  // holds nothing that matters; erased before use
#define S_CLEAN 0xfffffffeu // free, already erased (erase record written)
#define S_META 0xfffffffdu  // a log sector
#define S_BUSY 0xfffffffcu  // allocated, being written
#define MAX_INO 0xffffeu
#define MAX_BLK 0xfffu
#define TAG(ino, blk) ((ino) << 12 | (blk))
#define TAG_INO(t) ((t) >> 12)
#define TAG_BLK(t) ((t)&0xfffu)
#define IS_DATA(t) ((t) < S_BUSY)

enum { R_FILE = FS_TYPE_FILE, R_DIR = FS_TYPE_DIR, R_DEL = 3 };

typedef struct erec {
    uint32_t magic, count, gen, crc;
} erec_t;

typedef struct hdr {
    uint32_t magic, seq, ino, blk, len, dcrc, zero, crc;
} hdr_t;

typedef struct rec {
    uint32_t crc, seq, ino, parent;
    uint32_t victim; // a rename over an existing file deletes this ino in the same record
    uint32_t size;
    uint8_t type, nlen;
    uint16_t zero;
    char name[FS_NAME_MAX];
} rec_t;

_Static_assert(sizeof(erec_t) == 16 && sizeof(hdr_t) == 32 && sizeof(rec_t) == SLOT, "layout");

enum { V_OK, V_BLANK, V_ZERO, V_BAD };

// ---- checksums and checks ---------------------------------------------------------------------
static uint32_t crc32(uint32_t crc, const void *p, uint32_t n) {
    // CRC-32 (the IEEE polynomial, reflected), a nibble at a time: a 16-entry table
    static const uint32_t t[16] = {
        0x00000000, 0x1db71064, 0x3b6e20c8, 0x26d930ac, 0x76dc4190, 0x6b6b51f4,
        0x4db26158, 0x5005713c, 0xedb88320, 0xf00f9344, 0xd6d6a3e8, 0xcb61b38c,
        0x9b64c2b0, 0x86d3d2d4, 0xa00ae278, 0xbdbdf21c,
    };
    const uint8_t *b = p;
    crc = ~crc;
    for (uint32_t i = 0; i < n; i++) {
        crc ^= b[i];
        crc = (crc >> 4) ^ t[crc & 15];
        crc = (crc >> 4) ^ t[crc & 15];
    }
    return ~crc;
}

static bool all_is(const void *p, uint32_t n, uint8_t v) {
    const uint8_t *b = p;
    for (uint32_t i = 0; i < n; i++) {
        if (b[i] != v) {
            return false;
        }
    }
    return true;
}

// Each check: V_OK (checksum good), V_BLANK (erased), V_ZERO (a dead record), V_BAD.
static int check_erec(const void *p, uint32_t n) {
    const erec_t *e = p;
    if (e->magic == ER_MAGIC && e->crc == crc32(0, e, 12)) {
        return V_OK;
    }
    return all_is(p, n, 0xff) ? V_BLANK : V_BAD;
}

static int check_hdr(const void *p, uint32_t n) {
    const hdr_t *h = p;
    if ((h->magic == META_MAGIC || h->magic == DATA_MAGIC) && h->crc == crc32(0, h, 28)) {
        return V_OK;
    }
    return all_is(p, n, 0xff) ? V_BLANK : V_BAD;
}

static int check_rec(const void *p, uint32_t n) {
    const rec_t *r = p;
    if (r->crc == crc32(0, (const uint8_t *)r + 4, SLOT - 4) && r->nlen <= FS_NAME_MAX &&
        r->type >= R_FILE && r->type <= R_DEL) {
        return V_OK;
    }
    return all_is(p, n, 0xff) ? V_BLANK : all_is(p, n, 0) ? V_ZERO : V_BAD;
}

// ---- flash access -----------------------------------------------------------------------------
static uint32_t addr(const fs_t *fs, uint32_t s, uint32_t off) {
    return fs->off + s * fs->ssize + off;
}

// Reads until check() accepts what came back (bit flips on read are retried).
static int read_checked(fs_t *fs, uint32_t s, uint32_t off, void *p, uint32_t n,
                        int (*check)(const void *, uint32_t)) {
    int v = V_BAD;
    for (int i = 0; i < TRIES && v == V_BAD; i++) {
        int r = drv_flash_read(fs->f, addr(fs, s, off), p, n);
        if (r < 0) {
            return r;
        }
        v = check(p, n);
    }
    return v;
}

static int program(fs_t *fs, uint32_t s, uint32_t off, const void *p, uint32_t n) {
    return drv_flash_program(fs->f, addr(fs, s, off), p, n);
}

static uint32_t round_up(const fs_t *fs, uint32_t n) {
    uint32_t w = fs->f->write_size;
    return (n + w - 1) / w * w;
}

static uint32_t nblocks(const fs_t *fs, uint32_t size) {
    return (uint32_t)(((uint64_t)size + fs->bsize - 1) / fs->bsize);
}

static uint32_t nslots(const fs_t *fs) {
    return fs->ssize / SLOT;
}

// Erases sector s and writes its erase record (count one more than before).
static int wipe(fs_t *fs, uint32_t s) {
    erec_t e;
    int v = read_checked(fs, s, ER_OFF, &e, sizeof(e), check_erec);
    if (v < 0) {
        return v;
    }
    uint32_t count = v == V_OK ? e.count : fs->erase_guess;
    int r = drv_flash_erase(fs->f, addr(fs, s, 0), fs->ssize);
    if (r < 0) {
        return r;
    }
    e = (erec_t){ER_MAGIC, count + 1, fs->gen, 0};
    e.crc = crc32(0, &e, 12);
    r = program(fs, s, ER_OFF, &e, sizeof(e));
    if (r < 0) {
        return r;
    }
    if (fs->sect[s] == S_FREE || fs->sect[s] == S_CLEAN) {
        fs->nfree--; // counted again below
    }
    fs->sect[s] = S_CLEAN;
    fs->nfree++;
    return 0;
}

// Marks a sector free; it is erased when allocated (a data sector's stale copy is harmless
// until then: it loses to the newer copy or to the file's size, see docs/storage.md).
static void release(fs_t *fs, uint32_t s) {
    if (fs->sect[s] != S_FREE && fs->sect[s] != S_CLEAN) {
        fs->sect[s] = S_FREE;
        fs->nfree++;
    }
}

// 0 if the data of sector s (header h) reads back with its checksum (retried), else -EIO.
static int read_data_crc(fs_t *fs, uint32_t s, const hdr_t *h) {
    if (h->len > fs->bsize) {
        return -EIO;
    }
    for (int i = 0; i < TRIES; i++) {
        uint8_t chunk[256];
        uint32_t crc = 0;
        int r = 0;
        for (uint32_t at = 0; at < h->len && r == 0; at += sizeof(chunk)) {
            uint32_t k = h->len - at < sizeof(chunk) ? h->len - at : sizeof(chunk);
            r = drv_flash_read(fs->f, addr(fs, s, DATA_OFF + at), chunk, k);
            crc = crc32(crc, chunk, k);
        }
        if (r < 0) {
            return r;
        }
        if (crc == h->dcrc) {
            return 0;
        }
    }
    return -EIO;
}

// The first free sector from the cursor on (NONE if there is none).
static uint32_t next_free(const fs_t *fs) {
    for (uint32_t i = 0, s = fs->cursor % fs->nsect; i < fs->nsect; i++, s = (s + 1) % fs->nsect) {
        if (fs->sect[s] == S_FREE || fs->sect[s] == S_CLEAN) {
            return s;
        }
    }
    return NONE;
}

static int erase_count(fs_t *fs, uint32_t s, uint32_t *count) {
    erec_t e;
    int v = read_checked(fs, s, ER_OFF, &e, sizeof(e), check_erec);
    *count = v == V_OK ? e.count : fs->erase_guess;
    return v < 0 ? v : 0;
}

static int alloc(fs_t *fs, bool for_log);
static int read_hdr(fs_t *fs, uint32_t s, hdr_t *h);

// Copies data sector `from` to a fresh sector, header and all (the same sequence number: of
// two identical copies either may win), and frees it, so that it joins the rotation.
static int relocate(fs_t *fs, uint32_t from) {
    hdr_t h;
    int r = read_hdr(fs, from, &h);
    int to = r < 0 ? r : alloc(fs, true);
    if (to < 0) {
        return to;
    }
    uint8_t chunk[256];
    uint32_t len = round_up(fs, h.len);
    for (uint32_t at = 0; at < len && r == 0; at += sizeof(chunk)) {
        uint32_t k = len - at < sizeof(chunk) ? len - at : sizeof(chunk);
        r = drv_flash_read(fs->f, addr(fs, from, DATA_OFF + at), chunk, k);
        if (r == 0) {
            r = program(fs, (uint32_t)to, DATA_OFF + at, chunk, k);
        }
    }
    if (r == 0 && read_data_crc(fs, (uint32_t)to, &h) < 0) {
        fs->sect[to] = S_FREE; // a bit flipped on the way: leave the sector where it is
        fs->nfree++;
        return 0;
    }
    if (r == 0) {
        r = program(fs, (uint32_t)to, HDR_OFF, &h, sizeof(h));
    }
    if (r < 0) {
        return r;
    }
    fs->sect[to] = fs->sect[from];
    release(fs, from);
    fs->n_moved++;
    return 0;
}

// Static wear levelling: the rotation never erases a sector holding a file that does not
// change; when the least-erased data sector lags the sector the rotation takes next by more
// than FS_WEAR_GAP erases, it moves (and its sector joins the rotation).
static int level_wear(fs_t *fs) {
    uint32_t least = NONE, least_count = NONE, next;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        uint32_t c;
        if (IS_DATA(fs->sect[s])) {
            int r = erase_count(fs, s, &c);
            if (r < 0) {
                return r;
            }
            if (c < least_count) {
                least = s, least_count = c;
            }
        }
    }
    uint32_t s = next_free(fs);
    if (least == NONE || s == NONE) {
        return 0;
    }
    int r = erase_count(fs, s, &next);
    return r < 0 || next <= least_count + FS_WEAR_GAP ? r : relocate(fs, least);
}

// The next free sector after the last one taken (round robin spreads the erases), erased.
static int alloc(fs_t *fs, bool for_log) {
    if (fs->nfree == 0 || (!for_log && fs->nfree <= RESERVE)) {
        return -ENOSPC;
    }
    if (++fs->n_alloc % FS_WEAR_EVERY == 0 && !fs->leveling && fs->nfree > RESERVE + 1) {
        fs->leveling = true;
        int r = level_wear(fs);
        fs->leveling = false;
        if (r < 0) {
            return r;
        }
    }
    uint32_t s = next_free(fs);
    if (s == NONE) {
        return -ENOSPC;
    }
    fs->cursor = s + 1;
    if (fs->sect[s] == S_FREE) {
        int r = wipe(fs, s);
        if (r < 0) {
            return r;
        }
    }
    fs->sect[s] = S_BUSY;
    fs->nfree--;
    return (int)s;
}

static int read_hdr(fs_t *fs, uint32_t s, hdr_t *h) {
    int v = read_checked(fs, s, HDR_OFF, h, sizeof(*h), check_hdr);
    return v < 0 ? v : v == V_OK ? 0 : -EIO;
}

// ---- the metadata log -------------------------------------------------------------------------
typedef struct it {
    uint32_t s, slot;
} it_t;

// The next valid record of the log (any order): 1, 0 at the end, or -EIO.
static int it_next(fs_t *fs, it_t *it, rec_t *r) {
    for (; it->s < fs->nsect; it->s++, it->slot = 1) {
        if (fs->sect[it->s] != S_META) {
            continue;
        }
        while (it->slot < nslots(fs)) {
            int v = read_checked(fs, it->s, it->slot * SLOT, r, SLOT, check_rec);
            it->slot++;
            if (v < 0) {
                return v;
            }
            if (v == V_BAD) {
                return -EIO; // torn records were zeroed at mount: this one does not read back
            }
            if (v == V_OK) {
                return 1;
            }
            if (v == V_BLANK) {
                break; // records are appended: the rest of the sector is blank
            }
        }
    }
    return 0;
}

static bool concerns(const rec_t *r, uint32_t ino) {
    return r->ino == ino || (r->victim && r->victim == ino);
}

// The state of ino: 1 (live, *out its newest record), 0 (deleted or never was), or -EIO.
static int state(fs_t *fs, uint32_t ino, rec_t *out) {
    if (ino == ROOT) {
        memset(out, 0, sizeof(*out));
        out->ino = ROOT;
        out->type = R_DIR;
        return 1;
    }
    it_t it = {0, 1};
    rec_t r;
    bool found = false, live = false;
    uint32_t best = 0;
    int k;
    while ((k = it_next(fs, &it, &r)) > 0) {
        if (!concerns(&r, ino) || (found && r.seq < best)) {
            continue;
        }
        found = true;
        best = r.seq;
        live = r.ino == ino && r.type != R_DEL;
        if (live) {
            *out = r;
        }
    }
    return k < 0 ? k : live;
}

static bool name_is(const rec_t *r, const char *name, uint32_t len) {
    return r->nlen == len && memcmp(r->name, name, len) == 0;
}

// The live entry `name` of directory `dir`: its ino (*out its record), 0 if none, or -EIO.
static int lookup(fs_t *fs, uint32_t dir, const char *name, uint32_t len, rec_t *out) {
    it_t it = {0, 1};
    rec_t r;
    int k;
    while ((k = it_next(fs, &it, &r)) > 0) {
        if (r.type == R_DEL || r.parent != dir || !name_is(&r, name, len)) {
            continue;
        }
        // an older record of a file since renamed or deleted also matches: check the newest
        int live = state(fs, r.ino, out);
        if (live < 0) {
            return live;
        }
        if (live && out->parent == dir && name_is(out, name, len)) {
            return (int)out->ino;
        }
    }
    return k;
}

// Programs a record into the log's open sector (opening a new one when full). keep_seq: a
// copy made by compaction keeps its sequence number, so the log means the same.
static int new_head(fs_t *fs);

static int put_rec(fs_t *fs, rec_t *r, bool keep_seq) {
    if (fs->head == NONE || fs->head_slot >= nslots(fs)) {
        int e = new_head(fs);
        if (e < 0) {
            return e;
        }
    }
    if (!keep_seq) {
        r->seq = fs->next_seq++;
    }
    r->zero = 0;
    memset(r->name + r->nlen, 0, FS_NAME_MAX - r->nlen);
    r->crc = crc32(0, (const uint8_t *)r + 4, SLOT - 4);
    uint32_t slot = fs->head_slot++;
    return program(fs, fs->head, slot * SLOT, r, SLOT);
}

// What compaction needs to know of one record of the sector it empties.
typedef struct keep {
    uint32_t seq, ino, victim;
    uint8_t slot, type;
    bool newest_ino, older_ino, newest_vic, older_vic;
} keep_t;

static void note(keep_t *e, const rec_t *r) {
    if (concerns(r, e->ino)) {
        e->newest_ino &= r->seq <= e->seq;
        e->older_ino |= r->seq < e->seq;
    }
    if (e->victim && concerns(r, e->victim)) {
        e->newest_vic &= r->seq <= e->seq;
        e->older_vic |= r->seq < e->seq;
    }
}

// Which records of log sector v still matter (*mask, bit per slot): a file's newest record
// while it lives; a deletion (or a rename's victim) while an older record of that file remains
// anywhere, since it hides it. Everything else is superseded.
static int needed(fs_t *fs, uint32_t v, uint32_t *mask, uint32_t *count) {
    keep_t e[FS_BUF_SIZE / SLOT];
    uint32_t n = 0;
    rec_t r;
    for (uint32_t slot = 1; slot < nslots(fs); slot++) {
        int k = read_checked(fs, v, slot * SLOT, &r, SLOT, check_rec);
        if (k < 0 || k == V_BAD) {
            return k < 0 ? k : -EIO;
        }
        if (k == V_BLANK) {
            break;
        }
        if (k == V_OK) {
            e[n++] =
                (keep_t){r.seq, r.ino, r.victim, (uint8_t)slot, r.type, true, false, true, false};
        }
    }
    it_t it = {0, 1};
    int k;
    while ((k = it_next(fs, &it, &r)) > 0) {
        for (uint32_t i = 0; i < n; i++) {
            note(&e[i], &r);
        }
    }
    if (k < 0) {
        return k;
    }
    *mask = 0;
    *count = 0;
    for (uint32_t i = 0; i < n; i++) {
        bool keep = (e[i].newest_ino && (e[i].type != R_DEL || e[i].older_ino)) ||
                    (e[i].victim && e[i].newest_vic && e[i].older_vic);
        if (keep && !(*mask & 1u << e[i].slot)) {
            *mask |= 1u << e[i].slot;
            (*count)++;
        }
    }
    return 0;
}

// Copies the records of log sector v that matter to the open sector, then erases v (a copy
// keeps its sequence number; a power cut in between leaves duplicates, which mean the same).
static int compact(fs_t *fs, uint32_t v, uint32_t mask) {
    rec_t r;
    for (uint32_t slot = 1; slot < nslots(fs); slot++) {
        if (!(mask & 1u << slot)) {
            continue;
        }
        int k = read_checked(fs, v, slot * SLOT, &r, SLOT, check_rec);
        if (k < 0 || k != V_OK) {
            return k < 0 ? k : -EIO;
        }
        k = put_rec(fs, &r, true);
        if (k < 0) {
            return k;
        }
    }
    return wipe(fs, v); // erased at once: a stale record must not outlive what hides it
}

// Log compaction, when a new log sector opens: log sectors with nothing that matters are
// erased, and the one with the fewest records that matter is compacted if that frees room.
static int gc_log(fs_t *fs) {
    uint32_t best = NONE, best_mask = 0, best_count = 0, head_wear, wear;
    uint32_t still = NONE, still_mask = 0, room = nslots(fs) - fs->head_slot;
    int r = erase_count(fs, fs->head, &head_wear);
    for (uint32_t s = 0; s < fs->nsect && r == 0; s++) {
        if (fs->sect[s] != S_META || s == fs->head) {
            continue;
        }
        uint32_t mask, count;
        if ((r = needed(fs, s, &mask, &count)) < 0 || (r = erase_count(fs, s, &wear)) < 0) {
            return r;
        }
        if (count == 0) {
            r = wipe(fs, s);
        } else if (best == NONE || count < best_count) {
            best = s, best_mask = mask, best_count = count;
        }
        if (count && count <= room && wear + FS_WEAR_GAP < head_wear) {
            still = s, still_mask = mask; // long-lived records: wear levelling moves them
        }
    }
    if (r < 0) {
        return r;
    }
    if (still != NONE) {
        return compact(fs, still, still_mask);
    }
    // compacting costs a copy of each record kept: worth it when that frees half a sector,
    // or any room at all once free sectors run short
    if (best != NONE && (best_count <= room / 2 || (fs->nfree <= RESERVE && best_count < room))) {
        return compact(fs, best, best_mask);
    }
    return 0;
}

static int new_head(fs_t *fs) {
    int s = alloc(fs, true);
    if (s < 0) {
        return s;
    }
    hdr_t h = {META_MAGIC, fs->next_seq++, 0, 0, 0, 0, 0, 0};
    h.crc = crc32(0, &h, 28);
    int r = program(fs, (uint32_t)s, HDR_OFF, &h, sizeof(h));
    if (r < 0) {
        return r;
    }
    fs->sect[s] = S_META;
    fs->head = (uint32_t)s;
    fs->head_slot = 1;
    return gc_log(fs);
}

// ---- file data --------------------------------------------------------------------------------
// The sector holding block blk of ino (the newest copy, committed or not), or -ENOENT.
static int find_block(fs_t *fs, uint32_t ino, uint32_t blk, hdr_t *out) {
    int best = -ENOENT;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        if (fs->sect[s] != TAG(ino, blk)) {
            continue;
        }
        hdr_t h;
        int r = read_hdr(fs, s, &h);
        if (r < 0) {
            return r;
        }
        if (best < 0 || h.seq > out->seq) {
            *out = h;
            best = (int)s;
        }
    }
    return best;
}

static fs_file_t *any_handle(fs_t *fs, uint32_t ino) {
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used && !fs->files[i].dead && fs->files[i].ino == ino) {
            return &fs->files[i];
        }
    }
    return NULL;
}

// Writes the dirty block buffer to a fresh sector: data first, then the header that makes it
// valid. A previous uncommitted copy of the block is then garbage.
static int flush(fs_t *fs) {
    if (!fs->buf_dirty) {
        return 0;
    }
    fs_file_t *h = any_handle(fs, fs->buf_ino);
    uint32_t start = fs->buf_blk * fs->bsize;
    if (!h || h->size <= start) {
        fs->buf_dirty = fs->buf_valid = false; // truncated away
        return 0;
    }
    uint32_t len = h->size - start < fs->bsize ? h->size - start : fs->bsize;
    int s = alloc(fs, true); // write() checked the reserve when it dirtied the buffer
    if (s < 0) {
        return s;
    }
    int r = program(fs, (uint32_t)s, DATA_OFF, fs->buf, round_up(fs, len));
    hdr_t d = {DATA_MAGIC, fs->next_seq++,         fs->buf_ino, fs->buf_blk,
               len,        crc32(0, fs->buf, len), 0,           0};
    d.crc = crc32(0, &d, 28);
    if (r == 0) {
        r = program(fs, (uint32_t)s, HDR_OFF, &d, sizeof(d));
    }
    if (r < 0) {
        return r;
    }
    uint32_t tag = TAG(fs->buf_ino, fs->buf_blk);
    fs->sect[s] = tag;
    fs->buf_dirty = false;
    for (uint32_t i = 0; i < fs->nsect; i++) {
        hdr_t o;
        if (i != (uint32_t)s && fs->sect[i] == tag && (r = read_hdr(fs, i, &o)) == 0 &&
            o.seq > h->cseq) {
            release(fs, i);
        }
        if (r < 0) {
            return r;
        }
    }
    return 0;
}

// Reads data sector s (its checksum verified; read again on a mismatch) into the buffer.
static int read_data(fs_t *fs, uint32_t s, const hdr_t *h) {
    if (h->len > fs->bsize) {
        return -EIO;
    }
    for (int i = 0; i < TRIES; i++) {
        int r = drv_flash_read(fs->f, addr(fs, s, DATA_OFF), fs->buf, h->len);
        if (r < 0) {
            return r;
        }
        if (crc32(0, fs->buf, h->len) == h->dcrc) {
            return 0;
        }
    }
    return -EIO;
}

// Puts block blk of the file in the buffer; bytes past the file's end read as zeros.
static int load(fs_t *fs, const fs_file_t *h, uint32_t blk) {
    if (fs->buf_valid && fs->buf_ino == h->ino && fs->buf_blk == blk) {
        return 0;
    }
    int r = flush(fs);
    if (r < 0) {
        return r;
    }
    fs->buf_valid = false;
    uint32_t start = blk * fs->bsize, have = 0;
    if (start < h->size) {
        hdr_t d;
        int s = find_block(fs, h->ino, blk, &d);
        if (s >= 0) {
            r = read_data(fs, (uint32_t)s, &d);
            if (r < 0) {
                return r;
            }
            have = d.len < h->size - start ? d.len : h->size - start;
        } else if (s != -ENOENT) {
            return s;
        }
    }
    memset(fs->buf + have, 0, fs->bsize - have);
    fs->buf_valid = true;
    fs->buf_ino = h->ino;
    fs->buf_blk = blk;
    return 0;
}

static void set_size(fs_t *fs, uint32_t ino, uint32_t size) {
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used && fs->files[i].ino == ino) {
            fs->files[i].size = size;
            fs->files[i].dirty = true;
        }
    }
}

// Writes n bytes (zeros if src is NULL) at p through the block buffer.
static long write_at(fs_t *fs, fs_file_t *h, uint32_t p, const uint8_t *src, uint32_t n) {
    uint32_t done = 0;
    int r = 0;
    while (done < n) {
        uint32_t blk = p / fs->bsize, o = p % fs->bsize;
        uint32_t k = fs->bsize - o < n - done ? fs->bsize - o : n - done;
        if (blk > MAX_BLK) {
            r = -EFBIG;
            break;
        }
        if ((r = load(fs, h, blk)) < 0) {
            break;
        }
        if (!fs->buf_dirty && fs->nfree <= RESERVE) {
            r = -ENOSPC; // the block's new copy needs a sector
            break;
        }
        if (src) {
            memcpy(fs->buf + o, src + done, k);
        } else {
            memset(fs->buf + o, 0, k);
        }
        fs->buf_dirty = true;
        done += k;
        p += k;
        set_size(fs, h->ino, p > h->size ? p : h->size);
    }
    return done ? (long)done : r;
}

// After a commit: sectors of ino past its end, and copies older than the committed one, go.
static int drop_stale(fs_t *fs, uint32_t ino, uint32_t size) {
    uint32_t nb = nblocks(fs, size);
    for (uint32_t i = 0; i < fs->nsect; i++) {
        uint32_t t = fs->sect[i];
        if (!IS_DATA(t) || TAG_INO(t) != ino) {
            continue;
        }
        if (TAG_BLK(t) >= nb) {
            release(fs, i);
            continue;
        }
        for (uint32_t j = i + 1; j < fs->nsect; j++) {
            if (fs->sect[j] != t) {
                continue;
            }
            hdr_t a, b;
            int r = read_hdr(fs, i, &a);
            if (r == 0) {
                r = read_hdr(fs, j, &b);
            }
            if (r < 0) {
                return r;
            }
            release(fs, a.seq < b.seq ? i : j);
            if (a.seq < b.seq) {
                break;
            }
        }
    }
    return 0;
}

// Makes the file's content durable: its blocks are on flash, then one record with its size
// commits them all.
static int commit(fs_t *fs, fs_file_t *h) {
    if (!h->dirty) {
        return 0;
    }
    int r = 0;
    if (fs->buf_dirty && fs->buf_ino == h->ino) {
        r = flush(fs);
    }
    rec_t rec;
    int live = r < 0 ? r : state(fs, h->ino, &rec);
    if (live <= 0) {
        return live < 0 ? live : -ENOENT;
    }
    rec.size = h->size;
    rec.victim = 0;
    if ((r = put_rec(fs, &rec, false)) < 0) {
        return r;
    }
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used && fs->files[i].ino == h->ino) {
            fs->files[i].cseq = rec.seq;
            fs->files[i].dirty = false;
        }
    }
    return drop_stale(fs, h->ino, h->size);
}

// A session that cannot commit: its uncommitted sectors are erased now, so that a later
// commit of the file cannot take them in.
static void abandon(fs_t *fs, uint32_t ino, uint32_t cseq) {
    if (fs->buf_ino == ino) {
        fs->buf_dirty = fs->buf_valid = false;
    }
    for (uint32_t i = 0; i < fs->nsect; i++) {
        hdr_t d;
        if (IS_DATA(fs->sect[i]) && TAG_INO(fs->sect[i]) == ino && read_hdr(fs, i, &d) == 0 &&
            d.seq > cseq) {
            wipe(fs, i);
        }
    }
}

// ---- paths ------------------------------------------------------------------------------------
// Resolves every component of an absolute path but the last: *dir is the directory's record
// (the root for "/x"), *leaf and *len the last component (len 0 for "/").
static int walk(fs_t *fs, const char *path, rec_t *dir, const char **leaf, uint32_t *len) {
    if (!fs->mounted) {
        return -ENODEV;
    }
    if (!path || path[0] != '/') {
        return -EINVAL;
    }
    state(fs, ROOT, dir);
    const char *p = path;
    for (;;) {
        while (*p == '/') {
            p++;
        }
        const char *s = p;
        while (*p && *p != '/') {
            p++;
        }
        uint32_t n = (uint32_t)(p - s);
        const char *q = p;
        while (*q == '/') {
            q++;
        }
        if (n > FS_NAME_MAX) {
            return -ENAMETOOLONG;
        }
        if (*q == 0) {
            *leaf = s;
            *len = n;
            return 0;
        }
        if (dir->type != R_DIR) {
            return -ENOTDIR;
        }
        int r = lookup(fs, dir->ino, s, n, dir);
        if (r <= 0) {
            return r < 0 ? r : -ENOENT;
        }
    }
}

// The record of the file or directory at path.
static int find(fs_t *fs, const char *path, rec_t *out) {
    const char *leaf;
    uint32_t len;
    int r = walk(fs, path, out, &leaf, &len);
    if (r < 0 || len == 0) {
        return r;
    }
    if (out->type != R_DIR) {
        return -ENOTDIR;
    }
    r = lookup(fs, out->ino, leaf, len, out);
    return r < 0 ? r : r == 0 ? -ENOENT : 0;
}

// For creating leaf in dir: dir must be a directory and leaf a name.
static int creatable(const rec_t *dir, const char *leaf, uint32_t len) {
    if (dir->type != R_DIR) {
        return -ENOTDIR;
    }
    if (len == 0) {
        return -EEXIST; // "/"
    }
    if ((len == 1 && leaf[0] == '.') || (len == 2 && leaf[0] == '.' && leaf[1] == '.')) {
        return -EINVAL;
    }
    return 0;
}

static int new_entry(fs_t *fs, uint32_t parent, const char *leaf, uint32_t len, uint8_t type,
                     rec_t *r) {
    if (fs->next_ino > MAX_INO) {
        return -ENOSPC;
    }
    memset(r, 0, sizeof(*r));
    r->ino = fs->next_ino++;
    r->parent = parent;
    r->type = type;
    r->nlen = (uint8_t)len;
    memcpy(r->name, leaf, len);
    return put_rec(fs, r, false);
}

// ---- files ------------------------------------------------------------------------------------
static fs_file_t *handle(fs_t *fs, int fd) {
    if (!fs->mounted || fd < 0 || fd >= FS_MAX_OPEN || !fs->files[fd].used || fs->files[fd].dead) {
        return NULL;
    }
    return &fs->files[fd];
}

int fs_open(fs_t *fs, const char *path, int flags) {
    int acc = flags & FS_O_ACCESS;
    if (acc == FS_O_ACCESS) {
        return -EINVAL;
    }
    int fd = 0;
    while (fd < FS_MAX_OPEN && fs->files[fd].used) {
        fd++;
    }
    rec_t dir, r;
    const char *leaf;
    uint32_t len;
    int e = walk(fs, path, &dir, &leaf, &len);
    if (e < 0) {
        return e;
    }
    if (len == 0) {
        return -EISDIR;
    }
    if (dir.type != R_DIR) {
        return -ENOTDIR;
    }
    int ino = lookup(fs, dir.ino, leaf, len, &r);
    if (ino < 0) {
        return ino;
    }
    if (ino == 0 && !(flags & FS_O_CREAT)) {
        return -ENOENT;
    }
    if (ino && (flags & FS_O_CREAT) && (flags & FS_O_EXCL)) {
        return -EEXIST;
    }
    if (ino && r.type == R_DIR) {
        return -EISDIR;
    }
    if (fd == FS_MAX_OPEN) {
        return -EMFILE;
    }
    if (ino == 0 && ((e = creatable(&dir, leaf, len)) < 0 ||
                     (e = new_entry(fs, dir.ino, leaf, len, R_FILE, &r)) < 0)) {
        return e;
    }
    fs_file_t *h = &fs->files[fd];
    const fs_file_t *other = any_handle(fs, r.ino);
    *h = other ? *other : (fs_file_t){.ino = r.ino, .size = r.size, .cseq = r.seq};
    h->used = true;
    h->flags = (uint8_t)flags;
    h->pos = 0;
    if ((flags & FS_O_TRUNC) && acc != FS_O_RDONLY && h->size) {
        e = fs_truncate(fs, fd, 0);
        if (e < 0) {
            h->used = false;
            return e;
        }
    }
    return fd;
}

int fs_fsync(fs_t *fs, int fd) {
    fs_file_t *h = handle(fs, fd);
    return h ? commit(fs, h) : -EBADF;
}

int fs_close(fs_t *fs, int fd) {
    if (fs->mounted && fd >= 0 && fd < FS_MAX_OPEN && fs->files[fd].dead) {
        fs->files[fd] = (fs_file_t){0}; // its file is gone: nothing to commit
        return 0;
    }
    fs_file_t *h = handle(fs, fd);
    if (!h) {
        return -EBADF;
    }
    // a read-only handle leaves the writers' data to them (their close or fsync commits it)
    int r = (h->flags & FS_O_ACCESS) != FS_O_RDONLY ? commit(fs, h) : 0;
    h->used = false;
    // the last handle gone with writes that did not commit: they must not be taken in by a
    // later commit of the file (after a power cut, mount does this)
    if ((r < 0 || h->dirty) && !any_handle(fs, h->ino) && !fs->f->powered_off) {
        abandon(fs, h->ino, h->cseq);
    }
    return r;
}

long fs_read(fs_t *fs, int fd, void *buf, uint32_t n) {
    fs_file_t *h = handle(fs, fd);
    if (!h || (h->flags & FS_O_ACCESS) == FS_O_WRONLY) {
        return -EBADF;
    }
    uint32_t done = 0;
    while (done < n && h->pos < h->size) {
        uint32_t blk = h->pos / fs->bsize, o = h->pos % fs->bsize;
        uint32_t k = fs->bsize - o;
        k = k < n - done ? k : n - done;
        k = k < h->size - h->pos ? k : h->size - h->pos;
        int r = load(fs, h, blk);
        if (r < 0) {
            return done ? (long)done : r;
        }
        memcpy((uint8_t *)buf + done, fs->buf + o, k);
        done += k;
        h->pos += k;
    }
    return (long)done;
}

long fs_write(fs_t *fs, int fd, const void *buf, uint32_t n) {
    fs_file_t *h = handle(fs, fd);
    if (!h || (h->flags & FS_O_ACCESS) == FS_O_RDONLY) {
        return -EBADF;
    }
    if (n == 0) {
        return 0; // and no gap filled
    }
    if (h->flags & FS_O_APPEND) {
        h->pos = h->size;
    }
    if ((uint64_t)h->pos + n > (uint64_t)(MAX_BLK + 1) * fs->bsize) {
        return -EFBIG;
    }
    if (h->pos > h->size) { // the gap reads as zeros: write them (no sparse files)
        long z = write_at(fs, h, h->size, NULL, h->pos - h->size);
        if (z < 0) {
            return z;
        }
        if (h->size < h->pos) {
            return -ENOSPC;
        }
    }
    long r = write_at(fs, h, h->pos, buf, n);
    if (r > 0) {
        h->pos += (uint32_t)r;
    }
    return r;
}

int64_t fs_seek(fs_t *fs, int fd, int64_t off, int whence) {
    fs_file_t *h = handle(fs, fd);
    if (!h) {
        return -EBADF;
    }
    int64_t base = whence == 0   ? 0
                   : whence == 1 ? (int64_t)h->pos
                   : whence == 2 ? (int64_t)h->size
                                 : -1;
    if (base < 0 || off < -base || base + off > 0x7fffffff) {
        return -EINVAL;
    }
    h->pos = (uint32_t)(base + off);
    return h->pos;
}

int fs_truncate(fs_t *fs, int fd, uint32_t size) {
    fs_file_t *h = handle(fs, fd);
    if (!h || (h->flags & FS_O_ACCESS) == FS_O_RDONLY) {
        return -EBADF;
    }
    if (size > h->size) {
        if ((uint64_t)size > (uint64_t)(MAX_BLK + 1) * fs->bsize) {
            return -EFBIG;
        }
        long r = write_at(fs, h, h->size, NULL, size - h->size);
        return r < 0 ? (int)r : h->size == size ? 0 : -ENOSPC;
    }
    if (fs->buf_valid && fs->buf_ino == h->ino && fs->buf_blk >= size / fs->bsize) {
        if (fs->buf_blk > size / fs->bsize || size % fs->bsize == 0) {
            fs->buf_valid = fs->buf_dirty = false;
        } else { // the tail of the new last block reads as zeros if the file grows again
            memset(fs->buf + size % fs->bsize, 0, fs->bsize - size % fs->bsize);
        }
    }
    set_size(fs, h->ino, size);
    return 0;
}

static void fill_stat(const rec_t *r, fs_stat_t *st) {
    st->ino = r->ino;
    st->type = r->type;
    st->size = r->size;
}

int fs_fstat(fs_t *fs, int fd, fs_stat_t *st) {
    fs_file_t *h = handle(fs, fd);
    if (!h) {
        return -EBADF;
    }
    st->ino = h->ino;
    st->type = FS_TYPE_FILE;
    st->size = h->size;
    return 0;
}

int fs_stat(fs_t *fs, const char *path, fs_stat_t *st) {
    rec_t r;
    int e = find(fs, path, &r);
    if (e < 0) {
        return e;
    }
    fill_stat(&r, st);
    const fs_file_t *h = any_handle(fs, r.ino);
    if (h) {
        st->size = h->size; // what the open file holds now
    }
    return 0;
}

// ---- names ------------------------------------------------------------------------------------
// The file ino was removed or replaced while open (as POSIX allows): its handles stay until
// closed but do nothing more, and what they had not committed is dropped with the file.
static void kill_handles(fs_t *fs, uint32_t ino) {
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used && fs->files[i].ino == ino) {
            fs->files[i].dead = true;
        }
    }
}

static void release_file(fs_t *fs, uint32_t ino) {
    kill_handles(fs, ino);
    for (uint32_t i = 0; i < fs->nsect; i++) {
        if (IS_DATA(fs->sect[i]) && TAG_INO(fs->sect[i]) == ino) {
            release(fs, i);
        }
    }
    if (fs->buf_ino == ino) {
        fs->buf_valid = fs->buf_dirty = false;
    }
}

int fs_remove(fs_t *fs, const char *path) {
    rec_t r;
    int e = find(fs, path, &r);
    if (e < 0) {
        return e;
    }
    if (r.type == R_DIR) {
        return -EISDIR;
    }
    r.type = R_DEL;
    r.victim = 0;
    if ((e = put_rec(fs, &r, false)) < 0) {
        return e;
    }
    release_file(fs, r.ino);
    return 0;
}

int fs_mkdir(fs_t *fs, const char *path) {
    rec_t dir, r;
    const char *leaf;
    uint32_t len;
    int e = walk(fs, path, &dir, &leaf, &len);
    if (e < 0 || (e = creatable(&dir, leaf, len)) < 0) {
        return e;
    }
    if ((e = lookup(fs, dir.ino, leaf, len, &r)) != 0) {
        return e < 0 ? e : -EEXIST;
    }
    return new_entry(fs, dir.ino, leaf, len, R_DIR, &r);
}

// 1 if directory ino has a live entry, 0 if not.
static int has_entries(fs_t *fs, uint32_t ino) {
    it_t it = {0, 1};
    rec_t r, cur;
    int k;
    while ((k = it_next(fs, &it, &r)) > 0) {
        if (r.type == R_DEL || r.parent != ino) {
            continue;
        }
        int live = state(fs, r.ino, &cur);
        if (live < 0) {
            return live;
        }
        if (live && cur.parent == ino) {
            return 1;
        }
    }
    return k;
}

int fs_rmdir(fs_t *fs, const char *path) {
    rec_t r;
    int e = find(fs, path, &r);
    if (e < 0) {
        return e;
    }
    if (r.type != R_DIR) {
        return -ENOTDIR;
    }
    if (r.ino == ROOT) {
        return -EBUSY;
    }
    if ((e = has_entries(fs, r.ino)) != 0) {
        return e < 0 ? e : -ENOTEMPTY;
    }
    r.type = R_DEL;
    r.victim = 0;
    return put_rec(fs, &r, false);
}

// -EINVAL if directory `dir` is ino or inside it (a directory cannot move into itself).
static int not_inside(fs_t *fs, uint32_t dir, uint32_t ino) {
    rec_t r;
    for (uint32_t d = dir, depth = 0; d != ROOT; d = r.parent, depth++) {
        if (d == ino) {
            return -EINVAL;
        }
        int live = state(fs, d, &r);
        if (live <= 0 || depth > fs->next_ino) {
            return live < 0 ? live : -EIO;
        }
    }
    return 0;
}

int fs_rename(fs_t *fs, const char *from, const char *to) {
    rec_t a, dir, b;
    const char *leaf;
    uint32_t len;
    int e = find(fs, from, &a);
    if (e < 0 || (e = walk(fs, to, &dir, &leaf, &len)) < 0) {
        return e;
    }
    if (a.ino == ROOT) {
        return -EBUSY;
    }
    if ((e = creatable(&dir, leaf, len)) < 0) {
        return len == 0 ? -EBUSY : e;
    }
    if (a.type == R_DIR && (e = not_inside(fs, dir.ino, a.ino)) < 0) {
        return e;
    }
    int bino = lookup(fs, dir.ino, leaf, len, &b);
    if (bino < 0) {
        return bino;
    }
    if ((uint32_t)bino == a.ino) {
        return 0;
    }
    if (bino) {
        if (a.type == R_DIR && b.type != R_DIR) {
            return -ENOTDIR;
        }
        if (a.type != R_DIR && b.type == R_DIR) {
            return -EISDIR;
        }
        if (b.type == R_DIR && (e = has_entries(fs, b.ino)) != 0) {
            return e < 0 ? e : -ENOTEMPTY;
        }
    }
    // the record below carries the file's committed size: commit what is pending first
    fs_file_t *h = any_handle(fs, a.ino);
    if (h && ((e = commit(fs, h)) < 0 || (e = state(fs, a.ino, &a)) < 0)) {
        return e;
    }
    a.parent = dir.ino;
    a.nlen = (uint8_t)len;
    memcpy(a.name, leaf, len);
    a.victim = bino ? (uint32_t)bino : 0;
    if ((e = put_rec(fs, &a, false)) < 0) {
        return e;
    }
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used && fs->files[i].ino == a.ino) {
            fs->files[i].cseq = a.seq;
        }
    }
    if (bino) {
        release_file(fs, (uint32_t)bino);
    }
    return 0;
}

// ---- directories ------------------------------------------------------------------------------
int fs_opendir(fs_t *fs, const char *path) {
    rec_t r;
    int e = find(fs, path, &r);
    if (e < 0) {
        return e;
    }
    if (r.type != R_DIR) {
        return -ENOTDIR;
    }
    for (int i = 0; i < FS_MAX_DIRS; i++) {
        if (!fs->dirs[i].used) {
            fs->dirs[i] = (fs_dir_t){true, r.ino, 0};
            return i;
        }
    }
    return -EMFILE;
}

int fs_readdir(fs_t *fs, int d, char *name, uint32_t n, uint8_t *type, uint32_t *ino) {
    if (!fs->mounted || d < 0 || d >= FS_MAX_DIRS || !fs->dirs[d].used) {
        return -EBADF;
    }
    fs_dir_t *dh = &fs->dirs[d];
    // entries in ino order: the live entry with the smallest ino after the last one returned
    // (the log may be compacted between calls, so a position in it would not do). A record
    // names a candidate; the file's newest record says whether it is still there.
    rec_t r, best;
    uint32_t floor = dh->last, best_ino;
    for (;;) {
        it_t it = {0, 1};
        int k;
        best_ino = NONE;
        while ((k = it_next(fs, &it, &r)) > 0) {
            if (r.type != R_DEL && r.parent == dh->ino && r.ino > floor && r.ino < best_ino) {
                best_ino = r.ino;
            }
        }
        if (k < 0) {
            return k;
        }
        if (best_ino == NONE) {
            return 0;
        }
        int live = state(fs, best_ino, &best);
        if (live < 0) {
            return live;
        }
        if (live && best.parent == dh->ino) {
            break;
        }
        floor = best_ino; // moved away or deleted since that record
    }
    dh->last = best_ino;
    if (n) {
        uint32_t m = best.nlen < n - 1 ? best.nlen : n - 1;
        memcpy(name, best.name, m);
        name[m] = 0;
    }
    *type = best.type;
    *ino = best.ino;
    return 1;
}

int fs_closedir(fs_t *fs, int d) {
    if (!fs->mounted || d < 0 || d >= FS_MAX_DIRS || !fs->dirs[d].used) {
        return -EBADF;
    }
    fs->dirs[d].used = false;
    return 0;
}

int fs_statvfs(fs_t *fs, fs_statvfs_t *out) {
    if (!fs->mounted) {
        return -ENODEV;
    }
    out->block_size = fs->bsize;
    out->blocks = fs->nsect;
    out->blocks_free = fs->nfree > RESERVE ? fs->nfree - RESERVE : 0;
    out->name_max = FS_NAME_MAX;
    return 0;
}

int fs_info(fs_t *fs, fs_info_t *out) {
    if (!fs->mounted) {
        return -ENODEV;
    }
    memset(out, 0, sizeof(*out));
    out->sectors = fs->nsect;
    out->moved = fs->n_moved;
    out->erase_min = NONE;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        uint32_t t = fs->sect[s];
        out->free += t == S_FREE || t == S_CLEAN;
        out->meta += t == S_META;
        out->data += IS_DATA(t);
        erec_t e;
        int v = read_checked(fs, s, ER_OFF, &e, sizeof(e), check_erec);
        uint32_t c = v == V_OK ? e.count : 0;
        out->erase_min = c < out->erase_min ? c : out->erase_min;
        out->erase_max = c > out->erase_max ? c : out->erase_max;
        out->erase_total += c;
    }
    it_t it = {0, 1};
    rec_t r;
    while (it_next(fs, &it, &r) > 0) {
        out->records++;
    }
    return 0;
}

// ---- format and mount -------------------------------------------------------------------------
static int setup(fs_t *fs, drv_flash *f, uint32_t off, uint32_t size) {
    if (!f || f->write_size == 0 || 16 % f->write_size) {
        return -EINVAL; // the layout's fields are granule-aligned for granules up to 16 bytes
    }
    uint32_t ss = f->sector_size;
    if (ss < 512 || ss > FS_BUF_SIZE || off % ss || size % ss || off > f->size ||
        size > f->size - off || size / ss < 8 || size / ss > FS_MAX_SECTORS) {
        return -EINVAL;
    }
    memset(fs, 0, sizeof(*fs));
    fs->f = f;
    fs->off = off;
    fs->nsect = size / ss;
    fs->ssize = ss;
    fs->bsize = ss - DATA_OFF;
    fs->head = NONE;
    fs->next_seq = 1;
    fs->next_ino = ROOT + 1;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        fs->sect[s] = S_FREE;
    }
    fs->nfree = fs->nsect;
    return 0;
}

// Erases every sector. Sector 0 first gets the format mark, so a mount after a power cut
// here formats again; its erase (the last) clears the mark. Each erase record carries a new
// generation, so a sector the format did not reach is garbage to the new file system.
static int format(fs_t *fs) {
    uint32_t gen = 0, known = 0;
    uint64_t sum = 0;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        erec_t e;
        int v = read_checked(fs, s, ER_OFF, &e, sizeof(e), check_erec);
        if (v < 0) {
            return v;
        }
        if (v == V_OK) {
            gen = e.gen > gen ? e.gen : gen;
            sum += e.count;
            known++;
        }
    }
    fs->gen = gen + 1;
    fs->erase_guess = known ? (uint32_t)(sum / known) : 0;
    static const uint8_t mark[16];
    int r = program(fs, 0, KILL_OFF, mark, sizeof(mark));
    for (uint32_t s = 1; s <= fs->nsect && r == 0; s++) {
        r = wipe(fs, s % fs->nsect);
    }
    fs->mounted = r == 0;
    return r;
}

int fs_format(fs_t *fs, drv_flash *f, uint32_t off, uint32_t size) {
    int r = setup(fs, f, off, size);
    return r < 0 ? r : format(fs);
}

// True if sector 0 carries the format mark (a format was cut short).
static int format_marked(fs_t *fs) {
    uint8_t m[8];
    for (int i = 0; i < TRIES; i++) {
        int r = drv_flash_read(fs->f, addr(fs, 0, KILL_OFF), m, sizeof(m));
        if (r < 0) {
            return r;
        }
        if (all_is(m, sizeof(m), 0)) {
            return 1; // bit flips never make a mark out of nothing
        }
        if (all_is(m, sizeof(m), 0xff)) {
            return 0;
        }
    }
    return 0;
}

// Pass 1: the erase records give the generation (0: not a file system).
static int scan_erase_records(fs_t *fs) {
    uint32_t known = 0;
    uint64_t sum = 0;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        erec_t e;
        int v = read_checked(fs, s, ER_OFF, &e, sizeof(e), check_erec);
        if (v < 0) {
            return v;
        }
        fs->sect[s] = v == V_OK && e.gen < S_BUSY ? e.gen : S_FREE; // for pass 2
        if (v == V_OK && e.gen < S_BUSY) {
            fs->gen = e.gen > fs->gen ? e.gen : fs->gen;
            sum += e.count;
            known++;
        }
    }
    fs->erase_guess = known ? (uint32_t)(sum / known) : 0;
    return known ? 1 : 0;
}

// Pass 2: sector headers (the log's open sector is the newest log sector).
static int scan_headers(fs_t *fs, uint32_t *max_seq, uint32_t *max_ino) {
    uint32_t head_seq = 0;
    fs->nfree = 0;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        hdr_t h;
        int v = fs->sect[s] == fs->gen ? read_checked(fs, s, HDR_OFF, &h, sizeof(h), check_hdr)
                                       : V_BLANK;
        if (v < 0) {
            return v;
        }
        fs->sect[s] = S_FREE;
        if (v == V_OK && h.magic == META_MAGIC) {
            fs->sect[s] = S_META;
            if (fs->head == NONE || h.seq > head_seq) {
                fs->head = s;
                head_seq = h.seq;
            }
        } else if (v == V_OK && h.ino > ROOT && h.ino <= MAX_INO && h.blk <= MAX_BLK &&
                   h.len <= fs->bsize) {
            fs->sect[s] = TAG(h.ino, h.blk);
            *max_ino = h.ino > *max_ino ? h.ino : *max_ino;
        }
        if (v == V_OK) {
            *max_seq = h.seq > *max_seq ? h.seq : *max_seq;
        }
        fs->nfree += fs->sect[s] == S_FREE;
    }
    return 0;
}

// Pass 3: the log's records. A torn record (a power cut while it was programmed) is zeroed,
// so that from now on a record that fails its checksum is a read error.
static int scan_log(fs_t *fs, uint32_t *max_seq, uint32_t *max_ino) {
    static const rec_t zero;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        if (fs->sect[s] != S_META) {
            continue;
        }
        for (uint32_t slot = 1; slot < nslots(fs); slot++) {
            rec_t r;
            int v = read_checked(fs, s, slot * SLOT, &r, SLOT, check_rec);
            if (v == V_BAD) {
                int e = program(fs, s, slot * SLOT, &zero, SLOT);
                v = e < 0 ? e : V_ZERO;
            }
            if (v < 0) {
                return v;
            }
            if (v == V_BLANK) {
                break;
            }
            if (s == fs->head) {
                fs->head_slot = slot + 1;
            }
            if (v == V_OK) {
                *max_seq = r.seq > *max_seq ? r.seq : *max_seq;
                uint32_t m = r.ino > r.victim ? r.ino : r.victim;
                *max_ino = m > *max_ino ? m : *max_ino;
            }
        }
    }
    if (fs->head != NONE && fs->head_slot == 0) {
        fs->head_slot = 1;
    }
    return 0;
}

// The newest state of a chunk of inos (the block buffer is the table during mount).
typedef struct fstate {
    uint32_t ino, seq, size, live;
} fstate_t;

static fstate_t *chunk_find(fstate_t *t, uint32_t n, uint32_t ino) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (t[mid].ino < ino) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && t[lo].ino == ino ? &t[lo] : NULL;
}

// The smallest inos >= lo that data sectors name, sorted, up to cap of them.
static uint32_t chunk_collect(fs_t *fs, fstate_t *t, uint32_t cap, uint32_t lo) {
    uint32_t n = 0;
    for (uint32_t s = 0; s < fs->nsect; s++) {
        uint32_t ino = TAG_INO(fs->sect[s]);
        if (!IS_DATA(fs->sect[s]) || ino < lo || (n == cap && ino > t[n - 1].ino) ||
            chunk_find(t, n, ino)) {
            continue;
        }
        uint32_t i = n < cap ? n++ : n - 1;
        for (; i > 0 && t[i - 1].ino > ino; i--) {
            t[i] = t[i - 1];
        }
        t[i] = (fstate_t){ino, 0, 0, 0};
    }
    return n;
}

// Pass 4: each data sector against its file's newest record. Newer than that record: an
// interrupted session's, erased now (a later commit must not take it in). Past the file's
// end, of a deleted file, or an older copy of a block: free.
static int check_data(fs_t *fs) {
    fstate_t *t = (fstate_t *)fs->scratch;
    uint32_t cap = FS_BUF_SIZE / sizeof(fstate_t);
    for (uint32_t lo = ROOT + 1, n; (n = chunk_collect(fs, t, cap, lo)) > 0;
         lo = t[n - 1].ino + 1) {
        uint32_t hi = t[n - 1].ino;
        it_t it = {0, 1};
        rec_t r;
        int k;
        while ((k = it_next(fs, &it, &r)) > 0) {
            uint32_t keys[2] = {r.ino, r.victim};
            for (int j = 0; j < 2; j++) {
                fstate_t *e = keys[j] >= lo && keys[j] <= hi ? chunk_find(t, n, keys[j]) : NULL;
                if (e && r.seq >= e->seq) {
                    *e = (fstate_t){keys[j], r.seq, r.size, j == 0 && r.type != R_DEL};
                }
            }
        }
        if (k < 0) {
            return k;
        }
        for (uint32_t s = 0; s < fs->nsect; s++) {
            uint32_t tag = fs->sect[s], ino = TAG_INO(tag);
            if (!IS_DATA(tag) || ino < lo || ino > hi) {
                continue;
            }
            const fstate_t *e = chunk_find(t, n, ino);
            hdr_t d;
            if (!e->live) {
                release(fs, s);
            } else if ((k = read_hdr(fs, s, &d)) < 0) {
                return k;
            } else if (d.seq > e->seq) {
                if ((k = wipe(fs, s)) < 0) {
                    return k;
                }
            } else if (TAG_BLK(tag) >= nblocks(fs, e->size)) {
                release(fs, s);
            }
        }
    }
    // of two copies of a block, the older goes (a cut between a commit and the release)
    for (uint32_t i = 0; i < fs->nsect; i++) {
        for (uint32_t j = i + 1; IS_DATA(fs->sect[i]) && j < fs->nsect; j++) {
            hdr_t a, b;
            int k = 0;
            if (fs->sect[j] == fs->sect[i] &&
                ((k = read_hdr(fs, i, &a)) < 0 || (k = read_hdr(fs, j, &b)) < 0)) {
                return k;
            }
            if (fs->sect[j] == fs->sect[i]) {
                release(fs, a.seq < b.seq ? i : j);
            }
        }
    }
    return 0;
}

int fs_mount(fs_t *fs, drv_flash *f, uint32_t off, uint32_t size) {
    int r = setup(fs, f, off, size);
    if (r < 0) {
        return r;
    }
    int known = scan_erase_records(fs);
    int marked = known < 0 ? known : format_marked(fs);
    if (marked < 0) {
        return marked;
    }
    if (!known || marked) {
        return format(fs);
    }
    uint32_t max_seq = 0, max_ino = ROOT;
    if ((r = scan_headers(fs, &max_seq, &max_ino)) < 0 ||
        (r = scan_log(fs, &max_seq, &max_ino)) < 0) {
        return r;
    }
    fs->next_seq = max_seq + 1;
    fs->next_ino = max_ino + 1;
    if ((r = check_data(fs)) < 0) {
        return r;
    }
    fs->cursor = fs->next_seq % fs->nsect; // allocation does not always start at sector 0
    fs->mounted = true;
    return 0;
}

int fs_sync(fs_t *fs) {
    if (!fs->mounted) {
        return -ENODEV;
    }
    int r = 0;
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used) {
            int e = commit(fs, &fs->files[i]);
            r = r ? r : e;
        }
    }
    return r;
}

int fs_unmount(fs_t *fs) {
    int r = fs_sync(fs);
    for (int i = 0; i < FS_MAX_OPEN; i++) {
        if (fs->files[i].used) {
            fs_close(fs, i);
        }
    }
    fs->mounted = false;
    return r;
}
