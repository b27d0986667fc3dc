#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one fuzz target for FUZZ_SECONDS (docs/fuzzing.md), from the build
# folder:
#   run.sh NAME
# Seeds: fuzz/seeds/NAME, rebuilt from the tree (seeds.sh); what libFuzzer
# finds new goes to fuzz/work/NAME, kept between runs.  A finding (crash,
# leak, timeout, out of memory: a file in fuzz/artifacts/NAME/, or a
# non-zero exit) fails the run.  The verdict is written as
# fuzz/NAME.trs in the form of Automake's test results (":test-result:
# PASS" or FAIL), the log as fuzz/NAME.log; the exit status is 1 on a
# finding.  FUZZ_FLAGS adds libFuzzer options (-jobs=N, -dict=...).
set -u
: "${top_srcdir:=$(dirname "$0")/..}"
: "${FUZZ_SECONDS:=20}"
: "${FUZZ_FLAGS:=}"
name=$1
target=fuzz/fuzz-$name
seeds=fuzz/seeds/$name
work=fuzz/work/$name
art=fuzz/artifacts/$name
log=fuzz/$name.log
trs=fuzz/$name.trs

verdict() { # PASS|FAIL, message
    printf ':test-result: %s\n:global-test-result: %s\n:recheck: %s\n:copy-in-global-log: %s\n' \
        "$1" "$1" "$([ "$1" = PASS ] && echo no || echo yes)" \
        "$([ "$1" = PASS ] && echo no || echo yes)" >"$trs"
    echo "$1: fuzz-$name: $2"
    [ "$1" = PASS ]
}

rm -f "$trs"
[ -x "$target" ] || { verdict FAIL "$target is not built (configure --enable-fuzz CC=clang)"; exit 1; }
mkdir -p "$work" "$art"
rm -f "$art"/*
stackplan=
[ "$name" = merge ] && stackplan=$(pwd)/stackplan
top_srcdir=$top_srcdir sh "$top_srcdir/fuzz/seeds.sh" \
    "$name" "$seeds" $stackplan >"$log" 2>&1 ||
    { cat "$log"; verdict FAIL "the seeds could not be built"; exit 1; }

case $name in
solve) limits="-max_len=8192 -timeout=60" ;;
merge) limits="-max_len=131072 -timeout=30" ;; # whole shards (the seeds are 16-20 KB, and grow with the JSON)
# a big seed (a 600 KB scenarios.json) would set the readers' length
# limit and slow every run tenfold
*) limits="-max_len=65536 -timeout=30" ;;
esac
# detect_leaks: a leak on some input is a finding like a crash
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
"$target" -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
    -dict="$top_srcdir/fuzz/stackplan.dict" \
    -artifact_prefix="$art/" $limits $FUZZ_FLAGS \
    "$work" "$seeds" >>"$log" 2>&1
rc=$?
stats=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 |
        sed 's/^#\([0-9]*\)[[:space:]]*DONE[[:space:]]*/\1 runs, /')
findings=$(ls "$art" 2>/dev/null)
if [ $rc -ne 0 ] || [ -n "$findings" ]; then
    grep -E -A30 '^==[0-9]+==|runtime error|invariant broken|ERROR: libFuzzer' "$log" | head -60
    verdict FAIL "exit $rc, findings in $art/: ${findings:-none} (log: $log)"
    exit 1
fi
verdict PASS "$stats"
