// boards/sim/scenario.c: the scenario file (rtpy --board=FILE): what the outside world does to
// the simulated board over virtual time. One statement a line (docs/board-sim.md):
//
//     [at TIME | every PERIOD [from TIME] [until TIME]]  ACTION
//     ACTION:  pin P = 0|1|z      pin P toggle      pin P pulse 0|1 WIDTH
//              adc P = VOLTS      adc P sine OFFSET AMPLITUDE FREQ
//              adc P square LOW HIGH FREQ           adc P ramp FROM TO over DURATION
//              uartN "bytes"
//
// Events are kept in one array and fired by a single simulated interrupt scheduled at the
// earliest pending one; events due at the same instant fire in file order. A malformed file
// is reported as FILE:LINE: message and rejected as a whole (nothing is scheduled).
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <rtos/kernel.h>
#include <rtos/sim.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "boards/sim/sim_priv.h"
#include "drivers/adc.h"
#include "drivers/gpio.h"

enum action_kind { A_PIN_SET, A_PIN_TOGGLE, A_PIN_PULSE, A_PIN_RESTORE, A_ADC, A_UART };

struct event {
    uint64_t next;   // virtual ns of the next firing
    uint64_t period; // 0: once
    uint64_t until;  // last time a repeating event may fire
    uint64_t seq;    // file order (ties)
    bool done;
    uint8_t kind;    // enum action_kind
    unsigned target; // pin or UART number
    int level;       // pin levels (-1: released)
    uint64_t width;  // pulse width
    struct board_sim_wave wave;
    uint8_t *bytes;
    size_t n;
};

static struct {
    struct event *ev;
    size_t n, cap;
    uint64_t seq;
    struct k_sim_irq irq;
    bool irq_ready; // irq initialised (by a file, or by the first line from the control channel)
} SC;

// ---- firing ------------------------------------------------------------------------------------
static struct event *add_event(void) {
    for (size_t i = 0; i < SC.n; i++) {
        if (SC.ev[i].done && SC.ev[i].kind == A_PIN_RESTORE) {
            return &SC.ev[i]; // recycle a spent pulse end
        }
    }
    if (SC.n == SC.cap) {
        size_t cap = SC.cap ? SC.cap * 2 : 16;
        struct event *p = realloc(SC.ev, cap * sizeof *p);
        if (!p) {
            return NULL;
        }
        SC.ev = p;
        SC.cap = cap;
    }
    struct event *e = &SC.ev[SC.n++];
    memset(e, 0, sizeof *e);
    return e;
}

static void fire(struct event *e, uint64_t now) {
    switch (e->kind) {
    case A_PIN_SET:
    case A_PIN_RESTORE: board_sim_pin_drive(e->target, e->level); break;
    case A_PIN_TOGGLE: board_sim_pin_drive(e->target, !drv_gpio_read(e->target)); break;
    case A_PIN_PULSE: {
        int prev = board_sim_pin_drive(e->target, e->level);
        uint64_t end = now + e->width;
        unsigned pin = e->target;
        struct event *r = add_event(); // may move SC.ev: e is not used after this
        if (r) {
            *r = (struct event){
                .next = end, .seq = SC.seq++, .kind = A_PIN_RESTORE, .target = pin, .level = prev};
        }
        break;
    }
    case A_ADC: {
        struct board_sim_wave w = e->wave;
        w.t0_ns = now;
        board_sim_adc_set(e->target, &w);
        break;
    }
    case A_UART: board_sim_uart_feed(e->target, e->bytes, e->n); break;
    }
}

// The earliest pending event (ties: file order), or NULL.
static struct event *earliest(void) {
    struct event *best = NULL;
    for (size_t i = 0; i < SC.n; i++) {
        struct event *e = &SC.ev[i];
        if (!e->done &&
            (!best || e->next < best->next || (e->next == best->next && e->seq < best->seq))) {
            best = e;
        }
    }
    return best;
}

static void scenario_isr(void *arg) {
    (void)arg;
    uint64_t now = k_sim_now_ns();
    for (;;) {
        struct event *e = earliest();
        if (!e || e->next > now) {
            break;
        }
        size_t idx = (size_t)(e - SC.ev);
        if (e->period && e->next + e->period <= e->until) {
            e->next += e->period;
        } else {
            e->done = true;
        }
        fire(&SC.ev[idx], now);
    }
    struct event *e = earliest();
    if (e) {
        k_sim_irq_at(&SC.irq, e->next);
    }
}

// ---- parsing
// -------------------------------------------------------------------------------------
#define MAX_TOKENS 16

