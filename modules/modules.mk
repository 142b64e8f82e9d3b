# modules/: Python modules written in C.
MODULES_SRC := $(wildcard modules/*.c modules/ulab/*.c)
MODULES_OBJ := $(addprefix $(BUILD)/,$(MODULES_SRC:.c=.o))
# What a minimal build (MOD_CFG_MINIMAL=1: make firmware-minimal) leaves out. It keeps the
# language core, sys, gc, time, _thread, rtos, machine, micropython, io and the REPL.
MODULES_OPTIONAL := $(addprefix modules/mod_,$(addsuffix .c,array binascii collections errno \
    functools hashlib heapq itertools json math os ota random re re_compile re_match select struct \
    bluetooth bluetooth_stack bluetooth_uuid)) $(wildcard modules/ulab/*.c modules/ulab/*.h)
# The bluetooth module's stack (ble/ble.mk, read later: hence `=`): the host core, SMP, GATT and
# the H4 reader; not the controller or the air client, which are the simulated board's.
MODULES_BLE_SRC = $(BLE_HOST_SRC) $(BLE_ATT_SRC) $(BLE_CRYPTO_SRC) ble/h4.c
# Modules only ports with their interface build (the host: MOD_CFG_SOCKET in ports/host/host.mk).
MODULES_HOST_ONLY := modules/mod_socket.c
