# boot/image.mk: MCUboot's image format (boot/image.c): parse, verify, trailer. Needs an
# implementation of boot/crypto.h at link time: boot/crypto.c (boot/boot.mk) in firmware.
BOOT_IMAGE_SRC := boot/image.c
BOOT_IMAGE_OBJ := $(addprefix $(BUILD)/,$(BOOT_IMAGE_SRC:.c=.o))

# The crypto the host tests and the fuzz target link with boot/image.c: boot/crypto.c as soon
# as it exists; until then tests/unit/crypto_openssl.c, a TEST-ONLY stand-in over libcrypto.
ifneq ($(wildcard boot/crypto.c),)
BOOT_IMAGE_TEST_CRYPTO_SRC := boot/crypto.c
BOOT_IMAGE_TEST_LIBS :=
else
BOOT_IMAGE_TEST_CRYPTO_SRC := tests/unit/crypto_openssl.c
BOOT_IMAGE_TEST_LIBS := -lcrypto
endif
