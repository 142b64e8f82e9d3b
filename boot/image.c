// boot/image.c: MCUboot's image format: structural parse, hash, key hash and signature checks,
// and the slot trailer. Written from the format's documentation (docs/image-format.md); every
// length read from the image is checked against the bytes that exist before it is used.
#include "boot/image.h"

#include <string.h>

#include "boot/crypto.h"

#define CHUNK 256u // read buffer for hashing: the only sizeable stack object

const uint8_t boot_trailer_magic[BOOT_MAGIC_SIZE] = {
    0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
    0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};

static uint16_t get16(const uint8_t *p) {
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t get32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static int fail(const char **reason, const char *why, int code) {
    if (reason) {
        *reason = why;
    }
    return code;
}

// Reads [off, off + n) which the caller has checked lies inside the area.
static int rd(boot_read_fn read, void *ctx, uint32_t off, void *buf, size_t n) {
    return read(ctx, off, buf, n) == 0 ? 0 : BOOT_IMAGE_EIO;
}

// ---- Memory reader for the *_mem variants ----

typedef struct {
    const uint8_t *p;
    size_t len;
} mem_src;

static int mem_read(void *ctx, uint32_t off, void *buf, size_t n) {
    const mem_src *m = ctx;
    if (off > m->len || n > m->len - off) {
        return -1;
    }
    memcpy(buf, m->p + off, n);
    return 0;
}

static uint32_t clamp32(size_t n) {
    return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

// ---- Parse ----

static bool is_sig_type(uint16_t t) {
    return t == BOOT_TLV_RSA2048_PSS || t == BOOT_TLV_ECDSA224 || t == BOOT_TLV_ECDSA_SIG ||
           t == BOOT_TLV_RSA3072_PSS || t == BOOT_TLV_ED25519;
}

// One TLV of type t, data length len, data at off: record it, or refuse it.
static int take_tlv(boot_image_info *info, uint16_t t, uint16_t len, uint32_t off, bool prot,
                    const char **reason) {
    if (info->n_tlvs < BOOT_IMAGE_MAX_TLVS) {
        boot_tlv_entry *e = &info->tlvs[info->n_tlvs];
        e->type = t;
        e->len = len;
        e->off = off;
        e->protected_ = prot;
    }
    info->n_tlvs++;
    if (t == BOOT_TLV_SEC_CNT) {
        if (!prot) {
            return fail(reason, "TLV in wrong area", BOOT_IMAGE_EBAD);
        }
    } else if (t == BOOT_TLV_SHA256 || t == BOOT_TLV_KEYHASH || t == BOOT_TLV_PUBKEY ||
               is_sig_type(t)) {
        if (prot) {
            return fail(reason, "TLV in wrong area", BOOT_IMAGE_EBAD);
        }
    }
    switch (t) {
    case BOOT_TLV_SHA256:
        if (info->sha256_off) {
            return fail(reason, "duplicate TLV", BOOT_IMAGE_EBAD);
        }
        if (len != 32) {
            return fail(reason, "bad TLV length", BOOT_IMAGE_EBAD);
        }
        info->sha256_off = off;
        break;
    case BOOT_TLV_KEYHASH:
        if (info->keyhash_off) {
            return fail(reason, "duplicate TLV", BOOT_IMAGE_EBAD);
        }
        if (len != 32) {
            return fail(reason, "bad TLV length", BOOT_IMAGE_EBAD);
        }
        info->keyhash_off = off;
        break;
    case BOOT_TLV_SEC_CNT:
        if (info->has_sec_cnt) {
            return fail(reason, "duplicate TLV", BOOT_IMAGE_EBAD);
        }
        if (len != 4) {
            return fail(reason, "bad TLV length", BOOT_IMAGE_EBAD);
        }
        info->has_sec_cnt = true; // value read by the caller
        break;
    default:
        if (is_sig_type(t)) {
            if (info->sig_off) {
                return fail(reason, "duplicate TLV", BOOT_IMAGE_EBAD);
            }
            if ((t == BOOT_TLV_ED25519 && len != 64) ||
                (t == BOOT_TLV_ECDSA_SIG && (len < 8 || len > 72))) {
                return fail(reason, "bad TLV length", BOOT_IMAGE_EBAD);
            }
            info->sig_off = off;
            info->sig_type = t;
            info->sig_len = len;
        }
        break;
    }
    return 0;
}

// The TLV area at off (its info header) of total length tot, already known to lie in the
// image: walk its TLVs, which must tile it exactly.
static int walk_area(boot_read_fn read, void *ctx, uint32_t off, uint32_t tot, bool prot,
                     boot_image_info *info, const char **reason) {
    uint32_t pos = off + BOOT_TLV_INFO_SIZE, end = off + tot;
    while (pos < end) {
        uint8_t h[BOOT_TLV_HDR_SIZE];
        if (end - pos < BOOT_TLV_HDR_SIZE) {
            return fail(reason, "TLV out of bounds", BOOT_IMAGE_EBAD);
        }
        if (rd(read, ctx, pos, h, sizeof(h))) {
            return fail(reason, "read error", BOOT_IMAGE_EIO);
        }
        uint16_t t = get16(h), len = get16(h + 2);
        uint32_t data = pos + BOOT_TLV_HDR_SIZE;
        if (len > end - data) {
            return fail(reason, "TLV out of bounds", BOOT_IMAGE_EBAD);
        }
        int r = take_tlv(info, t, len, data, prot, reason);
        if (r) {
            return r;
        }
        if (t == BOOT_TLV_SEC_CNT) {
            uint8_t v[4];
            if (rd(read, ctx, data, v, 4)) {
                return fail(reason, "read error", BOOT_IMAGE_EIO);
            }
            info->sec_cnt = get32(v);
        }
        pos = data + len;
    }
    return 0;
}

// Reads and checks the info header of the TLV area at off; its total length in *tot.
static int area_info(boot_read_fn read, void *ctx, uint32_t size, uint64_t off, uint16_t magic,
                     uint32_t *tot, const char **reason) {
    uint8_t h[BOOT_TLV_INFO_SIZE];
    if (off > size || size - off < BOOT_TLV_INFO_SIZE) {
        return fail(reason, "TLV area out of bounds", BOOT_IMAGE_EBAD);
    }
    if (rd(read, ctx, (uint32_t)off, h, sizeof(h))) {
        return fail(reason, "read error", BOOT_IMAGE_EIO);
    }
    if (get16(h) != magic) {
        return fail(reason, "bad TLV area magic", BOOT_IMAGE_EBAD);
    }
    *tot = get16(h + 2);
    if (*tot < BOOT_TLV_INFO_SIZE) {
        return fail(reason, "bad TLV area size", BOOT_IMAGE_EBAD);
    }
    if (*tot > size - off) {
        return fail(reason, "TLV area out of bounds", BOOT_IMAGE_EBAD);
    }
    return 0;
}

int boot_image_parse_read(boot_read_fn read, void *ctx, uint32_t size, boot_image_info *out,
                          const char **reason) {
    if (!read || !out) {
        return fail(reason, "bad argument", BOOT_IMAGE_EARG);
    }
    memset(out, 0, sizeof(*out));
    uint8_t h[BOOT_IMAGE_HEADER_SIZE];
    if (size < sizeof(h)) {
        return fail(reason, "truncated header", BOOT_IMAGE_EBAD);
    }
    if (rd(read, ctx, 0, h, sizeof(h))) {
        return fail(reason, "read error", BOOT_IMAGE_EIO);
    }
    if (get32(h) != BOOT_IMAGE_MAGIC) {
        return fail(reason, "bad magic", BOOT_IMAGE_EBAD);
    }
    out->load_addr = get32(h + 4);
    out->hdr_size = get16(h + 8);
    out->protect_tlv_size = get16(h + 10);
    out->img_size = get32(h + 12);
    out->flags = get32(h + 16);
    out->version.major = h[20];
    out->version.minor = h[21];
    out->version.revision = get16(h + 22);
    out->version.build = get32(h + 24);
    if (out->hdr_size < BOOT_IMAGE_HEADER_SIZE) {
        return fail(reason, "bad header size", BOOT_IMAGE_EBAD);
    }
    // 64-bit sums: hdr_size + img_size may pass 2^32; nothing beyond `size` is ever read
    uint64_t payload_end = (uint64_t)out->hdr_size + out->img_size;
    if (payload_end > size) {
        return fail(reason, "image out of bounds", BOOT_IMAGE_EBAD);
    }
    out->prot_off = (uint32_t)payload_end;
    int r;
    if (out->protect_tlv_size) {
        uint32_t tot;
        r = area_info(read, ctx, size, payload_end, BOOT_TLV_PROT_INFO_MAGIC, &tot, reason);
        if (r) {
            return r;
        }
        if (tot != out->protect_tlv_size) {
            return fail(reason, "protected TLV size mismatch", BOOT_IMAGE_EBAD);
        }
        r = walk_area(read, ctx, out->prot_off, tot, true, out, reason);
        if (r) {
            return r;
        }
    }
    uint64_t tlv_off = payload_end + out->protect_tlv_size;
    uint32_t tot;
    r = area_info(read, ctx, size, tlv_off, BOOT_TLV_INFO_MAGIC, &tot, reason);
    if (r) {
        return r;
    }
    out->tlv_off = (uint32_t)tlv_off;
    out->tlv_size = tot;
    out->hashed_len = (uint32_t)tlv_off;
    out->total_len = (uint32_t)(tlv_off + tot);
    r = walk_area(read, ctx, out->tlv_off, tot, false, out, reason);
    if (r) {
        return r;
    }
    if (!out->sha256_off) {
        return fail(reason, "no hash TLV", BOOT_IMAGE_EBAD);
    }
    return 0;
}

int boot_image_parse(const uint8_t *img, size_t len, boot_image_info *out, const char **reason) {
    mem_src m = {img, img ? len : 0};
    return boot_image_parse_read(mem_read, &m, clamp32(m.len), out, reason);
}

// ---- Verify ----

static const uint8_t ed25519_spki[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
                                       0x70, 0x03, 0x21, 0x00};
static const uint8_t p256_spki[] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48,
                                    0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48,
                                    0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00};

const uint8_t *boot_key_raw(const uint8_t *der, size_t derlen, int key_type) {
    if (!der) {
        return NULL;
    }
    if (key_type == BOOT_KEY_ED25519) {
        if (derlen == sizeof(ed25519_spki) + 32 &&
            memcmp(der, ed25519_spki, sizeof(ed25519_spki)) == 0) {
            return der + sizeof(ed25519_spki);
        }
    } else if (key_type == BOOT_KEY_P256) {
        if (derlen == sizeof(p256_spki) + 65 && memcmp(der, p256_spki, sizeof(p256_spki)) == 0 &&
            der[sizeof(p256_spki)] == 0x04) {
            return der + sizeof(p256_spki);
        }
    }
    return NULL;
}

// Differences of equal-length buffers, without an early exit.
static bool same(const uint8_t *a, const uint8_t *b, size_t n) {
    uint8_t d = 0;
    for (size_t i = 0; i < n; i++) {
        d |= a[i] ^ b[i];
    }
    return d == 0;
}

int boot_image_verify_read(boot_read_fn read, void *ctx, uint32_t size, const uint8_t *key,
                           size_t keylen, int key_type, boot_image_info *out,
                           const char **reason) {
    boot_image_info local;
    boot_image_info *info = out ? out : &local;
    int r = boot_image_parse_read(read, ctx, size, info, reason);
    if (r) {
        return r;
    }
    if (info->flags & (BOOT_IMAGE_F_ENCRYPTED_AES128 | BOOT_IMAGE_F_ENCRYPTED_AES256)) {
        return fail(reason, "encrypted image", BOOT_IMAGE_EBAD);
    }
    // the digest of header + payload + protected TLVs, read in chunks
    uint8_t digest[32], want[32];
    {
        boot_sha256 c;
        uint8_t buf[CHUNK];
        boot_sha256_init(&c);
        for (uint32_t off = 0; off < info->hashed_len;) {
            uint32_t n = info->hashed_len - off < CHUNK ? info->hashed_len - off : CHUNK;
            if (rd(read, ctx, off, buf, n)) {
                return fail(reason, "read error", BOOT_IMAGE_EIO);
            }
            boot_sha256_update(&c, buf, n);
            off += n;
        }
        boot_sha256_final(&c, digest);
    }
    if (rd(read, ctx, info->sha256_off, want, 32)) {
        return fail(reason, "read error", BOOT_IMAGE_EIO);
    }
    if (!same(digest, want, 32)) {
        return fail(reason, "hash mismatch", BOOT_IMAGE_EBAD);
    }
    // the key: well formed, and the one the image names
    const uint8_t *raw = boot_key_raw(key, keylen, key_type);
    if (!raw) {
        return fail(reason, "bad key", BOOT_IMAGE_EARG);
    }
    if (!info->keyhash_off) {
        return fail(reason, "no key hash TLV", BOOT_IMAGE_EBAD);
    }
    uint8_t keyhash[32];
    boot_sha256_digest(key, keylen, keyhash);
    if (rd(read, ctx, info->keyhash_off, want, 32)) {
        return fail(reason, "read error", BOOT_IMAGE_EIO);
    }
    if (!same(keyhash, want, 32)) {
        return fail(reason, "key hash mismatch", BOOT_IMAGE_EBAD);
    }
    // the signature of the digest
    if (!info->sig_off) {
        return fail(reason, "no signature TLV", BOOT_IMAGE_EBAD);
    }
    uint16_t want_type = key_type == BOOT_KEY_ED25519 ? BOOT_TLV_ED25519 : BOOT_TLV_ECDSA_SIG;
    if (info->sig_type != want_type) {
        return fail(reason, "signature type mismatch", BOOT_IMAGE_EBAD);
    }
    uint8_t sig[72];
    if (info->sig_len > sizeof(sig)) { // parse bounds it already; kept for the reader's sake
        return fail(reason, "bad TLV length", BOOT_IMAGE_EBAD);
    }
    if (rd(read, ctx, info->sig_off, sig, info->sig_len)) {
        return fail(reason, "read error", BOOT_IMAGE_EIO);
    }
    bool ok = key_type == BOOT_KEY_ED25519
                  ? boot_ed25519_verify(raw, digest, sizeof(digest), sig)
                  : boot_p256_verify(raw, digest, sig, info->sig_len);
    if (!ok) {
        return fail(reason, "bad signature", BOOT_IMAGE_EBAD);
    }
    return 0;
}

int boot_image_verify(const uint8_t *img, size_t len, const uint8_t *key, size_t keylen,
                      int key_type, const char **reason) {
    mem_src m = {img, img ? len : 0};
    return boot_image_verify_read(mem_read, &m, clamp32(m.len), key, keylen, key_type, NULL,
                                  reason);
}

// ---- Trailer ----

static bool align_ok(uint32_t align) {
    return align == 1 || align == 2 || align == 4 || align == 8;
}

int boot_trailer_layout_for(uint32_t slot_size, uint32_t align, uint32_t max_sectors,
                            boot_trailer_layout *out) {
    if (!out || !align_ok(align)) {
        return BOOT_IMAGE_EARG;
    }
    // magic, then four flag/size fields of BOOT_MAX_ALIGN bytes each, then the status area
    uint64_t fixed = BOOT_MAGIC_SIZE + 4u * BOOT_MAX_ALIGN;
    uint64_t total = fixed + (uint64_t)max_sectors * 3u * align;
    if (total > slot_size) {
        return BOOT_IMAGE_EARG;
    }
    out->magic_off = slot_size - BOOT_MAGIC_SIZE;
    out->image_ok_off = out->magic_off - BOOT_MAX_ALIGN;
    out->copy_done_off = out->image_ok_off - BOOT_MAX_ALIGN;
    out->swap_info_off = out->copy_done_off - BOOT_MAX_ALIGN;
    out->swap_size_off = out->swap_info_off - BOOT_MAX_ALIGN;
    out->status_off = (uint32_t)(slot_size - total);
    out->max_image = out->status_off;
    return 0;
}

static int flag_state(uint8_t b) {
    return b == BOOT_FLAG_SET ? BOOT_FLAG_STATE_SET
           : b == 0xff        ? BOOT_FLAG_STATE_UNSET
                              : BOOT_FLAG_STATE_BAD;
}

int boot_trailer_read(boot_read_fn read, void *ctx, uint32_t slot_size, uint32_t align,
                      boot_trailer_state *out) {
    boot_trailer_layout l;
    if (!read || !out || boot_trailer_layout_for(slot_size, align, 0, &l)) {
        return BOOT_IMAGE_EARG;
    }
    // the fixed part is the last 48 bytes: swap_size, swap_info, copy_done, image_ok, magic
    uint8_t t[BOOT_MAGIC_SIZE + 4 * BOOT_MAX_ALIGN];
    if (rd(read, ctx, l.swap_size_off, t, sizeof(t))) {
        return BOOT_IMAGE_EIO;
    }
    const uint8_t *magic = t + (l.magic_off - l.swap_size_off);
    bool erased = true;
    for (unsigned i = 0; i < BOOT_MAGIC_SIZE; i++) {
        erased = erased && magic[i] == 0xff;
    }
    out->magic = memcmp(magic, boot_trailer_magic, BOOT_MAGIC_SIZE) == 0 ? BOOT_MAGIC_GOOD
                 : erased                                                ? BOOT_MAGIC_UNSET
                                                                         : BOOT_MAGIC_BAD;
    out->image_ok = flag_state(t[l.image_ok_off - l.swap_size_off]);
    out->copy_done = flag_state(t[l.copy_done_off - l.swap_size_off]);
    out->swap_info = t[l.swap_info_off - l.swap_size_off];
    out->swap_type = out->swap_info == 0xff ? 0 : (out->swap_info & 0x0f);
    out->image_num = out->swap_info == 0xff ? 0 : (uint8_t)(out->swap_info >> 4);
    out->swap_size = get32(t);
    return 0;
}

int boot_trailer_read_mem(const uint8_t *slot, size_t slot_size, uint32_t align,
                          boot_trailer_state *out) {
    if (!slot || slot_size > UINT32_MAX) {
        return BOOT_IMAGE_EARG;
    }
    mem_src m = {slot, slot_size};
    return boot_trailer_read(mem_read, &m, (uint32_t)slot_size, align, out);
}
