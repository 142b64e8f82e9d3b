# tests/unit/ble_ctrl.mk: the virtual BLE controller (ble/ctrl) with two instances on an
# in-memory air, in the kernel's virtual time (no interpreter), and the H4 reader. One
# device's HCI traffic is kept as a btsnoop file that Debian's tshark must decode without a
# malformed packet.

$(BUILD)/tests/unit/test_ble_ctrl: $(BUILD)/tests/unit/test_ble_ctrl.o $(BLE_CTRL_OBJ) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-ble_ctrl: $(BUILD)/tests/unit/test_ble_ctrl
	$(Q)$(BUILD)/tests/unit/test_ble_ctrl $(BUILD)/tests/unit/ble_ctrl.btsnoop
	$(Q)$(PYTHON3) tests/unit/check_btsnoop.py $(BUILD)/tests/unit/ble_ctrl.btsnoop

.PHONY: test-unit-ble_ctrl
UNIT_TESTS += test-unit-ble_ctrl
