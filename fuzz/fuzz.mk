# fuzz/: the libFuzzer target (clang) and the regression replay (any compiler).
#   make fuzz [FUZZ_SECONDS=60]   fuzz the compiler and VM with ASan+UBSan for a bounded time
#   make test-fuzz-regress        replay tests/fuzz/* (part of `make test`)
FUZZ_SECONDS ?= 60
FUZZ_BUILD := build/fuzz
FUZZ_CFLAGS := -std=gnu11 -g -O1 -I. -I$(FUZZ_BUILD)/gen -DPY_CFG_SANITIZE=1 \
               -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined

$(FUZZ_BUILD)/fuzz_compile: $(PY_SRC) fuzz/fuzz_compile.c
	@mkdir -p $(FUZZ_BUILD)/gen/py
	$(Q)$(PYTHON3) tools/gen_qstr.py $(FUZZ_BUILD)/gen/py py/qstrdefs.h $(QSTR_SOURCES)
	$(if $(Q),@echo "CLANG $@")
	$(Q)clang $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PY_SRC) fuzz/fuzz_compile.c -lm -o $@

fuzz: $(FUZZ_BUILD)/fuzz_compile
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/crashes
	$(FUZZ_BUILD)/fuzz_compile -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(FUZZ_BUILD)/crashes/ -print_final_stats=1 \
	    $(FUZZ_BUILD)/corpus tests/fuzz $(sort $(dir $(wildcard tests/py/*/*.py)))

$(BUILD)/fuzz/replay: $(BUILD)/fuzz/replay.o $(BUILD)/fuzz/fuzz_compile.o $(PY_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-fuzz-regress: $(BUILD)/fuzz/replay
	$(Q)$(BUILD)/fuzz/replay $(wildcard tests/fuzz/*)

UNIT_TESTS += test-fuzz-regress
.PHONY: fuzz test-fuzz-regress
