# ports/host: the rtpy host program.
HOST_SRC := ports/host/main.c ports/host/port.c ports/host/console.c ports/host/vfs_posix.c ports/host/socket_posix.c
$(BUILD)/modules/modules.o: CFLAGS += -DMOD_CFG_SOCKET=1 # the socket module (socket_posix.c)
HOST_SRC += $(wildcard boards/sim/*.c) # the simulated board (docs/board-sim.md)
HOST_SRC += $(DRIVERS_SRC) $(FS_SRC) $(BOOT_CRYPTO_SRC) $(BOOT_IMAGE_SRC) $(BOOT_UTIL_SRC) $(BOOT_KEYS_SRC)
HOST_SRC += $(BLE_CRYPTO_SRC) $(BLE_CTRL_SRC) $(AIR_CLIENT_SRC) # the board's BLE chip (boards/sim/ble.c)
HOST_SRC += $(BLE_HOST_SRC) $(BLE_ATT_SRC) # the bluetooth module's host stack
HOST_OBJ := $(addprefix $(BUILD)/,$(HOST_SRC:.c=.o))

# rtpy is linked statically: no dynamic loader at start-up (mapping libc and libm, ~1,000
# relocations and symbol look-ups) takes about a third off `rtpy -c pass`. Not under the
# sanitizers, whose run-times need the loader; `make HOST_LDFLAGS=` links dynamically.
ifneq ($(SANITIZE),1)
HOST_LDFLAGS ?= -static
endif

$(BUILD)/rtpy: $(PY_OBJ) $(MODULES_OBJ) $(HOST_OBJ) $(KERNEL_OBJ)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $(HOST_LDFLAGS) -o $@ $^ $(LDLIBS)
