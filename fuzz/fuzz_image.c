// fuzz/fuzz_image.c: libFuzzer target for boot/image.c: arbitrary bytes as an image (and as a
// slot for the trailer). The parse's promises are checked on every input it accepts (all
// offsets inside the input, areas that add up); verify runs with the fixture keys (Ed25519
// and P-256, tests/data/mcuboot), from memory and through a reader that aborts on any read
// outside the input, and both paths must agree. A broken promise aborts. No interpreter.
// Random bytes never match a SHA-256, so each parsed input is also verified once more with its
// SHA256 and KEYHASH TLVs repaired: the signature checks (and the crypto's DER and point
// decoding) see fuzzed signatures over fuzzed images.
// Kept inputs: tests/fuzz/image/ (small images signed by tools/rtpy-img with the fixture keys).
#include <stdlib.h>
#include <string.h>

#include "boot/crypto.h"
#include "boot/image.h"

static const uint8_t ed_key[44] = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
    0x92, 0xd8, 0xfc, 0xed, 0x80, 0xe6, 0xcf, 0xc9, 0xa5, 0xae, 0xda, 0xa8,
    0x40, 0xc3, 0xc6, 0xc4, 0x22, 0xc5, 0xde, 0x3a, 0xbe, 0xc7, 0xb5, 0xea,
    0xe2, 0xa2, 0xed, 0xd8, 0x17, 0x77, 0x21, 0x89,
};

static const uint8_t ec_key[91] = {
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
    0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
    0x42, 0x00, 0x04, 0x15, 0x7f, 0xd2, 0x3f, 0x6b, 0x20, 0xea, 0x43, 0xee,
    0x3c, 0xf4, 0x66, 0xe1, 0xd2, 0xed, 0xb4, 0x2e, 0x92, 0x8d, 0xfe, 0xc2,
    0xa9, 0xb6, 0x08, 0x9a, 0x36, 0xef, 0xcf, 0xc6, 0xc5, 0x8b, 0x9c, 0xf3,
    0x4a, 0x94, 0xe7, 0xe2, 0x9d, 0x55, 0x7a, 0x38, 0x9d, 0x53, 0xf6, 0x09,
    0x10, 0x5d, 0x46, 0xd6, 0x7d, 0xd3, 0xdb, 0xd8, 0x97, 0xba, 0xee, 0x74,
    0x18, 0x0a, 0x69, 0x73, 0x6a, 0xe8, 0x61,
};

typedef struct {
    const uint8_t *p;
    size_t n;
} src;

static int strict_read(void *ctx, uint32_t off, void *buf, size_t n) {
    const src *s = ctx;
    if (off > s->n || n > s->n - off) {
        abort(); // the image code asked for bytes it had not checked exist
    }
    memcpy(buf, s->p + off, n);
    return 0;
}

static void check(bool ok) {
    if (!ok) {
        abort();
    }
}

static void promises(const boot_image_info *in, size_t size) {
    check(in->hdr_size >= BOOT_IMAGE_HEADER_SIZE);
    check((uint64_t)in->hdr_size + in->img_size == in->prot_off);
    check(in->prot_off + in->protect_tlv_size == in->tlv_off);
    check(in->hashed_len == in->tlv_off && in->total_len == in->tlv_off + in->tlv_size);
    check(in->tlv_size >= BOOT_TLV_INFO_SIZE && in->total_len <= size);
    check(in->sha256_off > in->tlv_off && in->sha256_off + 32 <= in->total_len);
    if (in->keyhash_off) {
        check(in->keyhash_off > in->tlv_off && in->keyhash_off + 32 <= in->total_len);
    }
    if (in->sig_off) {
        check(in->sig_off > in->tlv_off && in->sig_off + in->sig_len <= in->total_len);
    }
    unsigned kept = in->n_tlvs < BOOT_IMAGE_MAX_TLVS ? in->n_tlvs : BOOT_IMAGE_MAX_TLVS;
    for (unsigned i = 0; i < kept; i++) {
        const boot_tlv_entry *t = &in->tlvs[i];
        uint32_t lo = t->protected_ ? in->prot_off : in->tlv_off;
        uint32_t hi = t->protected_ ? in->tlv_off : in->total_len;
        check(t->off >= lo + BOOT_TLV_INFO_SIZE + BOOT_TLV_HDR_SIZE && t->off + t->len <= hi);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    boot_image_info in, in2;
    const char *why = NULL;
    int r = boot_image_parse(data, size, &in, &why);
    check(r == 0 || (r < 0 && why && *why));
    if (r == 0) {
        promises(&in, size);
    }
    src s = {data, size};
    for (int k = 0; k < 2; k++) {
        const uint8_t *key = k ? ec_key : ed_key;
        size_t kl = k ? sizeof(ec_key) : sizeof(ed_key);
        int type = k ? BOOT_KEY_P256 : BOOT_KEY_ED25519;
        const char *w1 = NULL, *w2 = NULL;
        int v1 = boot_image_verify(data, size, key, kl, type, &w1);
        int v2 = boot_image_verify_read(strict_read, &s, (uint32_t)size, key, kl, type, &in2, &w2);
        check(v1 == v2 && (v1 == 0 || (w1 && w2 && strcmp(w1, w2) == 0)));
        check(r != 0 || v1 == 0 || strcmp(w1, "bad key") != 0); // the keys are good
        if (r != 0) {
            check(v1 == r);
        }
    }
    if (r == 0 && size > 0) {
        // the repaired copy, in a block of exactly `size` bytes so ASan sees any overread
        uint8_t *c = malloc(size);
        memcpy(c, data, size);
        boot_sha256_digest(c, in.hashed_len, c + in.sha256_off);
        bool ec = in.sig_type == BOOT_TLV_ECDSA_SIG;
        if (in.keyhash_off) {
            boot_sha256_digest(ec ? ec_key : ed_key, ec ? sizeof(ec_key) : sizeof(ed_key),
                               c + in.keyhash_off);
        }
        const char *w = NULL;
        int v = boot_image_verify(c, size, ec ? ec_key : ed_key,
                                  ec ? sizeof(ec_key) : sizeof(ed_key),
                                  ec ? BOOT_KEY_P256 : BOOT_KEY_ED25519, &w);
        check(v == 0 || (w && strcmp(w, "hash mismatch") != 0 &&
                         (!in.keyhash_off || strcmp(w, "key hash mismatch") != 0)));
        free(c);
    }
    boot_trailer_state st;
    r = boot_trailer_read_mem(data, size, 8, &st);
    check(r == 0 ? size >= 48 : size < 48);
    if (r == 0) {
        check(st.magic >= BOOT_MAGIC_GOOD && st.magic <= BOOT_MAGIC_BAD);
    }
    return 0;
}
