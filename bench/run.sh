#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark: generate synthetic books and time stackplan against glpsol
# (default and --cuts) and CBC on the very model stackplan writes with
# --write-lp.  Prints a table; nothing here is asserted by the tests.
#
#   bench/run.sh [--sizes "200 1000 3000"] [--cap SECONDS]
#                [--scenarios all|"optimal,max 3 vendors"] [--solvers "..."]
#
# --scenarios all (the default) runs every scenario of the generated
# scenarios.json and then times the workbook of all of them
# (`stackplan merge` of the per-scenario JSON files: read, verify, cost
# and write the .xlsx).
#
# Needs a built ./stackplan (or STACKPLAN=path), glpsol (glpk-utils) and
# cbc (coinor-cbc) for the comparison columns.  Each run is capped at
# --cap seconds of wall time; a capped run shows "cap" and, where known,
# its gap.  Memory is the peak resident set (GNU time).
set -u
here=$(cd "$(dirname "$0")" && pwd)
sp=${STACKPLAN:-$here/../stackplan}
sizes="200 1000 3000"
cap=120
scenarios=all
solvers="stackplan glpsol glpsol-cuts cbc"
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --cap) cap=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --solvers) solvers=$2; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
have() { command -v "$1" >/dev/null 2>&1; }

echo "# $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "# cap ${cap}s per run; times are wall seconds; objective = total cost"
printf '| %-7s | %-14s | %-11s | %8s | %6s | %-16s | %-14s | %-14s | %-14s |\n' \
    clients scenario solver seconds MB objective glpsol glpsol-cuts cbc
printf '|%s|\n' "---------|----------------|-------------|----------|--------|------------------|----------------|----------------|----------------"

for n in $sizes; do
    dir=$work/book$n
    t0=$(date +%s.%N)
    "$sp" generate --clients "$n" --seed 1 --tiers "$dir" >/dev/null || exit 1
    t1=$(date +%s.%N)
    /usr/bin/time -f '%e %M' -o "$work/check.time" "$sp" check "$dir" >/dev/null 2>&1
    echo "# $n clients: generate $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') s, check (import) $(tail -n 1 "$work/check.time" | cut -d' ' -f1) s"
    if [ "$scenarios" = all ]; then
        mapfile -t scen < <(jq -r '.scenarios[].name' "$dir/scenarios.json")
    else
        IFS=, read -r -a scen <<<"$scenarios"
    fi
    for s in "${scen[@]}"; do
        out=$work/$n-$(echo "$s" | tr -c 'A-Za-z0-9\n' _)
        mkdir -p "$out"
        /usr/bin/time -f '%e %M' -o "$out/time" timeout $((cap + 30)) \
            "$sp" solve "$dir" --scenario "$s" --quiet --time-limit "$cap" \
            --json "$out/plan.json" >/dev/null 2>"$out/stderr"
        # the model file for the other solvers, written by a second,
        # untimed run (building and writing the complete model takes
        # seconds at 3,000 clients; the timed run does not do it)
        if [[ "$solvers" != stackplan ]]; then
            timeout $((cap + 30)) "$sp" solve "$dir" --scenario "$s" \
                --quiet --time-limit 1 --json /dev/null \
                --write-lp "$out/model.lp" >/dev/null 2>&1
        fi
        read -r secs kb < <(tail -n 1 "$out/time")
        obj=$(jq -r '.scenarios[0] | "\(.total_cost) \(.status) \(.gap)"' "$out/plan.json" 2>/dev/null)
        read -r total status gap <<<"${obj:-? ? ?}"
        mark=$total
        [ "$status" = optimal ] || mark="$total ($status, gap $gap)"
        lp=$out/model.lp
        col_glpsol="-"; col_cuts="-"; col_cbc="-"
        if [[ " $solvers " == *" glpsol "* ]] && have glpsol && [ -s "$lp" ]; then
            /usr/bin/time -f '%e' -o "$out/g.time" timeout "$cap" glpsol --lp "$lp" -w "$out/g.sol" >/dev/null 2>&1
            rc=$?; g=$(awk '/^s /{print $6}' "$out/g.sol" 2>/dev/null)
            col_glpsol=$([ $rc -eq 0 ] && echo "$(tail -n 1 "$out/g.time")s $g" || echo "cap")
        fi
        if [[ " $solvers " == *" glpsol-cuts "* ]] && have glpsol && [ -s "$lp" ]; then
            /usr/bin/time -f '%e' -o "$out/gc.time" timeout "$cap" glpsol --cuts --lp "$lp" -w "$out/gc.sol" >/dev/null 2>&1
            rc=$?; g=$(awk '/^s /{print $6}' "$out/gc.sol" 2>/dev/null)
            col_cuts=$([ $rc -eq 0 ] && echo "$(tail -n 1 "$out/gc.time")s $g" || echo "cap")
        fi
        if [[ " $solvers " == *" cbc "* ]] && have cbc && [ -s "$lp" ]; then
            # -sec does not bound the import and presolve of a big model
            /usr/bin/time -f '%e' -o "$out/c.time" timeout $((cap + 30)) \
                cbc -import "$lp" -sec "$cap" -ratio 1e-6 -solve -quit >"$out/c.out" 2>&1
            c=$(awk '/Objective value:/ {print $3}' "$out/c.out" | tail -1)
            if grep -q "Optimal solution found" "$out/c.out"; then
                col_cbc="$(tail -n 1 "$out/c.time")s"
            else
                col_cbc="cap"
            fi
            [ -n "$c" ] && col_cbc="$col_cbc $(printf '%.2f' "$c")"
        fi
        printf '| %-7s | %-14s | %-11s | %8s | %6s | %-16s | %-14s | %-14s | %-14s |\n' \
            "$n" "$s" stackplan "$secs" "$((kb / 1024))" "$mark" "$col_glpsol" "$col_cuts" "$col_cbc"
    done
    if [ "$scenarios" = all ]; then
        /usr/bin/time -f '%e %M' -o "$work/merge.time" "$sp" merge \
            "$work/$n-"*/plan.json -o "$work/book$n.xlsx" >/dev/null 2>&1
        echo "# $n clients: workbook of all ${#scen[@]} scenarios (merge: read, verify, cost, write) $(cut -d' ' -f1 "$work/merge.time") s, $(($(cut -d' ' -f2 "$work/merge.time") / 1024)) MB, $(($(stat -c %s "$work/book$n.xlsx" 2>/dev/null || echo 0) / 1024)) KB"
    fi
done
