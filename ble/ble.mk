# ble/ble.mk: the Bluetooth LE pieces' sources and objects (docs/ble.md), for the programs,
# tests and fuzz targets that link them.
#   BLE_CRYPTO_*  the Security Manager's toolbox and ECDH (with boot/'s P-256 arithmetic)
#   BLE_CTRL_*    the virtual controller (host only: it runs in the kernel's simulation)
#   BLE_HOST_*    the host stack's core: HCI, connections, L2CAP, the Security Manager
#   BLE_ATT_*     ATT: the GATT server and client (docs/ble-att.md)
BLE_CRYPTO_SRC := ble/smp_crypto.c
BLE_CTRL_SRC := ble/ctrl/ctrl.c ble/ctrl/ctrl_conn.c ble/h4.c ble/btsnoop.c
BLE_HOST_SRC := ble/host/host.c ble/host/l2cap.c ble/host/smp.c
BLE_ATT_SRC := ble/gatt_server.c ble/gatt_client.c

ble_obj = $(patsubst %.c,$(BUILD)/%.o,$(1))
BLE_CRYPTO_OBJ := $(call ble_obj,$(BLE_CRYPTO_SRC)) $(BOOT_CRYPTO_OBJ)
BLE_CTRL_OBJ := $(call ble_obj,$(BLE_CTRL_SRC)) $(BLE_CRYPTO_OBJ)
BLE_HOST_OBJ := $(call ble_obj,$(BLE_HOST_SRC))
BLE_ATT_OBJ := $(call ble_obj,$(BLE_ATT_SRC))

# rtpy-ctrl: the controller as a host program, for boards outside the simulator (QEMU)
$(BUILD)/rtpy-ctrl: $(BUILD)/ble/ctrl/rtpy_ctrl.o $(BLE_CTRL_OBJ) $(AIR_CLIENT_OBJ) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

all: $(BUILD)/rtpy-ctrl
