# tests/unit/bootutil.mk: boot/bootutil.c on a 4 MiB flash in memory: swap types, validation,
# downgrade protection and a power cut at every flash operation. `make test-unit-bootutil`
# (also under SANITIZE=1).
$(BUILD)/tests/unit/test_bootutil: $(BUILD)/tests/unit/test_bootutil.o $(BOOT_UTIL_OBJ) \
		$(BUILD)/drivers/flash.o $(BOOT_IMAGE_OBJ) $(BOOT_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-bootutil: $(BUILD)/tests/unit/test_bootutil
	$(Q)$(BUILD)/tests/unit/test_bootutil tests/data/mcuboot

.PHONY: test-unit-bootutil
UNIT_TESTS += test-unit-bootutil
