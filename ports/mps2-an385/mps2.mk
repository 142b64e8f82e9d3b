# ports/mps2-an385/mps2.mk: firmware for the ARM MPS2 AN385 board (Cortex-M3) as emulated by
# QEMU (-M mps2-an385). Included from the top-level Makefile; everything builds into
# build/mps2-an385 with Debian's arm-none-eabi-gcc and newlib-nano.
#   make firmware-kernel-tests   build/mps2-an385/kernel_tests.elf: tests/kernel on the target
#   make test-kernel-qemu        run it in QEMU (-icount shift=0): "N passed, N failed", QEMU's
#                                exit status is the suite's (KTEST_FILTER=substring: some cases)
#   make firmware                build/mps2-an385/rtpy.elf: the interpreter with its REPL on UART0
#   make qemu [FLASH=file]       run it in QEMU, the REPL on this terminal (Ctrl-A X quits QEMU);
#                                with a flash kept in the file (docs/storage.md)
#   make test-py-qemu            the Python tests on the firmware in QEMU, through the raw REPL
#                                (tests/target.py; tests/py/target.skip lists what cannot run)
#   make test-repl-qemu          the firmware's REPL on its console: editing, Ctrl-C, soft reset,
#                                paste and raw modes (tests/host/test_host.py --qemu), and the
#                                protocol tools speak, raw paste too (test_repl_protocol.py --qemu),
#                                and the flash across resets and runs (test_storage.py --qemu),
#                                the ota module writing an image (test_ota.py --qemu), and
#                                booting through the bootloader (test_qemu_ota.py), the UART
#                                update example (test_ota_uart.py), the bluetooth module through
#                                rtpy-ctrl on UART 2 (test_ble_qemu.py)
#   make bootloader              build/mps2-an385/boot.elf: the bootloader at 0x0 (boot_go, then
#                                RAM-loads the primary image and jumps to it; docs/ota.md)
#   make firmware-app            build/mps2-an385/app.elf: the firmware linked at 0x20000, to be
#                                loaded by the bootloader
#   make firmware-signed VERSION=x.y.z   build/mps2-an385/app-x.y.z.signed.bin: app.elf signed
#                                (RAM_LOAD at 0x20000, the test key or BOOT_SIGN_KEY=...pem);
#                                tools/rtpy-flash write FLASH --slot 0 IMAGE installs it
#   make qemu-boot FLASH=file    QEMU booting through boot.elf, the REPL on this terminal
#   make bench-target            kernel micro-benchmarks in instructions, next to FreeRTOS
#   make bench-gc-target         GC pauses on the board (bench/gc/board.py), in instructions
#   make bench-ulab-target       ulab vs a Python loop on the board (bench/ulab), instructions an element
#   make mps2-size               text/data/bss of the kernel and of the firmware
# Debugging: make qemu QEMU_EXTRA="-s -S", then gdb-multiarch build/mps2-an385/kernel_tests.elf
# and "target remote :1234" (docs/qemu.md).

MPS2_BUILD := build/mps2-an385
MPS2_CC := arm-none-eabi-gcc
MPS2_SIZE := arm-none-eabi-size
MPS2_ARCH := -mcpu=cortex-m3 -mthumb
MPS2_OPT ?= -Os
MPS2_CFLAGS := -std=gnu11 $(MPS2_ARCH) $(MPS2_OPT) -g -ffunction-sections -fdata-sections \
               $(WARN) -I. -Ikernel/include -Iports/mps2-an385 -MMD -MP $(MPS2_EXTRA_CFLAGS)
MPS2_LDFLAGS := $(MPS2_ARCH) -T boards/mps2-an385/mps2-an385.ld -Wl,--gc-sections \
                --specs=nano.specs --specs=nosys.specs
comma := ,
QEMU_MPS2 = qemu-system-arm -M mps2-an385 -nographic -monitor none \
             -semihosting-config enable=on,target=native$(if $(FLASH),$(comma)arg=rtpy$(comma)arg=--flash=$(FLASH)) \
             -icount shift=0,sleep=off
MPS2_TIMEOUT ?= 120

MPS2_KERNEL_SRC := $(KERNEL_SRC) \
	kernel/arch/cortex-m/cm_core.c \
	kernel/arch/cortex-m/cm_fault.c

