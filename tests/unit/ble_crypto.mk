# tests/unit/ble_crypto.mk: ble/smp_crypto.c, the BLE Security Manager's toolbox and P-256
# ECDH (docs/ble-crypto.md), standalone. Vectors in tests/unit/data/ble_crypto come from
# tests/unit/gen_ble_crypto_vectors.py (OpenSSL through python3-cryptography).
#   make test-unit-ble_crypto    the test; build/host/tests/unit/test_ble_crypto --bench times ECDH

$(BUILD)/tests/unit/test_ble_crypto: $(BUILD)/tests/unit/test_ble_crypto.o $(BLE_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-ble_crypto: $(BUILD)/tests/unit/test_ble_crypto
	$(Q)$(BUILD)/tests/unit/test_ble_crypto tests/unit/data/ble_crypto

.PHONY: test-unit-ble_crypto
UNIT_TESTS += test-unit-ble_crypto
