# boot/bootutil.mk: the bootloader's decision and swap logic (boot/bootutil.c, docs/ota.md),
# a library over drivers/flash.h and boot/image.c (boot/image.mk is included before this file).
BOOT_UTIL_SRC := boot/bootutil.c
BOOT_UTIL_OBJ := $(addprefix $(BUILD)/,$(BOOT_UTIL_SRC:.c=.o))

# The keys the device trusts (boot/keys.c, docs/ota.md "Trusted keys"): by default the TEST key
# of tests/data/mcuboot; `make BOOT_KEY=path.pem` builds in that key's public half instead
# (tools/rtpy-img getpub -e lang-c, which needs python3-cryptography). The generated file only
# changes when the key does, so switching BOOT_KEY rebuilds boot/keys.c and nothing else.
BOOT_KEYS_SRC := boot/keys.c
BOOT_KEY_INC := build/boot-key/key.inc
$(BOOT_KEY_INC): FORCE
	@mkdir -p $(dir $@)
	$(Q)$(if $(BOOT_KEY),$(PYTHON3) tools/rtpy-img getpub -k $(BOOT_KEY) -e lang-c -o $@.tmp,cp boot/key_test_ed25519.inc $@.tmp)
	$(Q)cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
$(BUILD)/boot/keys.o: $(BOOT_KEY_INC)
$(BUILD)/boot/keys.o: CFLAGS += -DBOOT_KEY_INC='"$(BOOT_KEY_INC)"'
