// tests/unit/test_image.c: boot/image.c against MCUboot's own images (tests/data/mcuboot, made
// by imgtool 2.4.0). Each fixture must parse to what imgtool's dumpinfo says (read from the
// *.dumpinfo.txt files, not retyped here) and verify with its key; every single-bit flip in
// the header, the TLV areas and a sample of the payload, every truncation, every value of
// every TLV length field, wrong keys and hand-built malformed images must be refused with a
// reason, without reading outside the image (a bounds-checking reader counts any attempt).
//
// Usage: test_image [DATA_DIR]   (default tests/data/mcuboot)
//        test_image --verify PUBKEY.pem IMAGE   (exit 0 if IMAGE verifies; for test_img.py)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boot/crypto.h"
#include "boot/image.h"
#include "tests/unit/check.h"


static const char *dir = "tests/data/mcuboot";

// ---- Files ----

typedef check_blob blob;
#define load_path check_load

static blob load(const char *name) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return load_path(path);
}

// The DER inside a PEM file (0 if it has none).
static size_t pem_der_path(const char *path, uint8_t *out, size_t cap) {
    blob b = load_path(path);
    long n = check_pem_der((const char *)b.p, out, cap);
    free(b.p);
    return n > 0 ? (size_t)n : 0;
}

static size_t pem_der(const char *name, uint8_t *out, size_t cap) {
    char path[512];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    return pem_der_path(path, out, cap);
}

// ---- imgtool's dumpinfo, read from the text ----

typedef struct {
    uint16_t type, len;
    bool prot;
    uint8_t data[128];
    unsigned ndata;
} exp_tlv;

typedef struct {
    uint32_t magic, load_addr, hdr_size, prot_size, img_size, flags;
    unsigned maj, min, rev, build;
    bool has_prot;
    uint32_t prot_off, prot_area, tlv_off, tlv_area;
    exp_tlv tlv[16];
    unsigned ntlv;
    bool has_trailer;
    unsigned swap_info, copy_done, image_ok;
    uint8_t boot_magic[16];
    unsigned nmagic;
} expect;

static unsigned hex_bytes(const char *s, uint8_t *out, unsigned n, unsigned cap) {
    unsigned v;
    int used;
    while (sscanf(s, " 0x%x%n", &v, &used) == 1) {
        if (n < cap) {
            out[n++] = (uint8_t)v;
        }
        s += used;
    }
    return n;
}

