# boot/boot.mk: the bootloader's pieces shared with the runtime. BOOT_CRYPTO_SRC is the
# signature verification of docs/crypto.md (SHA-256, Ed25519, ECDSA P-256), plain C with no
# heap and no globals, built into whatever links it (the unit test, the fuzz target, later the
# bootloader and hashlib).
#   make boot-crypto-size   Cortex-M3 -Os object sizes and worst-case stack depths (docs/crypto.md)
BOOT_CRYPTO_SRC := boot/sha256.c boot/sha512.c boot/bn256.c boot/ed25519.c boot/p256.c
BOOT_CRYPTO_OBJ := $(addprefix $(BUILD)/,$(BOOT_CRYPTO_SRC:.c=.o))

BOOT_M3_BUILD := build/boot-m3
boot-crypto-size:
	@mkdir -p $(BOOT_M3_BUILD)
	$(Q)set -e; for f in $(BOOT_CRYPTO_SRC); do \
	    arm-none-eabi-gcc -std=gnu11 $(WARN) -Os -mcpu=cortex-m3 -mthumb -I. -fstack-usage \
	        -fcallgraph-info=su -c $$f -o $(BOOT_M3_BUILD)/$$(basename $$f .c).o; \
	done
	$(Q)arm-none-eabi-size -t $(addprefix $(BOOT_M3_BUILD)/,$(notdir $(BOOT_CRYPTO_SRC:.c=.o)))
	$(Q)$(PYTHON3) boot/crypto_stack.py $(BOOT_M3_BUILD)/*.ci
.PHONY: boot-crypto-size
