# tests/unit/image.mk: boot/image.c against imgtool's reference images (tests/data/mcuboot).
# `make test-unit-image` (also under SANITIZE=1). The crypto: see boot/image.mk.
$(BUILD)/tests/unit/test_image: $(BUILD)/tests/unit/test_image.o $(BOOT_IMAGE_OBJ) \
		$(BOOT_IMAGE_TEST_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(BOOT_IMAGE_TEST_LIBS) $(LDLIBS) -o $@

test-unit-image: $(BUILD)/tests/unit/test_image
	$(Q)$(BUILD)/tests/unit/test_image tests/data/mcuboot

.PHONY: test-unit-image
UNIT_TESTS += test-unit-image
