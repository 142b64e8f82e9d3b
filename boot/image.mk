# boot/image.mk: MCUboot's image format (boot/image.c): parse, verify, trailer. Needs an
# implementation of boot/crypto.h at link time: BOOT_CRYPTO_SRC (boot/boot.mk) in firmware.
BOOT_IMAGE_SRC := boot/image.c
BOOT_IMAGE_OBJ := $(addprefix $(BUILD)/,$(BOOT_IMAGE_SRC:.c=.o))

# The crypto the host tests and the fuzz target link with boot/image.c: boot/boot.mk's
# BOOT_CRYPTO_SRC (branch step8-crypto) when it is there; until then tests/unit/crypto_openssl.c,
# a TEST-ONLY stand-in over libcrypto. (boot/boot.mk must be included before this file.)
ifneq ($(strip $(BOOT_CRYPTO_SRC)),)
BOOT_IMAGE_TEST_CRYPTO_SRC := $(BOOT_CRYPTO_SRC)
BOOT_IMAGE_TEST_LIBS :=
else
BOOT_IMAGE_TEST_CRYPTO_SRC := tests/unit/crypto_openssl.c
BOOT_IMAGE_TEST_LIBS := -lcrypto
endif
BOOT_IMAGE_TEST_CRYPTO_OBJ := $(addprefix $(BUILD)/,$(BOOT_IMAGE_TEST_CRYPTO_SRC:.c=.o))