MPS2_BOARD_SRC := \
	boards/mps2-an385/startup.c \
	boards/mps2-an385/board.c \
	boards/mps2-an385/uart.c \
	boards/mps2-an385/timer.c \
	boards/mps2-an385/gpio.c \
	boards/mps2-an385/wdt.c \
	boards/mps2-an385/flash.c \
	$(DRIVERS_SRC)

# The host's unit-test files minus the host-only ones (runner_posix.c, test_sim.c), plus the
# target runner and the port's own cases.
MPS2_KTEST_SRC := \
	$(filter-out tests/kernel/runner_posix.c tests/kernel/test_sim.c,$(KTEST_UNIT_SRC)) \
	tests/kernel/runner_target.c \
	tests/kernel/test_cortex_m.c

MPS2_KERNEL_OBJ := $(patsubst %.c,$(MPS2_BUILD)/%.o,$(MPS2_KERNEL_SRC))
MPS2_BOARD_OBJ := $(patsubst %.c,$(MPS2_BUILD)/%.o,$(MPS2_BOARD_SRC))
MPS2_KTEST_ELF := $(MPS2_BUILD)/kernel_tests.elf

$(MPS2_BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) $(MPS2_XFLAGS) -c $< -o $@

# The test objects take a few flags (a stamp file rebuilds them when these change): helper
# stacks as large as one case needs (thread.stack_and_cpu_stats: 24 KiB of frames), the count
# of skipped sim cases (test_sim.c's table) and the optional filter.
MPS2_KTEST_FLAGS := -DTH_STACK_BYTES=32768 \
	-DTH_SIM_CASE_COUNT=$(shell grep -cE '^ +TH_CASE' tests/kernel/test_sim.c) \
	$(if $(KTEST_FILTER),-DTH_FILTER='"$(KTEST_FILTER)"')
$(MPS2_BUILD)/ktest_flags: FORCE
	@mkdir -p $(dir $@)
	@echo '$(MPS2_KTEST_FLAGS)' | cmp -s - $@ || echo '$(MPS2_KTEST_FLAGS)' > $@
$(patsubst %.c,$(MPS2_BUILD)/%.o,$(MPS2_KTEST_SRC)): MPS2_XFLAGS = $(MPS2_KTEST_FLAGS)
$(patsubst %.c,$(MPS2_BUILD)/%.o,$(MPS2_KTEST_SRC)): $(MPS2_BUILD)/ktest_flags

$(MPS2_KTEST_ELF): $(patsubst %.c,$(MPS2_BUILD)/%.o,$(MPS2_KTEST_SRC)) $(MPS2_KERNEL_OBJ) \
                   $(MPS2_BOARD_OBJ) boards/mps2-an385/mps2-an385.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(MPS2_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) -o $@

firmware-kernel-tests: $(MPS2_KTEST_ELF)

test-kernel-qemu: $(MPS2_KTEST_ELF)
	$(Q)sh ports/mps2-an385/run_qemu.sh $(MPS2_TIMEOUT) $(QEMU_MPS2) -kernel $<

# --- the interpreter firmware -------------------------------------------------------------------
# py/ and modules/ as on the host, with this port's main and py/port.h, the board and the
# kernel; qstrs and frozen modules generated for this build (bytecode only: no source).
# MPS2_HEAP=bytes limits the Python heap (default: all the RAM left, about 4 MiB).
# MPS2_FROZEN="boot.py main.py ..." freezes more files at the top level: a frozen boot.py, then
# main.py, runs at start-up before the REPL.
MPS2_GEN := $(MPS2_BUILD)/gen
MPS2_FW_SRC := $(PY_SRC) $(MODULES_SRC) $(MODULES_BLE_SRC) $(FS_SRC) $(BOOT_CRYPTO_SRC) $(BOOT_IMAGE_SRC) $(BOOT_UTIL_SRC) $(BOOT_KEYS_SRC) ports/mps2-an385/main.c ports/mps2-an385/port.c
MPS2_QSTR_SOURCES := $(filter-out $(MODULES_HOST_ONLY),$(QSTR_SOURCES))
# (no network on this board: no socket module, and mip and requests, which need it, not frozen)
MPS2_FROZEN_PY := $(filter-out lib/mip/% lib/requests/%,$(FROZEN_PY))
MPS2_FW_SRC := $(filter-out $(MODULES_HOST_ONLY),$(MPS2_FW_SRC))
ifeq ($(MPS2_MINIMAL),1) # make firmware-minimal: no optional modules, nothing frozen
MPS2_FW_SRC := $(filter-out $(MODULES_OPTIONAL) $(MODULES_BLE_SRC),$(MPS2_FW_SRC))
MPS2_QSTR_SOURCES := $(filter-out $(MODULES_OPTIONAL) $(MODULES_HOST_ONLY),$(QSTR_SOURCES))
MPS2_FROZEN_PY :=
endif
MPS2_FW_OBJ := $(patsubst %.c,$(MPS2_BUILD)/fw/%.o,$(MPS2_FW_SRC)) $(MPS2_BUILD)/fw/frozen.o
MPS2_FW_FLAGS := -I$(MPS2_GEN) -DPY_CFG_FROZEN_SOURCE=0 $(if $(MPS2_MINIMAL),-DMOD_CFG_MINIMAL=1) $(if $(MPS2_HEAP),-DMPS2_HEAP_SIZE=$(MPS2_HEAP))
MPS2_FW_ELF := $(MPS2_BUILD)/rtpy.elf
MPS2_BOOT_ELF := $(MPS2_BUILD)/boot.elf # the bootloader and the firmware it loads: below
MPS2_APP_ELF := $(MPS2_BUILD)/app.elf

