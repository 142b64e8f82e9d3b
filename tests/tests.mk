# Test wiring: `make test` runs every suite in turn; each ends with "N passed, N failed".
#   test-unit    C unit tests of self-contained libraries (tests/unit/*.mk add UNIT_TESTS)
#   test-kernel  the kernel's C tests and stress test (tests/kernel/tests.mk)
#   test-py      Python programs compared with CPython (tests/run_py.py)
#   test-host    the rtpy program: command line, tracebacks, pipes, the REPL on a pty; and
#                tools/rtpy-img against imgtool's images (tests/host/test_img.py)
-include tests/unit/*.mk
-include tests/kernel/tests.mk

test-unit: $(UNIT_TESTS)

test-py: $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/run_py.py --rtpy $(BUILD)/rtpy $(if $(CI),,-j 2)

# Pass counts per topic, for docs/compatibility.md (runs the whole Python suite).
compat: $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/run_py.py --rtpy $(BUILD)/rtpy --by-topic

test-host: $(BUILD)/rtpy $(BUILD)/tests/unit/test_image
	$(Q)$(PYTHON3) tests/host/test_host.py --rtpy $(BUILD)/rtpy
	$(Q)$(PYTHON3) tests/host/test_img.py --c-verify $(BUILD)/tests/unit/test_image

TEST_SUITES := test-unit $(filter test-kernel,$(TEST_SUITES)) test-py test-host
include tests/sim.mk

test: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)set -e; for s in $(TEST_SUITES); do $(MAKE) --no-print-directory $$s; done

.PHONY: test test-unit test-py test-host compat
