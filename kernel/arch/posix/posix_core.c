// kernel/arch/posix/posix_core.c: the host port's threads, baton and interrupt masking.
// Each kernel thread is a pthread running on the caller's stack memory (pthread_attr_setstack;
// glibc keeps its thread descriptor and TLS at the top of that memory, which is why
// K_ARCH_STACK_RESERVE exists). A thread leaves the host world only through its start routine:
// k_thread_exit and the final kill longjmp back there (ASan unpoisons the abandoned frames),
// and the next thread to run joins the exited one before any kernel code runs again, so a
// dead thread's struct and stack can be reused at once.
// Non-goal: no true parallelism; no signals (interrupts are simulated in posix_sim.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kernel/arch/posix/posix.h"
#include "kernel/internal/init.h"

#if K_ARCH_ASAN
#include <sanitizer/asan_interface.h>
#endif // K_ARCH_ASAN

_Static_assert(sizeof(struct posix_thread) <= sizeof(((struct k_thread *)0)->arch),
               "K_ARCH_THREAD_WORDS too small for the host port's thread context");

struct posix_state arch_posix_s = {
    .mtx = PTHREAD_MUTEX_INITIALIZER,
    .main_cv = PTHREAD_COND_INITIALIZER,
    .async_mtx = PTHREAD_MUTEX_INITIALIZER,
};

#define S arch_posix_s

// Memory visibility: only the baton holder touches kernel and port state, and the baton only
// moves under S.mtx, so each holder sees everything its predecessors wrote.

// Joins the last exited thread's host thread (it only has to return from its start routine).
static void reap_zombie(void) {
    struct k_thread *z = S.zombie;
    if (!z) return;
    S.zombie = NULL;
    struct posix_thread *c = posix_ctx(z);
    pthread_join(c->tid, NULL);
    pthread_cond_destroy(&c->cv);
    c->created = false;
}

static int host_create(struct k_thread *t);

// Gives the baton to t (S.mtx held). A deferred system thread gets its host thread now; it
// parks on S.mtx until we release it and then finds itself live.
static void baton_give(struct k_thread *t) {
    struct posix_thread *c = posix_ctx(t);
    S.live = t;
    if (c->deferred) {
        c->deferred = false;
        if (host_create(t)) arch_panic(K_PANIC_ASSERT); // as its creation would have at k_init
        return;
    }
    pthread_cond_signal(&c->cv);
}

// Hands the baton from `from` (the caller) to `to` and waits until it comes back. One
// condition variable per thread, so exactly the chosen thread wakes (no thundering herd, and
// the host scheduler has no choice to make). Called with S.irq_locked = 1, like PendSV.
static void baton_switch(struct k_thread *from, struct k_thread *to) {
    struct posix_thread *c = posix_ctx(from);
    pthread_mutex_lock(&S.mtx);
    baton_give(to);
    while (S.live != from && !c->killed)
        pthread_cond_wait(&c->cv, &S.mtx);
    bool killed = c->killed;
    pthread_mutex_unlock(&S.mtx);
    if (killed) longjmp(c->exit_jmp, 1); // the kernel stopped while we were parked
    reap_zombie();
}

// Start routine of every kernel thread's pthread. It parks until first given the baton; the
// setjmp is the one way out (k_thread_exit and kills longjmp here), so the pthread always
// ends by returning from here, never from deep in kernel frames.
static void *host_entry(void *p) {
    struct k_thread *t = p;
    struct posix_thread *c = posix_ctx(t);
    pthread_mutex_lock(&S.mtx);
    while (S.live != t && !c->killed)
        pthread_cond_wait(&c->cv, &S.mtx);
    bool killed = c->killed;
    pthread_mutex_unlock(&S.mtx);
    if (killed) return NULL;
    if (setjmp(c->exit_jmp) == 0) {
        reap_zombie();
        // We were switched to with interrupts masked: unmask like a fresh hardware context.
        S.irq_locked = 1;
        arch_irq_unlock(0);
        kern_thread_entry(t);
    }
    return NULL; // k_thread_exit or kill
}

// The host's PendSV: runs where the hardware would take it (interrupts unmasked, thread
// context). Looping covers a switch requested again while we were away.
void arch_posix_take_switch(void) {
    while (S.switch_pending && S.running) {
        S.switch_pending = false;
        S.irq_locked = 1;
        struct k_thread *from = S.live;
        struct k_thread *to = kern_sched_switch(from);
        if (to != from) baton_switch(from, to);
        S.irq_locked = 0;
    }
}

// Interrupt entry/exit around a simulated handler: at exit of the outermost handler, a switch
// it requested is taken on the interrupted thread's host thread (it is preempted there).
void arch_posix_isr_run(void (*handler)(void *arg), void *arg) {
    S.isr_depth++;
    handler(arg);
    S.isr_depth--;
    if (!S.isr_depth && !S.irq_locked && S.switch_pending) arch_posix_take_switch();
}

