// boot/image.h: MCUboot's signed image format (docs/image-format.md): the 32-byte header, the
// payload, the protected and unprotected TLV areas, and the trailer at the end of a slot.
//
// Everything here reads the image through a callback (boot_read_fn), so the bootloader can
// check an image in flash without holding it in RAM; the *_mem variants wrap a buffer. No
// length read from the image is trusted: every offset is checked against the bytes that exist
// before it is used, in 64-bit arithmetic. On refusal a function returns a negative
// BOOT_IMAGE_E* and sets *reason (if reason is not NULL) to a short constant string.
// No heap, no globals written; stack use is bounded (a 256-byte read buffer).
#ifndef BOOT_IMAGE_H
#define BOOT_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// ---- The format's constants (MCUboot's documented values) ----
#define BOOT_IMAGE_MAGIC 0x96f3b83du
#define BOOT_IMAGE_HEADER_SIZE 32u
#define BOOT_TLV_INFO_MAGIC 0x6907u      // unprotected TLV area
#define BOOT_TLV_PROT_INFO_MAGIC 0x6908u // protected TLV area
#define BOOT_TLV_INFO_SIZE 4u            // magic u16, total length u16 (includes these 4 bytes)
#define BOOT_TLV_HDR_SIZE 4u             // type u16, data length u16

// Header flags
#define BOOT_IMAGE_F_PIC 0x01u
#define BOOT_IMAGE_F_ENCRYPTED_AES128 0x04u
#define BOOT_IMAGE_F_ENCRYPTED_AES256 0x08u
#define BOOT_IMAGE_F_NON_BOOTABLE 0x10u
#define BOOT_IMAGE_F_RAM_LOAD 0x20u
#define BOOT_IMAGE_F_ROM_FIXED 0x100u

// TLV types
#define BOOT_TLV_KEYHASH 0x01u   // SHA-256 of the signing key's DER SubjectPublicKeyInfo
#define BOOT_TLV_PUBKEY 0x02u    // the key itself (not used by rtpy)
#define BOOT_TLV_SHA256 0x10u    // SHA-256 of header + payload + protected TLV area
#define BOOT_TLV_RSA2048_PSS 0x20u
#define BOOT_TLV_ECDSA224 0x21u
#define BOOT_TLV_ECDSA_SIG 0x22u // ECDSA signature, DER (P-256 with SHA-256 here)
#define BOOT_TLV_RSA3072_PSS 0x23u
#define BOOT_TLV_ED25519 0x24u   // Ed25519 signature (64 bytes) of the 32-byte SHA-256 digest
#define BOOT_TLV_SEC_CNT 0x50u   // security counter, u32 little-endian, protected area only

// Key types for verification
#define BOOT_KEY_ED25519 1
#define BOOT_KEY_P256 2

// Return codes
#define BOOT_IMAGE_OK 0
#define BOOT_IMAGE_EBAD (-1) // the image (or a key) is malformed or does not verify
#define BOOT_IMAGE_EIO (-2)  // the read callback failed
#define BOOT_IMAGE_EARG (-3) // a bad argument (unsupported alignment, NULL callback, ...)

/** Reads n bytes at offset off of the image (or slot) into buf; 0 on success. The callers here
 * only ask for ranges inside the size they were given. */
typedef int (*boot_read_fn)(void *ctx, uint32_t off, void *buf, size_t n);

typedef struct boot_image_version {
    uint8_t major, minor;
    uint16_t revision;
    uint32_t build;
} boot_image_version;

typedef struct boot_tlv_entry {
    uint16_t type;
    uint16_t len;     // data length
    uint32_t off;     // offset of the data (the TLV header is 4 bytes before)
    bool protected_;  // in the protected area
} boot_tlv_entry;

#define BOOT_IMAGE_MAX_TLVS 16 // entries kept in boot_image_info.tlvs (all are checked)

typedef struct boot_image_info {
    // header
    uint32_t load_addr;
    uint16_t hdr_size;
    uint16_t protect_tlv_size;
    uint32_t img_size;
    uint32_t flags;
    boot_image_version version;
    // layout (offsets from the start of the image)
    uint32_t prot_off;   // protected TLV area (its info header); == tlv_off when absent
    uint32_t tlv_off;    // unprotected TLV area (its info header)
    uint32_t tlv_size;   // unprotected area length, info header included
    uint32_t hashed_len; // bytes covered by the hash and signature: hdr + payload + protected
    uint32_t total_len;  // the whole image: hashed_len + tlv_size
    // the TLVs that matter (offset of the data; 0 when absent)
    uint32_t sha256_off;
    uint32_t keyhash_off;
    uint32_t sig_off;
    uint16_t sig_type, sig_len;
    bool has_sec_cnt;
    uint32_t sec_cnt;
    // every TLV in file order (the first BOOT_IMAGE_MAX_TLVS of n_tlvs)
    unsigned n_tlvs;
    boot_tlv_entry tlvs[BOOT_IMAGE_MAX_TLVS];
} boot_image_info;

