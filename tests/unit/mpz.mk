# tests/unit/mpz.mk: the standalone unit test of py/mpz.c (no interpreter).
# Vectors in tests/unit/data come from tests/unit/gen_mpz_vectors.py (CPython's int).

$(BUILD)/tests/unit/test_mpz: $(BUILD)/tests/unit/test_mpz.o $(BUILD)/py/mpz.o
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-mpz: $(BUILD)/tests/unit/test_mpz
	$(Q)$(BUILD)/tests/unit/test_mpz tests/unit/data/mpz_vectors.txt

.PHONY: test-unit-mpz
UNIT_TESTS += test-unit-mpz
