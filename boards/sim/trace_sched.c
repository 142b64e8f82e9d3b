// boards/sim/trace_sched.c: the scheduling trace (--trace-sched=FILE, docs/tracing.md) in the
// Chrome/Perfetto trace-event JSON format: {"traceEvents": [...]}, timestamps in microseconds
// of the kernel's clock. Process 1 is the board; track (tid) 0 holds the interrupts, and each
// kernel thread gets its own track, numbered in order of first appearance and named by an "M"
// thread_name event. Per thread, complete ("X") events tile its life with its states:
//   running                       it had the CPU
//   ready                         runnable, waiting for the CPU (preempted or just woken)
//   waiting: <object>             blocked on a semaphore, mutex, queue, event, join, work queue
//   sleeping / suspended
// Interrupts are instant ("i") events on track 0 named by the interrupt (k_sim_irq_set_name),
// with the interrupted thread and the handler's duration in args; kernel-object calls are
// instant events on the caller's track (track 0 from an interrupt) with the object, the result
// and the object's count or bits afterwards.
// The hooks run inside the kernel with interrupts locked: they only write to the file.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rtos/kernel.h>
#include <rtos/sim.h>

#include "boards/sim/trace.h"

#define MAX_TRACKS 256u

enum { S_NONE, S_RUNNING, S_READY, S_OTHER };

struct track {
    const struct k_thread *t;
    char name[32];
    uint64_t since; // start of the current state
    int state;      // S_*
    char label[48]; // the current state's name when S_OTHER
    const void *obj;
};

static struct {
    FILE *f;
    bool first; // no event written yet (no comma before the next)
    struct track tracks[MAX_TRACKS];
    unsigned n;
    const char *isr_name;
    uint64_t isr_since;
    const struct k_thread *isr_thread;
    bool in_isr;
} J;

static double us(uint64_t ns) {
    return (double)ns / 1000.0;
}

static void begin_event(void) {
    fputs(J.first ? "\n" : ",\n", J.f);
    J.first = false;
}

// A JSON string body: names come from Python code, so quote and escape.
static void json_str(const char *s) {
    fputc('"', J.f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(J.f, "\\%c", c);
        else if (c < 0x20)
            fprintf(J.f, "\\u%04x", c);
        else
            fputc(c, J.f);
    }
    fputc('"', J.f);
}

static unsigned tid_of(struct track *tr) {
    return (unsigned)(tr - J.tracks) + 1u;
}

static struct track *track(const struct k_thread *t) {
    for (unsigned i = 0; i < J.n; i++)
        if (J.tracks[i].t == t) return &J.tracks[i];
    if (J.n == MAX_TRACKS) return NULL;
    struct track *tr = &J.tracks[J.n++];
    tr->t = t;
    const char *name = k_thread_name(t);
    if (name && *name)
        snprintf(tr->name, sizeof tr->name, "%s", name);
    else
        snprintf(tr->name, sizeof tr->name, "thread %u", J.n);
    tr->state = S_NONE;
    begin_event();
    fprintf(J.f, "{\"ph\":\"M\",\"pid\":1,\"tid\":%u,\"name\":\"thread_name\",\"args\":{\"name\":",
            tid_of(tr));
    json_str(tr->name);
    fputs("}}", J.f);
    begin_event();
    fprintf(J.f,
            "{\"ph\":\"M\",\"pid\":1,\"tid\":%u,\"name\":\"thread_sort_index\",\"args\":"
            "{\"sort_index\":%u}}",
            tid_of(tr), tid_of(tr));
    return tr;
}

// Ends the track's current state at `now` (an "X" event) and starts `state`.
static void set_state(struct track *tr, int state, const char *label, const void *obj,
                      uint64_t now) {
    if (!tr) return;
    if (tr->state != S_NONE) {
        const char *name = tr->state == S_RUNNING ? "running"
                           : tr->state == S_READY ? "ready"
                                                  : tr->label;
        begin_event();
        fprintf(J.f,
                "{\"ph\":\"X\",\"pid\":1,\"tid\":%u,\"ts\":%.3f,\"dur\":%.3f,\"name\":\"%s\","
                "\"cat\":\"state\"",
                tid_of(tr), us(tr->since), us(now - tr->since), name);
        if (tr->state == S_OTHER && tr->obj) fprintf(J.f, ",\"args\":{\"obj\":\"%p\"}", tr->obj);
        fputs("}", J.f);
    }
    tr->state = state;
    tr->since = now;
    tr->obj = obj;
    snprintf(tr->label, sizeof tr->label, "%s", label ? label : "");
}

static const char *wait_name(enum k_wait_kind k) {
    switch (k) {
    case K_WAIT_MUTEX: return "waiting: mutex";
    case K_WAIT_SEM: return "waiting: sem";
    case K_WAIT_QUEUE_GET: return "waiting: queue get";
    case K_WAIT_QUEUE_PUT: return "waiting: queue put";
    case K_WAIT_EVENT: return "waiting: event";
    case K_WAIT_JOIN: return "waiting: join";
    case K_WAIT_WORK: return "waiting: work";
    default: return "waiting";
    }
}

