// boot/bootutil.h: the bootloader's decision and swap logic (docs/ota.md), as a library over a
// drv_flash. MCUboot's documented behaviour: the swap types NONE / TEST / PERM / REVERT decided
// from the two slots' trailers, validation of the secondary before a swap and of the primary
// before it runs, downgrade protection by security counter, and an interrupted swap resumed at
// the next boot. The swap goes sector by sector through the scratch area; its progress is a log
// of 8-byte records at fixed places in the last sectors of the scratch area, so a power cut at
// any flash operation is resumed and never loses both copies of a sector.
// No heap, no globals written; one 512-byte copy buffer on the stack plus boot/image.c's use.
#ifndef BOOT_BOOTUTIL_H
#define BOOT_BOOTUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "boot/image.h"
#include "drivers/flash.h"

// Swap types (MCUboot's names)
enum { BOOT_SWAP_NONE = 1, BOOT_SWAP_TEST = 2, BOOT_SWAP_PERM = 3, BOOT_SWAP_REVERT = 4 };

// Return codes (boot/image.h's BOOT_IMAGE_* are 0..-3)
#define BOOT_OK 0
#define BOOT_ENOIMAGE (-10) // no valid image in the primary slot: a bootloader halts
#define BOOT_EFLASH (-11)   // a flash call failed (the power went, or a bad layout)
#define BOOT_ECONFIG (-12)  // the configuration does not fit the device

typedef struct boot_key {
    const uint8_t *der; // DER SubjectPublicKeyInfo
    size_t len;
    int type; // BOOT_KEY_ED25519 or BOOT_KEY_P256
} boot_key;

/** One line of the boot log (no newline), e.g. "boot: swap test v2.0.0+0". */
typedef void (*boot_log_fn)(void *ctx, const char *line);

typedef struct boot_config {
    uint32_t slot0_off, slot1_off, slot_size; // primary, secondary (same size)
    uint32_t scratch_off, scratch_size;       // the last status_sectors() sectors hold the log
    uint32_t counter_off, counter_size;       // security counter: 2 sectors (boot partition end)
    const boot_key *keys;                     // an image verifies with any of them
    unsigned n_keys;
    boot_log_fn log; // may be NULL
    void *log_ctx;
} boot_config;

/** The default layout of drivers/flash.h (DRV_FLASH_PART_*), no keys, no log. */
void boot_config_default(boot_config *cfg);

typedef struct boot_rsp {
    uint32_t image_off;         // flash offset of the image to run (the primary slot)
    uint32_t entry_off;         // image_off + hdr_size: the vector table
    boot_image_version version; // of the image that runs
    uint32_t img_size, hdr_size, load_addr, sec_cnt;
    int swap_type;          // BOOT_SWAP_*: the swap done at this boot (NONE if none)
    bool resumed;           // that swap had been interrupted and was completed
    bool secondary_erased;  // the secondary was refused (invalid or downgrade) and erased
    bool downgrade_refused; // ... because of its security counter
    bool confirmed;         // the running image is permanent (image_ok, or no trailer)
    uint32_t counter;       // the stored security counter after this boot
} boot_rsp;

/**
 * One boot: resume an interrupted swap, or decide the swap type and swap; then validate the
 * primary and raise the stored security counter if the primary is permanent. BOOT_OK and *rsp
 * filled; BOOT_ENOIMAGE (nothing valid to run); BOOT_EFLASH; BOOT_ECONFIG.
 */
int boot_go(drv_flash *f, const boot_config *cfg, boot_rsp *rsp);

/** The application confirms itself: image_ok in the primary's trailer when the magic is there
 * and image_ok is erased; otherwise nothing to do (no magic: permanent; image_ok written, even
 * half by a power cut: not reverted either). BOOT_OK, BOOT_EFLASH, BOOT_ECONFIG. */
int boot_set_confirmed(drv_flash *f, const boot_config *cfg);

/** Marks the secondary's image for installation at the next boot: a test (reverted unless
 * confirmed) or permanent. image_ok first (permanent), the magic last: the magic commits.
 * A secondary already pending stays as it is (BOOT_OK). BOOT_ENOIMAGE if the secondary does
 * not hold a valid image; BOOT_EFLASH. */
int boot_set_pending(drv_flash *f, const boot_config *cfg, bool permanent);

typedef struct boot_slot_state {
    bool valid;                 // parses and verifies with a configured key
    boot_image_version version; // when it parses
    uint32_t sec_cnt;
    int magic, image_ok, copy_done; // BOOT_MAGIC_* / BOOT_FLAG_STATE_* of its trailer
} boot_slot_state;

typedef struct boot_state {
    boot_slot_state slot[2];
    bool pending;        // the secondary will be installed at the next boot
    bool pending_perm;   // ... permanently
    bool confirmed;      // the primary is permanent (will not be reverted)
    bool swap_in_progress;
    int next_swap;       // BOOT_SWAP_* the next boot will do (before validation)
    uint32_t counter;    // stored security counter
} boot_state;

/** Reads both slots (verifying them), their trailers and the counter. BOOT_OK, BOOT_EFLASH. */
int boot_read_state(drv_flash *f, const boot_config *cfg, boot_state *st);

/** The stored security counter (0 if none stored). BOOT_OK or BOOT_EFLASH. */
int boot_counter_read(drv_flash *f, const boot_config *cfg, uint32_t *out);
/** Raises the stored counter to value (nothing if not higher). BOOT_OK or BOOT_EFLASH. */
int boot_counter_raise(drv_flash *f, const boot_config *cfg, uint32_t value);

/** Number of sectors at the end of the scratch area used by the swap log. */
uint32_t boot_status_sectors(const drv_flash *f, const boot_config *cfg);

#endif // BOOT_BOOTUTIL_H