static expect read_dumpinfo(const char *name) {
    expect e;
    memset(&e, 0, sizeof(e));
    blob b = load(name);
    enum { HDR, PAYLOAD, PROT, UNPROT, TRAILER } sect = HDR;
    enum { NONE, TLVDATA, MAGICDATA } cont = NONE;
    char *save = NULL;
    for (char *l = strtok_r((char *)b.p, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        while (*l == ' ') {
            l++;
        }
        unsigned v, a, c, d, f;
        exp_tlv *t = e.ntlv ? &e.tlv[e.ntlv - 1] : NULL;
        if (strncmp(l, "0x", 2) == 0) {
            if (cont == TLVDATA && t) {
                t->ndata = hex_bytes(l, t->data, t->ndata, sizeof(t->data));
            } else if (cont == MAGICDATA) {
                e.nmagic = hex_bytes(l, e.boot_magic, e.nmagic, sizeof(e.boot_magic));
            }
            continue;
        }
        cont = NONE;
        if (strncmp(l, "#### Payload", 12) == 0) {
            sect = PAYLOAD;
        } else if (sscanf(l, "#### Protected TLV area (offset: 0x%x", &v) == 1) {
            sect = PROT;
            e.has_prot = true;
            e.prot_off = v;
        } else if (sscanf(l, "#### TLV area (offset: 0x%x", &v) == 1) {
            sect = UNPROT;
            e.tlv_off = v;
        } else if (strncmp(l, "#### Image trailer", 18) == 0) {
            sect = TRAILER;
            e.has_trailer = true;
        } else if (sect == HDR && sscanf(l, "magic: 0x%x", &v) == 1) {
            e.magic = v;
        } else if (sscanf(l, "load_addr: 0x%x", &v) == 1) {
            e.load_addr = v;
        } else if (sscanf(l, "hdr_size: 0x%x", &v) == 1) {
            e.hdr_size = v;
        } else if (sscanf(l, "protected_tlv_size: 0x%x", &v) == 1) {
            e.prot_size = v;
        } else if (sscanf(l, "img_size: 0x%x", &v) == 1) {
            e.img_size = v;
        } else if (sscanf(l, "flags: 0x%x", &v) == 1) {
            e.flags = v;
        } else if (sscanf(l, "version: %u.%u.%u+%u", &a, &c, &d, &f) == 4) {
            e.maj = a, e.min = c, e.rev = d, e.build = f;
        } else if (sscanf(l, "area size: 0x%x", &v) == 1) {
            *(sect == PROT ? &e.prot_area : &e.tlv_area) = v;
        } else if (strncmp(l, "type:", 5) == 0 && e.ntlv < 16) {
            char *p = strstr(l, "(0x");
            t = &e.tlv[e.ntlv++];
            t->type = p ? (uint16_t)strtoul(p + 3, NULL, 16) : 0xffff;
            t->prot = sect == PROT;
        } else if (t && sscanf(l, "len: 0x%x", &v) == 1) {
            t->len = (uint16_t)v;
        } else if (t && strncmp(l, "data:", 5) == 0) {
            t->ndata = hex_bytes(l + 5, t->data, 0, sizeof(t->data));
            cont = TLVDATA;
        } else if (sect == TRAILER && strncmp(l, "boot magic:", 11) == 0) {
            e.nmagic = hex_bytes(l + 11, e.boot_magic, 0, sizeof(e.boot_magic));
            cont = MAGICDATA;
        } else if (sect == TRAILER && strncmp(l, "swap_info:", 10) == 0) {
            e.swap_info = (unsigned)strtoul(strstr(l, "(0x") + 3, NULL, 16);
        } else if (sect == TRAILER && strncmp(l, "copy_done:", 10) == 0) {
            e.copy_done = (unsigned)strtoul(strstr(l, "(0x") + 3, NULL, 16);
        } else if (sect == TRAILER && strncmp(l, "image_ok:", 9) == 0) {
            e.image_ok = (unsigned)strtoul(strstr(l, "(0x") + 3, NULL, 16);
        }
    }
    free(b.p);
    return e;
}

// ---- A reader that checks every access against the image's size ----

typedef struct {
    const uint8_t *p;
    size_t len;
    unsigned calls, fail_at; // fail the fail_at-th call (1-based); 0: never
    unsigned out_of_bounds;
    size_t max_read, total;
} reader;

static int rd_checked(void *ctx, uint32_t off, void *buf, size_t n) {
    reader *r = ctx;
    r->calls++;
    if (r->fail_at && r->calls == r->fail_at) {
        return -1;
    }
    if (off > r->len || n > r->len - off) {
        r->out_of_bounds++;
        return -1;
    }
    memcpy(buf, r->p + off, n);
    r->max_read = n > r->max_read ? n : r->max_read;
    r->total += n;
    return 0;
}

// ---- Fixtures ----

typedef struct {
    const char *bin, *dump;
    int key_type;
    bool padded;
} fixture;

static const fixture fixtures[] = {
    {"app-ed25519.signed.bin", "app-ed25519.signed.dumpinfo.txt", BOOT_KEY_ED25519, false},
    {"app-ec-p256.signed.bin", "app-ec-p256.signed.dumpinfo.txt", BOOT_KEY_P256, false},
    {"app-v2-ed25519.seccnt7.bin", "app-v2-ed25519.seccnt7.dumpinfo.txt", BOOT_KEY_ED25519,
     false},
    {"app-v2-ed25519.padded-test.bin", "app-v2-ed25519.padded-test.dumpinfo.txt",
     BOOT_KEY_ED25519, true},
    {"app-v2-ed25519.padded-confirmed.bin", "app-v2-ed25519.padded-confirmed.dumpinfo.txt",
     BOOT_KEY_ED25519, true},
};
#define NFIX (sizeof(fixtures) / sizeof(fixtures[0]))

static uint8_t ed_key[64], ec_key[128];
static size_t ed_len, ec_len;

static const uint8_t *key_for(int type, size_t *len) {
    *len = type == BOOT_KEY_ED25519 ? ed_len : ec_len;
    return type == BOOT_KEY_ED25519 ? ed_key : ec_key;
}

static int verify_fx(const uint8_t *img, size_t n, int type, const char **why) {
    size_t kl;
    const uint8_t *k = key_for(type, &kl);
    *why = NULL;
    return boot_image_verify(img, n, k, kl, type, why);
}

// ---- Tests ----

static void test_fields(const fixture *fx) {
    blob b = load(fx->bin);
    expect e = read_dumpinfo(fx->dump);
    CHECK(e.magic == BOOT_IMAGE_MAGIC && e.ntlv >= 3); // the dump was read
    boot_image_info in;
    const char *why = NULL;
    int r = boot_image_parse(b.p, b.n, &in, &why);
    CHECK_MSG(r == 0, "%s: %s", fx->bin, why ? why : "");
    CHECK(in.load_addr == e.load_addr && in.hdr_size == e.hdr_size);
    CHECK(in.protect_tlv_size == e.prot_size && in.img_size == e.img_size);
    CHECK(in.flags == e.flags);
    CHECK(in.version.major == e.maj && in.version.minor == e.min &&
          in.version.revision == e.rev && in.version.build == e.build);
    CHECK(in.tlv_off == e.tlv_off && in.tlv_size == e.tlv_area);
    if (e.has_prot) {
        CHECK(in.prot_off == e.prot_off && e.prot_area == in.protect_tlv_size);
    } else {
        CHECK(in.prot_off == in.tlv_off);
    }
    CHECK(in.hashed_len == in.tlv_off && in.total_len == in.tlv_off + in.tlv_size);
    if (!fx->padded) {
        CHECK(in.total_len == b.n);
    }
    CHECK_MSG(in.n_tlvs == e.ntlv, "%u vs %u", in.n_tlvs, e.ntlv);
    for (unsigned i = 0; i < e.ntlv && i < in.n_tlvs; i++) {
        const boot_tlv_entry *t = &in.tlvs[i];
        CHECK(t->type == e.tlv[i].type && t->len == e.tlv[i].len && t->protected_ == e.tlv[i].prot);
        CHECK(e.tlv[i].ndata == t->len && memcmp(b.p + t->off, e.tlv[i].data, t->len) == 0);
        if (t->type == BOOT_TLV_SHA256) {
            CHECK(in.sha256_off == t->off);
        } else if (t->type == BOOT_TLV_KEYHASH) {
            CHECK(in.keyhash_off == t->off);
        } else if (t->type == BOOT_TLV_ED25519 || t->type == BOOT_TLV_ECDSA_SIG) {
            CHECK(in.sig_off == t->off && in.sig_type == t->type && in.sig_len == t->len);
        } else if (t->type == BOOT_TLV_SEC_CNT) {
            CHECK(in.has_sec_cnt && in.sec_cnt == (uint32_t)e.tlv[i].data[0] +
                                                      ((uint32_t)e.tlv[i].data[1] << 8) +
                                                      ((uint32_t)e.tlv[i].data[2] << 16) +
                                                      ((uint32_t)e.tlv[i].data[3] << 24));
        }
    }
    CHECK(in.has_sec_cnt == (strstr(fx->bin, "seccnt7") != NULL));
    if (in.has_sec_cnt) {
        CHECK(in.sec_cnt == 7);
    }
    // verifies with its key, through memory and through the checked reader
    CHECK_MSG(verify_fx(b.p, b.n, fx->key_type, &why) == 0, "%s: %s", fx->bin, why);
    size_t kl;
    const uint8_t *k = key_for(fx->key_type, &kl);
    reader rr = {b.p, b.n, 0, 0, 0, 0, 0};
    boot_image_info in2;
    CHECK(boot_image_verify_read(rd_checked, &rr, (uint32_t)b.n, k, kl, fx->key_type, &in2,
                                 &why) == 0);
    CHECK(rr.out_of_bounds == 0 && rr.max_read <= 256);
    CHECK(memcmp(&in, &in2, sizeof(in)) == 0);
    // reads what it needs, not the slot: hashed bytes plus headers and TLVs
    CHECK_MSG(rr.total < in.hashed_len + 2 * in.tlv_size + 64, "%zu", rr.total);
    // the trailer, where imgtool's dump shows one
    if (e.has_trailer) {
        boot_trailer_state st;
        CHECK(boot_trailer_read_mem(b.p, b.n, 8, &st) == 0);
        CHECK(e.nmagic == 16 && memcmp(e.boot_magic, boot_trailer_magic, 16) == 0);
        CHECK(st.magic == BOOT_MAGIC_GOOD);
        CHECK(st.image_ok == (e.image_ok == 1 ? BOOT_FLAG_STATE_SET : BOOT_FLAG_STATE_UNSET));
        CHECK(st.copy_done == (e.copy_done == 1 ? BOOT_FLAG_STATE_SET : BOOT_FLAG_STATE_UNSET));
        CHECK(st.swap_info == e.swap_info);
        CHECK(e.image_ok == (strstr(fx->bin, "confirmed") ? 1u : 0xffu));
    }
    free(b.p);
}

static void test_keys(const fixture *fx) {
    blob b = load(fx->bin);
    const char *why;
    int other = fx->key_type == BOOT_KEY_ED25519 ? BOOT_KEY_P256 : BOOT_KEY_ED25519;
    CHECK(verify_fx(b.p, b.n, other, &why) == BOOT_IMAGE_EBAD && why &&
          strcmp(why, "key hash mismatch") == 0);
    size_t kl;
    const uint8_t *k = key_for(fx->key_type, &kl);
    uint8_t wrong[128];
    memcpy(wrong, k, kl);
    wrong[kl - 1] ^= 1; // another public key of the same type
    why = NULL;
    CHECK(boot_image_verify(b.p, b.n, wrong, kl, fx->key_type, &why) == BOOT_IMAGE_EBAD && why &&
          strcmp(why, "key hash mismatch") == 0);
    // malformed keys: a truncated DER, the key declared as the other type
    why = NULL;
    CHECK(boot_image_verify(b.p, b.n, k, kl - 1, fx->key_type, &why) == BOOT_IMAGE_EARG && why &&
          strcmp(why, "bad key") == 0);
    CHECK(boot_image_verify(b.p, b.n, k, kl, other, &why) == BOOT_IMAGE_EARG);
    CHECK(boot_image_verify(b.p, b.n, NULL, 0, fx->key_type, &why) == BOOT_IMAGE_EARG);
    free(b.p);
}

// Every bit of the header and of both TLV areas, and a sample of the payload (all 8 bit
// positions over the sample), flipped one at a time: all refused.
static void test_bitflips(const fixture *fx) {
    blob b = load(fx->bin);
    boot_image_info in;
    const char *why;
    if (boot_image_parse(b.p, b.n, &in, &why)) {
        CHECK(0);
        return;
    }
    unsigned tried = 0, refused = 0, with_reason = 0;
    unsigned n_hash = 0, n_keyhash = 0, n_sig = 0;
    for (uint32_t pos = 0; pos < in.total_len; pos++) {
        bool all_bits = pos < BOOT_IMAGE_HEADER_SIZE || pos >= in.prot_off;
        bool sample = pos % 211 == 0 || pos == in.hdr_size || pos == in.prot_off - 1;
        if (!all_bits && !sample) {
            continue;
        }
        for (unsigned bit = 0; bit < 8; bit++) {
            if (!all_bits && bit != (pos / 211) % 8) {
                continue;
            }
            b.p[pos] ^= (uint8_t)(1u << bit);
            int r = verify_fx(b.p, b.n, fx->key_type, &why);
            b.p[pos] ^= (uint8_t)(1u << bit);
            tried++;
            refused += r != 0;
            with_reason += r != 0 && why && *why;
            if (r == 0) {
                printf("  %s: flip of bit %u at 0x%x accepted\n", fx->bin, bit, (unsigned)pos);
            } else if (strcmp(why, "hash mismatch") == 0) {
                n_hash++;
            } else if (strcmp(why, "key hash mismatch") == 0) {
                n_keyhash++;
            } else if (strcmp(why, "bad signature") == 0) {
                n_sig++;
            }
        }
    }
    CHECK(tried > 1000 && refused == tried && with_reason == tried);
    // each region reaches its own check: hashed bytes, the key hash, the signature itself
    CHECK(n_hash > 256 && n_keyhash >= 32 * 8 - 8 && n_sig + 16 >= in.sig_len * 8u);
    CHECK(verify_fx(b.p, b.n, fx->key_type, &why) == 0); // restored
    free(b.p);
}

// Every truncation: refused by the parse (so verify never hashes), reads stay in bounds. A
// sample is also copied to an exactly sized heap block, for ASan to watch.
static void test_truncation(const fixture *fx) {
    blob b = load(fx->bin);
    boot_image_info in;
    const char *why;
    CHECK(boot_image_parse(b.p, b.n, &in, &why) == 0);
    size_t kl;
    const uint8_t *k = key_for(fx->key_type, &kl);
    unsigned accepted = 0, oob = 0;
    for (uint32_t n = 0; n < in.total_len; n++) {
        reader rr = {b.p, n, 0, 0, 0, 0, 0};
        why = NULL;
        int r = boot_image_verify_read(rd_checked, &rr, n, k, kl, fx->key_type, NULL, &why);
        accepted += r == 0 || !why;
        oob += rr.out_of_bounds;
        if (n % 97 == 0 || n + 300 > in.total_len) {
            uint8_t *c = malloc(n ? n : 1);
            memcpy(c, b.p, n);
            accepted += boot_image_verify(c, n, k, kl, fx->key_type, &why) == 0;
            accepted += boot_image_parse(c, n, &in, &why) == 0;
            free(c);
        }
    }
    CHECK(accepted == 0 && oob == 0);
    CHECK(boot_image_parse(NULL, 100, &in, &why) != 0);
    free(b.p);
}

static void put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    put16(p, (uint16_t)v);
    put16(p + 2, (uint16_t)(v >> 16));
}

