# boot/bootutil.mk: the bootloader's decision and swap logic (boot/bootutil.c, docs/ota.md),
# a library over drivers/flash.h and boot/image.c (boot/image.mk is included before this file).
BOOT_UTIL_SRC := boot/bootutil.c
BOOT_UTIL_OBJ := $(addprefix $(BUILD)/,$(BOOT_UTIL_SRC:.c=.o))
