#!/bin/sh
# tests/kernel/run.sh BIN...: runs each kernel test binary in turn (unit tests, then stress),
# showing its output, then prints the combined closing line "N passed, N failed".
# Exits non-zero if any case failed or a binary died without its closing line.
tp=0
tf=0
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.rc"' EXIT
for bin in "$@"; do
    { "$bin"; echo $? >"$tmp.rc"; } 2>&1 | tee "$tmp"
    rc=$(cat "$tmp.rc")
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$tmp" | tail -n 1)
    if [ -z "$last" ]; then
        echo "$bin: exited with status $rc and no closing line"
        tf=$((tf + 1))
        continue
    fi
    p=${last%% passed*}
    f=${last#*passed, }
    f=${f%% failed*}
    tp=$((tp + p))
    tf=$((tf + f))
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        echo "$bin: exited with status $rc"
        tf=$((tf + 1))
    fi
done
echo "$tp passed, $tf failed"
[ "$tf" = 0 ]