// Every value of every 16-bit length (area sizes, TLV lengths, hdr_size, protect_tlv_size)
// and a set of 32-bit img_size values: only the original is accepted.
static void test_lengths(const fixture *fx) {
    blob b = load(fx->bin);
    boot_image_info in;
    const char *why;
    CHECK(boot_image_parse(b.p, b.n, &in, &why) == 0);
    uint32_t fields[2 + 2 + BOOT_IMAGE_MAX_TLVS];
    unsigned nf = 0;
    fields[nf++] = 8;  // hdr_size
    fields[nf++] = 10; // protect_tlv_size
    if (in.protect_tlv_size) {
        fields[nf++] = in.prot_off + 2;
    }
    fields[nf++] = in.tlv_off + 2;
    for (unsigned i = 0; i < in.n_tlvs && i < BOOT_IMAGE_MAX_TLVS; i++) {
        fields[nf++] = in.tlvs[i].off - 2;
    }
    unsigned accepted = 0, oob = 0;
    size_t kl;
    const uint8_t *k = key_for(fx->key_type, &kl);
    for (unsigned f = 0; f < nf; f++) {
        uint8_t *p = b.p + fields[f];
        uint16_t orig = (uint16_t)(p[0] | (p[1] << 8));
        for (uint32_t v = 0; v <= 0xffff; v++) {
            if (v == orig) {
                continue;
            }
            put16(p, (uint16_t)v);
            reader rr = {b.p, fx->padded ? b.n : in.total_len, 0, 0, 0, 0, 0};
            why = NULL;
            boot_image_info x;
            int r = boot_image_parse_read(rd_checked, &rr, (uint32_t)rr.len, &x, &why);
            if (r == 0) { // a length that still tiles (say hdr_size): the hash must catch it
                r = boot_image_verify_read(rd_checked, &rr, (uint32_t)rr.len, k, kl,
                                           fx->key_type, NULL, &why);
            }
            accepted += r == 0 || !why;
            oob += rr.out_of_bounds;
        }
        put16(p, orig);
    }
    static const uint32_t sizes[] = {0, 1, 4, 0x1ff, 0x7fffffff, 0x80000000, 0xfffffdff,
                                     0xfffffe00, 0xfffffff0, 0xffffffff};
    uint32_t orig = in.img_size;
    for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]) + 8; i++) {
        uint32_t v = i < sizeof(sizes) / sizeof(sizes[0]) ? sizes[i] : orig - 4 + i % 8;
        if (v == orig) {
            continue;
        }
        put32(b.p + 12, v);
        accepted += verify_fx(b.p, b.n, fx->key_type, &why) == 0;
    }
    put32(b.p + 12, orig);
    CHECK(accepted == 0 && oob == 0);
    CHECK(verify_fx(b.p, b.n, fx->key_type, &why) == 0);
    free(b.p);
}

