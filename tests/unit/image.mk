# tests/unit/image.mk: boot/image.c against imgtool's reference images (tests/data/mcuboot).
# `make test-unit-image` (also under SANITIZE=1). The crypto is boot/crypto.c when it exists;
# until it is merged, tests/unit/crypto_openssl.c (a test-only stand-in over libcrypto).
ifneq ($(wildcard boot/crypto.c),)
IMAGE_TEST_CRYPTO := $(BUILD)/boot/crypto.o
IMAGE_TEST_LIBS :=
else
IMAGE_TEST_CRYPTO := $(BUILD)/tests/unit/crypto_openssl.o
IMAGE_TEST_LIBS := -lcrypto
endif

$(BUILD)/tests/unit/test_image: $(BUILD)/tests/unit/test_image.o $(BOOT_IMAGE_OBJ) \
		$(IMAGE_TEST_CRYPTO)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(IMAGE_TEST_LIBS) $(LDLIBS) -o $@

test-unit-image: $(BUILD)/tests/unit/test_image
	$(Q)$(BUILD)/tests/unit/test_image tests/data/mcuboot

.PHONY: test-unit-image
UNIT_TESTS += test-unit-image
