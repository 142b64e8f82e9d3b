# py/: the language core. Every py/*.c is part of it; the static qstrs are generated from
# all sources that reference PY_QSTR_* (see tools/gen_qstr.py).
PY_SRC := $(wildcard py/*.c)
PY_OBJ := $(addprefix $(BUILD)/,$(PY_SRC:.c=.o))
QSTR_SOURCES := $(wildcard py/*.c py/*.h modules/*.c modules/*.h modules/ulab/*.c modules/ulab/*.h ports/*/*.c kernel/*.c)

# Python modules frozen into the binary as bytecode: lib/**/*.py (see py/frozen.h). The
# freezer is py/ itself on the host, built once with its own qstrs (build/freezer); each build
# runs it for its own file set, and the frozen names join that build's static qstrs.
FROZEN_PY := $(sort $(shell find lib -name '*.py' 2>/dev/null))
HOSTCC ?= $(CC)
FREEZER_BUILD := build/freezer
FREEZER := $(FREEZER_BUILD)/freezer
FREEZER_OBJ := $(addprefix $(FREEZER_BUILD)/,$(PY_SRC:.c=.o) ports/minimal/port.o tools/freezer.o)
$(FREEZER_BUILD)/gen/py/qstr_gen.h: FORCE
	@mkdir -p $(FREEZER_BUILD)/gen/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(FREEZER_BUILD)/gen/py py/qstrdefs.h $(wildcard py/*.c py/*.h) tools/freezer.c \
	    ports/minimal/port.c
$(FREEZER_BUILD)/%.o: %.c | $(FREEZER_BUILD)/gen/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CC [freezer] $<")
	$(Q)$(HOSTCC) -std=gnu11 -g -O1 -I. -I$(FREEZER_BUILD)/gen -MMD -MP -c $< -o $@
$(FREEZER): $(FREEZER_OBJ)
	$(Q)$(HOSTCC) $^ -lm -o $@
-include $(FREEZER_OBJ:.o=.d)

# Regenerated on every build (cheap); the outputs change only when their content does.
$(GEN)/frozen.c: $(FREEZER) FORCE
	@mkdir -p $(GEN)
	$(Q)$(FREEZER) $@ $(GEN)/frozen_qstr.h lib $(FROZEN_PY)
$(GEN)/frozen.o: $(GEN)/frozen.c | $(GEN)/py/qstr_gen.h
	$(if $(Q),@echo "CC $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@
PY_OBJ += $(GEN)/frozen.o

$(GEN)/py/qstr_gen.h: $(GEN)/frozen.c FORCE
	@mkdir -p $(GEN)/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(GEN)/py py/qstrdefs.h $(QSTR_SOURCES) $(GEN)/frozen.c $(GEN)/frozen_qstr.h
$(GEN)/py/qstr_table.h: $(GEN)/py/qstr_gen.h

FORCE:
.PHONY: FORCE
