#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of every `stackplan generate` family (docs/generate.md,
# "Families"): generates each book, solves all its scenarios with
# `stackplan solve --json` and prints, per scenario, the solve seconds,
# status, gap and total, with the run's peak memory.  Nothing here is
# asserted by the tests.
#
#   bench/families.sh [--sizes "100 1000 3000"] [--cap SECONDS]
#                     [--families "default skewed ..."] [--quick]
#                     [--seed S]
#
# MSP families run at every size of --sizes (clients); the facility-
# location families at 100 x 100, 1000 clients x 100 facilities and
# 200 x 200 (clients x facilities).  --cap is stackplan's --time-limit
# per scenario (default 60).  --quick: 100 clients (ufl 100 x 100) and
# a 20 s cap.  Needs a built ./stackplan (or STACKPLAN=path) and jq.
set -u
here=$(cd "$(dirname "$0")" && pwd)
sp=${STACKPLAN:-$here/../stackplan}
sizes="100 1000 3000"
ufl_sizes="100x100 1000x100 200x200"
cap=60
seed=1
families="default contract-heavy many-vendors big-bundles deep-tiers skewed ufl ufl-uniform"
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --cap) cap=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --quick) sizes=100; ufl_sizes=100x100; cap=20; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# seed $seed, cap ${cap}s a scenario; seconds = solve_seconds of the JSON; MB = peak of the whole run"
printf '| %-14s | %-9s | %-40s | %8s | %-10s | %-9s | %14s | %5s |\n' \
    family size scenario seconds status gap total MB
echo "|---|---|---|---|---|---|---|---|"
for fam in $families; do
    case $fam in
    ufl*) list=$ufl_sizes ;;
    *) list=$sizes ;;
    esac
    for size in $list; do
        dir=$work/$fam-$size
        case $size in
        *x*) gen_args="--clients ${size%x*} --vendors ${size#*x}" ;;
        *) gen_args="--clients $size" ;;
        esac
        # shellcheck disable=SC2086
        "$sp" generate --family "$fam" --seed "$seed" $gen_args "$dir" \
            >/dev/null || exit 1
        /usr/bin/time -f '%e %M' -o "$dir.time" \
            timeout $((cap * 6 + 120)) "$sp" solve "$dir" --quiet \
            --time-limit "$cap" --json "$dir.json" >/dev/null 2>"$dir.err"
        mb=$(($(tail -n 1 "$dir.time" | cut -d' ' -f2) / 1024))
        if ! jq -e . "$dir.json" >/dev/null 2>&1; then
            printf '| %-14s | %-9s | %-40s | %8s | %-10s | %-9s | %14s | %5s |\n' \
                "$fam" "$size" "(all)" "$(tail -n 1 "$dir.time" | cut -d' ' -f1)" \
                "no result" - - "$mb"
            continue
        fi
        jq -r '.scenarios[] | [.name, .solve_seconds, .status,
               (.gap // "-"), (.total_cost // "-")] | @tsv' "$dir.json" |
            while IFS=$'\t' read -r name secs status gap total; do
                [ "$gap" = "-" ] || gap=$(printf '%.2g' "$gap")
                printf '| %-14s | %-9s | %-40s | %8s | %-10s | %-9s | %14s | %5s |\n' \
                    "$fam" "$size" "${name:0:40}" "$secs" "$status" "$gap" \
                    "$total" "$mb"
            done
    done
done
