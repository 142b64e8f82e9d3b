// boards/sim/adc.c: drivers/adc.h on pins 32-39. Each input follows a waveform of virtual
// time (constant, sine, square, ramp) that the scenario sets; sampling evaluates it at the
// current instant, so readings are exact and repeatable. The converter's full scale is the
// 3.3 V supply; the machine module applies the ESP32-style attenuation and resolution.
// Default (no scenario line for the pin): a slow sine, 1.65 V +- 1.0 V at 0.1 Hz.
#include <errno.h>
#include <math.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>

#include "boards/sim/sim_priv.h"
#include "boards/sim/trace.h"
#include "drivers/adc.h"

#define N_ADC (SIM_ADC_LAST - SIM_ADC_FIRST + 1u)

static struct board_sim_wave waves[N_ADC];

void board_sim_adc_init(void) {
    for (unsigned i = 0; i < N_ADC; i++) {
        waves[i] = (struct board_sim_wave){SIM_WAVE_SINE, 1.65, 1.0, 0.1, 0, 0};
    }
}

void board_sim_adc_set(unsigned pin, const struct board_sim_wave *w) {
    if (drv_adc_valid(pin)) {
        waves[pin - SIM_ADC_FIRST] = *w;
    }
}

static double wave_volts(const struct board_sim_wave *w, uint64_t now_ns) {
    double t = now_ns > w->t0_ns ? (double)(now_ns - w->t0_ns) / 1e9 : 0.0;
    switch (w->kind) {
    case SIM_WAVE_SINE: return w->a + w->b * sin(2.0 * M_PI * w->c * t);
    case SIM_WAVE_SQUARE: return fmod(t * w->c, 1.0) < 0.5 ? w->a : w->b;
    case SIM_WAVE_RAMP: return t >= w->d ? w->b : w->a + (w->b - w->a) * (t / w->d);
    default: return w->a;
    }
}

bool drv_adc_valid(unsigned pin) {
    return pin >= SIM_ADC_FIRST && pin <= SIM_ADC_LAST;
}

uint32_t drv_adc_full_scale_uv(unsigned pin) {
    return drv_adc_valid(pin) ? SIM_VDD_UV : 0u;
}

int drv_adc_read_uv(unsigned pin, uint32_t *uv) {
    if (!drv_adc_valid(pin) || !uv) {
        return -EINVAL;
    }
    double v = wave_volts(&waves[pin - SIM_ADC_FIRST], k_sim_now_ns()) * 1e6;
    if (!(v > 0)) { // also NaN
        v = 0;
    }
    if (v > SIM_VDD_UV) {
        v = SIM_VDD_UV;
    }
    *uv = (uint32_t)llround(v);
    board_sim_vcd_adc(pin, v / 1e6);
    return 0;
}