/**
 * Structural parse of the image at the start of an area of `size` bytes (the image may be
 * shorter, e.g. a padded slot). Checks the header magic, hdr_size >= 32, that every area and
 * TLV lies inside `size` and exactly tiles its area, the protected area's length equals the
 * header's protect_tlv_size, a SHA256 TLV of 32 bytes is present, KEYHASH is 32 bytes,
 * Ed25519 64 bytes, ECDSA 8..72 bytes, SEC_CNT 4 bytes and only in the protected area, none of
 * them twice, and no hash/key/signature TLV in the protected area. Fills *out.
 */
int boot_image_parse_read(boot_read_fn read, void *ctx, uint32_t size, boot_image_info *out,
                          const char **reason);
int boot_image_parse(const uint8_t *img, size_t len, boot_image_info *out, const char **reason);

/**
 * Parse, then verify: the SHA-256 of header + payload + protected TLVs (hashed in chunks)
 * equals the SHA256 TLV; the KEYHASH TLV equals the SHA-256 of `key` (the DER
 * SubjectPublicKeyInfo of an Ed25519 or P-256 key, key_type BOOT_KEY_*); the signature TLV is
 * of the key's kind and valid for the digest. Encrypted images are refused. `out` may be NULL.
 */
int boot_image_verify_read(boot_read_fn read, void *ctx, uint32_t size, const uint8_t *key,
                           size_t keylen, int key_type, boot_image_info *out,
                           const char **reason);
int boot_image_verify(const uint8_t *img, size_t len, const uint8_t *key, size_t keylen,
                      int key_type, const char **reason);

/** The raw public key inside a DER SubjectPublicKeyInfo of the given type (32 bytes for
 * Ed25519, the 65-byte uncompressed point for P-256), or NULL if der is not exactly one. */
const uint8_t *boot_key_raw(const uint8_t *der, size_t derlen, int key_type);

// ---- The trailer (the end of a slot; MCUboot's layout for a write alignment up to 8) ----
//
//   slot end - 16   magic (16 bytes)
//   slot end - 24   image_ok (1 byte, then 7 bytes of padding)
//   slot end - 32   copy_done (1 byte + 7)
//   slot end - 40   swap_info (1 byte + 7): swap type in the low nibble, image number in the high
//   slot end - 48   swap_size (u32 little-endian + 4)
//   before that     the swap status area, max_sectors * 3 * align bytes
#define BOOT_MAX_ALIGN 8u
#define BOOT_MAGIC_SIZE 16u
#define BOOT_FLAG_SET 0x01u
#define BOOT_TRAILER_DEFAULT_MAX_SECTORS 128u // imgtool's default for --max-sectors

extern const uint8_t boot_trailer_magic[BOOT_MAGIC_SIZE];

typedef struct boot_trailer_layout {
    uint32_t magic_off, image_ok_off, copy_done_off, swap_info_off, swap_size_off;
    uint32_t status_off; // start of the swap status area = start of the trailer
    uint32_t max_image;  // the most image bytes the slot holds before its trailer
} boot_trailer_layout;

/** The trailer of a slot of slot_size bytes for write alignment align (1, 2, 4 or 8) and a
 * swap status area for max_sectors sectors. BOOT_IMAGE_EARG if it does not fit. */
int boot_trailer_layout_for(uint32_t slot_size, uint32_t align, uint32_t max_sectors,
                            boot_trailer_layout *out);

// MCUboot's three states of the magic and of a flag.
enum { BOOT_MAGIC_GOOD = 1, BOOT_MAGIC_UNSET = 2, BOOT_MAGIC_BAD = 3 };
enum { BOOT_FLAG_STATE_SET = 1, BOOT_FLAG_STATE_UNSET = 2, BOOT_FLAG_STATE_BAD = 3 };

typedef struct boot_trailer_state {
    int magic;     // BOOT_MAGIC_*: GOOD = the 16 bytes match, UNSET = all erased, else BAD
    int image_ok;  // BOOT_FLAG_STATE_*: SET = 0x01, UNSET = erased, else BAD
    int copy_done; // same
    uint8_t swap_info;  // the raw byte
    uint8_t swap_type;  // low nibble; 0 when swap_info is erased
    uint8_t image_num;  // high nibble; 0 when swap_info is erased
    uint32_t swap_size; // raw (0xffffffff when erased)
} boot_trailer_state;

/** Reads the trailer of a slot of slot_size bytes (erased value 0xff). */
int boot_trailer_read(boot_read_fn read, void *ctx, uint32_t slot_size, uint32_t align,
                      boot_trailer_state *out);
int boot_trailer_read_mem(const uint8_t *slot, size_t slot_size, uint32_t align,
                          boot_trailer_state *out);

#endif // BOOT_IMAGE_H
