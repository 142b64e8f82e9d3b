// kernel/internal/workq.h: work queue internals used by init.c (system queue) and timer.c.
#ifndef KERNEL_INTERNAL_WORKQ_H
#define KERNEL_INTERNAL_WORKQ_H

#include <stdbool.h>

#include "kernel/internal/init.h"

// Starts the system work queue / timer service thread (k_init).
void kern_workq_start_system(void);
// Queues w on q with interrupts already locked; 0, -EBUSY, -EINVAL.
int kern_work_submit_locked(struct k_work_q *q, struct k_work *w);
// Removes w from its queue if pending (interrupts locked); true if it was.
bool kern_work_cancel_locked(struct k_work *w);

#endif // KERNEL_INTERNAL_WORKQ_H
