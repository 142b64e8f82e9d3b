// boards/sim/gpio.c: drivers/gpio.h on 40 simulated pins. A pin's level is computed from its
// mode and what drives it:
//   output (push-pull)        its output latch
//   open drain                0 if the latch is 0, else the line
//   input                     the line
// and the line is, in this order: the scenario's drive (board_sim_pin_drive), the board's
// external pull-up (pin 0, the button), the pin's internal pull, else 0. Every change of level
// is an edge; a watched edge raises the pin's simulated interrupt at that virtual time, so
// the handler runs at once (after the current handler, when the change came from one). An
// output's level changes (and its becoming an output) are traced as "pin N = L".
#include <errno.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boards/sim/sim_priv.h"
#include "boards/sim/trace.h"
#include "drivers/gpio.h"

struct pin {
    uint8_t mode;  // enum drv_gpio_mode
    uint8_t pull;  // enum drv_gpio_pull
    uint8_t latch; // output latch
    int8_t ext;    // scenario drive: 0, 1, or -1 (released)
    uint8_t level; // last computed level
    uint8_t watch; // enum drv_gpio_edge bits
    uint8_t edges; // watched edges not yet delivered
    drv_gpio_irq_fn fn;
    void *arg;
    struct k_sim_irq irq;
};

static struct pin pins[SIM_PIN_COUNT];
static char names[SIM_PIN_COUNT][8];

static bool is_output(const struct pin *p) {
    return p->mode == DRV_GPIO_OUT || p->mode == DRV_GPIO_OPEN_DRAIN;
}

static int line_level(unsigned n) {
    const struct pin *p = &pins[n];
    if (p->ext >= 0) {
        return p->ext;
    }
    if (n == SIM_PIN_BUTTON) {
        return 1;
    }
    return p->pull == DRV_GPIO_PULL_UP;
}

static int compute_level(unsigned n) {
    const struct pin *p = &pins[n];
    switch (p->mode) {
    case DRV_GPIO_OUT: return p->latch;
    case DRV_GPIO_OPEN_DRAIN: return p->latch ? line_level(n) : 0;
    default: return line_level(n);
    }
}

// The pin's interrupt: hands the watched edges seen since the last delivery to the callback.
static void pin_isr(void *arg) {
    struct pin *p = arg;
    unsigned n = (unsigned)(p - pins);
    uint8_t edges = p->edges;
    p->edges = 0;
    if (edges && p->fn) {
        p->fn(n, p->arg);
    }
}

// Recomputes the level after anything that may change it; `became_output` traces the level
// even when it did not change.
static void update(unsigned n, bool became_output) {
    struct pin *p = &pins[n];
    unsigned key = k_irq_lock();
    int lvl = compute_level(n);
    bool changed = lvl != p->level;
    p->level = (uint8_t)lvl;
    if ((changed || became_output) && is_output(p)) {
        board_sim_trace("pin %u = %d", n, lvl);
    }
    if (changed) {
        board_sim_vcd_pin(n, lvl); // the VCD has every pin, inputs too
    }
    if (changed) {
        uint8_t edge = lvl ? DRV_GPIO_EDGE_RISING : DRV_GPIO_EDGE_FALLING;
        if (p->watch & edge) {
            p->edges |= edge;
            k_sim_irq_raise(&p->irq); // taken at the unlock below (or after the current ISR)
        }
    }
    k_irq_unlock(key);
}

void board_sim_gpio_init(void) {
    for (unsigned n = 0; n < SIM_PIN_COUNT; n++) {
        struct pin *p = &pins[n];
        memset(p, 0, sizeof *p);
        p->mode = DRV_GPIO_IN;
        p->ext = -1;
        p->level = (uint8_t)compute_level(n);
        k_sim_irq_init(&p->irq, pin_isr, p);
        if (n == SIM_PIN_LED) {
            snprintf(names[n], sizeof names[n], "LED");
        } else if (n == SIM_PIN_BUTTON) {
            snprintf(names[n], sizeof names[n], "BUTTON");
        } else {
            snprintf(names[n], sizeof names[n], "GPIO%u", n);
        }
        k_sim_irq_set_name(&p->irq, names[n]);
    }
}