// A reader that fails at each call in turn: never accepted, always a reason.
static void test_read_errors(void) {
    blob b = load("app-v2-ed25519.seccnt7.bin");
    unsigned bad = 0, eio = 0, n;
    for (n = 1;; n++) {
        reader rr = {b.p, b.n, 0, n, 0, 0, 0};
        const char *why = NULL;
        int r = boot_image_verify_read(rd_checked, &rr, (uint32_t)b.n, ed_key, ed_len,
                                       BOOT_KEY_ED25519, NULL, &why);
        if (rr.calls < n) {
            CHECK(r == 0); // every call done: the image is good
            break;
        }
        bad += r == 0 || !why;
        eio += r == BOOT_IMAGE_EIO;
    }
    CHECK(n > 200 && bad == 0 && eio == n - 1);
    free(b.p);
}

// ---- Hand-built images: structure the fixtures do not have ----

typedef struct {
    uint8_t b[4096];
    size_t n;
    size_t area; // offset of the open area's info header
} builder;

static void b_header(builder *w, uint16_t hdr_size, uint32_t img_size, uint16_t prot,
                     uint32_t flags) {
    memset(w->b, 0xff, sizeof(w->b));
    put32(w->b, BOOT_IMAGE_MAGIC);
    put32(w->b + 4, 0);
    put16(w->b + 8, hdr_size);
    put16(w->b + 10, prot);
    put32(w->b + 12, img_size);
    put32(w->b + 16, flags);
    memset(w->b + 20, 0, 12);
    w->b[20] = 3;
    for (uint32_t i = 0; i < img_size; i++) {
        w->b[hdr_size + i] = (uint8_t)(i * 7);
    }
    w->n = hdr_size + img_size;
}

