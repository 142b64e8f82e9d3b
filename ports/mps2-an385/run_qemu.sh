#!/bin/sh
# ports/mps2-an385/run_qemu.sh TIMEOUT QEMU-COMMAND...: runs a test firmware in QEMU with a
# wall-clock limit, showing its output. The firmware exits QEMU through semihosting with its
# status; a run that ends without the closing "N passed, N failed" line (crash, hang, timeout)
# fails too.
limit=$1
shift
out=$(mktemp)
trap 'rm -f "$out" "$out.rc"' EXIT
{ timeout "$limit" "$@" </dev/null; echo $? >"$out.rc"; } 2>&1 | tee "$out"
rc=$(cat "$out.rc")
if ! grep -qE '^[0-9]+ passed, [0-9]+ failed' "$out"; then
    [ "$rc" = 124 ] && echo "QEMU: timed out after ${limit}s"
    echo "QEMU: exited with status $rc and no closing line"
    echo "0 passed, 1 failed"
    exit 1
fi
exit "$rc"
