# ports/host: the rtpy host program.
HOST_SRC := ports/host/main.c ports/host/port.c ports/host/console.c ports/host/vfs_posix.c
HOST_SRC += $(wildcard boards/sim/*.c) # the simulated board (docs/board-sim.md)
HOST_OBJ := $(addprefix $(BUILD)/,$(HOST_SRC:.c=.o))

$(BUILD)/rtpy: $(PY_OBJ) $(MODULES_OBJ) $(HOST_OBJ) $(KERNEL_OBJ)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)