static void b_area(builder *w, uint16_t magic) {
    w->area = w->n;
    put16(w->b + w->n, magic);
    w->n += 4;
}

static void b_tlv(builder *w, uint16_t type, uint16_t len, const void *data) {
    put16(w->b + w->n, type);
    put16(w->b + w->n + 2, len);
    if (data) {
        memcpy(w->b + w->n + 4, data, len);
    } else {
        memset(w->b + w->n + 4, 0x5a, len);
    }
    w->n += 4u + len;
}

static void b_close(builder *w) {
    put16(w->b + w->area + 2, (uint16_t)(w->n - w->area));
}

// header + payload + protected area (prot bytes); then the usual unprotected TLVs, with a
// correct hash and key hash for the given key and a dummy signature of type sig.
static void b_standard(builder *w, uint16_t prot_tlv, const uint8_t *key, size_t kl,
                       uint16_t sig, uint16_t siglen) {
    uint8_t h[32], kh[32];
    if (prot_tlv) {
        b_header(w, 64, 100, 12, 0);
        b_area(w, BOOT_TLV_PROT_INFO_MAGIC);
        uint8_t cnt[4] = {9, 0, 0, 0};
        b_tlv(w, prot_tlv, 4, cnt);
        b_close(w);
    } else {
        b_header(w, 64, 100, 0, 0);
    }
    boot_sha256_digest(w->b, w->n, h);
    boot_sha256_digest(key, kl, kh);
    b_area(w, BOOT_TLV_INFO_MAGIC);
    b_tlv(w, BOOT_TLV_SHA256, 32, h);
    b_tlv(w, BOOT_TLV_KEYHASH, 32, kh);
    b_tlv(w, sig, siglen, NULL);
    b_close(w);
}

static const char *parse_why(builder *w) {
    boot_image_info in;
    const char *why = NULL;
    int r = boot_image_parse(w->b, w->n, &in, &why);
    return r == 0 ? "ok" : why ? why : "(none)";
}

