// ports/mps2-an385/bootloader.c: the QEMU board's bootloader (docs/ota.md, "The QEMU
// bootloader"), its own ELF at 0x0 (boards/mps2-an385/boot.ld). At every reset: bring up the
// console (UART0, polled output) and the flash (the host file named on the semihosting command
// line, boards/mps2-an385/flash.c), run boot_go (boot/bootutil.c: install, test, revert,
// validate the primary with the trusted keys of boot/keys.c) printing its log, then copy the
// primary image's payload to its load address (RAM load: the board has no execute-in-place
// flash) and jump to it: VTOR at its vector table, MSP from its first word, its reset handler
// from the second, interrupts masked and SysTick and the NVIC off. Nothing valid to run: say
// why and stop QEMU with a non-zero status (board_exit). No kernel, no interpreter, no heap.
#include <stdint.h>
#include <string.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "boot/bootutil.h"
#include "boot/keys.h"
#include "drivers/board.h"
#include "drivers/flash.h"

// Where an application may be loaded: SSRAM1 above the bootloader's 128 KiB.
#define APP_MIN 0x00020000u
#define APP_END 0x00400000u
#define RAM_LO 0x20000000u
#define RAM_HI 0x20400000u

// Exit statuses (QEMU's, through semihosting): what a test sees.
#define EXIT_NO_FLASH 2
#define EXIT_NO_IMAGE 3
#define EXIT_NOT_LOADABLE 4
#define EXIT_FAULT 5

extern uint32_t boot_data_load[], boot_data_start[], boot_data_end[];
extern uint32_t boot_bss_start[], boot_bss_end[], boot_stack_top[];

void boot_reset_handler(void);
static void boot_fault(void);
int main(void);

typedef void (*vector_fn)(void);
__attribute__((section(".vectors"), used)) static const vector_fn vectors[16] = {
    (vector_fn)(uintptr_t)boot_stack_top,
    boot_reset_handler,
    boot_fault, // NMI
    boot_fault, // HardFault
    boot_fault, // MemManage
    boot_fault, // BusFault
    boot_fault, // UsageFault
};

// --- console: UART0, polled ------------------------------------------------------------------

static void put(const char *s) {
    for (; *s; s++) {
        if (*s == '\n') {
            while (MPS2_REG(MPS2_UART0 + MPS2_UART_STATE) & 1u) {
            }
            MPS2_REG(MPS2_UART0 + MPS2_UART_DATA) = '\r';
        }
        while (MPS2_REG(MPS2_UART0 + MPS2_UART_STATE) & 1u) {
        }
        MPS2_REG(MPS2_UART0 + MPS2_UART_DATA) = (uint8_t)*s;
    }
}

static void put_hex(uint32_t v) {
    char b[11] = "0x";
    for (int i = 0; i < 8; i++)
        b[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 15u];
    b[10] = 0;
    put(b);
}

static void put_dec(uint32_t v) {
    char b[11];
    int i = 10;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v);
    put(b + i);
}

static void log_line(void *ctx, const char *line) {
    (void)ctx;
    put(line);
    put("\n");
}

// --- the few board services flash.c needs (board.c brings the kernel with it) ---------------

