// modules/mod_random.c: the random module: MicroPython's functions (seed, getrandbits,
// randrange, randint, random, uniform, choice) plus shuffle and sample, with CPython 3.11's
// argument rules and errors. The generator is xoshiro128++ (Blackman and Vigna: 128 bits of
// state, period 2**128 - 1, 32-bit operations only: fast on a Cortex-M3), so the numbers differ
// from CPython's Mersenne Twister on purpose; a given seed always gives the same sequence.
// Seeds: None (the clock), ints of any size (by absolute value, as CPython), float (by hash),
// str/bytes/bytearray (by their bytes; a str and its UTF-8 bytes seed alike, as in CPython).
// The state is plain C statics (no heap pointers); the interpreter lock serialises use.
#include <rtos/kernel.h>
#include <string.h>

#include "modules/modules.h"
#include "py/objbytes.h"
#include "py/nlr.h"
#include "py/objint.h"
#include "py/runtime.h"

static uint32_t state[4];
static bool seeded;

static uint32_t rotl(uint32_t x, unsigned k) {
    return (x << k) | (x >> (32 - k));
}

// xoshiro128++
static uint32_t next32(void) {
    uint32_t *s = state;
    uint32_t r = rotl(s[0] + s[3], 7) + s[0];
    uint32_t t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return r;
}