static const char *verify_why(builder *w, int type) {
    const char *why = NULL;
    size_t kl;
    const uint8_t *k = key_for(type, &kl);
    int r = boot_image_verify(w->b, w->n, k, kl, type, &why);
    return r == 0 ? "ok" : why ? why : "(none)";
}

#define CHECK_WHY(expr, want)                                                                  \
    do {                                                                                       \
        const char *got_ = (expr);                                                             \
        CHECK_MSG(strcmp(got_, want) == 0, "got \"%s\", want \"%s\"", got_, want);             \
    } while (0)

static void test_built(void) {
    builder w;
    uint8_t h[32];
    // well formed, verified up to the signature (a dummy one)
    b_standard(&w, BOOT_TLV_SEC_CNT, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(parse_why(&w), "ok");
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "bad signature");
    b_standard(&w, 0, ec_key, ec_len, BOOT_TLV_ECDSA_SIG, 70);
    CHECK_WHY(verify_why(&w, BOOT_KEY_P256), "bad signature");
    // the key named, but a signature of the other kind
    b_standard(&w, 0, ec_key, ec_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(verify_why(&w, BOOT_KEY_P256), "signature type mismatch");
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_RSA2048_PSS, 256);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "signature type mismatch");
    // signature lengths
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 63);
    CHECK_WHY(parse_why(&w), "bad TLV length");
    b_standard(&w, 0, ec_key, ec_len, BOOT_TLV_ECDSA_SIG, 73);
    CHECK_WHY(parse_why(&w), "bad TLV length");
    b_standard(&w, 0, ec_key, ec_len, BOOT_TLV_ECDSA_SIG, 7);
    CHECK_WHY(parse_why(&w), "bad TLV length");
    // an unknown TLV is skipped, anywhere
    b_standard(&w, 0x7777, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "bad signature");
    // TLVs in the wrong area
    b_standard(&w, BOOT_TLV_SHA256, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(parse_why(&w), "TLV in wrong area");
    b_standard(&w, BOOT_TLV_KEYHASH, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(parse_why(&w), "TLV in wrong area");
    b_standard(&w, BOOT_TLV_ED25519, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    CHECK_WHY(parse_why(&w), "TLV in wrong area");
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    w.n -= 4 + 64; // replace the signature with an unprotected security counter
    b_tlv(&w, BOOT_TLV_SEC_CNT, 4, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "TLV in wrong area");
    // duplicates
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    b_tlv(&w, BOOT_TLV_SHA256, 32, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "duplicate TLV");
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    b_tlv(&w, BOOT_TLV_KEYHASH, 32, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "duplicate TLV");
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    b_tlv(&w, BOOT_TLV_ECDSA_SIG, 70, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "duplicate TLV");
    b_header(&w, 64, 100, 20, 0);
    b_area(&w, BOOT_TLV_PROT_INFO_MAGIC);
    b_tlv(&w, BOOT_TLV_SEC_CNT, 4, NULL);
    b_tlv(&w, BOOT_TLV_SEC_CNT, 4, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "duplicate TLV");
    // SEC_CNT length
    b_header(&w, 64, 100, 13, 0);
    b_area(&w, BOOT_TLV_PROT_INFO_MAGIC);
    b_tlv(&w, BOOT_TLV_SEC_CNT, 5, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "bad TLV length");
    // no hash, no key hash, no signature
    b_header(&w, 64, 100, 0, 0);
    b_area(&w, BOOT_TLV_INFO_MAGIC);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "no hash TLV");
    b_header(&w, 64, 100, 0, 0);
    boot_sha256_digest(w.b, w.n, h);
    b_area(&w, BOOT_TLV_INFO_MAGIC);
    b_tlv(&w, BOOT_TLV_SHA256, 32, h);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "ok");
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "no key hash TLV");
    b_tlv(&w, BOOT_TLV_KEYHASH, 32, NULL);
    boot_sha256_digest(ed_key, ed_len, w.b + w.n - 32);
    b_close(&w);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "no signature TLV");
    b_tlv(&w, BOOT_TLV_SHA256 + 1, 48, NULL); // SHA384: unknown here, skipped
    b_close(&w);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "no signature TLV");
    // areas that do not tile: 1, 2 or 3 spare bytes at the end of the area
    for (unsigned spare = 1; spare < 4; spare++) {
        b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
        w.n += spare;
        b_close(&w);
        CHECK_WHY(parse_why(&w), "TLV out of bounds");
    }
    // protected area: its size must be the header's, its magic its own
    b_standard(&w, BOOT_TLV_SEC_CNT, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    put16(w.b + 10, 16);
    CHECK_WHY(parse_why(&w), "protected TLV size mismatch");
    put16(w.b + 10, 0);
    CHECK_WHY(parse_why(&w), "bad TLV area magic");
    put16(w.b + 10, 12);
    put16(w.b + 164, BOOT_TLV_INFO_MAGIC);
    CHECK_WHY(parse_why(&w), "bad TLV area magic");
    put16(w.b + 164, BOOT_TLV_PROT_INFO_MAGIC);
    CHECK_WHY(parse_why(&w), "ok");
    b_header(&w, 64, 100, 3, 0);
    b_area(&w, BOOT_TLV_PROT_INFO_MAGIC);
    put16(w.b + w.area + 2, 3);
    CHECK_WHY(parse_why(&w), "bad TLV area size");
    // header: magic, hdr_size below 32, payload past the end
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    w.b[3] ^= 0x80;
    CHECK_WHY(parse_why(&w), "bad magic");
    w.b[3] ^= 0x80;
    put16(w.b + 8, 31);
    CHECK_WHY(parse_why(&w), "bad header size");
    put16(w.b + 8, 64);
    put32(w.b + 12, 0xffffffff);
    CHECK_WHY(parse_why(&w), "image out of bounds");
    put32(w.b + 12, 100);
    CHECK_WHY(parse_why(&w), "ok");
    // encrypted images are refused before any hashing
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    put32(w.b + 16, BOOT_IMAGE_F_ENCRYPTED_AES128);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "encrypted image");
    put32(w.b + 16, BOOT_IMAGE_F_ENCRYPTED_AES256);
    CHECK_WHY(verify_why(&w, BOOT_KEY_ED25519), "encrypted image");
    // hdr_size exactly 32, no payload: well formed
    b_header(&w, 32, 0, 0, 0);
    boot_sha256_digest(w.b, w.n, h);
    b_area(&w, BOOT_TLV_INFO_MAGIC);
    b_tlv(&w, BOOT_TLV_SHA256, 32, h);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "ok");
    // more TLVs than the info keeps: all still checked
    b_standard(&w, 0, ed_key, ed_len, BOOT_TLV_ED25519, 64);
    for (int i = 0; i < 40; i++) {
        b_tlv(&w, 0x7000, 0, NULL);
    }
    b_close(&w);
    boot_image_info in;
    const char *why;
    CHECK(boot_image_parse(w.b, w.n, &in, &why) == 0 && in.n_tlvs == 43);
    b_tlv(&w, BOOT_TLV_SHA256, 32, NULL);
    b_close(&w);
    CHECK_WHY(parse_why(&w), "duplicate TLV");
    // arguments
    CHECK(boot_image_parse_read(NULL, NULL, 10, &in, &why) == BOOT_IMAGE_EARG);
    CHECK(boot_image_parse(w.b, w.n, NULL, &why) == BOOT_IMAGE_EARG);
    CHECK(boot_image_parse(w.b, w.n, &in, NULL) == BOOT_IMAGE_EBAD); // reason optional
}