// Masking is a flag: with one runner at a time there is nothing to race with, only the
// simulated interrupts, which are delivered solely while it is clear.
unsigned arch_irq_lock(void) {
    unsigned key = S.irq_locked;
    S.irq_locked = 1;
    return key;
}

// Unmasking in thread context is a delivery point: interrupts that fell due while masked run
// now, then a pended switch is taken (a blocking call's switch happens right here).
void arch_irq_unlock(unsigned key) {
    S.irq_locked = key;
    if (key || S.isr_depth || !S.running) return;
    if (arch_posix_sim_due()) arch_posix_sim_deliver_due();
    if (S.switch_pending) arch_posix_take_switch();
}

bool arch_irq_unlocked(unsigned key) {
    return key == 0;
}

bool arch_in_isr(void) {
    return S.isr_depth > 0;
}

void arch_switch_request(void) {
    S.switch_pending = true;
}

static int host_create(struct k_thread *t) {
    struct posix_thread *c = posix_ctx(t);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    int err = pthread_attr_setstack(&attr, t->stack, t->stack_size);
    if (!err) err = pthread_create(&c->tid, &attr, host_entry, t);
    pthread_attr_destroy(&attr);
    if (err) return err == EINVAL ? -EINVAL : -EAGAIN;
    c->created = true;
    return 0;
}

// The pthread runs on the caller's stack memory, so stack painting and high-water marks
// measure real usage. It starts at once but parks in host_entry until given the baton; a
// system thread's (idle, the system work queue) starts when it first runs instead, since
// most programs never idle and a host thread is a fair part of `rtpy -c pass`. Their
// creation cannot fail gracefully anyway (k_init asserts it).
int arch_thread_init(struct k_thread *t) {
    struct posix_thread *c = posix_ctx(t);
    memset(c, 0, sizeof *c);
    if (pthread_cond_init(&c->cv, NULL)) return -EAGAIN;
    if (t->flags & KT_SYSTEM) {
        c->deferred = true;
        return 0;
    }
    int err = host_create(t);
    if (err) pthread_cond_destroy(&c->cv);
    return err;
}

// The kernel paints the whole stack next. Fresh memory would take one page fault per 4 KiB
// page there (the 1 MiB main stack of `rtpy` is a third of its start-up time); asking for the
// pages in one call is about 40% cheaper. Old kernels lack MADV_POPULATE_WRITE: then the
// paint faults them in as before.
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14
#endif // MADV_POPULATE_WRITE
void arch_stack_prepare(void *stack, size_t size) {
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    uintptr_t lo = ((uintptr_t)stack + page - 1) & ~(page - 1);
    uintptr_t hi = ((uintptr_t)stack + size) & ~(page - 1);
    if (hi > lo) madvise((void *)lo, hi - lo, MADV_POPULATE_WRITE);
#if K_ARCH_ASAN
    // Frames of a thread that ended by longjmp may leave poisoned shadow behind.
    __asan_unpoison_memory_region(stack, size);
#endif // K_ARCH_ASAN
}

// Ends every host thread of the current kernel (k_start returning, or k_init discarding an
// unstarted kernel). Each is parked on its condition variable (or exiting): mark it killed,
// wake it, join it.
static void kill_all(void) {
    if (kern_k.threads.next) {
        for (struct k_dnode *n = kern_k.threads.next; n != &kern_k.threads; n = n->next) {
            struct k_thread *t = KERN_CONTAINER_OF(n, struct k_thread, all_node);
            struct posix_thread *c = posix_ctx(t);
            if (c->deferred) { // never ran: no host thread
                c->deferred = false;
                pthread_cond_destroy(&c->cv);
            }
            if (!c->created) continue;
            pthread_mutex_lock(&S.mtx);
            c->killed = true;
            pthread_cond_signal(&c->cv);
            pthread_mutex_unlock(&S.mtx);
            pthread_join(c->tid, NULL);
            pthread_cond_destroy(&c->cv);
            c->created = false;
        }
    }
    reap_zombie();
}

// The exiting thread cannot join itself: it leaves its handle for the next baton holder (or
// for k_start's caller when it is the last one), hands over and unwinds to host_entry.
_Noreturn void arch_thread_exit(struct k_thread *self, struct k_thread *next, bool stop) {
    struct posix_thread *c = posix_ctx(self);
    S.zombie = self; // joined by the next thread to run (or by k_start's caller)
    pthread_mutex_lock(&S.mtx);
    if (stop) {
        if (!S.stopped) {
            S.stopped = true;
            S.exit_code = 0;
        }
        pthread_cond_signal(&S.main_cv);
    } else {
        baton_give(next);
    }
    pthread_mutex_unlock(&S.mtx);
    longjmp(c->exit_jmp, 1);
}

