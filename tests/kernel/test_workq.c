// tests/kernel/test_workq.c: work queues (kernel/workq.c): the system queue (served by the
// timer service thread), FIFO order, double submission, cancel, user queues and their stop.
#include <string.h>

#include "tests/kernel/harness.h"

static struct k_work w[4];
static struct k_work_q uq;
static const char *ran_on;

static void log_work(struct k_work *wk) {
    static const char *const names[] = {"w0", "w1", "w2", "w3"};
    th_log(names[wk - w]);
    ran_on = k_thread_name(k_thread_self());
}

static void system_queue_fifo(void) {
    for (int i = 0; i < 4; i++)
        TH_EQ(k_work_init(&w[i], log_work), 0);
    k_sched_lock(); // queue all before the (more urgent) service thread runs
    TH_EQ(k_work_submit(&w[2]), 0);
    TH_EQ(k_work_submit(&w[0]), 0);
    TH_EQ(k_work_submit(&w[3]), 0);
    TH_ASSERT(k_work_is_pending(&w[0]));
    k_sched_unlock();
    TH_LOG_EQ("w2 w0 w3");
    TH_ASSERT(!k_work_is_pending(&w[0]));
    TH_ASSERT(strcmp(ran_on, "timer") == 0);
}

static void double_submit_and_cancel(void) {
    for (int i = 0; i < 4; i++)
        k_work_init(&w[i], log_work);
    k_sched_lock();
    TH_EQ(k_work_submit(&w[1]), 0);
    TH_EQ(k_work_submit(&w[1]), -EBUSY);
    TH_EQ(k_work_submit(&w[2]), 0);
    TH_EQ(k_work_cancel(&w[1]), 0);
    TH_EQ(k_work_cancel(&w[1]), -EALREADY);
    TH_ASSERT(!k_work_is_pending(&w[1]));
    k_sched_unlock();
    TH_LOG_EQ("w2");
    TH_EQ(k_work_cancel(&w[2]), -EALREADY); // already ran
    TH_EQ(k_work_submit(&w[2]), 0);         // may be submitted again
    TH_LOG_EQ("w2 w2");
}

static void errors(void) {
    TH_EQ(k_work_init(NULL, log_work), -EINVAL);
    TH_EQ(k_work_init(&w[0], NULL), -EINVAL);
    TH_EQ(k_work_submit(NULL), -EINVAL);
    TH_EQ(k_work_cancel(NULL), -EINVAL);
    TH_ASSERT(!k_work_is_pending(NULL));
    static struct k_work_q never;
    k_work_init(&w[0], log_work);
    TH_EQ(k_work_submit_to(&never, &w[0]), -EINVAL); // never started
    TH_EQ(k_work_q_stop(&never), -EINVAL);
    TH_EQ(k_work_q_stop(NULL), -EINVAL);
}

static void user_queue(void) {
    for (int i = 0; i < 4; i++)
        k_work_init(&w[i], log_work);
    TH_EQ(k_work_q_start(&uq, th_stack(), th_stack_size(), TH_PRIO - 1, "uq"), 0);
    TH_EQ(k_work_q_start(&uq, th_stack(), th_stack_size(), TH_PRIO - 1, "uq"), -EBUSY);
    TH_EQ(k_work_submit_to(&uq, &w[1]), 0);
    TH_EQ(k_work_submit_to(&uq, &w[3]), 0);
    TH_LOG_EQ(""); // the worker is less urgent than we are
    k_sleep_ticks(1);
    TH_LOG_EQ("w1 w3");
    TH_ASSERT(strcmp(ran_on, "uq") == 0);
    TH_EQ(k_work_submit_to(&uq, &w[0]), 0);
    TH_EQ(k_work_q_stop(&uq), 0); // queued work still runs, then the thread exits
    TH_EQ(k_work_submit_to(&uq, &w[2]), -EINVAL);
    th_join(k_work_q_thread(&uq));
    TH_LOG_EQ("w1 w3 w0");
    TH_ASSERT(k_work_q_thread(NULL) == NULL);
}

static struct k_sem resubmits;

static void resubmitting(struct k_work *wk) {
    if (k_sem_take(&resubmits, K_NO_WAIT) == 0)
        TH_EQ(k_work_submit(wk), 0); // a handler may queue itself again
    th_log("r");
}

static void handler_resubmits(void) {
    k_sem_init(&resubmits, 2, 2);
    k_work_init(&w[0], resubmitting);
    TH_EQ(k_work_submit(&w[0]), 0);
    TH_LOG_EQ("r r r");
}

static const struct th_case cases[] = {
    TH_CASE(system_queue_fifo), TH_CASE(double_submit_and_cancel), TH_CASE(errors),
    TH_CASE(user_queue),        TH_CASE(handler_resubmits),
};

const struct th_suite th_suite_workq = TH_SUITE("workq", cases);