int board_sim_pin_drive(unsigned pin, int level) {
    if (pin >= SIM_PIN_COUNT) {
        return -1;
    }
    int prev = pins[pin].ext;
    pins[pin].ext = (int8_t)(level < 0 ? -1 : level != 0);
    update(pin, false);
    return prev;
}

// ---- drivers/gpio.h --------------------------------------------------------------------------
unsigned drv_gpio_count(void) {
    return SIM_PIN_COUNT;
}

const char *drv_gpio_name(unsigned pin) {
    return pin < SIM_PIN_COUNT ? names[pin] : NULL;
}

// "LED", "BUTTON", or "GPIOn" for any pin.
int drv_gpio_find(const char *name) {
    if (!name) {
        return -EINVAL;
    }
    for (unsigned n = 0; n < SIM_PIN_COUNT; n++) {
        if (strcmp(name, names[n]) == 0) {
            return (int)n;
        }
    }
    if (strncmp(name, "GPIO", 4) == 0 && name[4] >= '0' && name[4] <= '9') {
        char *end;
        unsigned long n = strtoul(name + 4, &end, 10);
        if (*end == 0 && n < SIM_PIN_COUNT) {
            return (int)n;
        }
    }
    return -EINVAL;
}

int drv_gpio_config(unsigned pin, enum drv_gpio_mode mode) {
    if (pin >= SIM_PIN_COUNT) {
        return -EINVAL;
    }
    if (mode != DRV_GPIO_IN && mode != DRV_GPIO_OUT && mode != DRV_GPIO_OPEN_DRAIN) {
        return -ENOTSUP;
    }
    if (mode != DRV_GPIO_IN && pin >= SIM_PIN_INPUT_ONLY_FIRST) {
        return -ENOTSUP;
    }
    struct pin *p = &pins[pin];
    bool became_output = !is_output(p) && mode != DRV_GPIO_IN;
    p->mode = (uint8_t)mode;
    update(pin, became_output);
    return 0;
}

int drv_gpio_write(unsigned pin, bool value) {
    if (pin >= SIM_PIN_COUNT) {
        return -EINVAL;
    }
    if (pin >= SIM_PIN_INPUT_ONLY_FIRST) {
        return -ENOTSUP;
    }
    pins[pin].latch = value;
    update(pin, false);
    return 0;
}

int drv_gpio_pull(unsigned pin, enum drv_gpio_pull pull) {
    if (pin >= SIM_PIN_COUNT) {
        return -EINVAL;
    }
    if (pull != DRV_GPIO_PULL_NONE && pull != DRV_GPIO_PULL_UP && pull != DRV_GPIO_PULL_DOWN) {
        return -ENOTSUP;
    }
    pins[pin].pull = (uint8_t)pull;
    update(pin, false);
    return 0;
}

int drv_gpio_read(unsigned pin) {
    if (pin >= SIM_PIN_COUNT) {
        return -EINVAL;
    }
    return pins[pin].level;
}

int drv_gpio_irq(unsigned pin, enum drv_gpio_edge edges, drv_gpio_irq_fn fn, void *arg) {
    if (pin >= SIM_PIN_COUNT) {
        return -EINVAL;
    }
    struct pin *p = &pins[pin];
    unsigned key = k_irq_lock();
    p->fn = fn;
    p->arg = arg;
    p->watch = fn ? (uint8_t)(edges & DRV_GPIO_EDGE_BOTH) : 0;
    p->edges &= p->watch;
    if (!p->edges) {
        (void)k_sim_irq_cancel(&p->irq);
    }
    k_irq_unlock(key);
    return 0;
}
