# boot/image.mk: MCUboot's image format (boot/image.c): parse, verify, trailer. Links with the
# crypto of boot/boot.mk (included before this file).
BOOT_IMAGE_SRC := boot/image.c
BOOT_IMAGE_OBJ := $(addprefix $(BUILD)/,$(BOOT_IMAGE_SRC:.c=.o))
BOOT_IMAGE_TEST_CRYPTO_SRC := $(BOOT_CRYPTO_SRC)
BOOT_IMAGE_TEST_CRYPTO_OBJ := $(BOOT_CRYPTO_OBJ)
BOOT_IMAGE_TEST_LIBS :=
