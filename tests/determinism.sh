#!/bin/sh
# tests/determinism.sh RTPY OUTDIR: runs each case twice in virtual time and checks that the
# two runs give byte-identical stdout, exit status and board trace (make test-determinism).
# Closing line: "N passed, N failed"; exit status 1 if any case differs.
rtpy=$1
dir=$2
mkdir -p "$dir"
pass=0
fail=0

check() { # NAME ARGS...
    name=$1
    shift
    for run in 1 2; do
        out=$dir/$name.$run
        "$rtpy" --trace="$out.trace" "$@" >"$out.out" 2>"$out.err" </dev/null
        echo "exit $?" >>"$out.out"
    done
    a=$dir/$name.1
    b=$dir/$name.2
    if cmp -s "$a.out" "$b.out" && cmp -s "$a.trace" "$b.trace" && [ -f "$a.trace" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name: the two runs differ (see $a.* and $b.*)"
    fi
}

check blink --run-for=3000 examples/blink.py
check button --board=examples/button.board --run-for=4000 examples/button.py
check sensor --board=examples/sensor.board --run-for=5500 examples/sensor.py
check producer_consumer examples/producer_consumer.py
check irq_latency --board=bench/irq_latency.board bench/irq_latency.py
check uart_peer --board=tests/py/machine/uart_peer.board tests/py/machine/uart_peer.py
check scenario --board=tests/py/machine/scenario_forms.board tests/py/machine/scenario_forms.py

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
