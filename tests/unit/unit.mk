# tests/unit/unit.mk: standalone unit tests of py/dtoa.c and py/format.c (no interpreter).
# Vectors in tests/unit/data come from tests/unit/gen_format_vectors.py (CPython 3.11's repr,
# float() and format()); the tests also check a few million random cases against glibc.
# `make test-unit-format` builds and runs both; `test_dtoa --bench` prints repr/parse timings.

UNIT_FORMAT_TESTS := $(BUILD)/tests/unit/test_dtoa $(BUILD)/tests/unit/test_format

$(BUILD)/tests/unit/test_dtoa: $(BUILD)/tests/unit/test_dtoa.o $(BUILD)/py/dtoa.o
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(BUILD)/tests/unit/test_format: $(BUILD)/tests/unit/test_format.o $(BUILD)/py/format.o \
		$(BUILD)/py/dtoa.o
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-format: $(UNIT_FORMAT_TESTS)
	$(Q)$(BUILD)/tests/unit/test_dtoa tests/unit/data
	$(Q)$(BUILD)/tests/unit/test_format tests/unit/data

.PHONY: test-unit-format
UNIT_TESTS += test-unit-format