$(MPS2_GEN)/frozen.c: $(FREEZER) FORCE
	@mkdir -p $(MPS2_GEN)
	$(Q)$(FREEZER) $@ $(MPS2_GEN)/frozen_qstr.h lib $(MPS2_FROZEN_PY) $(MPS2_FROZEN)
$(MPS2_GEN)/py/qstr_gen.h: $(MPS2_GEN)/frozen.c FORCE
	@mkdir -p $(MPS2_GEN)/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(MPS2_GEN)/py py/qstrdefs.h $(MPS2_QSTR_SOURCES) $(MPS2_GEN)/frozen.c \
	    $(MPS2_GEN)/frozen_qstr.h

$(MPS2_BUILD)/fw/%.o: %.c | $(MPS2_GEN)/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2 fw] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) $(MPS2_FW_FLAGS) -c $< -o $@
$(MPS2_BUILD)/fw/frozen.o: $(MPS2_GEN)/frozen.c | $(MPS2_GEN)/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2 fw] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) $(MPS2_FW_FLAGS) -c $< -o $@

$(MPS2_FW_ELF): $(MPS2_FW_OBJ) $(MPS2_KERNEL_OBJ) $(MPS2_BOARD_OBJ) boards/mps2-an385/mps2-an385.ld \
                boards/mps2-an385/sections.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(MPS2_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) -lm -o $@
	$(Q)$(MPS2_SIZE) $@

firmware: $(MPS2_FW_ELF)

# The language core, the kernel and the REPL with sys, gc, time, _thread, rtos, machine,
# micropython and io: the size to compare with the full firmware (docs/performance.md).
firmware-minimal:
	$(Q)$(MAKE) --no-print-directory MPS2_MINIMAL=1 MPS2_BUILD=$(MPS2_BUILD)/minimal \
	    $(MPS2_BUILD)/minimal/rtpy.elf

# FLASH=file: the board's flash, kept in that file (docs/storage.md)
qemu: $(MPS2_FW_ELF)
	$(QEMU_MPS2) $(QEMU_EXTRA) -kernel $<

# Not under -icount: the tests want speed, not instruction-exact time.
test-py-qemu: $(MPS2_FW_ELF)
	$(Q)$(PYTHON3) tests/run_py.py --qemu $< -j 2 --timeout 60

test-repl-qemu: $(MPS2_FW_ELF) $(MPS2_BOOT_ELF) $(MPS2_APP_ELF) $(BUILD)/rtpy $(BUILD)/rtpy-air $(BUILD)/rtpy-ctrl
	$(Q)$(PYTHON3) tests/host/test_host.py --qemu $<
	$(Q)$(PYTHON3) tests/host/test_repl_protocol.py --qemu $<
	$(Q)$(PYTHON3) tests/host/test_storage.py --qemu $<
	$(Q)$(PYTHON3) tests/host/test_ota.py --qemu $<
	$(Q)$(PYTHON3) tests/host/test_qemu_ota.py --boot $(MPS2_BOOT_ELF) --app $(MPS2_APP_ELF)
	$(Q)$(PYTHON3) tests/host/test_ota_uart.py --boot $(MPS2_BOOT_ELF) --app $(MPS2_APP_ELF)
	$(Q)$(PYTHON3) tests/host/test_ble_qemu.py --rtpy $(BUILD)/rtpy --air $(BUILD)/rtpy-air \
	    --ctrl $(BUILD)/rtpy-ctrl --elf $(MPS2_FW_ELF)

