// drivers/flash.h: NOR flash. A device is erased a sector at a time (every byte becomes 0xFF),
// programmed a granule at a time (offsets and lengths multiples of write_size) and only from 1
// bits to 0 bits, and read anywhere. The calls below check all of that for every device, so a
// file system that breaks the rules fails on the PC as it would on the chip; the device only
// moves bytes (ops). Tests can cut the power after the Nth program or erase (the operation is
// left half done) and flip bits on read.
// Default layout of the 4 MiB device (docs/storage.md): the DRV_FLASH_PART_* partitions.
// Context of every call: a thread (not an ISR); calls block until the device is done.
#ifndef DRIVERS_FLASH_H
#define DRIVERS_FLASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct drv_flash drv_flash;

// What a device implements: plain transfers, already checked for range and alignment (and,
// for program, for the NOR rule). Each returns 0 or a negative errno (-EIO).
typedef struct drv_flash_ops {
    int (*read)(drv_flash *f, uint32_t off, void *buf, uint32_t n);
    int (*program)(drv_flash *f, uint32_t off, const void *buf, uint32_t n);
    int (*erase)(drv_flash *f, uint32_t off); // one sector at a sector-aligned offset
} drv_flash_ops;

// Fault injection (tests). Zero is "no faults".
typedef struct drv_flash_faults {
    // > 0: the power fails during the cut_after-th program or erase from now: that operation
    // is left half done (a prefix of a program's granules written, the last one possibly
    // garbled; part of an erased sector back to 0xFF) and every later call fails with -EIO
    // until drv_flash_power_on.
    uint32_t cut_after;
    // > 0: each bit read has a 1 in flip_one_in chance of coming back inverted.
    uint32_t flip_one_in;
    uint32_t seed; // of the generator that picks half-done parts and flipped bits
} drv_flash_faults;

struct drv_flash {
    const drv_flash_ops *ops;
    void *ctx;            // the device's own state
    uint32_t size;        // bytes, a multiple of sector_size
    uint32_t sector_size; // erase unit, a power of two
    uint32_t write_size;  // program granule, a power of two dividing sector_size
    // counters (since drv_flash_init) and faults; the calls update them
    uint32_t n_read, n_program, n_erase;
    drv_flash_faults faults;
    bool powered_off; // the injected power cut happened
};

/** Fills the geometry of a device and clears its counters and faults. */
void drv_flash_init(drv_flash *f, const drv_flash_ops *ops, void *ctx, uint32_t size,
                    uint32_t sector_size, uint32_t write_size);

/** Reads n bytes at off. 0; -EINVAL out of range; -EIO after a power cut. */
int drv_flash_read(drv_flash *f, uint32_t off, void *buf, uint32_t n);
/**
 * Programs n bytes at off (both multiples of write_size). 0; -EINVAL for range or alignment;
 * -EIO for a bit that would go from 0 to 1 (nothing written then) or after a power cut.
 */
int drv_flash_program(drv_flash *f, uint32_t off, const void *buf, uint32_t n);
/** Erases the sectors covering [off, off + n) (both multiples of sector_size). 0, -EINVAL, -EIO. */
int drv_flash_erase(drv_flash *f, uint32_t off, uint32_t n);
/** Ends an injected power cut: calls work again (faults.cut_after is cleared). */
void drv_flash_power_on(drv_flash *f);

/**
 * A device in memory (`mem`, size bytes, which the caller may have read from or maps to a
 * file to keep it): the simulator's flash and the file-system tests' one.
 */
void drv_flash_ram_init(drv_flash *f, uint8_t *mem, uint32_t size, uint32_t sector_size,
                        uint32_t write_size);

/** The board's flash (NULL if it has none). Set up by board_init. */
drv_flash *drv_flash_board(void);

// The default layout of a 4 MiB device with 4 KiB sectors (docs/storage.md).
#define DRV_FLASH_SIZE 0x400000u
#define DRV_FLASH_SECTOR 0x1000u
#define DRV_FLASH_WRITE 8u
#define DRV_FLASH_PART_BOOT_OFF 0x000000u // the bootloader (Step 8)
#define DRV_FLASH_PART_BOOT_SIZE 0x020000u
#define DRV_FLASH_PART_SLOT0_OFF 0x020000u // primary image slot
#define DRV_FLASH_PART_SLOT1_OFF 0x120000u // secondary image slot
#define DRV_FLASH_PART_SLOT_SIZE 0x100000u
#define DRV_FLASH_PART_SCRATCH_OFF 0x220000u // swap scratch area
#define DRV_FLASH_PART_SCRATCH_SIZE 0x020000u
#define DRV_FLASH_PART_FS_OFF 0x240000u // the file system
#define DRV_FLASH_PART_FS_SIZE 0x1c0000u

#endif // DRIVERS_FLASH_H
