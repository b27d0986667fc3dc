#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The bundled sample: `check` is clean, `solve` proves every scenario
# optimal and its JSON agrees with itself (savings = baseline - total).
. "${top_srcdir:-.}/tests/lib.sh"
scratch sample

check_quietly() { sp check "$1" >/dev/null 2>&1; }
t "check datasets/sample exits 0" check_quietly "$top_srcdir/datasets/sample"
sp solve "$top_srcdir/datasets/sample" --quiet --json "$out/plan.json" \
    -o "$out/plan.xlsx" >"$out/stdout" 2>"$out/stderr"
rc=$?
t "solve datasets/sample exits 0" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/# /' "$out/stderr"
no_progress() { ! grep -q "\[1/" "$out/stderr"; }
t "solve --quiet prints no progress" no_progress
t "the workbook is written" test -s "$out/plan.xlsx"
j() { jq -e "$1" "$out/plan.json" >/dev/null 2>&1; }
t "at least five scenarios" j '.scenarios | length >= 5'
t "every scenario proven optimal" j 'all(.scenarios[]; .status == "optimal")'
t "every total is positive" j 'all(.scenarios[]; .total_cost > 0)'
t "savings = scenario baseline - total, to the cent" \
    j 'all(.scenarios[]; ((.baseline_total_cost - .total_cost) - .savings | fabs) <= 0.011)'
t "breakdown adds up to the total" \
    j 'all(.scenarios[]; ((.breakdown | .licence + .migration + .termination + .vendor_overhead) - .total_cost | fabs) <= 0.03)'
t "a max_vendors scenario keeps at most its limit" \
    j '[.scenarios[] | select(.name | test("vendor"))] | length >= 1'
t "every client has an assignment in every scenario" \
    j '[.scenarios[].assignments | length] | unique | length == 1'
t "the baseline has coverage gaps listed" j '.baseline.coverage_gaps | length >= 1'
t "the start date is recorded" j '.start_date == "2027-01-01"'
t "a scenario requires CIS v8 IG1 of every client, all met" \
    j '.scenarios[] | select(.name == "CIS IG1, backup apart") | .frameworks[] | select(.framework == "CIS v8 IG1") | .clients == 40 and .compliant_clients == 40 and .compliant_clients_today == 0'
t "... and no client there runs the endpoint and backup bundle" \
    j '[.scenarios[] | select(.name == "CIS IG1, backup apart") | .assignments[].products[] | select(. == "AC-CPS")] | length == 0'
t "the optimum uses that bundle" \
    j '[.scenarios[0].assignments[].products[] | select(. == "AC-CPS")] | length > 0'
# Writing to a device writes through it, never replaces it.
sp solve "$top_srcdir/datasets/sample" --quiet --scenario optimal \
    --json /dev/null -o /dev/null >/dev/null 2>&1
t "--json /dev/null -o /dev/null leaves /dev/null a device" test -c /dev/null

# An independent solver on the written model reaches the same optimum.
if command -v glpsol >/dev/null 2>&1; then
    sp solve "$top_srcdir/datasets/sample" --quiet --shard 1/100 \
        --write-lp "$out/model.lp" >/dev/null 2>&1
    glpsol --lp "$out/model.lp" -w "$out/glpsol.txt" >/dev/null 2>&1
    want=$(jq '.scenarios[0].total_cost' "$out/plan.json")
    got=$(awk '/^s /{print $6; exit}' "$out/glpsol.txt")
    t "glpsol on --write-lp finds the same optimum ($got vs $want)" close "$got" "$want"
    # the compliance rows too: controls, separate (docs/compliance.md)
    sp solve "$top_srcdir/datasets/sample" --quiet \
        --scenario "CIS IG1, backup apart" --write-lp "$out/cis.lp" \
        --json "$out/cis.json" >/dev/null 2>&1
    glpsol --lp "$out/cis.lp" -w "$out/glpsol-cis.txt" >/dev/null 2>&1
    want=$(jq '.scenarios[0].total_cost' "$out/cis.json")
    got=$(awk '/^s /{print $6; exit}' "$out/glpsol-cis.txt")
    t "glpsol on the CIS, backup apart model: the same optimum ($got vs $want)" \
        close "$got" "$want"
    rows() { grep -q '^ control(' "$out/cis.lp" && grep -q '^ bundle(' "$out/cis.lp"; }
    t "the written model holds control and bundle rows" rows
else
    n=$((n + 1)); echo "ok $n # SKIP glpsol not installed"
fi
echo "1..$n"
