# kernel/ build fragment. KERNEL_SRC: the portable kernel; KERNEL_POSIX_SRC: the host
# simulation port. A host program links both ($(KERNEL_OBJ)); the Cortex-M port (Step 4) will
# pair KERNEL_SRC with kernel/arch/cortex-m.
KERNEL_SRC := \
	kernel/init.c \
	kernel/sched.c \
	kernel/thread.c \
	kernel/wait.c \
	kernel/timeout.c \
	kernel/mutex.c \
	kernel/sem.c \
	kernel/queue.c \
	kernel/event.c \
	kernel/timer.c \
	kernel/workq.c

KERNEL_POSIX_SRC := \
	kernel/arch/posix/posix_core.c \
	kernel/arch/posix/posix_sim.c

KERNEL_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(KERNEL_SRC) $(KERNEL_POSIX_SRC))
