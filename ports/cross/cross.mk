# ports/cross: rtpy-cross, the compiler to precompiled modules (docs/cross.md). The same py/
# objects as rtpy (so the same compiler, qstrs and bytecode) with the minimal port: it only
# compiles and saves, it runs nothing.
CROSS_OBJ := $(BUILD)/ports/cross/main.o $(BUILD)/ports/minimal/port.o

$(BUILD)/rtpy-cross: $(PY_OBJ) $(CROSS_OBJ)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

all: $(BUILD)/rtpy-cross
