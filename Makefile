# rtpy top-level build. Each layer contributes a fragment (py/py.mk, kernel/kernel.mk, ...)
# that appends its sources to a variable; this file only wires them together.
#
#   make            build build/host/rtpy and build/host/rtpy-cross (docs/cross.md)
#   make run        build and run examples/hello.py
#   make test       install missing Debian packages, then run every test suite
#   make test SANITIZE=1   the same suites under ASan+UBSan (build/host-san)
#   make fuzz       run the libFuzzer targets for a bounded time (FUZZ_SECONDS)
#   make bench-gc   GC pause benchmark (host, wall clock; not a test)

SANITIZE ?= 0
V ?= 0

ifeq ($(SANITIZE),1)
BUILD ?= build/host-san
else
BUILD ?= build/host
endif

CC ?= gcc
PYTHON3 ?= /usr/bin/python3
GEN := $(BUILD)/gen

WARN := -Wall -Wextra -Wshadow -Wundef -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter
ifeq ($(CI),true)
WARN += -Werror
endif

OPT ?= -O2
CFLAGS_BASE := -std=gnu11 $(WARN) -g $(OPT) -I. -I$(GEN) -Ikernel/include -MMD -MP
ifeq ($(SANITIZE),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined \
               -DPY_CFG_SANITIZE=1
LDFLAGS_BASE += -fsanitize=address,undefined
endif
CFLAGS := $(CFLAGS_BASE) $(EXTRA_CFLAGS)
LDFLAGS := $(LDFLAGS_BASE) $(EXTRA_LDFLAGS)
LDLIBS := -lm -lpthread

ifeq ($(V),1)
Q :=
else
Q := @
endif

all: $(BUILD)/rtpy

UNIT_TESTS :=
include py/py.mk
include modules/modules.mk
include drivers/drivers.mk
include boot/boot.mk
-include fs/fs.mk
include boot/image.mk
include boot/bootutil.mk
include kernel/kernel.mk
-include ble/*.mk
include ports/host/host.mk
include ports/cross/cross.mk
include fuzz/fuzz.mk
include tests/tests.mk
-include ports/mps2-an385/mps2.mk

# Every object may use static qstrs: generate them first (order-only; the .d files then
# track which objects really include them).
$(BUILD)/%.o: %.c | $(GEN)/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

run: $(BUILD)/rtpy
	$(BUILD)/rtpy examples/hello.py

deps:
	$(Q)tools/deps.sh

clean:
	rm -rf build

.PHONY: all run deps clean test
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# Benchmarks: rtpy vs CPython, side by side (ratios of median times), then ulab vs a Python
# loop on rtpy (bench/ulab/run.py). Not a test.
bench: $(BUILD)/rtpy
	$(PYTHON3) bench/run.py --rtpy $(BUILD)/rtpy
	$(PYTHON3) bench/ulab/run.py --rtpy $(BUILD)/rtpy
.PHONY: bench

# ulab vs the same computation as a Python loop, in one rtpy process (target: >= 20x)
bench-ulab: $(BUILD)/rtpy
	$(PYTHON3) bench/ulab/run.py --rtpy $(BUILD)/rtpy
.PHONY: bench-ulab

# GC pauses on the host (bench/gc/run.py): full collections of 64 KiB, 1 MiB and 16 MiB heaps
# half full, and the lateness of a high-priority thread meanwhile. Not a test.
bench-gc: $(BUILD)/rtpy
	$(PYTHON3) bench/gc/run.py --rtpy $(BUILD)/rtpy
.PHONY: bench-gc
