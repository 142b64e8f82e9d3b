// tests/kernel/harness.c: the portable half of the kernel test harness: case bookkeeping,
// assertions, the helper-stack pool, the event log. Runs unchanged on the host and on a target.
// A case passes when its function returns with no failure recorded and no helper thread left
// alive (every case must join what it spawns).
#include "tests/kernel/harness.h"

#include <stdio.h>
#include <string.h>

static K_STACK_DEFINE(test_stack, TH_STACK_BYTES);
static uint8_t pool[TH_STACK_COUNT][K_STACK_SIZE(TH_STACK_BYTES)]
    __attribute__((aligned(K_STACK_ALIGN)));

static struct {
    struct k_thread thread;
    const struct th_case *c;
    unsigned next_stack;
    bool failed;
    bool done;
    char msg[256];
    char log[1024];
    size_t log_len;
} th;

void th_case_fail_msg(const char *msg) {
    if (!th.failed) {
        th.failed = true;
        snprintf(th.msg, sizeof th.msg, "%s", msg);
    }
}

bool th_case_failed(void) {
    return th.failed;
}
bool th_case_done(void) {
    return th.done;
}
void th_case_mark_done(void) {
    th.done = true;
}

void th_fail(const char *file, int line, const char *what, long long a, long long b, int kind) {
    if (!th.failed) {
        th.failed = true;
        if (kind == 1)
            snprintf(th.msg, sizeof th.msg, "%s:%d: %s (%lld != %lld)", file, line, what, a, b);
        else if (kind == 2)
            snprintf(th.msg, sizeof th.msg, "%s:%d: %s (both %lld)", file, line, what, a);
        else
            snprintf(th.msg, sizeof th.msg, "%s:%d: %s", file, line, what);
    }
    if (!k_is_in_isr()) th_port_abort_case();
}

void th_str_eq(const char *file, int line, const char *got, const char *expect) {
    if (strcmp(got, expect) != 0) {
        char buf[200];
        snprintf(buf, sizeof buf, "log \"%.80s\" != \"%.80s\"", got, expect);
        th_fail(file, line, buf, 0, 0, 0);
    }
}

void *th_stack(void) {
    if (th.next_stack >= TH_STACK_COUNT)
        th_fail(__FILE__, __LINE__, "stack pool exhausted", 0, 0, 0);
    return pool[th.next_stack++];
}

size_t th_stack_size(void) {
    return sizeof pool[0];
}

void th_spawn(struct k_thread *t, k_thread_entry_t fn, void *arg, int prio, const char *name) {
    int err = k_thread_create(t, th_stack(), th_stack_size(), fn, arg, prio, name);
    if (err) th_fail(__FILE__, __LINE__, "th_spawn: k_thread_create", err, 0, 1);
}

void th_join(struct k_thread *t) {
    int err = k_thread_join(t, K_FOREVER);
    if (err) th_fail(__FILE__, __LINE__, "th_join", err, 0, 1);
}

void th_log_reset(void) {
    th.log_len = 0;
    th.log[0] = 0;
}

void th_log(const char *token) {
    unsigned key = k_irq_lock(); // ISRs log too
    size_t n = strlen(token);
    if (th.log_len + n + 2 < sizeof th.log) {
        if (th.log_len) th.log[th.log_len++] = ' ';
        memcpy(th.log + th.log_len, token, n);
        th.log_len += n;
        th.log[th.log_len] = 0;
    }
    k_irq_unlock(key);
}

const char *th_log_str(void) {
    return th.log;
}

void th_irq_init(struct th_irq *irq, void (*fn)(void *arg), void *arg) {
    irq->fn = fn;
    irq->arg = arg;
    th_port_irq_init(irq);
}

void th_irq_after_us(struct th_irq *irq, uint32_t us) {
    th_port_irq_after_us(irq, us);
}

static int count_helpers_alive;
static void count_alive(struct k_thread *t, void *arg) {
    struct k_thread_info i;
    if (t != arg && k_thread_info(t, &i) == 0 && !i.system) count_helpers_alive++;
}

static void case_entry(void *arg) {
    const struct th_case *c = arg;
    c->fn();
    count_helpers_alive = 0;
    k_thread_foreach(count_alive, &th.thread);
    if (count_helpers_alive)
        th_fail(__FILE__, __LINE__, "helper threads still alive at the end of the case",
                count_helpers_alive, 0, 1);
    th.done = true;
}

void th_case_begin(const struct th_case *c) {
    th.c = c;
    th.next_stack = 0;
    th.failed = false;
    th.done = false;
    th.msg[0] = 0;
    th_log_reset();
    int err = k_thread_create(&th.thread, test_stack, sizeof test_stack, case_entry, (void *)c,
                              TH_PRIO, "test");
    if (err) th_case_fail_msg("cannot create the test thread");
}

bool th_case_end(const struct th_case *c, const char *suite, int start_rc) {
    if (!th.failed && !th.done) {
        char buf[64];
        snprintf(buf, sizeof buf, "case did not finish (k_start returned %d)", start_rc);
        th_case_fail_msg(buf);
    }
    char line[400];
    if (th.failed)
        snprintf(line, sizeof line, "FAIL %s.%s: %s\n", suite, c->name, th.msg);
    else
        snprintf(line, sizeof line, "ok   %s.%s\n", suite, c->name);
    th_port_print(line);
    return !th.failed;
}