struct token {
    char *s;     // NUL-terminated text (strings: decoded bytes)
    size_t len;  // strings: byte count
    bool string; // was quoted
};

struct parser {
    const char *path;
    unsigned line;
    struct token tok[MAX_TOKENS];
    int ntok;
    int pos;
    char *err; // not NULL: messages go here (control channel), not to stderr
    size_t errlen;
};

__attribute__((format(printf, 2, 3))) static int fail(struct parser *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (p->err) {
        vsnprintf(p->err, p->errlen, fmt, ap);
        va_end(ap);
        return -1;
    }
    fprintf(stderr, "%s:%u: ", p->path, p->line);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return -1;
}

// A word of the file made fit for an error message: at most 24 characters, non-printable
// bytes escaped. Returns a static buffer (one message at a time).
static const char *show(const char *w) {
    static char buf[24 * 4 + 4];
    size_t o = 0;
    for (size_t i = 0; w[i] && i < 24; i++) {
        unsigned char c = (unsigned char)w[i];
        o += (size_t)snprintf(buf + o, sizeof buf - o, c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
    }
    if (strlen(w) > 24 && o + 4 <= sizeof buf) {
        memcpy(buf + o, "...", 4);
    }
    return buf;
}

static int hexval(int c) {
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

// Splits a line in place into tokens; quoted strings are decoded in place. '#' outside a
// string starts a comment.
static int tokenize(struct parser *p, char *s) {
    p->ntok = 0;
    p->pos = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
            s++;
        }
        if (*s == 0 || *s == '#') {
            return 0;
        }
        if (p->ntok == MAX_TOKENS) {
            return fail(p, "too many words on the line");
        }
        struct token *t = &p->tok[p->ntok++];
        if (*s == '"') {
            char *out = ++s;
            t->s = out;
            t->string = true;
            for (;;) {
                char c = *s++;
                if (c == 0 || c == '\n' || c == '\r') {
                    return fail(p, "unterminated string");
                }
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    char e = *s++;
                    switch (e) {
                    case 'n': c = '\n'; break;
                    case 'r': c = '\r'; break;
                    case 't': c = '\t'; break;
                    case '0': c = 0; break;
                    case '\\': c = '\\'; break;
                    case '"': c = '"'; break;
                    case 'x': {
                        int h = hexval((unsigned char)s[0]),
                            l = h < 0 ? -1 : hexval((unsigned char)s[1]);
                        if (h < 0 || l < 0) {
                            return fail(p, "bad \\x escape (two hex digits expected)");
                        }
                        c = (char)(h * 16 + l);
                        s += 2;
                        break;
                    }
                    default: return fail(p, "unknown escape '\\%c' in string", e ? e : '0');
                    }
                }
                *out++ = c;
            }
            t->len = (size_t)(out - t->s);
            if (*s != 0 && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n' && *s != '#') {
                return fail(p, "text after a closing quote");
            }
            *out = 0; // the closing quote's place, or before it
        } else {
            t->s = s;
            t->string = false;
            while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n' && *s != '#') {
                s++;
            }
            t->len = (size_t)(s - t->s);
            if (*s == '#') {
                *s = 0;
                return 0;
            }
            if (*s) {
                *s++ = 0;
            }
        }
    }
}

static const char *peek(struct parser *p) {
    return p->pos < p->ntok ? p->tok[p->pos].s : NULL;
}

static bool accept(struct parser *p, const char *word) {
    if (p->pos < p->ntok && !p->tok[p->pos].string && strcmp(p->tok[p->pos].s, word) == 0) {
        p->pos++;
        return true;
    }
    return false;
}

