// drivers/flash.c: the checks every flash device gets (range, alignment, the NOR rule), the
// injected faults, and a device in memory. The NOR rule is checked against what the device
// holds, read back granule by granule, so a file system that programs a bit from 0 to 1 fails
// here rather than silently on a chip (which would keep the 0).
#include "drivers/flash.h"

#include <errno.h>
#include <string.h>

void drv_flash_init(drv_flash *f, const drv_flash_ops *ops, void *ctx, uint32_t size,
                    uint32_t sector_size, uint32_t write_size) {
    memset(f, 0, sizeof(*f));
    f->ops = ops;
    f->ctx = ctx;
    f->size = size;
    f->sector_size = sector_size;
    f->write_size = write_size;
}

void drv_flash_power_on(drv_flash *f) {
    f->powered_off = false;
    f->faults.cut_after = 0;
}

// xorshift32: the injected faults are reproducible from faults.seed.
static uint32_t fault_rand(drv_flash *f) {
    uint32_t x = f->faults.seed ? f->faults.seed : 0x9e3779b9u;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    f->faults.seed = x;
    return x;
}

static bool in_range(const drv_flash *f, uint32_t off, uint32_t n) {
    return off <= f->size && n <= f->size - off;
}

// True when this program or erase is the one the power fails in.
static bool cut_now(drv_flash *f) {
    return f->faults.cut_after && --f->faults.cut_after == 0;
}

int drv_flash_read(drv_flash *f, uint32_t off, void *buf, uint32_t n) {
    if (!in_range(f, off, n)) {
        return -EINVAL;
    }
    if (f->powered_off) {
        return -EIO;
    }
    f->n_read++;
    int r = n ? f->ops->read(f, off, buf, n) : 0;
    if (r == 0 && f->faults.flip_one_in) {
        // about one bit in flip_one_in: a byte in flip_one_in / 8 gets one bit inverted
        uint32_t per_byte = f->faults.flip_one_in / 8 ? f->faults.flip_one_in / 8 : 1;
        uint8_t *p = buf;
        for (uint32_t i = 0; i < n; i++) {
            if (fault_rand(f) % per_byte == 0) {
                p[i] ^= (uint8_t)(1u << (fault_rand(f) & 7));
            }
        }
    }
    return r;
}

// The power fails during a program: some granules written, maybe the next one partly (bits
// that should have gone to 0 may still be 1), the rest untouched.
static void program_half(drv_flash *f, uint32_t off, const uint8_t *src, uint32_t n) {
    uint32_t w = f->write_size;
    uint32_t whole = fault_rand(f) % (n / w + 1) * w;
    if (whole) {
        f->ops->program(f, off, src, whole);
    }
    if (whole < n && (fault_rand(f) & 1)) {
        uint8_t cur[64], part[64];
        uint32_t k = w < sizeof(cur) ? w : sizeof(cur);
        if (f->ops->read(f, off + whole, cur, k) == 0) {
            for (uint32_t i = 0; i < k; i++) {
                part[i] = cur[i] & (src[whole + i] | (uint8_t)fault_rand(f));
            }
            f->ops->program(f, off + whole, part, k);
        }
    }
}

int drv_flash_program(drv_flash *f, uint32_t off, const void *buf, uint32_t n) {
    if (!in_range(f, off, n) || off % f->write_size || n % f->write_size) {
        return -EINVAL;
    }
    if (f->powered_off) {
        return -EIO;
    }
    const uint8_t *src = buf;
    for (uint32_t done = 0; done < n;) {
        uint8_t cur[64];
        uint32_t k = n - done < sizeof(cur) ? n - done : sizeof(cur);
        int r = f->ops->read(f, off + done, cur, k);
        if (r) {
            return r;
        }
        for (uint32_t i = 0; i < k; i++) {
            if (src[done + i] & ~cur[i]) {
                return -EIO; // a 0 bit cannot be programmed back to 1
            }
        }
        done += k;
    }
    f->n_program++;
    if (cut_now(f)) {
        program_half(f, off, src, n);
        f->powered_off = true;
        return -EIO;
    }
    return n ? f->ops->program(f, off, src, n) : 0;
}

// The power fails during an erase: each byte either erased or with some bits set, at random.
static void erase_half(drv_flash *f, uint32_t off) {
    uint8_t old[64];
    uint32_t s = f->sector_size;
    uint8_t keep[s < 4096 ? s : 4096];
    uint32_t kept = s < sizeof(keep) ? s : (uint32_t)sizeof(keep);
    for (uint32_t i = 0; i < kept; i += sizeof(old)) {
        if (f->ops->read(f, off + i, old, sizeof(old)) != 0) {
            return;
        }
        for (uint32_t j = 0; j < sizeof(old); j++) {
            uint32_t r = fault_rand(f);
            keep[i + j] = (r & 1) ? 0xff : (uint8_t)(old[j] | (r >> 8));
        }
    }
    f->ops->erase(f, off);
    f->ops->program(f, off, keep, kept - kept % f->write_size);
}

int drv_flash_erase(drv_flash *f, uint32_t off, uint32_t n) {
    if (!in_range(f, off, n) || off % f->sector_size || n % f->sector_size) {
        return -EINVAL;
    }
    for (uint32_t s = off; s < off + n; s += f->sector_size) {
        if (f->powered_off) {
            return -EIO;
        }
        f->n_erase++;
        if (cut_now(f)) {
            erase_half(f, s);
            f->powered_off = true;
            return -EIO;
        }
        int r = f->ops->erase(f, s);
        if (r) {
            return r;
        }
    }
    return 0;
}

// ---- a device in memory -----------------------------------------------------------------------
static int ram_read(drv_flash *f, uint32_t off, void *buf, uint32_t n) {
    memcpy(buf, (uint8_t *)f->ctx + off, n);
    return 0;
}

static int ram_program(drv_flash *f, uint32_t off, const void *buf, uint32_t n) {
    uint8_t *m = (uint8_t *)f->ctx + off;
    const uint8_t *s = buf;
    for (uint32_t i = 0; i < n; i++) {
        m[i] &= s[i]; // as NOR cells do
    }
    return 0;
}

static int ram_erase(drv_flash *f, uint32_t off) {
    memset((uint8_t *)f->ctx + off, 0xff, f->sector_size);
    return 0;
}

static const drv_flash_ops ram_ops = {ram_read, ram_program, ram_erase};

void drv_flash_ram_init(drv_flash *f, uint8_t *mem, uint32_t size, uint32_t sector_size,
                        uint32_t write_size) {
    drv_flash_init(f, &ram_ops, mem, size, sector_size, write_size);
}
