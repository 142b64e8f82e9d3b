# fuzz/: the libFuzzer targets (clang) and the regression replay (any compiler).
#   make fuzz [FUZZ_SECONDS=60]   run every target with ASan+UBSan, FUZZ_SECONDS in all (shared)
#   make test-fuzz-regress        replay the kept inputs (part of `make test`)
# Targets and their kept inputs: fuzz_compile (compiler and VM: tests/fuzz/*.py), fuzz_re (the
# re module: tests/fuzz/re/), fuzz_json (the json module: tests/fuzz/json/), fuzz_rpyc (the
# .rpyc loader, py/persist.c: tests/fuzz/rpyc/; its seeds are also the modules of
# tests/cross/mods, precompiled by this build's rtpy-cross), fuzz_crypto (boot/'s signature
# verification, no interpreter: tests/unit/data/crypto/fuzz/), fuzz_image (boot/image.c, no
# interpreter: tests/fuzz/image/), fuzz_att (ble/'s GATT server and client, no interpreter:
# tests/fuzz/att/), fuzz_hci (ble/'s host stack fed by a hostile controller: HCI, L2CAP, SMP,
# GATT; tests/fuzz/hci/, seeds from fuzz/gen_hci_seeds.py), fuzz_air (ble/ctrl's link layer fed by
# a hostile peer on the air: advertising, scanning, initiating, connections in both roles; no
# interpreter nor kernel; tests/fuzz/air/, seeds from fuzz/gen_air_seeds.py).
# One target alone: make fuzz FUZZ_TARGETS=crypto FUZZ_SECONDS=60
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build/fuzz
FUZZ_CFLAGS := -std=gnu11 -g -O1 -I. -I$(FUZZ_BUILD)/gen -DPY_CFG_SANITIZE=1 \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_TARGETS := compile re json rpyc crypto image att hci air
FUZZ_MOD_re := modules/mod_re.c modules/mod_re_compile.c modules/mod_re_match.c
FUZZ_MOD_json := modules/mod_json.c
FUZZ_SEEDS_compile := tests/fuzz $(sort $(dir $(wildcard tests/py/*/*.py)))
FUZZ_SEEDS_re := tests/fuzz/re
FUZZ_SEEDS_json := tests/fuzz/json
FUZZ_SEEDS_rpyc := tests/fuzz/rpyc $(FUZZ_BUILD)/seeds_rpyc
FUZZ_SEEDS_crypto := tests/unit/data/crypto/fuzz
FUZZ_SEEDS_image := tests/fuzz/image
FUZZ_SEEDS_att := tests/fuzz/att
FUZZ_SEEDS_hci := tests/fuzz/hci
FUZZ_SEEDS_air := tests/fuzz/air
FUZZ_REGRESS_compile := $(wildcard tests/fuzz/*.py)
FUZZ_REGRESS_re := $(wildcard tests/fuzz/re/*)
FUZZ_REGRESS_json := $(wildcard tests/fuzz/json/*)
FUZZ_REGRESS_rpyc := $(wildcard tests/fuzz/rpyc/*)
FUZZ_REGRESS_crypto := $(wildcard tests/unit/data/crypto/fuzz/*)
FUZZ_REGRESS_image := $(wildcard tests/fuzz/image/*)
FUZZ_REGRESS_att := $(wildcard tests/fuzz/att/*)
FUZZ_REGRESS_hci := $(wildcard tests/fuzz/hci/*)
FUZZ_REGRESS_air := $(wildcard tests/fuzz/air/*)

fuzz_obj = $(addprefix $(FUZZ_BUILD)/obj/,$(1:.c=.o))
FUZZ_PY_OBJ := $(call fuzz_obj,$(PY_SRC)) $(FUZZ_BUILD)/obj/frozen.o

$(FUZZ_BUILD)/gen/frozen.c: $(FREEZER) FORCE
	@mkdir -p $(dir $@)
	$(Q)$(FREEZER) $@ $(FUZZ_BUILD)/gen/frozen_qstr.h lib $(FROZEN_PY)
$(FUZZ_BUILD)/gen/py/qstr_gen.h: $(FUZZ_BUILD)/gen/frozen.c FORCE
	@mkdir -p $(FUZZ_BUILD)/gen/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(FUZZ_BUILD)/gen/py py/qstrdefs.h $(QSTR_SOURCES) \
	    $(FUZZ_BUILD)/gen/frozen.c $(FUZZ_BUILD)/gen/frozen_qstr.h

$(FUZZ_BUILD)/obj/%.o: %.c | $(FUZZ_BUILD)/gen/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "CLANG $<")
	$(Q)clang $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/obj/frozen.o: $(FUZZ_BUILD)/gen/frozen.c | $(FUZZ_BUILD)/gen/py/qstr_gen.h
	@mkdir -p $(dir $@)
	$(Q)clang $(FUZZ_CFLAGS) -c $< -o $@

$(FUZZ_BUILD)/fuzz_re: $(call fuzz_obj,$(FUZZ_MOD_re))
$(FUZZ_BUILD)/fuzz_json: $(call fuzz_obj,$(FUZZ_MOD_json))
$(FUZZ_BUILD)/fuzz_crypto: $(FUZZ_BUILD)/obj/fuzz/fuzz_crypto.o $(call fuzz_obj,$(BOOT_CRYPTO_SRC))
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -o $@
$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/fuzz/fuzz_%.o $(FUZZ_BUILD)/obj/fuzz/fuzz_port.o $(FUZZ_PY_OBJ)
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -lm -o $@

# fuzz_image needs no interpreter: its own rule (an explicit rule wins over the pattern)
$(FUZZ_BUILD)/fuzz_image: $(FUZZ_BUILD)/obj/fuzz/fuzz_image.o \
    $(call fuzz_obj,$(BOOT_IMAGE_SRC) $(BOOT_IMAGE_TEST_CRYPTO_SRC))
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ $(BOOT_IMAGE_TEST_LIBS) -o $@

# fuzz_att and fuzz_hci need no interpreter either
$(FUZZ_BUILD)/fuzz_att: $(FUZZ_BUILD)/obj/fuzz/fuzz_att.o $(call fuzz_obj,$(BLE_ATT_SRC))
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -o $@
FUZZ_HCI_SRC := $(BLE_HOST_SRC) $(BLE_ATT_SRC) $(BLE_CRYPTO_SRC) ble/h4.c $(BOOT_CRYPTO_SRC)
$(FUZZ_BUILD)/fuzz_hci: $(FUZZ_BUILD)/obj/fuzz/fuzz_hci.o $(call fuzz_obj,$(FUZZ_HCI_SRC))
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -o $@
# fuzz_air: the controller with its timers on fuzz_air.c's own scheduler (no kernel linked)
FUZZ_AIR_SRC := ble/ctrl/ctrl.c ble/ctrl/ctrl_conn.c ble/h4.c $(BLE_CRYPTO_SRC) $(BOOT_CRYPTO_SRC)
$(FUZZ_BUILD)/obj/ble/ctrl/%.o $(FUZZ_BUILD)/obj/fuzz/fuzz_air.o: FUZZ_CFLAGS += -Ikernel/include
$(FUZZ_BUILD)/fuzz_air: $(FUZZ_BUILD)/obj/fuzz/fuzz_air.o $(call fuzz_obj,$(FUZZ_AIR_SRC))
	$(if $(Q),@echo "LINK $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $^ -o $@

-include $(wildcard $(FUZZ_BUILD)/obj/*/*.d)
.PRECIOUS: $(FUZZ_BUILD)/obj/%.o # kept between builds (make would delete them as intermediates)

# Each target gets an equal share of FUZZ_SECONDS (at least one second) and its own corpus.
FUZZ_EACH = $(shell s=$$(( $(FUZZ_SECONDS) / $(words $(FUZZ_TARGETS)) )); echo $$(( s > 0 ? s : 1 )))
# Seeds for fuzz_rpyc: real files of today's format and bytecode.
$(FUZZ_BUILD)/seeds_rpyc: $(BUILD)/rtpy-cross $(wildcard tests/cross/mods/*.py tests/cross/mods/*/*.py)
	@mkdir -p $@
	$(Q)for f in $(filter %.py,$^); do n=$$(echo $$f | tr / _); $(BUILD)/rtpy-cross -o $@/$${n%.py}.rpyc $$f; done
	@touch $@

fuzz: $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_TARGETS)) $(FUZZ_BUILD)/seeds_rpyc
	@mkdir -p $(FUZZ_BUILD)/crashes
	$(Q)set -e; for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_BUILD)/corpus_$$t; \
	    case $$t in compile) seeds="$(FUZZ_SEEDS_compile)";; re) seeds="$(FUZZ_SEEDS_re)";; \
	        json) seeds="$(FUZZ_SEEDS_json)";; rpyc) seeds="$(FUZZ_SEEDS_rpyc)";; \
	        crypto) seeds="$(FUZZ_SEEDS_crypto)";; image) seeds="$(FUZZ_SEEDS_image)";; \
	        att) seeds="$(FUZZ_SEEDS_att)";; hci) seeds="$(FUZZ_SEEDS_hci)";; \
	        air) seeds="$(FUZZ_SEEDS_air)";; esac; \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_EACH) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	        -artifact_prefix=$(FUZZ_BUILD)/crashes/$$t- -print_final_stats=1 \
	        $(FUZZ_BUILD)/corpus_$$t $$seeds; \
	done