uint32_t board_semihost(uint32_t op, uintptr_t arg) {
    register uint32_t r0 __asm("r0") = op;
    register uintptr_t r1 __asm("r1") = arg;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

_Noreturn void board_exit(int code) {
    __asm volatile("cpsid i" ::: "memory");
    uint32_t block[2] = {0x20026u, (uint32_t)code}; // ADP_Stopped_ApplicationExit, status
    (void)board_semihost(0x20u, (uintptr_t)block);   // SYS_EXIT_EXTENDED
    (void)board_semihost(0x18u, code ? 0x20023u : 0x20026u); // SYS_EXIT, older hosts
    for (;;)
        __asm volatile("wfi");
}

static void boot_fault(void) {
    unsigned ipsr;
    __asm volatile("mrs %0, ipsr" : "=r"(ipsr));
    put("boot: fault, exception ");
    put_dec(ipsr);
    put("\n");
    board_exit(EXIT_FAULT);
}

// The dual timer counting up from reset at 25 MHz (as board_counter_start in board.c): under
// QEMU -icount shift=0 one count is 40 instructions. The application restarts it.
#define DUAL_LOAD 0x00u
#define DUAL_VALUE 0x04u
#define DUAL_CTRL 0x08u

static uint32_t counter(void) {
    return ~MPS2_REG(MPS2_DUALTIMER + DUAL_VALUE);
}

void boot_reset_handler(void) {
    MPS2_REG(MPS2_DUALTIMER + DUAL_CTRL) = 0;
    MPS2_REG(MPS2_DUALTIMER + DUAL_LOAD) = 0xFFFFFFFFu;
    MPS2_REG(MPS2_DUALTIMER + DUAL_CTRL) = (1u << 7) | (1u << 1);
    uint32_t *src = boot_data_load, *dst = boot_data_start;
    while (dst < boot_data_end)
        *dst++ = *src++;
    for (dst = boot_bss_start; dst < boot_bss_end;)
        *dst++ = 0;
    board_exit(main());
}

// --- the jump ---------------------------------------------------------------------------------

#define SYST_CSR 0xE000E010u
#define NVIC_ICER 0xE000E180u
#define NVIC_ICPR 0xE000E280u
#define SCB_ICSR 0xE000ED04u

static _Noreturn void jump(uint32_t vt) {
    const uint32_t *v = (const uint32_t *)(uintptr_t)vt;
    __asm volatile("cpsid i" ::: "memory");
    MPS2_REG(SYST_CSR) = 0;
    MPS2_REG(NVIC_ICER) = 0xFFFFFFFFu; // 32 interrupts on this board
    MPS2_REG(NVIC_ICPR) = 0xFFFFFFFFu;
    MPS2_REG(SCB_ICSR) = (1u << 25); // PENDSTCLR
    MPS2_REG(MPS2_UART0 + MPS2_UART_CTRL) = 0;
    MPS2_REG(MPS2_SCB_VTOR) = vt;
    __asm volatile("dsb\n\tisb\n\t"
                   "msr msp, %0\n\t"
                   "bx %1" ::"r"(v[0]),
                   "r"(v[1])
                   : "memory");
    __builtin_unreachable();
}

static int fail(const char *why, uint32_t value, int code) {
    put("boot: ");
    put(why);
    if (value != 0xFFFFFFFFu) {
        put(" ");
        put_hex(value);
    }
    put(": halting\n");
    return code;
}

int main(void) {
    MPS2_REG(MPS2_UART0 + MPS2_UART_CTRL) = 0;
    MPS2_REG(MPS2_UART0 + MPS2_UART_BAUDDIV) = MPS2_CPU_HZ / 115200u;
    MPS2_REG(MPS2_UART0 + MPS2_UART_CTRL) = 1u; // TX enable
    board_flash_init();
    drv_flash *f = drv_flash_board();
    if (!f)
        return fail("no flash (give QEMU -semihosting-config enable=on,target=native,"
                    "arg=rtpy,arg=--flash=FILE)",
                    0xFFFFFFFFu, EXIT_NO_FLASH);
    boot_config cfg;
    boot_config_trusted(&cfg);
    cfg.log = log_line;
    boot_rsp rsp;
    uint32_t t0 = counter();
    int rc = boot_go(f, &cfg, &rsp);
    uint32_t t1 = counter();
    if (rc != BOOT_OK) {
        put("boot: no image to run (boot_go ");
        put(rc == BOOT_ENOIMAGE ? "ENOIMAGE" : rc == BOOT_EFLASH ? "EFLASH" : "ECONFIG");
        put("): halting\n");
        return EXIT_NO_IMAGE;
    }
    put("boot: boot_go ");
    put_dec(t1 - t0);
    put(" counts\n");
    uint8_t hdr[BOOT_IMAGE_HEADER_SIZE];
    if (drv_flash_read(f, rsp.image_off, hdr, sizeof hdr) != 0)
        return fail("flash read error at", rsp.image_off, EXIT_NO_IMAGE);
    uint32_t flags = (uint32_t)hdr[16] | (uint32_t)hdr[17] << 8 | (uint32_t)hdr[18] << 16 |
                     (uint32_t)hdr[19] << 24;
    if (!(flags & BOOT_IMAGE_F_RAM_LOAD))
        return fail("the primary is not a RAM_LOAD image (no execute-in-place flash on this "
                    "board), flags",
                    flags, EXIT_NOT_LOADABLE);
    uint32_t load = rsp.load_addr, size = rsp.img_size;
    if (load < APP_MIN || load >= APP_END || size > APP_END - load || (load & 127u) || size < 8u)
        return fail("load address outside 0x00020000..0x00400000 or misaligned:", load,
                    EXIT_NOT_LOADABLE);
    if (drv_flash_read(f, rsp.image_off + rsp.hdr_size, (void *)(uintptr_t)load, size) != 0)
        return fail("flash read error at", rsp.image_off + rsp.hdr_size, EXIT_NO_IMAGE);
    const uint32_t *v = (const uint32_t *)(uintptr_t)load;
    if (v[0] < RAM_LO || v[0] > RAM_HI || (v[0] & 7u) || !(v[1] & 1u) || v[1] - 1u < load ||
        v[1] - 1u >= load + size)
        return fail("no vector table at the load address: reset handler", v[1],
                    EXIT_NOT_LOADABLE);
    uint32_t t2 = counter();
    put("boot: loaded ");
    put_dec(size);
    put(" bytes at ");
    put_hex(load);
    put(" (");
    put_dec(t2 - t1);
    put(" counts), jump at ");
    put_dec(counter());
    put(" counts from reset\n");
    jump(load);
}
