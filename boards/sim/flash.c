// boards/sim/flash.c: the simulated board's flash, a 4 MiB file mapped into memory
// (`rtpy --flash=FILE`): created erased (all 0xFF) when missing, and every program or erase
// lands in the file, so the contents persist across runs as a device's do. The checks of
// drivers/flash.c apply (a 0 bit programmed back to 1 is an error), so file-system bugs show
// on the PC.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "boards/sim/board_sim.h"
#include "drivers/flash.h"

static drv_flash flash;
static bool present;

drv_flash *drv_flash_board(void) { return present ? &flash : NULL; }

int board_sim_flash_open(const char *path) {
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "rtpy: cannot open flash file %s: %s\n", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        fprintf(stderr, "rtpy: %s: %s\n", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (st.st_size != 0 && st.st_size != DRV_FLASH_SIZE) {
        fprintf(stderr, "rtpy: %s is %lld bytes, not a %u-byte flash image\n", path,
                (long long)st.st_size, DRV_FLASH_SIZE);
        close(fd);
        return -1;
    }
    if (st.st_size == 0) { // a new device: erased
        static const uint8_t erased[4096] = {[0 ... 4095] = 0xff};
        for (uint32_t off = 0; off < DRV_FLASH_SIZE; off += sizeof(erased)) {
            if (write(fd, erased, sizeof(erased)) != (ssize_t)sizeof(erased)) {
                fprintf(stderr, "rtpy: cannot write flash file %s: %s\n", path, strerror(errno));
                close(fd);
                return -1;
            }
        }
    }
    void *mem = mmap(NULL, DRV_FLASH_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (mem == MAP_FAILED) {
        fprintf(stderr, "rtpy: cannot map flash file %s: %s\n", path, strerror(errno));
        return -1;
    }
    drv_flash_ram_init(&flash, mem, DRV_FLASH_SIZE, DRV_FLASH_SECTOR, DRV_FLASH_WRITE);
    present = true;
    return 0;
}
