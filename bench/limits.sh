#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Does --time-limit hold on every path, and does every plan pass the
# independent check, on scenarios that use SPEC sections 6-9?  For each
# `stackplan generate` family (ufl ones have no endpoint or backup to
# separate, so they are left out) and size, ten scenarios: switch at
# renewal (alone, with max 3 vendors, with keep_capabilities and a price
# change), keep_products with keep_capabilities, separate,
# max_categories_per_vendor 2, require_frameworks CIS v8 IG1 (alone and
# with max 4 vendors and a separation), keep_clients with max 3 vendors,
# require_vendors with max 2.  Prints one row per scenario (its seconds
# against the limit, status, gap) and a summary: the largest seconds /
# limit, scenarios over 1.1 times the limit, and any verification
# failure or unexpected exit code.  Nothing here is asserted by the
# tests (they never assert wall-clock times).
#
#   bench/limits.sh [--sizes "60 400"] [--limit SECONDS] [--seed S]
#                   [--families "default deep-tiers ..."] [--keep DIR]
#
# Needs a built ./stackplan (or STACKPLAN=path), jq and GNU time.
set -u
here=$(cd "$(dirname "$0")" && pwd)
sp=${STACKPLAN:-$here/../stackplan}
sizes="60 400"
limit=8
seed=3
families="default contract-heavy many-vendors big-bundles deep-tiers skewed"
keep=
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h | --help) sed -n '3,20p' "$0"; exit 0 ;;
    *) echo "limits.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
done
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

echo "| family | clients | scenario | seconds | / limit | status | gap | exit | MB |"
echo "|---|---|---|---|---|---|---|---|---|"
worst=0 over=0 bad=0 rows=0
for fam in $families; do
    for n in $sizes; do
        d=$work/$fam-$n
        "$sp" generate --family "$fam" --clients "$n" --seed "$seed" \
            --force "$d" >/dev/null || exit 1
        cp "$here/../datasets/controls/cis-v8-ig1.csv" "$d/controls.csv"
        p=$(awk -F, 'NR == 2 { print $2 }' "$d/inventory.csv")
        c=$(awk -F, 'NR == 3 { print $1 }' "$d/clients.csv")
        v=$(awk -F, 'NR == 3 { print $1 }' "$d/vendors.csv")
        jq --arg p "$p" --arg c "$c" --arg v "$v" '.scenarios = [
            {"name": "renewal", "switch": "renewal"},
            {"name": "renewal, max 3", "switch": "renewal", "max_vendors": 3},
            {"name": "keep a product", "keep_products": [$p],
             "keep_capabilities": true},
            {"name": "separate endpoint/backup",
             "separate": [["endpoint", "backup"]]},
            {"name": "2 categories a vendor", "max_categories_per_vendor": 2},
            {"name": "CIS v8 IG1", "require_frameworks": ["CIS v8 IG1"]},
            {"name": "CIS, max 4, separate email/backup",
             "require_frameworks": ["CIS v8 IG1"], "max_vendors": 4,
             "separate": [["email", "backup"]]},
            {"name": "freeze, max 3", "keep_clients": [$c], "max_vendors": 3},
            {"name": "require, max 2", "require_vendors": [$v],
             "max_vendors": 2},
            {"name": "renewal, keep capabilities, +20%", "switch": "renewal",
             "keep_capabilities": true, "price_change": {($p): 0.2}}]' \
            "$d/scenarios.json" >"$d/limits.json"
        /usr/bin/time -f '%M' -o "$d.time" timeout $((${limit%.*} * 15 + 60)) \
            "$sp" solve "$d" -s "$d/limits.json" --time-limit "$limit" \
            --quiet --json "$d.json" >/dev/null 2>"$d.err"
        rc=$?
        mb=$(($(tail -n 1 "$d.time") / 1024))
        if grep -q "not feasible\|recomputes\|GLPK failed\|internal error" \
            "$d.err" || { [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; }; then
            bad=$((bad + 1))
            echo "| $fam | $n | (all) | - | - | exit $rc: $(head -c 160 "$d.err" | tr '\n|' '  ') | - | $rc | $mb |"
            continue
        fi
        while IFS=$'\t' read -r name secs status gap; do
            ratio=$(awk -v s="$secs" -v l="$limit" 'BEGIN { printf "%.2f", s / l }')
            rows=$((rows + 1))
            worst=$(awk -v a="$worst" -v b="$ratio" 'BEGIN { print (b > a ? b : a) }')
            over=$(awk -v o="$over" -v r="$ratio" 'BEGIN { print o + (r > 1.1) }')
            echo "| $fam | $n | $name | $secs | $ratio | $status | $gap | $rc | $mb |"
        done < <(jq -r '.scenarios[] | [.name, .solve_seconds,
            .status, (.gap // "-")] | @tsv' "$d.json")
    done
done
echo
echo "    # $rows scenarios; largest seconds / limit $worst; over 1.1x the limit: $over; runs with a failed check or an unexpected exit: $bad"
