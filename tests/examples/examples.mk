# tests/examples/examples.mk: the examples/ programs tested with the pytest plugin pytest-rtpy
# (tools/pytest_rtpy, docs/testing.md), and the plugin's own tests (included by tests.mk).
#   make test-examples       on the simulated board (Debian's python3-pytest)
#   make test-examples-qemu  the same tests against the firmware in QEMU: those that need the
#                            simulated board's inputs or trace are skipped, with the reason
PYTEST_RTPY := PYTHONPATH=tools $(PYTHON3) -m pytest -p pytest_rtpy -p pytester -p no:cacheprovider -q -rs

test-examples: $(BUILD)/rtpy
	$(Q)$(PYTEST_RTPY) tests/examples --rtpy $(BUILD)/rtpy

test-examples-qemu: firmware
	$(Q)$(PYTEST_RTPY) tests/examples/test_examples.py --rtpy-target=qemu --rtpy-elf build/mps2-an385/rtpy.elf

TEST_SUITES += test-examples
ifneq ($(SANITIZE),1)
TEST_SUITES += test-examples-qemu
endif
.PHONY: test-examples test-examples-qemu