static void test_trailer(void) {
    boot_trailer_layout l;
    CHECK(boot_trailer_layout_for(0x100000, 8, 128, &l) == 0);
    CHECK(l.magic_off == 0xffff0 && l.image_ok_off == 0xfffe8 && l.copy_done_off == 0xfffe0 &&
          l.swap_info_off == 0xfffd8 && l.swap_size_off == 0xfffd0);
    CHECK(l.status_off == 0x100000 - 48 - 128 * 3 * 8 && l.max_image == l.status_off);
    CHECK(boot_trailer_layout_for(0x100000, 4, 128, &l) == 0 && l.magic_off == 0xffff0 &&
          l.swap_size_off == 0xfffd0 && l.status_off == 0x100000 - 48 - 128 * 3 * 4);
    CHECK(boot_trailer_layout_for(0x100000, 3, 128, &l) == BOOT_IMAGE_EARG);
    CHECK(boot_trailer_layout_for(0x100000, 16, 128, &l) == BOOT_IMAGE_EARG);
    CHECK(boot_trailer_layout_for(47, 8, 0, &l) == BOOT_IMAGE_EARG);
    CHECK(boot_trailer_layout_for(48, 8, 0, &l) == 0 && l.swap_size_off == 0);
    CHECK(boot_trailer_layout_for(3000, 8, 128, &l) == BOOT_IMAGE_EARG);
    CHECK(boot_trailer_layout_for(0xffffffff, 8, 0xffffffff, &l) == BOOT_IMAGE_EARG);

    // where the fixture's trailer bytes are, and nothing else in the slot's last 48 bytes
    blob t = load("app-v2-ed25519.padded-test.bin");
    blob c = load("app-v2-ed25519.padded-confirmed.bin");
    CHECK(t.n == 0x100000 && c.n == 0x100000);
    CHECK(boot_trailer_layout_for((uint32_t)t.n, 8, 128, &l) == 0);
    CHECK(memcmp(t.p + l.magic_off, boot_trailer_magic, 16) == 0);
    CHECK(c.p[l.image_ok_off] == 0x01 && t.p[l.image_ok_off] == 0xff);
    size_t diff = 0;
    for (size_t i = 0; i < t.n; i++) {
        diff += t.p[i] != c.p[i];
    }
    CHECK(diff == 1);
    for (uint32_t i = l.status_off; i < l.magic_off; i++) {
        CHECK(t.p[i] == 0xff && (i == l.image_ok_off || c.p[i] == 0xff));
    }
    boot_image_info in;
    const char *why;
    CHECK(boot_image_parse(t.p, t.n, &in, &why) == 0 && in.total_len <= l.max_image);

    boot_trailer_state st;
    uint8_t *s = t.p;
    s[l.image_ok_off] = 0x02;
    s[l.copy_done_off] = 0x01;
    s[l.swap_info_off] = 0x13;
    put32(s + l.swap_size_off, 0x1234);
    CHECK(boot_trailer_read_mem(s, t.n, 8, &st) == 0);
    CHECK(st.magic == BOOT_MAGIC_GOOD && st.image_ok == BOOT_FLAG_STATE_BAD &&
          st.copy_done == BOOT_FLAG_STATE_SET && st.swap_info == 0x13 && st.swap_type == 3 &&
          st.image_num == 1 && st.swap_size == 0x1234);
    s[l.magic_off + 15] ^= 1;
    CHECK(boot_trailer_read_mem(s, t.n, 8, &st) == 0 && st.magic == BOOT_MAGIC_BAD);
    memset(s + l.swap_size_off, 0xff, 48);
    CHECK(boot_trailer_read_mem(s, t.n, 8, &st) == 0);
    CHECK(st.magic == BOOT_MAGIC_UNSET && st.image_ok == BOOT_FLAG_STATE_UNSET &&
          st.copy_done == BOOT_FLAG_STATE_UNSET && st.swap_info == 0xff && st.swap_type == 0 &&
          st.image_num == 0 && st.swap_size == 0xffffffff);
    s[l.magic_off] = 0; // one byte off erased is not "unset"
    CHECK(boot_trailer_read_mem(s, t.n, 8, &st) == 0 && st.magic == BOOT_MAGIC_BAD);
    // the reader only touches the last 48 bytes
    reader rr = {c.p, c.n, 0, 0, 0, 0, 0};
    CHECK(boot_trailer_read(rd_checked, &rr, (uint32_t)c.n, 8, &st) == 0);
    CHECK(rr.total == 48 && rr.out_of_bounds == 0 && st.image_ok == BOOT_FLAG_STATE_SET);
    rr.fail_at = rr.calls + 1;
    CHECK(boot_trailer_read(rd_checked, &rr, (uint32_t)c.n, 8, &st) == BOOT_IMAGE_EIO);
    CHECK(boot_trailer_read_mem(c.p, 40, 8, &st) == BOOT_IMAGE_EARG);
    // a 48-byte "slot": its trailer is the image header (magic at 32..47: erased padding)
    CHECK(boot_trailer_read_mem(c.p, 48, 8, &st) == 0 && st.magic == BOOT_MAGIC_UNSET);
    free(t.p);
    free(c.p);
}

