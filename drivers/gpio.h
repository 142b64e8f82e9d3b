// drivers/gpio.h: the digital pin interface every board implements (machine.Pin).
// Pins are numbered from 0 to drv_gpio_count()-1 and have names ("LED0", "BUTTON1"); what a
// pin can do is fixed by the board (an LED is an output only, a button an input only).
// Errors are negative errno values: -EINVAL (no such pin), -ENOTSUP (not possible on this pin
// or board). Non-goal: alternate functions, drive strength.
#ifndef DRIVERS_GPIO_H
#define DRIVERS_GPIO_H

#include <stdbool.h>

enum drv_gpio_mode {
    DRV_GPIO_IN,         // input
    DRV_GPIO_OUT,        // push-pull output
    DRV_GPIO_OPEN_DRAIN, // drives 0, or releases the line for 1 (reads the line's level)
};

// Internal pull resistors (drv_gpio_pull).
enum drv_gpio_pull {
    DRV_GPIO_PULL_NONE,
    DRV_GPIO_PULL_UP,
    DRV_GPIO_PULL_DOWN,
};

enum drv_gpio_edge {
    DRV_GPIO_EDGE_RISING = 1,
    DRV_GPIO_EDGE_FALLING = 2,
    DRV_GPIO_EDGE_BOTH = 3,
};

/** Called in interrupt context when a watched edge happens. */
typedef void (*drv_gpio_irq_fn)(unsigned pin, void *arg);

/** Number of pins. Any context. */
unsigned drv_gpio_count(void);

/** The pin's name, or NULL for a bad pin. Any context. */
const char *drv_gpio_name(unsigned pin);

/** Finds a pin by name; returns its number or -EINVAL. Any context. */
int drv_gpio_find(const char *name);

/** Sets the pin's mode. Returns 0; -EINVAL; -ENOTSUP (mode not available). Any context. */
int drv_gpio_config(unsigned pin, enum drv_gpio_mode mode);

/**
 * Drives an output. On an output-capable pin configured as input, it sets the level the pin
 * will drive once it is made an output (so an output can start at a given level without a
 * glitch). Returns 0; -EINVAL; -ENOTSUP (the pin cannot be an output). Any context.
 */
int drv_gpio_write(unsigned pin, bool value);

/**
 * Selects the pin's pull resistor (what an undriven input reads). Returns 0; -EINVAL;
 * -ENOTSUP (this pin has no such resistor). Any context.
 */
int drv_gpio_pull(unsigned pin, enum drv_gpio_pull pull);

/** Reads the pin's level (an output reads what it drives). Returns 0 or 1; -EINVAL. Any. */
int drv_gpio_read(unsigned pin);

/**
 * Calls fn(pin, arg) in interrupt context on the given edges (fn NULL: stop watching).
 * Returns 0; -EINVAL; -ENOTSUP (the board cannot interrupt on this pin). Context: any.
 */
int drv_gpio_irq(unsigned pin, enum drv_gpio_edge edges, drv_gpio_irq_fn fn, void *arg);

#endif // DRIVERS_GPIO_H
