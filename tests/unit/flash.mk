# tests/unit/flash.mk: drivers/flash.c (NOR rules, faults) on a device in memory.
$(BUILD)/tests/unit/test_flash: $(BUILD)/tests/unit/test_flash.o $(BUILD)/drivers/flash.o
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-flash: $(BUILD)/tests/unit/test_flash
	$(Q)$(BUILD)/tests/unit/test_flash

.PHONY: test-unit-flash
UNIT_TESTS += test-unit-flash
