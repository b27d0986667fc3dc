#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The lazy path (model/mip/root.c: row and column generation, the heuristic,
# root cuts, reduced-cost fixing; then GLPK's search) against an
# independent solver: on generated 80-client books with tiers, glpsol
# --cuts on the complete model `stackplan solve --write-lp` writes finds
# the optimum of every scenario but max_vendors (vendor sets, tested in
# test_vendorsets.sh), and stackplan's plan is within the gap of it
# (relative 1e-6) and never below it; and the "optimal" scenario of two
# untiered books solved with "switch": "renewal"; and small books of every
# generator family.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need glpsol jq
scratch optimum

agrees() { # "optimal TOTAL" from stackplan, "o OPTIMUM" from glpsol
    case "$1 $2" in "optimal "*" o "*) ;; *) return 1 ;; esac
    awk -v a="${1#optimal }" -v b="${2#o }" \
        'BEGIN { exit !(a >= b - 0.01 && a <= b + 1e-6 * b + 0.01) }'
}

for seed in 5 6 7 8; do
    dir="$out/g$seed"
    sp generate --clients 80 --seed "$seed" --tiers "$dir" >/dev/null 2>&1
    sp solve "$dir" --quiet --json "$dir/r.json" --write-lp "$dir/m.lp" \
        >/dev/null 2>&1
    for lp in "$dir"/m.*.lp; do
        idx=${lp#"$dir/m."}
        idx=${idx%%-*}
        if [ "$(jq ".scenarios[$((idx - 1))].max_vendors // -1" "$dir/scenarios.json")" != -1 ]; then
            continue
        fi
        want=$(jq -r ".scenarios[$((idx - 1))] | \"\(.status) \(.total_cost)\"" "$dir/r.json")
        glpsol --lp "$lp" --cuts -w "$dir/w.txt" >/dev/null 2>&1
        got=$(awk '/^s /{print $5, $6; exit}' "$dir/w.txt")
        t "seed $seed scenario $idx: optimal, and glpsol's optimum ($want vs $got)" \
            agrees "$want" "$got"
    done
done
# Switching at renewal (model/mip/delay.c): the same check of the
# "optimal" scenario of two generated 80-client books solved at renewal.
for seed in 5 6; do
    dir="$out/r$seed"
    sp generate --clients 80 --seed "$seed" "$dir" >/dev/null 2>&1
    sed 's/"markup": 0.25}/"markup": 0.25, "switch": "renewal"}/' \
        "$dir/scenarios.json" >"$dir/s.json"
    sp solve "$dir" -s "$dir/s.json" --scenario optimal --quiet \
        --json "$dir/r.json" --write-lp "$dir/m.lp" >/dev/null 2>&1
    want=$(jq -r '.scenarios[0] | select(.switch == "renewal") | "\(.status) \(.total_cost)"' "$dir/r.json")
    glpsol --lp "$dir/m.lp" --cuts -w "$dir/w.txt" >/dev/null 2>&1
    got=$(awk '/^s /{print $5, $6; exit}' "$dir/w.txt")
    t "seed $seed at renewal: optimal, and glpsol's optimum ($want vs $got)" \
        agrees "$want" "$got"
done
# Every family of `stackplan generate --family` (docs/generate.md): small
# books, every scenario but max_vendors, against glpsol on the complete
# model (issue 15: the search is not tuned to the default family).
for fam in contract-heavy many-vendors big-bundles deep-tiers skewed ufl \
           ufl-uniform; do
    dir="$out/f-$fam"
    case $fam in
    ufl*) size="--clients 25 --vendors 20" ;;
    *) size="--clients 25" ;;
    esac
    # shellcheck disable=SC2086
    sp generate --family "$fam" $size --seed 2 "$dir" >/dev/null 2>&1
    sp solve "$dir" --quiet --json "$dir/r.json" --write-lp "$dir/m.lp" \
        >/dev/null 2>&1
    if [ -f "$dir/m.lp" ]; then set -- "$dir/m.lp"; else set -- "$dir"/m.*.lp; fi
    for lp in "$@"; do
        idx=1
        case $lp in "$dir"/m.*-*.lp) idx=${lp#"$dir/m."}; idx=${idx%%-*} ;; esac
        if [ "$(jq ".scenarios[$((idx - 1))].max_vendors // -1" "$dir/scenarios.json")" != -1 ]; then
            continue
        fi
        want=$(jq -r ".scenarios[$((idx - 1))] | \"\(.status) \(.total_cost)\"" "$dir/r.json")
        glpsol --lp "$lp" --cuts -w "$dir/w.txt" >/dev/null 2>&1
        got=$(awk '/^s /{print $5, $6; exit}' "$dir/w.txt")
        t "family $fam scenario $idx: optimal, and glpsol's optimum ($want vs $got)" \
            agrees "$want" "$got"
    done
done
echo "1..$n"