# --- the bootloader and the firmware it loads (docs/ota.md, "The QEMU bootloader") ----------
# boot.elf: boot_go with the trusted keys (boot/keys.c, BOOT_KEY as for the firmware), at 0x0
# in SSRAM1; no kernel, no interpreter. app.elf: the firmware's objects linked at 0x20000
# (mps2-an385-app.ld), the image's payload; app-VERSION.signed.bin: its flat binary signed as
# a RAM_LOAD image for 0x20000 (tools/rtpy-img sign --load-addr).
MPS2_BOOT_SRC := ports/mps2-an385/bootloader.c boards/mps2-an385/flash.c $(DRIVERS_SRC) \
	$(BOOT_CRYPTO_SRC) $(BOOT_IMAGE_SRC) $(BOOT_UTIL_SRC) $(BOOT_KEYS_SRC)
MPS2_BOOT_OBJ := $(patsubst %.c,$(MPS2_BUILD)/bl/%.o,$(MPS2_BOOT_SRC))
MPS2_APP_LOAD := 0x00020000
BOOT_SIGN_KEY ?= tests/data/mcuboot/root-ed25519.pem

$(MPS2_BUILD)/bl/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2 boot] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) -c $< -o $@
$(MPS2_BUILD)/bl/boot/keys.o: $(BOOT_KEY_INC)
$(MPS2_BUILD)/bl/boot/keys.o: MPS2_CFLAGS += -DBOOT_KEY_INC='"$(BOOT_KEY_INC)"'

$(MPS2_BOOT_ELF): $(MPS2_BOOT_OBJ) boards/mps2-an385/boot.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(MPS2_ARCH) -T boards/mps2-an385/boot.ld -Wl,--gc-sections --specs=nano.specs \
	    --specs=nosys.specs -Wl,-Map=$@.map $(filter %.o,$^) -o $@
	$(Q)$(MPS2_SIZE) $@

$(MPS2_APP_ELF): $(MPS2_FW_OBJ) $(MPS2_KERNEL_OBJ) $(MPS2_BOARD_OBJ) boards/mps2-an385/mps2-an385-app.ld \
                 boards/mps2-an385/sections.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(subst mps2-an385.ld,mps2-an385-app.ld,$(MPS2_LDFLAGS)) -Wl,-Map=$@.map \
	    $(filter %.o,$^) -lm -o $@
	$(Q)$(MPS2_SIZE) $@
$(MPS2_BUILD)/app.bin: $(MPS2_APP_ELF)
	$(Q)arm-none-eabi-objcopy -O binary $< $@

bootloader: $(MPS2_BOOT_ELF)
firmware-app: $(MPS2_APP_ELF)
# FLASH=file (required): the board booting through the bootloader, the REPL on this terminal
qemu-boot: $(MPS2_BOOT_ELF)
	$(if $(FLASH),,$(error qemu-boot: give FLASH=file, whose slot 0 holds a signed image))
	$(QEMU_MPS2) $(QEMU_EXTRA) -kernel $<

firmware-signed: $(MPS2_BUILD)/app.bin
	$(if $(VERSION),,$(error firmware-signed: give VERSION=x.y.z))
	$(Q)$(PYTHON3) tools/rtpy-img sign -k $(BOOT_SIGN_KEY) -H 0x200 --align 8 -S 0x100000 \
	    --pad-header --load-addr $(MPS2_APP_LOAD) -v $(VERSION) $< $(MPS2_BUILD)/app-$(VERSION).signed.bin
	@echo $(MPS2_BUILD)/app-$(VERSION).signed.bin

# --- benchmarks (bench/target) ------------------------------------------------------------------
# Two builds of the same benchmark: the firmware's configuration, and a lean one like the
# FreeRTOS reference (no argument checks, no stack check, no trace hook, no MPU guard).
MPS2_BENCH_LEAN := -DK_CFG_ARG_CHECK=0 -DK_CFG_STACK_CHECK=0 -DK_CFG_TRACE=0 -DK_CFG_CM_MPU_GUARD=0
MPS2_BENCH_SRC := bench/target/bench.c $(MPS2_KERNEL_SRC) $(MPS2_BOARD_SRC)

