// boards/mps2-an385/gpio.c: drivers/gpio.h on the FPGA I/O block: pins 0-1 are the user LEDs
// (outputs, FPGAIO LED0 bits 0-1), pins 2-3 the user push buttons (inputs, FPGAIO BUTTON bits
// 0-1). QEMU models the LEDs (their state reads back; it is visible only through QEMU's
// trace events) but not the buttons, which always read 0, and the block has no interrupts:
// drv_gpio_irq returns -ENOTSUP. The AN385 has no switches, and no analog inputs QEMU models:
// drivers/adc.h reports no valid channel.
#include <errno.h>
#include <string.h>

#include "boards/mps2-an385/mps2_an385.h"
#include "drivers/adc.h"
#include "drivers/gpio.h"

static const char *const names[] = {"LED0", "LED1", "BUTTON0", "BUTTON1"};
#define PIN_COUNT (sizeof names / sizeof names[0])
#define IS_LED(pin) ((pin) < 2u)

unsigned drv_gpio_count(void) {
    return PIN_COUNT;
}

const char *drv_gpio_name(unsigned pin) {
    return pin < PIN_COUNT ? names[pin] : NULL;
}

int drv_gpio_find(const char *name) {
    for (unsigned i = 0; name && i < PIN_COUNT; i++) {
        if (strcmp(name, names[i]) == 0) return (int)i;
    }
    return -EINVAL;
}

// LEDs are push-pull outputs only, buttons inputs only; nothing is open-drain.
int drv_gpio_config(unsigned pin, enum drv_gpio_mode mode) {
    if (pin >= PIN_COUNT) return -EINVAL;
    if (mode == DRV_GPIO_OUT) return IS_LED(pin) ? 0 : -ENOTSUP;
    if (mode == DRV_GPIO_IN) return IS_LED(pin) ? -ENOTSUP : 0;
    return -ENOTSUP;
}

// No pull resistors on the FPGA's LEDs and buttons.
int drv_gpio_pull(unsigned pin, enum drv_gpio_pull pull) {
    if (pin >= PIN_COUNT) return -EINVAL;
    return pull == DRV_GPIO_PULL_NONE ? 0 : -ENOTSUP;
}

int drv_gpio_write(unsigned pin, bool value) {
    if (pin >= PIN_COUNT) return -EINVAL;
    if (!IS_LED(pin)) return -ENOTSUP;
    volatile uint32_t *led = &MPS2_REG(MPS2_FPGAIO + MPS2_FPGAIO_LED);
    uint32_t primask; // the read-modify-write is shared with the other LED and interrupts
    __asm volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
    *led = value ? *led | (1u << pin) : *led & ~(1u << pin);
    __asm volatile("msr primask, %0" ::"r"(primask) : "memory");
    return 0;
}

int drv_gpio_read(unsigned pin) {
    if (pin >= PIN_COUNT) return -EINVAL;
    if (IS_LED(pin)) return (int)((MPS2_REG(MPS2_FPGAIO + MPS2_FPGAIO_LED) >> pin) & 1u);
    return (int)((MPS2_REG(MPS2_FPGAIO + MPS2_FPGAIO_BUTTON) >> (pin - 2u)) & 1u);
}

int drv_gpio_irq(unsigned pin, enum drv_gpio_edge edges, drv_gpio_irq_fn fn, void *arg) {
    (void)edges;
    (void)fn;
    (void)arg;
    return pin < PIN_COUNT ? -ENOTSUP : -EINVAL;
}

// --- drivers/adc.h: none ----------------------------------------------------------------------

bool drv_adc_valid(unsigned pin) {
    (void)pin;
    return false;
}

uint32_t drv_adc_full_scale_uv(unsigned pin) {
    (void)pin;
    return 0;
}

int drv_adc_read_uv(unsigned pin, uint32_t *uv) {
    (void)pin;
    *uv = 0;
    return -EINVAL;
}
