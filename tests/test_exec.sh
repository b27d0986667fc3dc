#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Executive summary: the first sheet, the recommendation (the
# cheapest per month of the eligible proven-optimal plans, worked out
# here from --json), its figures against --json, "eligible": false and
# --recommend NAME, and the comparison table on per-month terms.
. "${top_srcdir:-.}/tests/lib.sh"
data="$top_srcdir/tests/data/wb-basic"
awkdir="$top_srcdir/tests/xlsx"

need soffice jq unzip
scratch exec
tsv() { awk -f "$awkdir/csv2tsv.awk" "$1"; }

mkdir -p "$out/noopt" "$out/csv"
cp "$data"/*.csv "$out/noopt/"
# the cheapest per month marked "eligible": false
best=$(sp solve "$data" --quiet --json - 2>/dev/null | jq -r '
    [.scenarios[] | select(.status == "optimal")
     | {name, pm: (.total_cost / .horizon_months)}] | min_by(.pm) | .name')
jq --arg b "$best" '.scenarios |= map(if .name == $b
    then . + {"eligible": false} else . end)' "$data/scenarios.json" \
    >"$out/noopt/scenarios.json"

sp solve "$data" --quiet -o "$out/basic.xlsx" --json "$out/basic.json" \
    >/dev/null 2>&1
sp solve "$out/noopt" --quiet -o "$out/noopt.xlsx" --json "$out/noopt.json" \
    >/dev/null 2>&1
sp solve "$data" --quiet --recommend "two vendors" -o "$out/named.xlsx" \
    >/dev/null 2>&1
sp solve "$data" --quiet --recommend "nobody" -o "$out/bad.xlsx" \
    >/dev/null 2>"$out/bad.stderr"
t "--recommend with an unknown scenario exits 2" test $? -eq 2
t "... naming it" grep -q "recommend: unknown scenario 'nobody'" \
    "$out/bad.stderr"
t "... and writes nothing" test ! -e "$out/bad.xlsx"

first_sheet() {
    unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | head -1
}
t "the Executive summary is the first sheet" \
    test "$(first_sheet "$out/basic.xlsx")" = '<sheet name="Executive summary"'

mkdir -p "$out/prof/user"
soffice "-env:UserInstallation=file://$out/prof" --headless --convert-to \
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$out/csv" "$out/basic.xlsx" "$out/noopt.xlsx" "$out/named.xlsx" \
    >"$out/soffice.log" 2>&1
ex() { tsv "$out/csv/$1-Executive summary.csv"; }
value() { # workbook, label prefix: the value beside it
    ex "$1" | awk -F'\t' -v k="$2" 'index($1, k) == 1 { print $2; exit }'
}
t "the recommendation is the cheapest per month ($best)" \
    test "$(value basic 'Recommended scenario')" = "$best"
want=$(jq -r --arg b "$best" '.scenarios[] | select(.name == $b)
    | [.savings, .savings / .horizon_months,
       .breakdown.migration + .breakdown.termination, .monthly_run_rate]
    | @tsv' "$out/basic.json")
got=$(printf '%s\t%s\t%s\t%s' "$(value basic 'Savings over the horizon')" \
    "$(value basic 'Savings per month')" "$(value basic 'One-time cost')" \
    "$(value basic 'Monthly run-rate once migrated')")
figures_ok() {
    printf 'x\t%s\n' "$got" |
        awk -v want="$want" -v what=exec -f "$awkdir/rowcmp.awk"
}
t "its savings, per month, one-time cost and run-rate = JSON" figures_ok
second=$(jq -r --arg b "$best" '
    [.scenarios[] | select(.status == "optimal" and .name != $b)
     | {name, pm: (.total_cost / .horizon_months)}] | min_by(.pm) | .name' \
    "$out/basic.json")
t "eligible: false: the next cheapest is recommended ($second)" \
    test "$(value noopt 'Recommended scenario')" = "$second"
marked_ineligible() {
    ex noopt | awk -F'\t' -v b="$best" \
        '$1 == b && $3 == "no (eligible: false)" { f = 1 } END { exit !f }'
}
t "... and the table says why '$best' is not" marked_ineligible
t "--recommend NAME is followed" \
    test "$(value named 'Recommended scenario')" = "two vendors"
t "... and says so" \
    grep -q 'chosen with --recommend' "$out/csv/named-Executive summary.csv"

# every row of the comparison: per month = total / horizon, from the JSON
per_month_ok() { # the rows after the header, in the JSON's order
    ex basic >"$out/ex.tsv"
    jq -r '.scenarios[] | if .status == "infeasible" then ["", "", ""]
        else [.horizon_months, .total_cost, .total_cost / .horizon_months]
        end | @tsv' "$out/basic.json" >"$out/want.tsv"
    [ -s "$out/want.tsv" ] || return 1
    awk -F'\t' 'BEGIN { row = -2 }
        NR == FNR { want[++nw] = $0; next }
        $1 == "Scenario" && $2 == "Status" { row = -1; next }
        row == -1 { row = 0; next }          # the Baseline row
        row >= 0 && row < nw { split(want[++row], w, "\t")
            if ($4 != w[1] || ($5 - w[2]) ^ 2 > 1e-4 ||
                ($6 - w[3]) ^ 2 > 1e-4) {
                print "# " $1 ": " $4 " " $5 " " $6 " want " want[row]; bad = 1 } }
        END { exit bad || row != nw }' "$out/want.tsv" "$out/ex.tsv"
}
t "the comparison: horizon beside each total, per month = total / horizon" \
    per_month_ok
no_plan_row() { awk -F'\t' '$3 == "no plan" { f = 1 } END { exit !f }' "$out/ex.tsv"; }
t "the infeasible scenario is listed without figures" no_plan_row
t "the recommendation lists its risks" \
    grep -q '^Risks,' "$out/csv/basic-Executive summary.csv"
keep_risk() { # 'keep acme' recommended: its pinned client is a risk
    # exit 3: wb-basic has an infeasible scenario; the workbook is written
    sp solve "$data" --quiet --recommend "keep acme" -o "$out/keep.xlsx" \
        >/dev/null 2>&1
    [ -s "$out/keep.xlsx" ] &&
        soffice "-env:UserInstallation=file://$out/prof" --headless \
            --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
            --outdir "$out/csv" "$out/keep.xlsx" >/dev/null 2>&1 &&
        grep -q 'kept as they are (keep_clients): acme-01' \
            "$out/csv/keep-Executive summary.csv"
}
t "a scenario with keep_clients names its pinned client as a risk" keep_risk

# ---- the Vendor scorecard ---------------------------------------------
sc() { tsv "$out/csv/basic-Vendor scorecard.csv"; }
table() { # title: the vendor rows of that table
    sc | awk -F'\t' -v t="$1" '$1 == t { on = 1; getline; next }
        on && $1 == "" { exit } on { print }'
}
spend_ok() { # each column's spend adds up to its monthly run-rate (JSON)
    want=$(jq -r '[.baseline.monthly_run_rate, (.scenarios[]
        | .monthly_run_rate // "")] | map(tostring) | @tsv' "$out/basic.json")
    table 'Spend per month (licence + overhead)' |
        awk -F'\t' '{ for (i = 2; i <= NF; i++) if ($i != "") { s[i] += $i; has[i] = 1 } }
            END { for (i = 2; i <= 13; i++) printf "%s%s", (i > 2 ? "\t" : "x\t"),
                      has[i] ? s[i] : ""; print "" }' |
        awk -v want="$want" -v what=scorecard -f "$awkdir/rowcmp.awk"
}
t "scorecard: each plan's vendor spend adds up to its run-rate" spend_ok
shares_ok() { # each feasible column's shares add up to 100 %
    table "Share of the plan's spend per month" | tr -d '%' |
        awk -F'\t' '{ for (i = 2; i <= NF; i++) if ($i != "") { s[i] += $i; has[i] = 1 } }
            END { for (i in s) if ((s[i] - 100) ^ 2 > 1e-6) { print "# " i ": " s[i]; bad = 1 }
                  exit bad || length(s) < 10 }'
}
t "scorecard: each plan's shares of spend add up to 100 %" shares_ok
kept_ok() { # kept / dropped = the JSON's vendors
    jq -r '.scenarios[] | select(.status != "infeasible")
        | [.name, (.vendors | join("|"))] | @tsv' "$out/basic.json" \
        >"$out/kept.tsv"
    table 'Kept or dropped' >"$out/status.tsv"
    awk -F'\t' 'NR == FNR { kept[FNR] = "|" $2 "|"; n = FNR; next }
        { for (k = 1; k <= n; k++) {
              is = index(kept[k], "|" $1 "|") > 0
              v = $(k + 2)
              if (is != (v == "kept")) { print "# " $1 " col " k ": " v; bad = 1 } } }
        END { exit bad }' "$out/kept.tsv" "$out/status.tsv"
}
t "scorecard: kept and dropped = the JSON's vendors of each plan" kept_ok
echo "1..$n"