$(MPS2_BUILD)/bench/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2 bench] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) -c $< -o $@
$(MPS2_BUILD)/bench-lean/%.o: %.c
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [mps2 bench lean] $<")
	$(Q)$(MPS2_CC) $(MPS2_CFLAGS) $(MPS2_BENCH_LEAN) -c $< -o $@

$(MPS2_BUILD)/bench.elf: $(patsubst %.c,$(MPS2_BUILD)/bench/%.o,$(MPS2_BENCH_SRC)) \
                         boards/mps2-an385/mps2-an385.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(MPS2_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) -o $@
$(MPS2_BUILD)/bench-lean.elf: $(patsubst %.c,$(MPS2_BUILD)/bench-lean/%.o,$(MPS2_BENCH_SRC)) \
                              boards/mps2-an385/mps2-an385.ld
	$(if $(Q),@echo "LD $@")
	$(Q)$(MPS2_CC) $(MPS2_LDFLAGS) -Wl,-Map=$@.map $(filter %.o,$^) -o $@

bench-target: $(MPS2_BUILD)/bench.elf $(MPS2_BUILD)/bench-lean.elf $(MPS2_FW_ELF)
	$(Q)$(PYTHON3) bench/target/run.py --qemu "$(QEMU_MPS2)" --size $(MPS2_SIZE) \
	    --elf $(MPS2_BUILD)/bench.elf --lean $(MPS2_BUILD)/bench-lean.elf
	@echo $(filter %.o,$(MPS2_FW_OBJ) $(MPS2_KERNEL_OBJ) $(MPS2_BOARD_OBJ)) > $(MPS2_BUILD)/fw.objs
	$(Q)$(PYTHON3) bench/target/python.py --qemu "$(QEMU_MPS2)" --objs $(MPS2_BUILD)/fw.objs \
	    --ld "$(MPS2_CC) $(MPS2_LDFLAGS)" --dir $(MPS2_BUILD)/fw-variants --fw $(MPS2_FW_ELF)
	$(Q)$(MPS2_SIZE) $(MPS2_FW_ELF)

# ulab vs a Python loop on the board, instructions an element (-icount shift=0)
bench-ulab-target: $(MPS2_FW_ELF)
	$(Q)$(PYTHON3) bench/ulab/run.py --qemu $<

# GC pauses on the board (bench/gc/board.py): full collections of 64 KiB and 1 MiB heaps half
# full, a high-priority thread's lateness, a hard interrupt's latency while collecting.
bench-gc-target: $(MPS2_FW_ELF)
	@echo $(filter %.o,$(MPS2_FW_OBJ) $(MPS2_KERNEL_OBJ) $(MPS2_BOARD_OBJ)) > $(MPS2_BUILD)/fw.objs
	$(Q)$(PYTHON3) bench/gc/board.py --qemu "$(QEMU_MPS2)" --objs $(MPS2_BUILD)/fw.objs \
	    --ld "$(MPS2_CC) $(MPS2_LDFLAGS)" --dir $(MPS2_BUILD)/fw-variants

mps2-size: $(MPS2_BUILD)/bench.elf $(MPS2_BUILD)/bench-lean.elf
	$(Q)$(PYTHON3) bench/target/run.py --size $(MPS2_SIZE) --elf $(MPS2_BUILD)/bench.elf \
	    --lean $(MPS2_BUILD)/bench-lean.elf --size-only

FORCE:
.PHONY: bench-ulab-target bootloader qemu-boot firmware-app firmware-signed firmware firmware-minimal firmware-kernel-tests test-kernel-qemu test-py-qemu test-repl-qemu qemu bench-target bench-gc-target mps2-size FORCE
-include $(shell find $(MPS2_BUILD) -name '*.d' 2>/dev/null)

ifneq ($(SANITIZE),1) # the sanitizers are a host matter
TEST_SUITES += test-kernel-qemu test-py-qemu test-repl-qemu
endif

# The trusted keys: BOOT_KEY=path.pem as on the host (boot/bootutil.mk)
$(MPS2_BUILD)/fw/boot/keys.o: $(BOOT_KEY_INC)
$(MPS2_BUILD)/fw/boot/keys.o: MPS2_FW_FLAGS += -DBOOT_KEY_INC='"$(BOOT_KEY_INC)"'
