# tests/unit/ble_host.mk: the host stack (ble/host, with GATT on top) over the virtual
# controller, two devices in one process in virtual time (no interpreter).

$(BUILD)/tests/unit/test_ble_host: $(BUILD)/tests/unit/test_ble_host.o $(BLE_HOST_OBJ) $(BLE_ATT_OBJ) $(BLE_CTRL_OBJ) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-ble_host: $(BUILD)/tests/unit/test_ble_host
	$(Q)$(BUILD)/tests/unit/test_ble_host

.PHONY: test-unit-ble_host
UNIT_TESTS += test-unit-ble_host
