#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A time limit too short for any plan: status time_limit with no plan and
# a reason that says so (not "infeasible": nothing was proved), exit 3
# as for any scenario without a plan, and the workbook and a merge of
# the JSON still work.  The limit (a microsecond) ends the search before
# its first LP, whatever the machine's speed.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need jq
scratch timelimit
sp generate --family many-vendors --clients 40 --seed 3 "$out/d" >/dev/null
sp solve "$out/d" --scenario optimal --time-limit 0.000001 --quiet \
    --json "$out/p.json" -o "$out/p.xlsx" >/dev/null 2>"$out/err"
rc=$?
t "no plan in time: exit 3" test "$rc" -eq 3
t "status time_limit, not infeasible" \
    jq -e '.scenarios[0].status == "time_limit"' "$out/p.json"
t "no plan: total_cost and gap null, no assignments" \
    jq -e '.scenarios[0] | .total_cost == null and .gap == null and .assignments == [] and .vendors == []' "$out/p.json"
t "the reason names the time limit and what to do" \
    jq -e '.scenarios[0].reason | test("time limit .* ran out before any plan was found; a longer --time-limit")' "$out/p.json"
t "stderr: the scenario, its status and the reason" \
    grep -q "scenario 'optimal': time_limit: the time limit" "$out/err"
t "the workbook is written" test -s "$out/p.xlsx"
sp solve "$out/d" --scenario optimal --quiet --json "$out/ok.json" >/dev/null 2>&1
t "with no limit the same scenario has a plan" \
    jq -e '.scenarios[0].status == "optimal" and .scenarios[0].total_cost > 0' "$out/ok.json"
echo "1..$n"
