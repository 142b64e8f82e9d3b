# boot/image.mk: MCUboot's image format (boot/image.c): parse, verify, trailer. Needs an
# implementation of boot/crypto.h (boot/crypto.c, from boot/boot.mk) at link time.
BOOT_IMAGE_SRC := boot/image.c
BOOT_IMAGE_OBJ := $(addprefix $(BUILD)/,$(BOOT_IMAGE_SRC:.c=.o))