// k_start on the host: the caller's host thread only waits for the stop, then reaps.
int arch_start(struct k_thread *first) {
    S.switch_pending = false;
    S.isr_depth = 0;
    S.irq_locked = 1; // the first thread unmasks on entry
    pthread_mutex_lock(&S.mtx);
    S.stopped = false;
    S.running = true;
    baton_give(first);
    while (!S.stopped)
        pthread_cond_wait(&S.main_cv, &S.mtx);
    S.running = false;
    pthread_mutex_unlock(&S.mtx);
    kill_all();
    S.live = NULL;
    S.irq_locked = 0;
    S.isr_depth = 0;
    return S.exit_code;
}

// Any context, any kernel thread: the first stop's code wins. The caller unwinds its own host
// thread; k_start's caller kills the others.
_Noreturn void arch_stop(int code) {
    pthread_mutex_lock(&S.mtx);
    bool running = S.running;
    if (running && !S.stopped) {
        S.stopped = true;
        S.exit_code = code;
    }
    pthread_cond_signal(&S.main_cv);
    pthread_mutex_unlock(&S.mtx);
    struct k_thread *self = S.live;
    if (running && self && pthread_equal(pthread_self(), posix_ctx(self)->tid))
        longjmp(posix_ctx(self)->exit_jmp, 1); // k_start's caller kills and joins us
    fflush(NULL);
    exit(code & 0xff); // no kernel running: k_stop ends the process
}

void arch_init(const struct k_config *cfg) {
    kill_all(); // threads created for a kernel that never started
    S.zombie = NULL;
    S.live = NULL;
    S.running = false;
    S.stopped = false;
    S.exit_code = 0;
    S.irq_locked = 0;
    S.isr_depth = 0;
    S.switch_pending = false;
    arch_posix_sim_init(cfg);
}

// Reports go to stderr with the thread list, the most useful thing to see after a crash.
static const char *panic_name(int reason) {
    switch (reason) {
    case K_PANIC_ASSERT: return "kernel assertion failed";
    case K_PANIC_BAD_ARG: return "bad argument";
    case K_PANIC_STACK_OVERFLOW: return "stack overflow";
    default: return "application panic";
    }
}

static void print_line(const char *line, void *arg) {
    fprintf((FILE *)arg, "  %s\n", line);
}

_Noreturn void arch_panic(int reason) {
    struct k_thread *t = kern_k.running ? kern_k.current : NULL;
    fprintf(stderr, "rtpy kernel panic: %s (%d) in thread '%s'\n", panic_name(reason), reason,
            t ? k_thread_name(t) : "-");
    arch_posix_report(print_line, stderr);
    fflush(NULL);
    exit(K_SIM_EXIT_PANIC);
}

static const char *wait_kind_name(enum k_wait_kind k) {
    static const char *const names[] = {"",          "mutex", "sem",  "queue-get",
                                        "queue-put", "event", "join", "work"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

struct report_ctx {
    void (*out)(const char *line, void *arg);
    void *arg;
};

// One line per thread: name, effective/base priority, state, what it waits on (and for a
// mutex, who holds it: the usual deadlock question), CPU time, stack use.
static void report_one(struct k_thread *t, void *p) {
    struct report_ctx *r = p;
    struct k_thread_info i;
    if (k_thread_info(t, &i)) return;
    char wait[96] = "";
    if (i.waiting_on != K_WAIT_NONE) {
        int n =
            snprintf(wait, sizeof wait, " on %s %p", wait_kind_name(i.waiting_on), i.wait_object);
        if (i.waiting_on == K_WAIT_MUTEX && n > 0 && (size_t)n < sizeof wait) {
            const struct k_thread *o = k_mutex_owner((const struct k_mutex *)i.wait_object);
            snprintf(wait + n, sizeof wait - (size_t)n, " held by '%s'", o ? k_thread_name(o) : "");
        }
    }
    char line[256];
    snprintf(line, sizeof line, "%-12s prio %2d/%-2d %-9s%s cpu %lluus stack %zu/%zu%s",
             i.name[0] ? i.name : "?", i.prio, i.base_prio, k_thread_state_name(i.state), wait,
             (unsigned long long)(i.cpu_ns / 1000u), i.stack_used, i.stack_size,
             i.system ? " [kernel]" : "");
    r->out(line, r->arg);
}

void arch_posix_report(void (*out)(const char *line, void *arg), void *arg) {
    struct report_ctx r = {out, arg};
    if (kern_k.threads.next) k_thread_foreach(report_one, &r);
}

void k_sim_report_threads(void (*out)(const char *line, void *arg), void *arg) {
    if (out) arch_posix_report(out, arg);
}
