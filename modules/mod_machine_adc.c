// modules/mod_machine_adc.c: machine.ADC on drivers/adc.h, with the ESP32's API so ESP32
// scripts run unchanged: atten() selects the full scale (ATTN_0DB 1.1 V, ATTN_2_5DB 1.5 V,
// ATTN_6DB 2.2 V, ATTN_11DB 3.9 V; the default is ATTN_0DB as on the ESP32), width() the
// resolution of read() (9-12 bits, default 12). Every reading is one 12-bit conversion of
// the pin's voltage (clamped to the full scale): read() returns it at the set width,
// read_u16() scales it to 0-65535, read_uv() converts it back to microvolts.
#include <errno.h>

#include "drivers/adc.h"
#include "modules/kthread.h"
#include "modules/mod_machine.h"
#include "py/runtime.h"

enum { ATTN_0DB, ATTN_2_5DB, ATTN_6DB, ATTN_11DB };
enum { WIDTH_9BIT, WIDTH_10BIT, WIDTH_11BIT, WIDTH_12BIT };

static const uint32_t full_scale_uv[] = {1100000, 1500000, 2200000, 3900000};

typedef struct machine_adc {
    py_obj base;
    uint16_t pin;
    uint8_t atten;
    uint8_t bits; // read()'s width: 9..12
} machine_adc;

static void set_atten(machine_adc *a, py_val v) {
    py_int_t at = py_get_int(v);
    if (at < ATTN_0DB || at > ATTN_11DB) {
        py_raise_msg(&py_type_ValueError, "invalid attenuation");
    }
    a->atten = (uint8_t)at;
}

static py_val adc_make_new(const py_type *type, size_t n_args, size_t n_kw, const py_val *args) {
    (void)type;
    static const py_arg_spec spec[] = {
        {PY_QSTR_pin, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_atten, PY_ARG_KW_ONLY, PY_NONE},
    };
    py_val a[2];
    py_arg_parse("ADC", n_args, n_kw, args, 0, spec, 2, a);
    py_val id = a[0];
    if (!py_is_int(id)) {
        id = py_load_attr(id, PY_QSTR_id); // a Pin
    }
    py_int_t pin = py_get_int(id);
    if (pin < 0 || pin > 0xffff || !drv_adc_valid((unsigned)pin)) {
        py_raise_msg(&py_type_ValueError, "invalid Pin for ADC");
    }
    machine_adc *adc = py_new(machine_adc, &mod_machine_adc_type);
    adc->pin = (uint16_t)pin;
    adc->atten = ATTN_0DB;
    adc->bits = 12;
    if (a[1] != PY_NONE) {
        set_atten(adc, a[1]);
    }
    return (py_val)adc;
}

// One conversion: 0..4095.
static uint32_t sample12(machine_adc *a) {
    uint32_t uv = 0;
    mod_kthread_charge(); // sampled now, after the bytecodes so far
    int err = drv_adc_read_uv(a->pin, &uv);
    if (err) {
        mod_machine_raise_errno(err, "ADC read");
    }
    uint32_t fs = full_scale_uv[a->atten];
    if (uv > fs) {
        uv = fs;
    }
    return (uint32_t)(((uint64_t)uv * 4095u + fs / 2) / fs);
}

static py_val adc_read(py_val self) {
    machine_adc *a = (machine_adc *)self;
    return py_small((py_int_t)(sample12(a) >> (12 - a->bits)));
}
static PY_FN_OBJ_1(adc_read_obj, read, adc_read);

static py_val adc_read_u16(py_val self) {
    uint32_t raw = sample12((machine_adc *)self);
    return py_small((py_int_t)((raw * 65535u + 2047u) / 4095u));
}
static PY_FN_OBJ_1(adc_read_u16_obj, read_u16, adc_read_u16);

static py_val adc_read_uv(py_val self) {
    machine_adc *a = (machine_adc *)self;
    uint64_t raw = sample12(a);
    return py_int_from((py_int_t)((raw * full_scale_uv[a->atten] + 2047u) / 4095u));
}
static PY_FN_OBJ_1(adc_read_uv_obj, read_uv, adc_read_uv);

static py_val adc_atten(py_val self, py_val at) {
    set_atten((machine_adc *)self, at);
    return PY_NONE;
}
static PY_FN_OBJ_2(adc_atten_obj, atten, adc_atten);

static py_val adc_width(py_val self, py_val w) {
    py_int_t width = py_get_int(w);
    if (width < WIDTH_9BIT || width > WIDTH_12BIT) {
        py_raise_msg(&py_type_ValueError, "invalid width");
    }
    ((machine_adc *)self)->bits = (uint8_t)(9 + width);
    return PY_NONE;
}
static PY_FN_OBJ_2(adc_width_obj, width, adc_width);

static void adc_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "ADC(Pin(%d))", (int)((machine_adc *)self)->pin);
}

static const py_dict_entry adc_locals_table[] = {
    PY_ROM_ENTRY(read, &adc_read_obj),
    PY_ROM_ENTRY(read_u16, &adc_read_u16_obj),
    PY_ROM_ENTRY(read_uv, &adc_read_uv_obj),
    PY_ROM_ENTRY(atten, &adc_atten_obj),
    PY_ROM_ENTRY(width, &adc_width_obj),
    PY_ROM_ENTRY(ATTN_0DB, py_small_const(ATTN_0DB)),
    PY_ROM_ENTRY(ATTN_2_5DB, py_small_const(ATTN_2_5DB)),
    PY_ROM_ENTRY(ATTN_6DB, py_small_const(ATTN_6DB)),
    PY_ROM_ENTRY(ATTN_11DB, py_small_const(ATTN_11DB)),
    PY_ROM_ENTRY(WIDTH_9BIT, py_small_const(WIDTH_9BIT)),
    PY_ROM_ENTRY(WIDTH_10BIT, py_small_const(WIDTH_10BIT)),
    PY_ROM_ENTRY(WIDTH_11BIT, py_small_const(WIDTH_11BIT)),
    PY_ROM_ENTRY(WIDTH_12BIT, py_small_const(WIDTH_12BIT)),
};
static PY_ROM_DICT(adc_locals, adc_locals_table);

const py_type mod_machine_adc_type = {
    .base = {&py_type_type},
    .name = PY_QSTR_ADC,
    .flags = PY_TF_EQ_ID,
    .print = adc_print,
    .make_new = adc_make_new,
    .locals = (py_dict *)&adc_locals,
    .base_type = &py_type_object,
};
