# tests/unit/core.mk: C unit tests of the language core (GC, object model), linked with the
# smallest port, ports/minimal/port.c, to show py/ needs nothing else.
CORE_TEST_SUPPORT := $(BUILD)/tests/unit/unit_harness.o $(BUILD)/ports/minimal/port.o

$(BUILD)/tests/unit/test_gc $(BUILD)/tests/unit/test_obj: $(BUILD)/tests/unit/%: $(BUILD)/tests/unit/%.o $(CORE_TEST_SUPPORT) $(PY_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-core: $(BUILD)/tests/unit/test_gc $(BUILD)/tests/unit/test_obj
	$(Q)$(BUILD)/tests/unit/test_gc
	$(Q)$(BUILD)/tests/unit/test_obj

.PHONY: test-unit-core
UNIT_TESTS += test-unit-core
