// drivers/adc.h: analog inputs. A channel is named by its pin number; the driver returns
// the voltage at the pin (the board's converter resolution applies); the machine module
// turns it into read_u16/read/read_uv as MicroPython and ESP32 scripts expect.
#ifndef DRIVERS_ADC_H
#define DRIVERS_ADC_H

#include <stdbool.h>
#include <stdint.h>

/** True if the pin is an analog input. Any context. */
bool drv_adc_valid(unsigned pin);
/** Full-scale input of the converter in microvolts (e.g. 3300000). Any context. */
uint32_t drv_adc_full_scale_uv(unsigned pin);
/** Samples the pin: microvolts, clamped to 0..full scale. Returns 0 or -EINVAL. Thread or ISR. */
int drv_adc_read_uv(unsigned pin, uint32_t *uv);

#endif // DRIVERS_ADC_H
