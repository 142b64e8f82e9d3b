# tests/kernel/tests.mk: the kernel's C unit tests and randomized stress test.
#   make test-kernel              build both, run the unit tests then the stress test
#   make test-kernel SANITIZE=1   the same under ASan + UBSan
#   build/host/tests/kernel/test_kernel mutex    run only the cases whose name contains "mutex"
# Closing line: "N passed, N failed" (the sum over both binaries).

KTEST_UNIT_SRC := \
	tests/kernel/harness.c \
	tests/kernel/runner_posix.c \
	tests/kernel/suites.c \
	tests/kernel/test_thread.c \
	tests/kernel/test_sched.c \
	tests/kernel/test_mutex.c \
	tests/kernel/test_sem.c \
	tests/kernel/test_queue.c \
	tests/kernel/test_event.c \
	tests/kernel/test_timer.c \
	tests/kernel/test_workq.c \
	tests/kernel/test_timeout.c \
	tests/kernel/test_isr.c \
	tests/kernel/test_sim.c

KTEST_STRESS_SRC := \
	tests/kernel/harness.c \
	tests/kernel/runner_posix.c \
	tests/stress/kernel_stress.c

KTEST_UNIT_BIN := $(BUILD)/tests/kernel/test_kernel
KTEST_STRESS_BIN := $(BUILD)/tests/stress/kernel_stress

$(KTEST_UNIT_BIN): $(patsubst %.c,$(BUILD)/%.o,$(KTEST_UNIT_SRC)) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LD $@")
	$(Q)$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(KTEST_STRESS_BIN): $(patsubst %.c,$(BUILD)/%.o,$(KTEST_STRESS_SRC)) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LD $@")
	$(Q)$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

test-kernel: $(KTEST_UNIT_BIN) $(KTEST_STRESS_BIN)
	$(Q)sh tests/kernel/run.sh $(KTEST_UNIT_BIN) $(KTEST_STRESS_BIN)

TEST_SUITES += test-kernel
.PHONY: test-kernel
