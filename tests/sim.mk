# tests/sim.mk: the simulated board's checks beyond the Python tests (included by tests.mk).
#   make test-determinism   runs each example twice (tests/determinism.sh): stdout, exit status
#                           and board trace must be byte-identical ("N passed, N failed")
#   make bench-sim          interrupt latency and thread switch cost (bench/irq_latency.py):
#                           a benchmark, not a test; it prints figures

test-determinism: $(BUILD)/rtpy
	$(Q)tests/determinism.sh $(BUILD)/rtpy $(BUILD)/determinism

bench-sim: $(BUILD)/rtpy
	$(Q)$(BUILD)/rtpy --board=bench/irq_latency.board bench/irq_latency.py </dev/null

TEST_SUITES += test-determinism
.PHONY: test-determinism bench-sim