$(BUILD)/fuzz/replay: $(BUILD)/fuzz/fuzz_compile.o
$(BUILD)/fuzz/replay_re: $(BUILD)/fuzz/fuzz_re.o $(addprefix $(BUILD)/,$(FUZZ_MOD_re:.c=.o))
$(BUILD)/fuzz/replay_json: $(BUILD)/fuzz/fuzz_json.o $(addprefix $(BUILD)/,$(FUZZ_MOD_json:.c=.o))
$(BUILD)/fuzz/replay_rpyc: $(BUILD)/fuzz/fuzz_rpyc.o
$(BUILD)/fuzz/replay_crypto: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_crypto.o $(BOOT_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@
$(BUILD)/fuzz/replay $(BUILD)/fuzz/replay_re $(BUILD)/fuzz/replay_json $(BUILD)/fuzz/replay_rpyc: $(BUILD)/fuzz/replay.o \
    $(BUILD)/fuzz/fuzz_port.o $(PY_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(BUILD)/fuzz/replay_image: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_image.o $(BOOT_IMAGE_OBJ) \
    $(BOOT_IMAGE_TEST_CRYPTO_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(BOOT_IMAGE_TEST_LIBS) $(LDLIBS) -o $@

$(BUILD)/fuzz/replay_att: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_att.o \
    $(addprefix $(BUILD)/,$(BLE_ATT_SRC:.c=.o))
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@
$(BUILD)/fuzz/replay_hci: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_hci.o $(addprefix $(BUILD)/,$(FUZZ_HCI_SRC:.c=.o))
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@
$(BUILD)/fuzz/replay_air: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_air.o $(addprefix $(BUILD)/,$(FUZZ_AIR_SRC:.c=.o))
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-fuzz-regress: $(BUILD)/fuzz/replay $(BUILD)/fuzz/replay_re $(BUILD)/fuzz/replay_json \
    $(BUILD)/fuzz/replay_rpyc $(BUILD)/fuzz/replay_crypto $(BUILD)/fuzz/replay_image \
    $(BUILD)/fuzz/replay_att $(BUILD)/fuzz/replay_hci $(BUILD)/fuzz/replay_air
	$(Q)$(BUILD)/fuzz/replay $(FUZZ_REGRESS_compile)
	$(Q)$(BUILD)/fuzz/replay_re $(FUZZ_REGRESS_re)
	$(Q)$(BUILD)/fuzz/replay_json $(FUZZ_REGRESS_json)
	$(Q)$(BUILD)/fuzz/replay_rpyc $(FUZZ_REGRESS_rpyc)
	$(Q)$(BUILD)/fuzz/replay_crypto $(FUZZ_REGRESS_crypto)
	$(Q)$(BUILD)/fuzz/replay_image $(FUZZ_REGRESS_image)
	$(Q)$(BUILD)/fuzz/replay_att $(FUZZ_REGRESS_att)
	$(Q)$(BUILD)/fuzz/replay_hci $(FUZZ_REGRESS_hci)
	$(Q)$(BUILD)/fuzz/replay_air $(FUZZ_REGRESS_air)

UNIT_TESTS += test-fuzz-regress
.PHONY: fuzz test-fuzz-regress
