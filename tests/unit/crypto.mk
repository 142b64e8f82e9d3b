# tests/unit/crypto.mk: boot/'s SHA-256, Ed25519 and ECDSA P-256 (docs/crypto.md), standalone.
# Vectors in tests/unit/data/crypto come from tests/unit/gen_crypto_vectors.py (hashlib and
# OpenSSL through python3-cryptography); the MCUboot fixture images there too.
$(BUILD)/tests/unit/test_crypto: $(BUILD)/tests/unit/test_crypto.o $(BOOT_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-crypto: $(BUILD)/tests/unit/test_crypto
	$(Q)$(BUILD)/tests/unit/test_crypto tests/unit/data/crypto

.PHONY: test-unit-crypto
UNIT_TESTS += test-unit-crypto
