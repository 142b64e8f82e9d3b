# Test wiring: `make test` runs every suite in turn; each ends with "N passed, N failed".
#   test-unit    C unit tests of self-contained libraries (tests/unit/*.mk add UNIT_TESTS)
#   test-kernel  the kernel's C tests and stress test (tests/kernel/tests.mk)
#   test-py      Python programs compared with CPython (tests/run_py.py)
#   test-host    the rtpy program: command line, tracebacks, pipes, the REPL on a pty;
#                MicroPython's REPL protocol for tools byte for byte (test_repl_protocol.py);
#                tools/rtpy-remote against it, fake devices and (when built) the firmware in QEMU;
#                the flash file system across runs (test_storage.py); --trace-vcd / --trace-sched
#                files and tools/trace-timeline (test_trace.py); tools/rtpy-img against
#                imgtool's images (test_img.py); over-the-air updates through the ota module,
#                rtpy-remote ota and the simulator's boot (test_ota.py); the UART update
#                example, its UART 1 on a pty (test_ota_uart.py); boards on the simulated radio
#                (rtpy-air) driven with raw HCI (test_ble_air.py); the BLE examples (test_ble_examples.py), and with the bluetooth
#                module (test_ble_py.py), and aioble over it (test_aioble.py); the type stubs against
#                rtpy's modules and mypy --strict over the examples (test_stubs.py); mip and
#                rtpy-remote mip install against a local index (test_mip.py)
#   test-examples  the examples/ programs under pytest-rtpy (tests/examples/examples.mk)
#   test-cross   rtpy-cross and precompiled modules (tests/cross: docs/cross.md), and the whole
#                Python suite run precompiled
#   test-cross-qemu  the same, and .rpyc bytes made on the host run by the firmware in QEMU
-include tests/unit/*.mk
-include tests/kernel/tests.mk

test-unit: $(UNIT_TESTS)

test-py: $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/run_py.py --rtpy $(BUILD)/rtpy $(if $(CI),,-j 2)

# Pass counts per topic, for docs/compatibility.md (runs the whole Python suite).
compat: $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/run_py.py --rtpy $(BUILD)/rtpy --by-topic

test-host: $(BUILD)/rtpy $(BUILD)/rtpy-cross $(BUILD)/tests/unit/test_image $(BUILD)/rtpy-air
	$(Q)$(PYTHON3) tests/host/test_host.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_repl_protocol.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_remote.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_storage.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_trace.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_img.py --c-verify $(BUILD)/tests/unit/test_image
	$(Q)$(PYTHON3) tests/host/test_ota.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_ota_uart.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_ble_air.py --rtpy $(BUILD)/rtpy --air $(BUILD)/rtpy-air
	$(Q)$(PYTHON3) tests/host/test_ble_examples.py --rtpy $(BUILD)/rtpy --air $(BUILD)/rtpy-air
	$(Q)$(PYTHON3) tests/host/test_ble_py.py --rtpy $(BUILD)/rtpy --air $(BUILD)/rtpy-air
	$(Q)$(PYTHON3) tests/host/test_aioble.py --rtpy $(BUILD)/rtpy --air $(BUILD)/rtpy-air
	$(Q)$(PYTHON3) tests/host/test_stubs.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_mip.py --rtpy $(BUILD)/rtpy --cross $(BUILD)/rtpy-cross

test-cross: $(BUILD)/rtpy $(BUILD)/rtpy-cross
	$(Q)$(PYTHON3) tests/cross/test_cross.py --rtpy $(BUILD)/rtpy --cross $(BUILD)/rtpy-cross
	$(Q)$(PYTHON3) tests/cross/roundtrip.py --rtpy $(BUILD)/rtpy --cross $(BUILD)/rtpy-cross $(if $(CI),-j 1,-j 2)

# (the firmware's make file, ports/mps2-an385/mps2.mk, defines `firmware`)
test-cross-qemu: $(BUILD)/rtpy $(BUILD)/rtpy-cross firmware
	$(Q)$(PYTHON3) tests/cross/test_cross.py --rtpy $(BUILD)/rtpy --cross $(BUILD)/rtpy-cross \
	    --qemu build/mps2-an385/rtpy.elf

TEST_SUITES := test-unit $(filter test-kernel test-air,$(TEST_SUITES)) test-py test-host test-cross
ifneq ($(SANITIZE),1) # the board is not a sanitizer matter
TEST_SUITES += test-cross-qemu
endif
include tests/sim.mk
include tests/examples/examples.mk

test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)set -e; for s in $(TEST_SUITES); do $(MAKE) --no-print-directory $$s; done

.PHONY: test test-unit test-py test-host test-cross test-cross-qemu compat
