# py/: the language core. Every py/*.c is part of it; the static qstrs are generated from
# all sources that reference PY_QSTR_* (see tools/gen_qstr.py).
PY_SRC := $(wildcard py/*.c)
PY_OBJ := $(addprefix $(BUILD)/,$(PY_SRC:.c=.o))
QSTR_SOURCES := $(wildcard py/*.c py/*.h modules/*.c modules/*.h ports/*/*.c kernel/*.c)

# Regenerated on every build (cheap); the outputs change only when the qstr set changes.
$(GEN)/py/qstr_gen.h: FORCE
	@mkdir -p $(GEN)/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(GEN)/py py/qstrdefs.h $(QSTR_SOURCES)
$(GEN)/py/qstr_table.h: $(GEN)/py/qstr_gen.h

FORCE:
.PHONY: FORCE

# Python modules frozen into the binary: lib/**/*.py (see py/frozen.h, tools/freeze.py).
FROZEN_PY := $(sort $(shell find lib -name '*.py' 2>/dev/null))
$(GEN)/frozen.c: FORCE # cheap; rewritten only when the output changes
	@mkdir -p $(GEN)
	$(Q)$(PYTHON3) tools/freeze.py $@ lib $(FROZEN_PY)
$(GEN)/frozen.o: $(GEN)/frozen.c
	$(if $(Q),@echo "CC $<")
	$(Q)$(CC) $(CFLAGS) -c $< -o $@
PY_OBJ += $(GEN)/frozen.o
