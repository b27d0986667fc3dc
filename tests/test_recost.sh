#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# stackplan recost: a solve's plans, unchanged, costed on changed data.
# tests/data/recost is small enough to cost by hand: clients c1 (10
# users) and c2 (20) run E2 (V2, $3.00/user); E1 (V1) costs $2.00; each
# vendor has a $5 monthly fee; moving a client costs 1 hour at $50.
# Over 12 months the optimum moves both to E1:
#   licence 30 x 2.00 x 12 = 720, migration 2 x 50 = 100, V1 fee 60:
#   total 880; baseline 30 x 3.00 x 12 + 60 = 1140; savings 260.
. "${top_srcdir:-.}/tests/lib.sh"
data="$top_srcdir/tests/data/recost"

need jq
scratch recost

sp solve "$data" --quiet --json "$out/plan.json" >/dev/null 2>&1
t "solve exits 0" test $? -eq 0
fig() { # json, scenario, jq path
    jq -r --arg s "$2" ".scenarios[] | select(.name == \$s) | $3" "$1"
}
t "the plan: both clients on E1, total 880, savings 260" \
    test "$(fig "$out/plan.json" optimal '[.total_cost, .savings,
        ([.assignments[].products[]] | unique | join(","))] | @tsv')" = \
    "$(printf '880\t260\tE1')"

# E1 now $2.50: licence 30 x 2.50 x 12 = 900, total 900 + 100 + 60 = 1060;
# the baseline is unchanged (1140), savings 80
mkdir -p "$out/d2"
cp "$data"/*.csv "$data/scenarios.json" "$out/d2/"
sed 's/^E1,V1,email,user,2.00$/E1,V1,email,user,2.50/' "$data/catalog.csv" \
    >"$out/d2/catalog.csv"
sp recost "$out/plan.json" "$out/d2" --json "$out/re.json" \
    -o "$out/re.xlsx" >"$out/re.stdout" 2>"$out/re.stderr"
t "recost on a new price exits 0" test $? -eq 0
t "... writes the workbook" test -s "$out/re.xlsx"
t "E1 at 2.50: total 1060 (licence 900, migration 100, fees 60)" \
    test "$(fig "$out/re.json" optimal '[.total_cost, .breakdown.licence,
        .breakdown.migration, .breakdown.vendor_overhead] | @tsv')" = \
    "$(printf '1060\t900\t100\t60')"
t "... savings 80 against the unchanged baseline (1140)" \
    test "$(fig "$out/re.json" optimal '[.savings, .baseline_total_cost]
        | @tsv')" = "$(printf '80\t1140')"
t "the plan is unchanged (both clients still on E1)" \
    test "$(fig "$out/re.json" optimal \
        '[.assignments[].products[]] | unique | join(",")')" = E1
t "'stay' (V2 only) is costed as before: 1140, savings 0" \
    test "$(fig "$out/re.json" stay '[.total_cost, .savings] | @tsv')" = \
    "$(printf '1140\t0')"

# and a 24-month horizon in the scenarios file: licence 30 x 2.50 x 24 =
# 1800, fees 120, migration 100: 2020; baseline 30 x 3 x 24 + 120 = 2280
sed 's/"horizon_months": 12/"horizon_months": 24/' "$data/scenarios.json" \
    >"$out/s24.json"
sp recost "$out/plan.json" "$out/d2" -s "$out/s24.json" \
    --json "$out/re24.json" >/dev/null 2>&1
t "recost with -s and a 24-month horizon exits 0" test $? -eq 0
t "24 months: total 2020, baseline 2280, savings 260" \
    test "$(fig "$out/re24.json" optimal '[.total_cost, .baseline_total_cost,
        .savings, .horizon_months] | @tsv')" = \
    "$(printf '2020\t2280\t260\t24')"

# a plan that no longer meets its scenario is refused (exit 4)
sed 's/{"name": "optimal"}/{"name": "optimal", "exclude_vendors": ["V1"]}/' \
    "$data/scenarios.json" >"$out/noV1.json"
sp recost "$out/plan.json" "$out/d2" -s "$out/noV1.json" \
    --json "$out/bad.json" >/dev/null 2>"$out/bad.stderr"
t "a plan that breaks its scenario now exits 4" test $? -eq 4
t "... saying which and why" \
    grep -q "scenario 'optimal': the plan is not feasible" "$out/bad.stderr"
t "... and writes nothing" test ! -e "$out/bad.json"
sed 's/"name": "stay"/"name": "gone"/' "$data/scenarios.json" >"$out/gone.json"
sp recost "$out/plan.json" "$out/d2" -s "$out/gone.json" \
    --json "$out/bad.json" >/dev/null 2>"$out/bad.stderr"
t "a scenario missing from the data exits 1" test $? -eq 1
t "... naming it" grep -q "scenario 'stay' is not in the scenarios" \
    "$out/bad.stderr"
sp recost "$out/plan.json" >/dev/null 2>"$out/bad.stderr"
t "recost without DATA_DIR is a usage error" test $? -eq 2
printf 'not json' >"$out/junk.json"
sp recost "$out/junk.json" "$out/d2" >/dev/null 2>"$out/bad.stderr"
t "a plan file that is not JSON exits 1" test $? -eq 1
echo "1..$n"
