# ble/air.mk: the simulated radio medium (docs/air.md).
#   make build/host/rtpy-air   the medium, a host program (ble/air/)
#   make test-air              tests/air/test_air.py: rtpy-air with 2-3 test devices
#                              (tests/air/air_dev.c: kernel sim + ble/air_client.c, no Python)
# AIR_CLIENT_OBJ is for programs that join the medium (rtpy, rtpy-ctrl).

AIR_MEDIUM_SRC := ble/air/air_medium.c
AIR_CLIENT_SRC := ble/air_client.c
AIR_CLIENT_OBJ := $(patsubst %.c,$(BUILD)/%.o,$(AIR_CLIENT_SRC))
AIR_DEV_BIN := $(BUILD)/tests/air/air_dev

$(BUILD)/rtpy-air: $(patsubst %.c,$(BUILD)/%.o,$(AIR_MEDIUM_SRC))
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(AIR_DEV_BIN): $(BUILD)/tests/air/air_dev.o $(AIR_CLIENT_OBJ) $(KERNEL_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LD $@")
	$(Q)$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

all: $(BUILD)/rtpy-air

test-air: $(BUILD)/rtpy-air $(AIR_DEV_BIN)
	$(Q)$(PYTHON3) tests/air/test_air.py --air $(BUILD)/rtpy-air --dev $(AIR_DEV_BIN)

TEST_SUITES += test-air

.PHONY: test-air