// ---- seeding
// ---------------------------------------------------------------------------------------- The seed
// material is absorbed into a 64-bit accumulator with a mixing step (splitmix64's finaliser) per
// 32-bit word, a tag first so ints and bytes of equal value seed differently; splitmix64 then
// expands it to the four state words (never all zero).
static uint64_t mix64(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t absorb(uint64_t acc, uint32_t w) {
    return mix64(acc ^ (w + 0x9e3779b97f4a7c15u));
}

static void seed_from(uint64_t acc) {
    for (int i = 0; i < 4; i += 2) {
        acc += 0x9e3779b97f4a7c15u;
        uint64_t z = mix64(acc);
        state[i] = (uint32_t)z;
        state[i + 1] = (uint32_t)(z >> 32);
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
        state[0] = 1;
    }
    seeded = true;
}

static void seed_time(void) {
    static uint32_t calls;
    uint64_t acc = absorb(1, ++calls);
    uint64_t t = (uint64_t)py_port_time_ns() ^ k_uptime_us();
    acc = absorb(absorb(acc, (uint32_t)t), (uint32_t)(t >> 32));
    seed_from(acc);
}

static void ensure_seeded(void) {
    if (!seeded) {
        seed_time();
    }
}

static void seed_int(py_val i) {
    py_ival a;
    py_ival_get(&a, i); // the magnitude: seed(-n) is seed(n)
    uint64_t acc = absorb(2, (uint32_t)a.n);
    for (size_t k = 0; k < a.n; k++) {
        acc = absorb(acc, a.d[k]);
    }
    seed_from(acc);
}

static py_val random_seed(size_t n_args, const py_val *args) {
    py_val a = n_args ? args[0] : PY_NONE;
    py_val i = py_int_unwrap(a);
    py_buffer b;
    if (a == PY_NONE) {
        seed_time();
    } else if (i != PY_NULL) {
        seed_int(i);
    } else if (py_is_obj(a) && a->type == &py_type_float) {
        seed_int(py_int_from((py_int_t)py_hash(a)));
    } else if (py_is_str(a) || py_bytes_is_bytes_like(a)) {
        const uint8_t *p;
        size_t len;
        if (py_is_str(a)) {
            p = (const uint8_t *)py_get_str(a, &len);
        } else {
            py_get_buffer(a, &b, PY_BUFFER_READ);
            p = b.buf;
            len = b.len;
        }
        uint64_t acc = absorb(3, (uint32_t)len);
        for (size_t k = 0; k < len; k += 4) {
            uint32_t w = 0;
            for (size_t j = 0; j < 4 && k + j < len; j++) {
                w |= (uint32_t)p[k + j] << (8 * j);
            }
            acc = absorb(acc, w);
        }
        seed_from(acc);
    } else {
        py_raise_msg(
            &py_type_TypeError,
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    return PY_NONE;
}
static PY_FN_OBJ_VAR(random_seed_obj, seed, 0, 2, random_seed);

// ---- ints
// ------------------------------------------------------------------------------------------ A
// non-negative int of `bits` random bits.
static py_val randbits(size_t bits) {
    ensure_seeded();
    if (bits <= 32) {
        return bits ? py_int_from_ull(next32() >> (32 - bits)) : py_small(0);
    }
    size_t n = (bits + 31) / 32;
    py_tmp t;
    py_mpz_dig *d = py_tmp_get(&t, n);
    for (size_t k = 0; k < n; k++) {
        d[k] = next32();
    }
    if (bits % 32) {
        d[n - 1] >>= 32 - bits % 32;
    }
    py_val r = py_int_from_digits(false, d, n);
    py_tmp_free(&t);
    return r;
}

static py_val random_getrandbits(py_val k) {
    py_int_t bits = py_get_int(k);
    if (bits < 0) {
        py_raise_msg(&py_type_ValueError, "number of bits must be non-negative");
    }
    return randbits((size_t)bits);
}
static PY_FN_OBJ_1(random_getrandbits_obj, getrandbits, random_getrandbits);

// A uniform int in [0, n) for an int n > 0: rejection sampling on n's bit length.
static py_val randbelow(py_val n) {
    ensure_seeded();
    if (py_is_small(n) && py_small_get(n) <= (py_int_t)0x7fffffff) {
        uint32_t m = (uint32_t)py_small_get(n), bits = 32 - (uint32_t)__builtin_clz(m);
        for (;;) {
            uint32_t r = next32() >> (32 - bits);
            if (r < m) {
                return py_small((py_int_t)r);
            }
        }
    }
    py_ival a;
    py_ival_get(&a, n);
    size_t bits = py_mpz_bit_length(a.d, a.n);
    for (;;) {
        py_val r = randbits(bits);
        if (py_less(r, n)) {
            return r;
        }
    }
}

// randrange's argument: an int, or an integral value int() accepts (a float, as CPython 3.11
// still allows); ValueError "non-integer <what> for randrange()" otherwise.
static py_val range_arg(py_val v, const char *what) {
    py_val i = py_int_unwrap(v);
    if (i != PY_NULL) {
        return i;
    }
    const py_type *t = py_typeof(v);
    i = t->unary_op ? t->unary_op(PY_UOP_INDEX, v) : PY_NULL;
    if (i != PY_NULL) {
        return i;
    }
    py_nlr nlr;
    volatile py_val iv = PY_NULL;
    if (py_nlr_push(&nlr) == 0) {
        iv = py_call1((py_val)&py_type_int, v);
        py_nlr_pop();
    }
    if (iv == PY_NULL || !py_equal(iv, v)) {
        py_raise_fmt(&py_type_ValueError, "non-integer %s for randrange()", what);
    }
    return iv;
}

static py_val randrange(py_val start, py_val stop, py_val step) {
    py_val istart = range_arg(start, "arg 1");
    if (stop == PY_NONE) {
        if (step != PY_NULL && !py_equal(step, py_small(1))) {
            py_raise_msg(&py_type_TypeError, "Missing a non-None stop argument");
        }
        if (py_int_sign(istart) > 0) {
            return randbelow(istart);
        }
        py_raise_msg(&py_type_ValueError, "empty range for randrange()");
    }
    py_val istop = range_arg(stop, "stop");
    py_val width = py_binary_op(PY_OP_SUB, istop, istart);
    py_val istep = step ? range_arg(step, "step") : py_small(1);
    if (istep == py_small(1)) {
        if (py_int_sign(width) > 0) {
            return py_binary_op(PY_OP_ADD, istart, randbelow(width));
        }
        py_raise_fmt(&py_type_ValueError, "empty range for randrange() (%S, %S, %S)", istart, istop,
                     width);
    }
    int sign = py_int_sign(istep);
    if (sign == 0) {
        py_raise_msg(&py_type_ValueError, "zero step for randrange()");
    }
    // n = ceil(width / step), the number of values
    py_val adj = py_binary_op(PY_OP_ADD, istep, py_small(sign > 0 ? -1 : 1));
    py_val n = py_binary_op(PY_OP_FLOORDIV, py_binary_op(PY_OP_ADD, width, adj), istep);
    if (py_int_sign(n) <= 0) {
        py_raise_msg(&py_type_ValueError, "empty range for randrange()");
    }
    return py_binary_op(PY_OP_ADD, istart, py_binary_op(PY_OP_MUL, istep, randbelow(n)));
}

static py_val random_randrange(size_t n_args, const py_val *args) {
    return randrange(args[0], n_args > 1 ? args[1] : PY_NONE, n_args > 2 ? args[2] : PY_NULL);
}
static PY_FN_OBJ_VAR(random_randrange_obj, randrange, 1, 3, random_randrange);

static py_val random_randint(py_val a, py_val b) {
    return randrange(a, py_binary_op(PY_OP_ADD, b, py_small(1)), PY_NULL);
}
static PY_FN_OBJ_2(random_randint_obj, randint, random_randint);

// ---- floats
// ---------------------------------------------------------------------------------------- A
// uniform double in [0, 1): 53 random bits.
static double random_double(void) {
    ensure_seeded();
    uint32_t a = next32() >> 5, b = next32() >> 6; // 27 + 26 bits
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

static py_val random_random(void) {
    return py_float_new(random_double());
}
static PY_FN_OBJ_0(random_random_obj, random, random_random);

// a + (b - a) * random(), with Python arithmetic as CPython (ints, floats, any numbers).
static py_val random_uniform(py_val a, py_val b) {
    py_val d = py_binary_op(PY_OP_SUB, b, a);
    return py_binary_op(PY_OP_ADD, a, py_binary_op(PY_OP_MUL, d, py_float_new(random_double())));
}
static PY_FN_OBJ_2(random_uniform_obj, uniform, random_uniform);

// ---- sequences
// -------------------------------------------------------------------------------------
static py_val random_choice(py_val seq) {
    size_t n = py_len(seq);
    if (n == 0) {
        py_raise_msg(&py_type_IndexError, "Cannot choose from an empty sequence");
    }
    return py_subscr_load(seq, randbelow(py_int_from((py_int_t)n)));
}
static PY_FN_OBJ_1(random_choice_obj, choice, random_choice);

// Fisher-Yates from the end, through the sequence protocol (lists, bytearrays, arrays, ...).
static py_val random_shuffle(py_val x) {
    size_t n = py_len(x);
    for (size_t i = n; i > 1; i--) {
        py_val j = randbelow(py_int_from((py_int_t)i));
        py_val iv = py_int_from((py_int_t)(i - 1));
        py_val a = py_subscr_load(x, iv), b = py_subscr_load(x, j);
        py_subscr_store(x, iv, b);
        py_subscr_store(x, j, a);
    }
    return PY_NONE;
}
static PY_FN_OBJ_1(random_shuffle_obj, shuffle, random_shuffle);

// k distinct positions of the population: a partial Fisher-Yates over a copy when k is a
// large part of it, else rejection of repeats through a set of chosen indices.
static py_val random_sample(size_t n_args, size_t n_kw, const py_val *args) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_population, PY_ARG_REQUIRED, PY_NULL},
        {PY_QSTR_k, PY_ARG_REQUIRED, PY_NULL},
    };
    py_val a[2];
    py_arg_parse("sample", n_args, n_kw, args, 0, spec, 2, a);
    py_val pop = a[0];
    // CPython wants a collections.abc.Sequence: the built-in sequences (and subclasses);
    // classes defined in Python are not registered as sequences
    const py_type *t = py_typeof(pop);
    if (t->flags & PY_TF_HEAP) {
        t = t->native;
    }
    if (t == NULL || t->subscr == NULL || t == &py_type_dict || t == &py_type_set ||
        t == &py_type_frozenset) {
        py_raise_msg(&py_type_TypeError,
                     "Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    size_t n = py_len(pop);
    py_int_t k;
    if (!py_index_maybe(a[1], &k)) {
        py_raise_fmt(&py_type_TypeError, "'%T' object cannot be interpreted as an integer", a[1]);
    }
    if (k < 0 || (size_t)k > n) {
        py_raise_msg(&py_type_ValueError, "Sample larger than population or is negative");
    }
    py_val result = py_list_new((size_t)k, NULL);
    py_val *out = ((py_list *)result)->items;
    if (n <= 4 * (size_t)k + 16) {
        py_val pool = py_list_new(0, NULL);
        py_list_extend(pool, pop);
        py_val *items = ((py_list *)pool)->items;
        for (py_int_t i = 0; i < k; i++) {
            size_t j = (size_t)py_small_get(randbelow(py_int_from((py_int_t)(n - (size_t)i))));
            out[i] = items[j];
            items[j] = items[n - (size_t)i - 1];
        }
        return result;
    }
    py_val chosen = py_set_new(0, NULL);
    for (py_int_t i = 0; i < k; i++) {
        py_val j;
        do {
            j = randbelow(py_int_from((py_int_t)n));
        } while (py_contains(chosen, j));
        py_set_add(chosen, j);
        out[i] = py_subscr_load(pop, j);
    }
    return result;
}
static PY_FN_OBJ_KW(random_sample_obj, sample, random_sample);

static const py_dict_entry random_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_random)),
    PY_ROM_ENTRY(seed, &random_seed_obj),
    PY_ROM_ENTRY(getrandbits, &random_getrandbits_obj),
    PY_ROM_ENTRY(randrange, &random_randrange_obj),
    PY_ROM_ENTRY(randint, &random_randint_obj),
    PY_ROM_ENTRY(random, &random_random_obj),
    PY_ROM_ENTRY(uniform, &random_uniform_obj),
    PY_ROM_ENTRY(choice, &random_choice_obj),
    PY_ROM_ENTRY(shuffle, &random_shuffle_obj),
    PY_ROM_ENTRY(sample, &random_sample_obj),
};
static PY_ROM_DICT(random_globals, random_table);

const py_module mod_random_module = {{&py_type_module}, (py_dict *)&random_globals};