// ---- the hooks -------------------------------------------------------------------------------
static void on_switch(struct k_thread *from, struct k_thread *to, void *arg) {
    (void)arg;
    uint64_t now = k_sim_now_ns();
    if (from) {
        const void *obj = NULL;
        switch (k_thread_state(from)) {
        case K_THREAD_READY:
        case K_THREAD_RUNNING: set_state(track(from), S_READY, NULL, NULL, now); break;
        case K_THREAD_PENDING: {
            enum k_wait_kind k = k_thread_waiting_on(from, &obj);
            set_state(track(from), S_OTHER, wait_name(k), obj, now);
            break;
        }
        case K_THREAD_SLEEPING: set_state(track(from), S_OTHER, "sleeping", NULL, now); break;
        case K_THREAD_SUSPENDED: set_state(track(from), S_OTHER, "suspended", NULL, now); break;
        default: { // exited: its memory may hold another thread later, with a track of its own
            struct track *tr = track(from);
            set_state(tr, S_NONE, NULL, NULL, now);
            if (tr) tr->t = NULL;
            break;
        }
        }
    }
    set_state(track(to), S_RUNNING, NULL, NULL, now);
}

static void on_ready(struct k_thread *t, void *arg) {
    (void)arg;
    struct track *tr = track(t);
    if (tr && tr->state != S_RUNNING) set_state(tr, S_READY, NULL, NULL, k_sim_now_ns());
}

static void on_isr(const char *name, bool enter, void *arg) {
    (void)arg;
    uint64_t now = k_sim_now_ns();
    if (enter) {
        J.in_isr = true;
        J.isr_name = name;
        J.isr_since = now;
        J.isr_thread = k_thread_self();
        return;
    }
    J.in_isr = false;
    struct track *tr = J.isr_thread ? track(J.isr_thread) : NULL;
    begin_event();
    fprintf(J.f, "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":0,\"ts\":%.3f,\"name\":",
            us(J.isr_since));
    json_str(name);
    fprintf(J.f, ",\"cat\":\"irq\",\"args\":{\"dur_us\":%.3f,\"interrupted\":", us(now - J.isr_since));
    json_str(tr ? tr->name : "");
    fputs("}}", J.f);
}

static void on_object(enum k_trace_op op, const void *obj, int result, void *arg) {
    (void)arg;
    static const char *const names[] = {
        [K_TRACE_SEM_GIVE] = "sem give",       [K_TRACE_SEM_TAKE] = "sem take",
        [K_TRACE_MUTEX_LOCK] = "mutex lock",   [K_TRACE_MUTEX_UNLOCK] = "mutex unlock",
        [K_TRACE_QUEUE_PUT] = "queue put",     [K_TRACE_QUEUE_GET] = "queue get",
        [K_TRACE_EVENT_SET] = "event set",     [K_TRACE_EVENT_WAIT] = "event wait",
    };
    unsigned tid = 0;
    struct k_thread *self = J.in_isr ? NULL : k_thread_self(); // NULL before k_start too
    if (self) {
        struct track *tr = track(self);
        tid = tr ? tid_of(tr) : 0;
    }
    begin_event();
    fprintf(J.f,
            "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":%u,\"ts\":%.3f,\"name\":\"%s\","
            "\"cat\":\"kobj\",\"args\":{\"obj\":\"%p\",\"result\":%d",
            tid, us(k_sim_now_ns()), names[op], obj, result);
    switch (op) {
    case K_TRACE_SEM_GIVE:
    case K_TRACE_SEM_TAKE: fprintf(J.f, ",\"count\":%u", (unsigned)k_sem_count(obj)); break;
    case K_TRACE_QUEUE_PUT:
    case K_TRACE_QUEUE_GET: fprintf(J.f, ",\"count\":%u", (unsigned)k_queue_count(obj)); break;
    case K_TRACE_EVENT_SET:
    case K_TRACE_EVENT_WAIT: fprintf(J.f, ",\"bits\":%u", (unsigned)k_event_get(obj)); break;
    case K_TRACE_MUTEX_LOCK:
    case K_TRACE_MUTEX_UNLOCK:
        fprintf(J.f, ",\"lock_count\":%u", (unsigned)k_mutex_lock_count(obj));
        break;
    }
    fputs("}}", J.f);
}

static const struct k_trace_hooks hooks = {on_ready, on_isr, on_object, NULL};

// At exit: the open states end now, then the closing brackets.
static void sched_close(void) {
    if (!J.f) return;
    k_trace_set_hooks(NULL);
    k_trace_set_switch_hook(NULL, NULL);
    uint64_t now = k_sim_now_ns();
    for (unsigned i = 0; i < J.n; i++) set_state(&J.tracks[i], S_NONE, NULL, NULL, now);
    fputs("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"clock\":\"rtpy kernel clock\"}}\n", J.f);
    fclose(J.f);
    J.f = NULL;
}

int board_sim_trace_sched_open(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "rtpy: can't open scheduling trace file '%s'\n", path);
        return -1;
    }
    J.f = f;
    J.first = true;
    fputs("{\"traceEvents\":[", f);
    begin_event();
    fputs("{\"ph\":\"M\",\"pid\":1,\"name\":\"process_name\",\"args\":{\"name\":\"rtpy sim "
          "board\"}}",
          f);
    begin_event();
    fputs("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"thread_name\",\"args\":{\"name\":"
          "\"interrupts\"}}",
          f);
    k_trace_set_switch_hook(on_switch, NULL);
    k_trace_set_hooks(&hooks);
    atexit(sched_close);
    return 0;
}
