# tests/unit/fs.mk: the flash file system (fs/) on a device in memory: behaviour, a power cut
# at every flash operation of a workload, a random workload against a model, wear, bit flips,
# and the figures of docs/storage.md ("figure:" lines). `test_fs --quick` samples the sweep.
FS_TEST_OBJ := $(BUILD)/tests/unit/test_fs.o $(BUILD)/fs/fs.o $(BUILD)/fs/vfs_fs.o \
	$(BUILD)/drivers/flash.o

$(BUILD)/tests/unit/test_fs: $(FS_TEST_OBJ)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "LINK $@")
	$(Q)$(CC) $(LDFLAGS) $^ $(LDLIBS) -o $@

test-unit-fs: $(BUILD)/tests/unit/test_fs
	$(Q)$(BUILD)/tests/unit/test_fs

.PHONY: test-unit-fs
UNIT_TESTS += test-unit-fs
