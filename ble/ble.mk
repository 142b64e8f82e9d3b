# ble/ble.mk: the Bluetooth LE pieces' object lists (docs/ble.md), for the programs and tests
# that link them.
#   BLE_CRYPTO_OBJ  the Security Manager's toolbox and ECDH (with boot/'s P-256 arithmetic)
#   BLE_CTRL_OBJ    the virtual controller (host only: it runs in the kernel's simulation)
#   BLE_HOST_OBJ    the host stack's core: HCI, connections, L2CAP, the Security Manager
BLE_CRYPTO_OBJ := $(BUILD)/ble/smp_crypto.o $(BOOT_CRYPTO_OBJ)
BLE_CTRL_OBJ := $(patsubst %.c,$(BUILD)/%.o,ble/ctrl/ctrl.c ble/ctrl/ctrl_conn.c ble/h4.c ble/btsnoop.c) \
                $(BLE_CRYPTO_OBJ)
BLE_HOST_OBJ := $(patsubst %.c,$(BUILD)/%.o,ble/host/host.c ble/host/l2cap.c ble/host/smp.c)
