// kernel/internal/timeout.h: the timeout list and the tick clock (kernel/timeout.c).
// Timeouts are kept in one list sorted by absolute 32-bit deadline; comparisons are
// wrap-safe ((int32_t)(a - b)), valid because no deadline is armed more than 2^31-1 ticks
// ahead (longer waits are split with `extra`). All functions: interrupts locked.
#ifndef KERNEL_INTERNAL_TIMEOUT_H
#define KERNEL_INTERNAL_TIMEOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/internal/init.h"

#define KERN_TIMEOUT_MAX_STEP 0x7fffffffu

void kern_timeout_init(void);
// Arms e to call fn(e) `ticks` ticks from now (ticks >= 1; 0 counts as 1). Called from a
// timeout's own handler, "now" is exactly its deadline: periodic re-arming does not drift.
void kern_timeout_add(struct k_timeout_entry *e, uint32_t ticks,
                      void (*fn)(struct k_timeout_entry *e));
void kern_timeout_cancel(struct k_timeout_entry *e);
static inline bool kern_timeout_armed(const struct k_timeout_entry *e) {
    return kern_dnode_linked(&e->node);
}
// Ticks until e fires (0 if not armed).
uint32_t kern_timeout_remaining(const struct k_timeout_entry *e);

#endif // KERNEL_INTERNAL_TIMEOUT_H
