// boards/mps2-an385/flash.c: an external flash for the QEMU board, kept in a file on the host.
// The board has no persistent flash, so the device lives in the PSRAM (16 MiB, otherwise
// unused) while the firmware runs, and every program and erase is written through to the host
// file with semihosting calls: the contents survive machine.reset() (the file is read again at
// start) and QEMU runs. The file is named on QEMU's semihosting command line:
//     -semihosting-config enable=on,target=native,arg=rtpy,arg=--flash=FILE
// (created erased if missing). Without it the board has no flash. The checks of
// drivers/flash.c apply as on the simulator.
#include <string.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/flash.h"

#define SYS_OPEN 0x01u
#define SYS_WRITE 0x05u
#define SYS_READ 0x06u
#define SYS_SEEK 0x0au
#define SYS_FLEN 0x0cu
#define SYS_GET_CMDLINE 0x15u
#define MODE_RB_PLUS 3u // "r+b"
#define MODE_WB_PLUS 7u // "w+b"

static drv_flash flash;
static int handle = -1;

drv_flash *drv_flash_board(void) { return handle >= 0 ? &flash : NULL; }

static int write_through(uint32_t off, const void *buf, uint32_t n) {
    uint32_t seek[2] = {(uint32_t)handle, off};
    uint32_t wr[3] = {(uint32_t)handle, (uint32_t)(uintptr_t)buf, n};
    if (board_semihost(SYS_SEEK, (uintptr_t)seek) != 0 || board_semihost(SYS_WRITE, (uintptr_t)wr) != 0) {
        return -5; // -EIO: the host file is gone or full
    }
    return 0;
}

static int psram_read(drv_flash *f, uint32_t off, void *buf, uint32_t n) {
    memcpy(buf, (const uint8_t *)f->ctx + off, n);
    return 0;
}

static int psram_program(drv_flash *f, uint32_t off, const void *buf, uint32_t n) {
    uint8_t *m = (uint8_t *)f->ctx + off;
    const uint8_t *s = buf;
    for (uint32_t i = 0; i < n; i++) {
        m[i] &= s[i];
    }
    return write_through(off, m, n);
}

static int psram_erase(drv_flash *f, uint32_t off) {
    uint8_t *m = (uint8_t *)f->ctx + off;
    memset(m, 0xff, f->sector_size);
    return write_through(off, m, f->sector_size);
}

static const drv_flash_ops psram_ops = {psram_read, psram_program, psram_erase};

// The value of --flash= on the semihosting command line, in buf; false if absent.
static bool flash_file_name(char *buf, uint32_t n) {
    static char cmdline[160];
    uint32_t blk[2] = {(uint32_t)(uintptr_t)cmdline, sizeof(cmdline) - 1};
    if (board_semihost(SYS_GET_CMDLINE, (uintptr_t)blk) != 0) {
        return false;
    }
    cmdline[blk[1] < sizeof(cmdline) ? blk[1] : sizeof(cmdline) - 1] = 0;
    const char *p = strstr(cmdline, "--flash=");
    if (!p) {
        return false;
    }
    p += 8;
    uint32_t k = 0;
    while (p[k] && p[k] != ' ' && k + 1 < n) {
        buf[k] = p[k];
        k++;
    }
    buf[k] = 0;
    return k > 0;
}

void board_flash_init(void) {
    char name[128];
    if (!flash_file_name(name, sizeof(name))) {
        return;
    }
    uint8_t *mem = (uint8_t *)MPS2_PSRAM;
    uint32_t op[3] = {(uint32_t)(uintptr_t)name, MODE_RB_PLUS, (uint32_t)strlen(name)};
    int h = (int)board_semihost(SYS_OPEN, (uintptr_t)op);
    uint32_t len = 0;
    if (h >= 0) {
        uint32_t fl[1] = {(uint32_t)h};
        len = board_semihost(SYS_FLEN, (uintptr_t)fl);
    }
    if (h >= 0 && len == DRV_FLASH_SIZE) {
        uint32_t rd[3] = {(uint32_t)h, (uint32_t)(uintptr_t)mem, DRV_FLASH_SIZE};
        if (board_semihost(SYS_READ, (uintptr_t)rd) != 0) { // → bytes not read
            return;
        }
    } else {
        // missing or not a flash image: a new, erased device
        op[1] = MODE_WB_PLUS;
        h = (int)board_semihost(SYS_OPEN, (uintptr_t)op);
        if (h < 0) {
            return;
        }
        memset(mem, 0xff, DRV_FLASH_SIZE);
        handle = h;
        if (write_through(0, mem, DRV_FLASH_SIZE) != 0) {
            handle = -1;
            return;
        }
    }
    handle = h;
    drv_flash_ram_init(&flash, mem, DRV_FLASH_SIZE, DRV_FLASH_SECTOR, DRV_FLASH_WRITE);
    flash.ops = &psram_ops;
}