struct unit {
    const char *name;
    double scale;
};
static const struct unit time_units[] = {
    {"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}, {NULL, 0}};
static const struct unit volt_units[] = {{"V", 1}, {"mV", 1e-3}, {"uV", 1e-6}, {NULL, 0}};
static const struct unit freq_units[] = {{"Hz", 1}, {"kHz", 1e3}, {"MHz", 1e6}, {NULL, 0}};

// A number with one of the units; `what` names it in errors ("time", ...).
static int number(struct parser *p, const struct unit *units, const char *what, const char *eg,
                  double *out) {
    const char *s = peek(p);
    if (!s || p->tok[p->pos].string) {
        return fail(p, "%s expected (e.g. %s)", what, eg);
    }
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || errno || !isfinite(v) || isalpha((unsigned char)*s)) {
        return fail(p, "bad %s '%s' (e.g. %s)", what, show(s), eg);
    }
    for (const struct unit *u = units; u->name; u++) {
        if (strcmp(end, u->name) == 0) {
            *out = v * u->scale;
            p->pos++;
            return 0;
        }
    }
    return fail(p, "bad %s '%s': a unit is needed (e.g. %s)", what, show(s), eg);
}

static int time_ns(struct parser *p, const char *what, uint64_t *out) {
    double v;
    if (number(p, time_units, what, "100ms, 2s, 1.5us", &v)) {
        return -1;
    }
    if (v < 0 || v > 1e18) {
        return fail(p, "%s out of range", what);
    }
    *out = (uint64_t)llround(v);
    return 0;
}

static int volts(struct parser *p, double *out) {
    return number(p, volt_units, "voltage", "1.65V, 500mV", out);
}

static int freq(struct parser *p, double *out) {
    if (number(p, freq_units, "frequency", "2Hz, 1kHz", out)) {
        return -1;
    }
    return *out > 0 ? 0 : fail(p, "frequency must be above 0");
}

static int pin_number(struct parser *p, unsigned *out) {
    const char *s = peek(p);
    if (!s || p->tok[p->pos].string) {
        return fail(p, "pin number expected");
    }
    char *end;
    long n = strtol(s, &end, 10);
    if (end != s && *end == 0) {
        if (n < 0 || (unsigned long)n >= drv_gpio_count()) {
            return fail(p, "no pin %s (pins are 0-%u)", show(s), drv_gpio_count() - 1);
        }
    } else {
        n = drv_gpio_find(s);
        if (n < 0) {
            return fail(p, "no pin named '%s'", show(s));
        }
    }
    p->pos++;
    *out = (unsigned)n;
    return 0;
}

static int level(struct parser *p, int *out) {
    const char *s = peek(p);
    if (s && !p->tok[p->pos].string &&
        (strcmp(s, "0") == 0 || strcmp(s, "1") == 0 || strcmp(s, "z") == 0)) {
        *out = s[0] == 'z' ? -1 : s[0] - '0';
        p->pos++;
        return 0;
    }
    return fail(p, "level expected: 0, 1 or z (released)");
}

static int parse_action(struct parser *p, struct event *e) {
    const char *w = peek(p);
    if (!w || p->tok[p->pos].string) {
        return fail(p, "an action is expected: pin, adc or uartN");
    }
    if (accept(p, "pin")) {
        if (pin_number(p, &e->target)) {
            return -1;
        }
        if (accept(p, "=")) {
            e->kind = A_PIN_SET;
            return level(p, &e->level);
        }
        if (accept(p, "toggle")) {
            e->kind = A_PIN_TOGGLE;
            return 0;
        }
        if (accept(p, "pulse")) {
            e->kind = A_PIN_PULSE;
            if (level(p, &e->level)) {
                return -1;
            }
            if (e->level < 0) {
                return fail(p, "a pulse drives 0 or 1");
            }
            if (time_ns(p, "pulse width", &e->width)) {
                return -1;
            }
            return e->width ? 0 : fail(p, "pulse width must be above 0");
        }
        return fail(p, "after 'pin N': '= LEVEL', 'toggle' or 'pulse LEVEL WIDTH'");
    }
    if (accept(p, "adc")) {
        if (pin_number(p, &e->target)) {
            return -1;
        }
        if (!drv_adc_valid(e->target)) {
            return fail(p, "pin %u is not an ADC input (those are %u-%u)", e->target, SIM_ADC_FIRST,
                        SIM_ADC_LAST);
        }
        e->kind = A_ADC;
        struct board_sim_wave *wv = &e->wave;
        if (accept(p, "=")) {
            wv->kind = SIM_WAVE_CONST;
            return volts(p, &wv->a);
        }
        if (accept(p, "sine")) {
            wv->kind = SIM_WAVE_SINE;
            return volts(p, &wv->a) || volts(p, &wv->b) || freq(p, &wv->c) ? -1 : 0;
        }
        if (accept(p, "square")) {
            wv->kind = SIM_WAVE_SQUARE;
            return volts(p, &wv->a) || volts(p, &wv->b) || freq(p, &wv->c) ? -1 : 0;
        }
        if (accept(p, "ramp")) {
            wv->kind = SIM_WAVE_RAMP;
            uint64_t d;
            if (volts(p, &wv->a) || volts(p, &wv->b)) {
                return -1;
            }
            if (!accept(p, "over")) {
                return fail(p, "'over DURATION' expected after the ramp's voltages");
            }
            if (time_ns(p, "ramp duration", &d)) {
                return -1;
            }
            if (d == 0) {
                return fail(p, "ramp duration must be above 0");
            }
            wv->d = (double)d / 1e9;
            return 0;
        }
        return fail(p, "after 'adc N': '= VOLTS', 'sine', 'square' or 'ramp'");
    }
    if (strncmp(w, "uart", 4) == 0) {
        char *end;
        unsigned long id = strtoul(w + 4, &end, 10);
        if (end == w + 4 || *end || id >= SIM_UART_COUNT) {
            return fail(p, "no UART '%s' (uart0-uart%u)", show(w), SIM_UART_COUNT - 1);
        }
        p->pos++;
        if (p->pos >= p->ntok || !p->tok[p->pos].string) {
            return fail(p, "a quoted string is expected after %s", show(w));
        }
        struct token *t = &p->tok[p->pos++];
        e->kind = A_UART;
        e->target = (unsigned)id;
        e->n = t->len;
        e->bytes = malloc(t->len ? t->len : 1);
        if (!e->bytes) {
            return fail(p, "out of memory");
        }
        memcpy(e->bytes, t->s, t->len);
        return 0;
    }
    return fail(p, "unknown action '%s' (pin, adc or uartN)", show(w));
}

static int parse_line(struct parser *p, struct event *e) {
    e->until = UINT64_MAX;
    if (accept(p, "at")) {
        if (time_ns(p, "time", &e->next)) {
            return -1;
        }
    } else if (accept(p, "every")) {
        if (time_ns(p, "period", &e->period)) {
            return -1;
        }
        if (e->period == 0) {
            return fail(p, "period must be above 0");
        }
        e->next = e->period;
        if (accept(p, "from") && time_ns(p, "start time", &e->next)) {
            return -1;
        }
        if (accept(p, "until") && time_ns(p, "end time", &e->until)) {
            return -1;
        }
        if (e->until < e->next) {
            return fail(p, "'until' is before the first time");
        }
    }
    if (parse_action(p, e)) {
        return -1;
    }
    if (p->pos < p->ntok) {
        return fail(p, "unexpected '%s' at the end of the line", show(p->tok[p->pos].s));
    }
    return 0;
}

int board_sim_scenario_load(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "rtpy: can't open board scenario '%s': %s\n", path, strerror(errno));
        return -1;
    }
    k_sim_irq_init(&SC.irq, scenario_isr, NULL);
    k_sim_irq_set_name(&SC.irq, "scenario");
    SC.irq_ready = true;
    struct parser p = {.path = path};
    char *line = NULL;
    size_t cap = 0;
    int rc = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        p.line++;
        if (strlen(line) != (size_t)got) {
            rc = fail(&p, "NUL byte in the line");
            break;
        }
        if (tokenize(&p, line)) {
            rc = -1;
            break;
        }
        if (p.ntok == 0) {
            continue;
        }
        struct event *e = add_event();
        if (!e) {
            rc = fail(&p, "out of memory");
            break;
        }
        e->seq = SC.seq++;
        if (parse_line(&p, e)) {
            free(e->bytes);
            SC.n--;
            rc = -1;
            break;
        }
    }
    if (rc == 0 && ferror(f)) {
        fprintf(stderr, "rtpy: can't read board scenario '%s': %s\n", path, strerror(errno));
        rc = -1;
    }
    free(line);
    fclose(f);
    if (rc) {
        for (size_t i = 0; i < SC.n; i++) {
            free(SC.ev[i].bytes);
        }
        free(SC.ev);
        memset(&SC, 0, sizeof SC);
        return -1;
    }
    struct event *first = earliest();
    if (first) {
        k_sim_irq_at(&SC.irq, first->next);
    }
    return 0;
}

// One statement from the control channel (control.c), its times counted from now. Context:
// ISR (the control channel's interrupt), so it is ordered with the scenario's own events.
int board_sim_scenario_apply(char *line, char *err, size_t errlen) {
    struct parser p = {.path = "control", .line = 1, .err = err, .errlen = errlen};
    if (tokenize(&p, line)) {
        return -1;
    }
    if (p.ntok == 0) {
        return 0;
    }
    struct event e;
    memset(&e, 0, sizeof e);
    if (parse_line(&p, &e)) {
        free(e.bytes);
        return -1;
    }
    uint64_t now = k_sim_now_ns();
    e.next += now;
    if (e.until != UINT64_MAX) {
        e.until += now;
    }
    e.seq = SC.seq++;
    if (!SC.irq_ready) {
        k_sim_irq_init(&SC.irq, scenario_isr, NULL);
        k_sim_irq_set_name(&SC.irq, "scenario");
        SC.irq_ready = true;
    }
    struct event *slot = add_event();
    if (!slot) {
        free(e.bytes);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    *slot = e;
    k_sim_irq_at(&SC.irq, earliest()->next);
    return 0;
}
