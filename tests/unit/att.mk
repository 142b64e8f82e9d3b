# tests/unit/att.mk: ble/'s ATT layer, GATT server and GATT client back to back in memory
# (docs/ble-att.md), standalone. `make test-unit-att` (also under SANITIZE=1).

$(BUILD)/tests/unit/test_att: $(BUILD)/tests/unit/test_att.o $(BLE_ATT_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-att: $(BUILD)/tests/unit/test_att
	$(Q)$(BUILD)/tests/unit/test_att

.PHONY: test-unit-att
UNIT_TESTS += test-unit-att
