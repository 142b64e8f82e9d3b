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
