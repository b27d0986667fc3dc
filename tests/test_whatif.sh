#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What-if analysis end to end: the frontier against `solve` with each
# max_vendors, break-even prices against their closed form and against
# `solve` on either side of the flip, vendor value against a solve without
# the vendor, and sharded solves merged into exactly what one run writes.
. "${top_srcdir:-.}/tests/lib.sh"
top_builddir=$(cd "$top_builddir" && pwd)
sample="$top_srcdir/datasets/sample"

need jq
scratch whatif
q() { # jq -e, quietly: succeeds when the last output is true
    jq -e "$@" >/dev/null 2>&1
}
jqt() { # file, jq expression that must print true
    [ "$(jq -e "$2" "$1" 2>&1)" = true ]
}
# The sample's settings, with other scenarios.
settings='"settings": {"horizon_months": 36, "labor_rate": 95,
  "start_date": "2027-01-01", "migration_hours_fixed": 4,
  "migration_hours_per_unit": 0.25, "currency": "USD", "markup": 0.25}'
mkdata() { # folder, scenarios list (JSON)
    mkdir -p "$1"
    cp "$sample"/*.csv "$1/"
    printf '{%s,\n "scenarios": %s}\n' "$settings" "$2" >"$1/scenarios.json"
}

# ---- the frontier ------------------------------------------------------
sp frontier "$sample" --json "$out/f.json" -o "$out/f.xlsx" --quiet \
    >"$out/f.out" 2>"$out/f.err"
t "frontier on the sample exits 0" test $? -eq 0
t "frontier: the workbook is written" test -s "$out/f.xlsx"
t "frontier: at least two points" jqt "$out/f.json" '.points | length >= 2'
t "frontier: every point proven optimal" \
    jqt "$out/f.json" '[.points[].status] | all(. == "optimal")'
t "frontier: cost does not rise as the vendor count grows" \
    jqt "$out/f.json" '[.points[].total_cost] as $c
        | [range(1; $c | length) | $c[.] <= $c[. - 1]] | all'
t "frontier: no point keeps more vendors than its limit" \
    jqt "$out/f.json" '[.points[] | select(.max_vendors != null)
        | .vendor_count <= .max_vendors and
          (.vendors | length) == .vendor_count] | all'
t "frontier: limits run from infeasible_below to the baseline's count" \
    jqt "$out/f.json" '[.points[].max_vendors | select(. != null)] ==
        [range(.infeasible_below; ([.baseline.vendor_count,
          .points[-1].vendor_count] | max) + 1)]'

# each point is what `solve` finds with that max_vendors (a sweep), and
# one vendor fewer than infeasible_below is infeasible
kmin=$(jq '.infeasible_below' "$out/f.json")
values=$(jq -c '[.infeasible_below - 1 | select(. >= 1)] +
    [.points[].max_vendors | select(. != null)]' "$out/f.json")
mkdata "$out/mv" "[{\"name\": \"optimal\"},
    {\"name\": \"mv\", \"sweep\": {\"setting\": \"max_vendors\",
     \"values\": $values}}]"
sp solve "$out/mv" --json "$out/mv.json" --quiet >/dev/null 2>&1
rc=$?
t "solve with every max_vendors of the frontier runs" \
    test $rc -eq 0 -o $rc -eq 3
t "each frontier point equals solve with that max_vendors" \
    q --slurpfile f "$out/f.json" '
        [.scenarios[] | select(.name | startswith("mv ("))
         | {k: (.name | capture("=(?<k>[0-9]+)").k | tonumber),
            total: .total_cost}] as $s
        | [$f[0].points[] | select(.max_vendors != null) | . as $p
           | ($s[] | select(.k == $p.max_vendors) | .total) as $t
           | ($t - $p.total_cost) | fabs <= 1e-6 * $t + 0.01] | all' \
    "$out/mv.json"
t "the unconstrained point equals the 'optimal' scenario" \
    q --slurpfile f "$out/f.json" \
    '.scenarios[0].total_cost == $f[0].points[-1].total_cost' \
    "$out/mv.json"
if [ "$kmin" -gt 1 ]; then
    t "one vendor below the frontier is infeasible" \
        q --argjson k "$((kmin - 1))" \
        '[.scenarios[] | select(.name == "mv (max_vendors=\($k))")
          | .status] == ["infeasible"]' "$out/mv.json"
fi

sp frontier "$sample" --scenario "keep microsoft" --json "$out/fm.json" \
    --quiet >/dev/null 2>&1
t "frontier from a scenario keeps its constraints at every point" \
    jqt "$out/fm.json" '.scenario == "keep microsoft" and
        ([.points[] | (.vendors | index("Microsoft")) != null and
          (.vendors | index("Webroot")) == null] | all)'

# ---- break-even: closed form -------------------------------------------
# Two single-vendor suites, one client, no overhead: the cheaper one (a)
# is dropped when a x (1 + f) > b, so f = b / a - 1; the dearer one (b)
# is taken up below f = a / b - 1.
closed() { # a, b: prices per user of VA and VB
    d="$out/cf-$1-$2"
    mkdir -p "$d"
    printf 'product,vendor,covers,unit,price\n' >"$d/catalog.csv"
    printf 'SA,VA,email;endpoint;backup,user,%s\n' "$1" >>"$d/catalog.csv"
    printf 'SB,VB,email;endpoint;backup,user,%s\n' "$2" >>"$d/catalog.csv"
    printf 'client,users\nc1,13\n' >"$d/clients.csv"
    printf '{"settings": {"horizon_months": 24, "start_date": "2027-01-01"}}\n' \
        >"$d/scenarios.json"
    sp breakeven "$d" --vendor VA --json "$d/a.json" --quiet >/dev/null 2>&1 &&
    sp breakeven "$d" --vendor VB --json "$d/b.json" --quiet >/dev/null 2>&1
}
for pair in "10 12" "8 10" "9 12" "12 10" "7.5 7.6"; do
    set -- $pair
    closed "$1" "$2"
    d="$out/cf-$1-$2"
    # the kept one rises to the other's price; the other is cut to it
    if awk "BEGIN { exit !($1 < $2) }"; then keep=a; drop=b; lo=$1; hi=$2
    else keep=b; drop=a; lo=$2; hi=$1; fi
    t "break-even ($1 vs $2): rise of the kept vendor is $hi/$lo - 1" \
        q --argjson f "$(awk "BEGIN { printf \"%.12f\", $hi / $lo - 1 }")" \
        '.items[0] | .in_plan and .found and .lower <= $f and .upper >= $f
         and (.upper - .lower) <= 0.001 and (.break_even - $f | fabs) <= 0.0005' \
        "$d/$keep.json"
    t "break-even ($1 vs $2): cut of the other is $lo/$hi - 1" \
        q --argjson f "$(awk "BEGIN { printf \"%.12f\", $lo / $hi - 1 }")" \
        '.items[0] | (.in_plan | not) and .found and .lower <= $f and
         .upper >= $f and (.break_even - $f | fabs) <= 0.0005' \
        "$d/$drop.json"
    t "vendor value ($1 vs $2): the difference of the two suites" \
        q --argjson v "$(awk "BEGIN { printf \"%.2f\", ($hi - $lo) * 13 * 24 }")" \
        '.items[0].vendor_value == $v' "$d/$keep.json"
done

# ---- break-even on the sample, checked by solve on either side ----------
sp breakeven "$sample" --vendor Sophos --json "$out/b.json" --quiet \
    >/dev/null 2>&1
t "breakeven on the sample exits 0" test $? -eq 0
t "breakeven: Sophos flips within the range" \
    jqt "$out/b.json" '.items[0] | .in_plan and .found and
        .near.uses and (.far.uses | not)'
lower=$(jq '.items[0].lower' "$out/b.json")
upper=$(jq '.items[0].upper' "$out/b.json")
mkdata "$out/sides" "[{\"name\": \"optimal\"},
    {\"name\": \"below\", \"price_change\": {\"Sophos\": $lower}},
    {\"name\": \"above\", \"price_change\": {\"Sophos\": $upper}},
    {\"name\": \"without\", \"exclude_vendors\": [\"Sophos\"]}]"
sp solve "$out/sides" --json "$out/sides.json" --quiet >/dev/null 2>&1
t "solve at the lower end of the bracket keeps Sophos" \
    jqt "$out/sides.json" '.scenarios[1].vendors | index("Sophos") != null'
t "solve at the upper end of the bracket drops Sophos" \
    jqt "$out/sides.json" '.scenarios[2].vendors | index("Sophos") == null'
t "both sides' totals agree with solve" \
    q --slurpfile b "$out/b.json" '
        (.scenarios[1].total_cost - $b[0].items[0].near.total_cost | fabs)
          <= 1e-6 * .scenarios[1].total_cost + 0.01 and
        (.scenarios[2].total_cost - $b[0].items[0].far.total_cost | fabs)
          <= 1e-6 * .scenarios[2].total_cost + 0.01' \
    "$out/sides.json"
t "vendor value = solve without Sophos - the optimum" \
    q --slurpfile b "$out/b.json" '
        ((.scenarios[3].total_cost - .scenarios[0].total_cost)
         - $b[0].items[0].vendor_value | fabs) <= 0.02' \
    "$out/sides.json"

# ---- the what-if workbook ----------------------------------------------
d="$out/cf-10-12"
sp breakeven "$d" --all --frontier -o "$out/w.xlsx" --quiet >/dev/null 2>&1
t "breakeven --all --frontier writes the workbook" test -s "$out/w.xlsx"
if command -v unzip >/dev/null 2>&1; then
    sheets=$(unzip -p "$out/w.xlsx" xl/workbook.xml |
        grep -o '<sheet name="[^"]*"' | sed 's/.*name="//; s/"//' |
        tr '\n' ' ')
    t "the workbook holds the Frontier and Sensitivity sheets" \
        test "$sheets" = "Frontier Sensitivity "
    t "the Frontier sheet has a chart" \
        sh -c "unzip -l '$out/w.xlsx' | grep -q 'xl/charts/chart1.xml'"
fi

# LibreOffice reads both sheets: the frontier's totals and the sentence
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$out/prof/user" "$out/csv"
    soffice "-env:UserInstallation=file://$out/prof" --headless \
        --convert-to \
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        --outdir "$out/csv" "$out/w.xlsx" >"$out/soffice.log" 2>&1
    t "LibreOffice reads the Frontier sheet: 1 vendor, 13 x 10 x 24" \
        grep -q '^1,1,3120,' "$out/csv/w-Frontier.csv"
    t "LibreOffice reads the Sensitivity sheet's sentence" \
        grep -q 'Vendor VA may rise 20.0 % before it stops being worth keeping' \
        "$out/csv/w-Sensitivity.csv"
fi

# ---- the example -------------------------------------------------------
# absolute paths: the example runs from another folder (distcheck's
# top_builddir and top_srcdir are relative)
abs_builddir=$(cd "$top_builddir" && pwd)
abs_srcdir=$(cd "$top_srcdir" && pwd)
(cd "$out" && STACKPLAN="$abs_builddir/stackplan" DATA="$out/cf-10-12" \
    sh "$abs_srcdir/examples/whatif.sh" "$out/ex.xlsx" >"$out/ex.out" 2>&1)
t "examples/whatif.sh runs" test $? -eq 0
t "... and writes the workbook and both JSON files" \
    test -s "$out/ex.xlsx" -a -s "$out/ex-frontier.json" \
    -a -s "$out/ex-breakeven.json"

# ---- shards and merge --------------------------------------------------
mkdata "$out/sh" '[{"name": "optimal"},
    {"name": "limit", "sweep": {"setting": "max_vendors",
                                "values": [1, 3, 4, 6]}},
    {"name": "Sophos", "sweep": {"setting": "price_change.Sophos",
                                 "values": [-0.2, 0.2]}},
    {"name": "short", "sweep": {"setting": "horizon_months",
                                "values": [12, 24]}},
    {"name": "keep microsoft", "require_vendors": ["Microsoft"]}]'
sp solve "$out/sh" --json "$out/one.json" -o "$out/one.xlsx" --quiet \
    >"$out/one.out" 2>"$out/one.err"
one_rc=$?
t "one run over every scenario (one infeasible) exits 3" test $one_rc -eq 3
for i in 1 2 3; do
    sp solve "$out/sh" --shard $i/3 --json "$out/s$i.json" --quiet \
        >/dev/null 2>&1
done
t "every shard writes its JSON" \
    test -s "$out/s1.json" -a -s "$out/s2.json" -a -s "$out/s3.json"
t "shards split the ten expanded scenarios 4 + 3 + 3" \
    test "$(jq -s -c 'map(.scenarios | length)' "$out"/s[123].json)" = \
    "[4,3,3]"
sp merge "$out/s2.json" "$out/s3.json" "$out/s1.json" \
    --json "$out/merged.json" -o "$out/merged.xlsx" \
    >"$out/merged.out" 2>"$out/merged.err"
t "merge exits as the one run did" test $? -eq $one_rc
t "merged JSON = one run's JSON, timings aside" \
    test "$(jq -S 'del(.. | .solve_seconds?)' "$out/one.json")" = \
    "$(jq -S 'del(.. | .solve_seconds?)' "$out/merged.json")"
t "merge prints what the one run printed" cmp -s "$out/one.out" \
    "$out/merged.out"
t "merge writes the workbook" test -s "$out/merged.xlsx"

sp merge "$out/s1.json" "$out/s3.json" >/dev/null 2>"$out/m.err"
t "merge without a shard exits 1" test $? -eq 1
t "... naming the scenarios left out" \
    grep -q "3 scenarios of 10 in none of the files" "$out/m.err"
sp merge "$out/s1.json" "$out/s2.json" "$out/s3.json" "$out/s2.json" \
    >/dev/null 2>"$out/m.err"
t "merge of overlapping shards exits 1" test $? -eq 1
t "... naming the scenario in both" grep -q "is in both" "$out/m.err"
sp solve "$sample" --shard 1/2 --json "$out/other.json" --quiet \
    >/dev/null 2>&1
sp merge "$out/s1.json" "$out/other.json" >/dev/null 2>"$out/m.err"
t "merge of shards from different data exits 1" test $? -eq 1
t "... saying so" grep -q "come from different runs" "$out/m.err"
# a plan that no longer covers a client is refused, whatever the file says
jq '(.scenarios[0].assignments[0].products) = []' "$out/s1.json" \
    >"$out/bad1.json"
sp merge "$out/bad1.json" "$out/s2.json" "$out/s3.json" >/dev/null \
    2>"$out/m.err"
t "merge of a tampered plan exits 4" test $? -eq 4
t "... naming the failed check" grep -q "the plan is not feasible" \
    "$out/m.err"
# the data changed after the shards were solved
cp "$out/sh/clients.csv" "$out/clients.bak"
sed '2s/,\([0-9][0-9]*\),/,1\1,/' "$out/clients.bak" >"$out/sh/clients.csv"
sp merge "$out/s1.json" "$out/s2.json" "$out/s3.json" >/dev/null \
    2>"$out/m.err"
t "merge after the data changed exits 1" test $? -eq 1
t "... saying the data changed" grep -q "has changed since" "$out/m.err"
cp "$out/clients.bak" "$out/sh/clients.csv"

echo "1..$n"
