// tests/unit/test_flash.c: drivers/flash.c on a device in memory: the NOR rules every device
// gets, the counters, and the injected faults (power cut mid-program and mid-erase, bit flips).
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "drivers/flash.h"
#include "tests/unit/check.h"


#define SIZE (16 * 4096)
static uint8_t mem[SIZE];
static drv_flash f;

static void fresh(void) {
    memset(mem, 0xff, sizeof(mem));
    drv_flash_ram_init(&f, mem, SIZE, 4096, 8);
}

static bool all(const uint8_t *p, size_t n, uint8_t v) {
    for (size_t i = 0; i < n; i++) {
        if (p[i] != v) {
            return false;
        }
    }
    return true;
}

static void test_rules(void) {
    fresh();
    uint8_t buf[32], rd[32];
    memset(buf, 0x5a, sizeof(buf));
    CHECK(drv_flash_program(&f, 8, buf, 16) == 0);
    CHECK(drv_flash_read(&f, 8, rd, 16) == 0 && memcmp(rd, buf, 16) == 0);
    // granule alignment of offset and length, range
    CHECK(drv_flash_program(&f, 4, buf, 8) == -EINVAL);
    CHECK(drv_flash_program(&f, 32, buf, 12) == -EINVAL);
    CHECK(drv_flash_program(&f, SIZE - 8, buf, 16) == -EINVAL);
    CHECK(drv_flash_read(&f, SIZE - 4, rd, 8) == -EINVAL);
    CHECK(drv_flash_read(&f, UINT32_MAX - 2, rd, 8) == -EINVAL);
    // clearing more bits is allowed; a 0 back to 1 is refused and nothing is written
    uint8_t less[16];
    memset(less, 0x50, sizeof(less));
    CHECK(drv_flash_program(&f, 8, less, 16) == 0);
    CHECK(mem[8] == 0x50);
    uint8_t more[16];
    memset(more, 0x50, sizeof(more));
    more[15] = 0x51;
    CHECK(drv_flash_program(&f, 8, more, 16) == -EIO);
    CHECK(mem[8] == 0x50 && mem[23] == 0x50);
    // erase by sector only, to 0xff
    CHECK(drv_flash_erase(&f, 100, 4096) == -EINVAL);
    CHECK(drv_flash_erase(&f, 0, 100) == -EINVAL);
    CHECK(drv_flash_erase(&f, 0, 4096) == 0 && all(mem, 4096, 0xff));
    CHECK(drv_flash_program(&f, 8, more, 16) == 0);
    CHECK(f.n_program == 3 && f.n_erase == 1);
    CHECK(drv_flash_erase(&f, 4096, 3 * 4096) == 0 && f.n_erase == 4);
}

static void test_cut_program(void) {
    // over many seeds: the cut program leaves a prefix of whole granules, then at most one
    // granule with a mix of old and new bits, the rest untouched; then everything fails
    bool saw_partial = false, saw_none = false, saw_most = false;
    for (uint32_t seed = 1; seed <= 200; seed++) {
        fresh();
        f.faults.seed = seed;
        f.faults.cut_after = 2;
        uint8_t a[64], b[64];
        memset(a, 0x00, sizeof(a));
        memset(b, 0x0f, sizeof(b));
        CHECK(drv_flash_program(&f, 0, b, 64) == 0);
        CHECK(drv_flash_program(&f, 4096, a, 64) == -EIO);
        CHECK(f.powered_off);
        size_t whole = 0;
        while (whole < 64 && mem[4096 + whole] == 0) {
            whole++;
        }
        whole -= whole % 8;
        CHECK(all(mem + 4096 + whole + 8, whole + 8 <= 64 ? 64 - whole - 8 : 0, 0xff));
        saw_none |= whole == 0 && all(mem + 4096, 8, 0xff);
        saw_most |= whole >= 48;
        saw_partial |= whole < 64 && !all(mem + 4096 + whole, 8, 0xff) && !all(mem + 4096 + whole, 8, 0);
        uint8_t rd[8];
        CHECK(drv_flash_read(&f, 0, rd, 8) == -EIO);
        CHECK(drv_flash_erase(&f, 0, 4096) == -EIO);
        drv_flash_power_on(&f);
        CHECK(drv_flash_read(&f, 0, rd, 8) == 0 && all(rd, 8, 0x0f));
    }
    CHECK(saw_partial);
    CHECK(saw_none);
    CHECK(saw_most);
}

static void test_cut_erase(void) {
    fresh();
    memset(mem + 4096, 0x00, 4096);
    f.faults.seed = 7;
    f.faults.cut_after = 2; // the second sector of this erase
    CHECK(drv_flash_erase(&f, 0, 3 * 4096) == -EIO);
    CHECK(all(mem, 4096, 0xff));                // the first finished
    CHECK(!all(mem + 4096, 4096, 0xff));        // the second half done:
    CHECK(!all(mem + 4096, 4096, 0x00));        //   neither erased nor as it was
    CHECK(f.n_erase == 2);
    drv_flash_power_on(&f);
    CHECK(drv_flash_erase(&f, 4096, 4096) == 0 && all(mem + 4096, 4096, 0xff));
}

static void test_flips(void) {
    fresh();
    f.faults.seed = 3;
    f.faults.flip_one_in = 1000;
    static uint8_t rd[SIZE];
    CHECK(drv_flash_read(&f, 0, rd, SIZE) == 0);
    size_t flipped = 0;
    for (size_t i = 0; i < SIZE; i++) {
        flipped += (size_t)__builtin_popcount((uint8_t)~rd[i]);
    }
    // about one bit in 1000 of 524288
    CHECK(flipped > 300 && flipped < 900);
    CHECK(all(mem, SIZE, 0xff)); // only the copy read is wrong
    f.faults.flip_one_in = 0;
    CHECK(drv_flash_read(&f, 0, rd, SIZE) == 0 && all(rd, SIZE, 0xff));
}

int main(void) {
    static const check_test tests[] = {
        {"rules", test_rules},
        {"cut_program", test_cut_program},
        {"cut_erase", test_cut_erase},
        {"flips", test_flips},
    };
    return check_run("flash", tests, sizeof(tests) / sizeof(tests[0]));
}