// The C verifier on any image, for the tool's tests (tests/host/test_img.py).
static int verify_file(const char *pem, const char *image) {
    uint8_t key[256];
    size_t kl = pem_der_path(pem, key, sizeof(key));
    int type = kl == 44 ? BOOT_KEY_ED25519 : BOOT_KEY_P256;
    blob b = load_path(image);
    const char *why = NULL;
    int r = boot_image_verify(b.p, b.n, key, kl, type, &why);
    printf("%s: %s\n", image, r == 0 ? "verified" : why ? why : "refused");
    free(b.p);
    return r == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc == 4 && strcmp(argv[1], "--verify") == 0) {
        return verify_file(argv[2], argv[3]);
    }
    if (argc > 1) {
        dir = argv[1];
    }
    ed_len = pem_der("root-ed25519.pub.pem", ed_key, sizeof(ed_key));
    ec_len = pem_der("root-ec-p256.pub.pem", ec_key, sizeof(ec_key));
    CHECK(ed_len == 44 && ec_len == 91);
    CHECK(boot_key_raw(ed_key, ed_len, BOOT_KEY_ED25519) == ed_key + 12);
    CHECK(boot_key_raw(ec_key, ec_len, BOOT_KEY_P256) == ec_key + 26);
    // the README's key hash
    uint8_t kh[32];
    boot_sha256_digest(ed_key, ed_len, kh);
    CHECK(kh[0] == 0xb9 && kh[1] == 0xae && kh[31] == 0x22);

    for (unsigned i = 0; i < NFIX; i++) {
        const fixture *fx = &fixtures[i];
        int before = failed;
        test_fields(fx);
        test_keys(fx);
        test_truncation(fx);
        if (!fx->padded || strstr(fx->bin, "confirmed")) {
            test_bitflips(fx);
            test_lengths(fx);
        }
        printf("  %s: %s\n", fx->bin, failed == before ? "ok" : "FAILED");
    }
    test_read_errors();
    test_built();
    test_trailer();
    printf("test_image: %d checks, %d passed, %d failed\n", checks, checks - failed, failed);
    return failed ? 1 : 0;
}
