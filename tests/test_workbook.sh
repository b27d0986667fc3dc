#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The scenario workbook and the client proposal, opened by a real
# spreadsheet program.  LibreOffice converts every sheet to CSV twice:
# once keeping the cached formula results libxlsxwriter wrote, and once
# from a copy whose cached results were zeroed, with a profile that
# recalculates every formula on load.  Both must agree with --json to
# the cent, and with each other cell by cell.  The proposal is unzipped
# and searched for anything internal or about another client.
. "${top_srcdir:-.}/tests/lib.sh"
data="$top_srcdir/tests/data/wb-basic"
awkdir="$top_srcdir/tests/xlsx"

need soffice jq unzip
scratch workbook
tsv() { awk -f "$awkdir/csv2tsv.awk" "$1"; }

# ---- data folders: the basic one, 20 scenarios, none feasible ---------
mkdata() { # name: a copy of the basic data without its scenarios.json
    mkdir -p "$out/$1"
    cp "$data"/*.csv "$out/$1/"
}
mkdata many
{
    printf '{"settings": {"horizon_months": 36, "labor_rate": 85,'
    printf ' "start_date": "2027-01-01", "markup": 0.3, "currency": "EUR"},\n'
    printf ' "scenarios": [\n'
    i=1
    while [ $i -le 20 ]; do
        case $((i % 4)) in
        0) extra='"max_vendors": 2' ;;
        1) extra="\"price_change\": {\"SuiteB\": 0.0$i}" ;;
        2) extra="\"horizon_months\": $((12 + i)), \"switch\": \"renewal\"" ;;
        3) extra='"require_vendors": ["Gamma EDR"]' ;;
        esac
        sep=,
        [ $i -eq 20 ] && sep=
        printf '  {"name": "scenario number %02d", %s}%s\n' $i "$extra" "$sep"
        i=$((i + 1))
    done
    printf ']}\n'
} >"$out/many/scenarios.json"
mkdata none
cat >"$out/none/scenarios.json" <<'EOF'
{"settings": {"start_date": "2027-01-01", "currency": "GBP"},
 "scenarios": [
   {"name": "no email vendors", "exclude_vendors": ["Alpha Mail", "Beta Sec"]},
   {"name": "no email products", "exclude_products": ["MailA", "MailB"]}]}
EOF

# invoiced prices (monthly_price) and the two pricings, at renewal too
mkdata priced
awk -F, -v OFS=, 'NR == 1 { print $0, "monthly_price"; next }
    $1 == "acme-01" && $2 == "EndA" { print $0, "250.00"; next }
    $1 == "kilo-99" && $2 == "SuiteB" { print $0, "123.45"; next }
    { print $0, "" }' "$data/inventory.csv" >"$out/priced/inventory.csv"
cat >"$out/priced/scenarios.json" <<'EOF'
{"settings": {"horizon_months": 36, "labor_rate": 85,
              "start_date": "2027-01-01", "markup": 0.3, "currency": "EUR",
              "migration_hours_fixed": 3, "migration_hours_per_unit": 0.2},
 "scenarios": [
   {"name": "hold"},
   {"name": "list", "pricing": "list",
    "price_change": {"EndA": 0.1, "SuiteB": 0.1}},
   {"name": "renewal", "switch": "renewal"}]}
EOF

# ---- write the workbooks ----------------------------------------------
mkdir -p "$out/wb" "$out/cached" "$out/recalc"
solve() { # name, data dir: workbook + JSON; prints the exit status
    sp solve "$2" --quiet -o "$out/wb/$1.xlsx" --json "$out/$1.json" \
        >/dev/null 2>"$out/$1.stderr"
    echo $?
}
rc=$(solve basic "$data")
t "basic: solve exits 3 (one scenario infeasible)" test "$rc" -eq 3
t "basic: the workbook is written anyway" test -s "$out/wb/basic.xlsx"
rc=$(solve many "$out/many")
t "many: solve of 20 scenarios exits 0" test "$rc" -eq 0
rc=$(solve comp "$top_srcdir/datasets/sample")
t "comp: solve of the sample (controls.csv, frameworks) exits 0" test "$rc" -eq 0
sp proposal "$top_srcdir/datasets/sample" --client c012 \
    -o "$out/wb/propc.xlsx" --quiet 2>/dev/null
t "proposal for the sample's c012 exits 0" test $? -eq 0
sp solve "$data" --quiet --breakeven -o "$out/wb/be.xlsx" >/dev/null 2>&1
t "solve --breakeven exits 3 as without it (one scenario infeasible)" \
    test $? -eq 3
sp solve "$data" --quiet --breakeven --json "$out/be-only.json" \
    >/dev/null 2>"$out/be.stderr"
t "solve --breakeven without -o is a usage error" test $? -eq 2
rc=$(solve priced "$out/priced")
t "priced: solve with monthly_price and pricing list exits 0" test "$rc" -eq 0
rc=$(solve sample "$top_srcdir/datasets/sample")
for p in "hold acme-01 propp" "list acme-01 propl" "list kilo-99 propk" \
    "renewal acme-01 propr"; do
    set -- $p
    sp proposal "$out/priced" --client "$2" --scenario "$1" \
        -o "$out/wb/$3.xlsx" --quiet 2>/dev/null
    t "priced: proposal for $2 under '$1' exits 0" test $? -eq 0
done
sp proposal "$top_srcdir/datasets/sample" --client c006 \
    --scenario "optimal at renewal" -o "$out/wb/props.xlsx" --quiet 2>/dev/null
t "proposal for the sample's c006 at renewal exits 0" test $? -eq 0
rc=$(solve none "$out/none")
t "none: solve with no feasible scenario exits 3" test "$rc" -eq 3
t "none: the workbook is written anyway" test -s "$out/wb/none.xlsx"

sp proposal "$data" --client acme-01 -o "$out/wb/prop.xlsx" --quiet \
    2>"$out/prop.stderr"
t "proposal for acme-01 exits 0" test $? -eq 0
sp proposal "$data" --client zeta-07 --scenario "keep acme" \
    -o "$out/wb/propz.xlsx" --quiet 2>/dev/null
t "proposal for zeta-07 under 'keep acme' exits 0" test $? -eq 0
sp proposal "$data" --client acme-01 -o "$out/wb/propb.xlsx" --quiet \
    --msp-name 'Bright & Co IT' --contact 'sales@bright.example, +1 555 0100' \
    --logo "$top_srcdir/tests/data/logo.png" --valid-days 45 \
    --issue-date 2027-01-05 2>"$out/propb.stderr"
t "a branded proposal (name, contact, logo, validity) exits 0" test $? -eq 0
sp proposal "$data" --client acme-01 -o "$out/wb/bad.xlsx" --quiet \
    --logo "$data/catalog.csv" 2>"$out/bad.stderr"
t "a logo that is not a PNG file exits 1" test $? -eq 1
t "... saying so" grep -q 'expected a PNG file' "$out/bad.stderr"
sp proposal "$data" --client acme-01 -o "$out/wb/bad.xlsx" --quiet \
    --valid-days 0 2>"$out/bad.stderr"
t "--valid-days 0 is a usage error" test $? -eq 2
sp proposal "$data" --client acme-01 --scenario "no email" \
    -o "$out/wb/bad.xlsx" --quiet 2>"$out/bad.stderr"
t "proposal under an infeasible scenario exits 3" test $? -eq 3
t "... and writes nothing" test ! -e "$out/wb/bad.xlsx"
sp proposal "$data" --client nobody -o "$out/wb/bad.xlsx" --quiet \
    2>"$out/bad.stderr"
t "proposal for an unknown client exits 2" test $? -eq 2
t "... naming the client" grep -q "unknown client 'nobody'" "$out/bad.stderr"
sp proposal "$out/none" --client acme-01 -o "$out/wb/bad.xlsx" --quiet \
    2>/dev/null
t "proposal with no feasible scenario exits 3" test $? -eq 3
ls "$out/wb" | grep -q tmp
t "no temporary file is left behind" test $? -ne 0

# ---- a copy of each file with every cached formula result zeroed -------
zeroed=0
if command -v zip >/dev/null 2>&1; then
    for f in basic many none prop comp propp propl props; do
        mkdir "$out/z-$f"
        (cd "$out/z-$f" && unzip -q "$out/wb/$f.xlsx" &&
            for x in xl/worksheets/*.xml; do
                sed 's#</f><v>[^<]*</v>#</f><v>0</v>#g' "$x" >"$x.new" &&
                    mv "$x.new" "$x"
            done &&
            mkdir -p "$out/zeroed" && zip -q -X -r "$out/zeroed/$f.xlsx" .)
    done
    zeroed=1
    formulas=$(unzip -p "$out/zeroed/basic.xlsx" 'xl/worksheets/*.xml' |
        grep -o '<f[ >]' | wc -l)
    zeros=$(unzip -p "$out/zeroed/basic.xlsx" 'xl/worksheets/*.xml' |
        grep -o '</f><v>0</v>' | wc -l)
    t "the zeroed copy has every cached result set to 0 ($formulas)" \
        test "$formulas" -gt 100 -a "$formulas" -eq "$zeros"
    # what-if on the Prices sheet: SuiteB's catalog price up by 1; MailA's
    # up by 1 (what leaving acme-01's MailA costs: paid until its contract
    # ends); the horizon of 'optimal' (its row: 8) from 36 to 48 months;
    # its labour rate from 85 to 100 (migration labour)
    pos=$(unzip -p "$out/wb/basic.xlsx" xl/workbook.xml |
        grep -o '<sheet name="[^"]*"' | grep -n '"Prices"' | cut -d: -f1)
    (cd "$out/z-basic" && x="xl/worksheets/sheet$pos.xml" && cp "$x" orig &&
        sed 's#<v>6.1231</v>#<v>7.1231</v>#' orig >"$x" &&
        zip -q -X -r "$out/zeroed/whatif.xlsx" . -x orig &&
        sed 's#\(<c r="B8"[^>]*><v>\)36</v>#\148</v>#' orig >"$x" &&
        zip -q -X -r "$out/zeroed/horizon.xlsx" . -x orig &&
        sed 's#<v>3.1713</v>#<v>4.1713</v>#' orig >"$x" &&
        zip -q -X -r "$out/zeroed/leaving.xlsx" . -x orig &&
        sed 's#\(<c r="C8"[^>]*><v>\)85</v>#\1100</v>#' orig >"$x" &&
        zip -q -X -r "$out/zeroed/labour.xlsx" . -x orig && cp orig "$x" &&
        rm orig)
else
    echo "# zip not found: recalculating the files as written"
    mkdir -p "$out/zeroed"
    cp "$out/wb"/basic.xlsx "$out/wb"/many.xlsx "$out/wb"/none.xlsx \
        "$out/wb"/prop.xlsx "$out/wb"/comp.xlsx "$out/wb"/propp.xlsx \
        "$out/wb"/propl.xlsx "$out/wb"/props.xlsx "$out/zeroed/"
fi

# ---- LibreOffice: cached values, and everything recalculated ----------
profile() { # folder, OOXMLRecalcMode (0 = always recalculate, 1 = never)
    mkdir -p "$1/user"
    cat >"$1/user/registrymodifications.xcu" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>$2</value></prop></item>
</oor:items>
EOF
}
convert() { # profile folder, output folder, files...
    prof=$1; dest=$2; shift 2
    soffice "-env:UserInstallation=file://$prof" --headless --convert-to \
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
        --outdir "$dest" "$@" >"$dest.log" 2>&1
}
profile "$out/prof-cached" 1
profile "$out/prof-recalc" 0
# two profiles, two processes: the conversions run side by side
convert "$out/prof-cached" "$out/cached" "$out/wb/basic.xlsx" \
    "$out/wb/many.xlsx" "$out/wb/none.xlsx" "$out/wb/prop.xlsx" \
    "$out/wb/propz.xlsx" "$out/wb/comp.xlsx" "$out/wb/propc.xlsx" "$out/wb/propb.xlsx" \
    "$out/wb/be.xlsx" \
    "$out/wb/propp.xlsx" "$out/wb/propl.xlsx" "$out/wb/propk.xlsx" \
    "$out/wb/propr.xlsx" "$out/wb/props.xlsx" &
whatif=
[ $zeroed -eq 1 ] && whatif="$out/zeroed/whatif.xlsx $out/zeroed/horizon.xlsx
    $out/zeroed/leaving.xlsx $out/zeroed/labour.xlsx"
convert "$out/prof-recalc" "$out/recalc" "$out/zeroed/basic.xlsx" \
    "$out/zeroed/many.xlsx" "$out/zeroed/none.xlsx" \
    "$out/zeroed/prop.xlsx" "$out/zeroed/comp.xlsx" "$out/zeroed/propp.xlsx" \
    "$out/zeroed/propl.xlsx" "$out/zeroed/props.xlsx" $whatif &
wait
t "LibreOffice read the basic workbook" test -s "$out/cached/basic-Summary.csv"
t "LibreOffice recalculated the basic workbook" \
    test -s "$out/recalc/basic-Summary.csv"
[ -s "$out/cached/basic-Summary.csv" ] || sed 's/^/# /' "$out/cached.log"

# ---- the Summary and every scenario sheet against the JSON -------------
row() { # tsv file, label: the row whose first cell is label
    awk -F'\t' -v k="$2" '$1 == k' "$1"
}
expect() { # json, jq path of a figure: baseline, then each scenario
    jq -r --argjson p "$2" -f "$awkdir/figure.jq" "$1"
}
summary_ok() { # csv folder, workbook name
    s="$out/$2.summary.tsv"
    tsv "$1/$2-Summary.csv" >"$s" || return 1
    for pair in 'Total cost:["total_cost"]' \
        'Monthly run-rate:["monthly_run_rate"]' \
        'Licence:["breakdown","licence"]' \
        'Migration:["breakdown","migration"]' \
        'Termination:["breakdown","termination"]' \
        'Vendor overhead:["breakdown","vendor_overhead"]' \
        'Savings:["savings"]' 'Solver status:["status"]' \
        'Payback month (0 if none):["payback_months"]'; do
        label=${pair%%:*}
        want=$(expect "$out/$2.json" "${pair#*:}")
        # the baseline has no status or savings in the JSON
        case $label in
        Solver*) want=$(printf '%s' "$want" | sed 's/^/current stack/') ;;
        esac
        row "$s" "$label" |
            awk -v want="$want" -v what="$2 Summary '$label'" \
                -f "$awkdir/rowcmp.awk" || return 1
    done
}
sheets_ok() { # csv folder, workbook name: each plan sheet's key figures
    s="$out/$2.summary.tsv"
    names=$(row "$s" Sheet | cut -f2-)
    i=0
    # baseline first (index -1), then each scenario with a plan
    for name in $(printf '%s' "$names" | tr '\t ' '\n\001'); do
        name=$(printf '%s' "$name" | tr '\001' ' ')
        f="$1/$2-$name.csv"
        if [ $i -eq 0 ]; then
            sel='.baseline'
        else
            sel=".scenarios[$((i - 1))]"
        fi
        i=$((i + 1))
        status=$(jq -r "$sel.status // \"current\"" "$out/$2.json")
        if [ "$status" = infeasible ]; then
            grep -q '^Why,' "$f" || { echo "# $f: no reason"; return 1; }
            continue
        fi
        want=$(jq -r "$sel"' | [.breakdown.licence, .breakdown.migration,
            .breakdown.termination, .breakdown.vendor_overhead,
            .total_cost, .monthly_run_rate] | @tsv' "$out/$2.json")
        # line 5 holds the key figures; its first cell is the horizon
        tsv "$f" | sed -n 5p |
            awk -v want="$want" -v what="$2 sheet '$name'" \
                -f "$awkdir/rowcmp.awk" || return 1
    done
    [ $i -eq $(($(jq '.scenarios | length' "$out/$2.json") + 1)) ]
}
for wb in basic many none; do
    t "$wb: cached Summary = JSON to the cent" summary_ok "$out/cached" $wb
    t "$wb: recalculated Summary = JSON to the cent" \
        summary_ok "$out/recalc" $wb
    t "$wb: cached plan sheets' totals = JSON" sheets_ok "$out/cached" $wb
    t "$wb: recalculated plan sheets' totals = JSON" \
        sheets_ok "$out/recalc" $wb
done

chart_cache() { # xlsx: the cached values of the total-cost chart's series
    c=$(unzip -l "$1" 'xl/charts/chart*.xml' | awk '{ print $4 }' |
        grep '^xl/charts/' | while read -r x; do
            unzip -p "$1" "$x" | grep -q 'Total cost over the horizon' &&
                echo "$x"; done | head -1)
    unzip -p "$1" "$c" | grep -o '<c:val>.*</c:val>' |
        sed 's#</c:val>.*##' | grep -o '<c:v>[^<]*</c:v>' |
        sed 's/<[^>]*>//g' | paste -sd '\t' -
}
chart_ok() { # the bar chart's cache: baseline and feasible scenario totals
    want=$(jq -r '[.baseline.total_cost, (.scenarios[]
        | select(.status != "infeasible") | .total_cost)] | @tsv' \
        "$out/$1.json")
    got=$(chart_cache "$out/wb/$1.xlsx")
    [ "$(printf '%s' "$got" | awk -F'\t' '{ print NF }')" = \
      "$(printf '%s' "$want" | awk -F'\t' '{ print NF }')" ] &&
        printf 'x\t%s\n' "$got" |
        awk -v want="$want" -v what="$1 chart cache" -f "$awkdir/rowcmp.awk"
}
t "basic: the total-cost chart caches the JSON totals" chart_ok basic
t "none: the chart caches the baseline only" chart_ok none

same_cells() { # every sheet of a workbook: cached = recalculated
    found=0
    for f in "$out/cached/$1"-*.csv; do
        g="$out/recalc/${f##*/}"
        [ -f "$g" ] || { echo "# no $g"; return 1; }
        tsv "$f" >"$out/a.tsv"
        tsv "$g" >"$out/b.tsv"
        awk -v other="$out/b.tsv" -f "$awkdir/cmp.awk" "$out/a.tsv" ||
            return 1
        found=$((found + 1))
    done
    [ $found -ge 3 ]
}
for wb in basic many none prop comp propp propl props; do
    t "$wb: every cell recalculated = cached, to the cent" same_cells $wb
done

# ---- the Compliance sheet (docs/compliance.md) against the JSON ---------
compliance_ok() { # csv folder: the summary table = JSON frameworks
    want=$(jq -r '(["Baseline", .baseline.frameworks[]] | .[0] as $n
                   | .[1:][] | [.framework, $n, .controls_in_scope,
                   (.framework_controls // ""), .clients,
                   .compliant_clients, ""]),
                  (.scenarios[] | select(.status != "infeasible") | .name as $n
                   | .frameworks[] | [.framework, $n, .controls_in_scope,
                   (.framework_controls // ""), .clients,
                   .compliant_clients_today, .compliant_clients])
                  | map(tostring) | @tsv' "$out/comp.json")
    got=$(tsv "$1/comp-Compliance.csv" | awk -F'\t' '
        $1 == "Framework" && $2 == "Plan" { on = 1; next }
        on && $1 == "" { exit }
        on { print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 "\t" $6 "\t" $7 }')
    [ -n "$want" ] && [ "$got" = "$want" ] ||
        { printf '# want:\n%s\n# got:\n%s\n' "$want" "$got" | head -8; false; }
}
t "comp: cached Compliance summary = JSON frameworks" \
    compliance_ok "$out/cached"
t "comp: recalculated Compliance summary = JSON frameworks" \
    compliance_ok "$out/recalc"
matrix_ok() { # csv folder: each matrix row's met count = the JSON's
    want=$(jq -r '(.baseline.compliance[] | ["Baseline", "today", .client,
                   .framework, (.met | length)]),
                  (.scenarios[] | select(.status != "infeasible") | .name as $n
                   | .compliance[] | [$n, "after", .client, .framework,
                   (.met | length)]) | map(tostring) | @tsv' "$out/comp.json" |
        sort)
    got=$(tsv "$1/comp-Compliance.csv" | awk -F'\t' '
        $1 == "Client" && $5 == "When" { on = 1; for (i = 1; i <= NF; i++)
            if ($i == "Controls met") m = i; next }
        on && ($4 == "Baseline" || $5 == "after") {
            print $4 "\t" $5 "\t" $1 "\t" $3 "\t" $m }' | sort)
    [ -n "$want" ] && [ "$got" = "$want" ]
}
t "comp: cached client x control matrix = JSON met" matrix_ok "$out/cached"
t "comp: recalculated client x control matrix = JSON met" \
    matrix_ok "$out/recalc"
gaps_highlighted() {
    unzip -p "$out/wb/comp.xlsx" xl/worksheets/sheet*.xml |
        grep -q '<formula>"gap"</formula>'
}
t "comp: gaps and met controls are highlighted" gaps_highlighted
proposal_compliance() { # c012's section: after, every control met
    f="$out/cached/propc-Proposal.csv"
    grep -q '^Compliance evidence' "$f" &&
        grep -q 'CIS v8 IG1: 12 of its 56 controls can be met by products' "$f" &&
        grep -q '^9.2,DNS filtering in use,not met,met by ' "$f"
}
t "proposal for c012: a compliance section, today and after" \
    proposal_compliance

# ---- what-if: an edited price flows into every total -------------------
# the same edits made to the data and costed by stackplan recost: every
# Summary figure must match, baselines and savings included
recost_for() { # name, catalog sed, scenarios jq filter
    mkdir -p "$out/rc-$1"
    cp "$data"/*.csv "$out/rc-$1/"
    sed "$2" "$data/catalog.csv" >"$out/rc-$1/catalog.csv"
    jq "$3" "$data/scenarios.json" >"$out/rc-$1/scenarios.json"
    sp recost "$out/basic.json" "$out/rc-$1" --json "$out/rc-$1.json" \
        >/dev/null 2>&1
    [ -s "$out/rc-$1.json" ]
}
live_ok() { # edited workbook, recost name
    tsv "$out/recalc/$1-Summary.csv" >"$out/$1.tsv"
    for pair in 'Total cost:["total_cost"]' 'Licence:["breakdown","licence"]' \
        'Vendor overhead:["breakdown","vendor_overhead"]' \
        "Baseline under the scenario's settings:[\"baseline_total_cost\"]" \
        'Savings:["savings"]' 'Horizon (months):["horizon_months"]' \
        'Migration:["breakdown","migration"]' \
        'Termination:["breakdown","termination"]' \
        'Payback month (0 if none):["payback_months"]'; do
        label=${pair%%:*}
        want=$(jq -r --argjson p "${pair#*:}" -f "$awkdir/figure.jq" \
            "$out/rc-$2.json")
        case $label in
        Baseline*|Horizon*) want=$(printf '%s' "$want" | cut -f2-)
            got=$(row "$out/$1.tsv" "$label" | cut -f1,3-) ;;
        *) got=$(row "$out/$1.tsv" "$label") ;;
        esac
        printf '%s\n' "$got" |
            awk -v want="$want" -v what="$1 '$label'" \
                -f "$awkdir/rowcmp.awk" || return 1
    done
}
if [ $zeroed -eq 1 ]; then
    t "recost at SuiteB + 1 (catalog) works" recost_for price \
        's/^SuiteB,Beta Sec,endpoint;backup,device,6.1231,/SuiteB,Beta Sec,endpoint;backup,device,7.1231,/' .
    t "Prices sheet: SuiteB + 1 moves every total, baseline and saving to recost's" \
        live_ok whatif price
    t "recost at 48 months for 'optimal' works" recost_for horizon 's/^//' \
        '.scenarios |= map(if .name == "optimal" then . + {"horizon_months": 48} else . end)'
    t "Prices sheet: a horizon edit moves that plan's figures to recost's" \
        live_ok horizon horizon
    t "recost at MailA + 1 (catalog) works" recost_for leaving \
        's/^MailA,Alpha Mail,email,user,3.1713,/MailA,Alpha Mail,email,user,4.1713,/' .
    t "Prices sheet: MailA + 1 moves leaving costs and payback to recost's" \
        live_ok leaving leaving
    t "the MailA edit changed a termination (the test can see one)" \
        test "$(jq '[.scenarios[] | .breakdown.termination // 0] | add' \
            "$out/rc-leaving.json")" != \
            "$(jq '[.scenarios[] | .breakdown.termination // 0] | add' \
            "$out/basic.json")"
    t "recost at labour 100 for 'optimal' works" recost_for labour 's/^//' \
        '.scenarios |= map(if .name == "optimal" then . + {"labor_rate": 100} else . end)'
    t "Prices sheet: a labour-rate edit moves migration, overhead and payback to recost's" \
        live_ok labour labour
else
    n=$((n + 9)); echo "ok $n # SKIP zip not found: no edited copy"
fi

# ---- break-even beside each product (solve --breakeven) ----------------
flips_ok() { # the Prices sheet's "Flips at" = stackplan breakeven --all
    f="$out/cached/be-Prices.csv"
    sc=$(sed -n "s/^Flips at: .* the optimum of '\(.*\)' (recommended).*/\1/p" "$f")
    [ -n "$sc" ] || { echo "# no scenario named"; return 1; }
    sp breakeven "$data" --all --scenario "$sc" --json "$out/be.json" \
        >/dev/null 2>&1 || return 1
    want=$(jq -r '.items[] | select(.kind == "vendor" and .forced == null
        and .found) | [.name, (if .in_plan then "dropped above "
        else "taken up below " end) + (.break_even * 1000 | round / 10
        | if . >= 0 then "+" else "" end + tostring) + " %"] | @tsv' \
        "$out/be.json" | sed 's/\(\.[0-9]\)\?\( %\)$/\1\2/')
    [ -n "$want" ] || { echo "# breakeven found no flip"; return 1; }
    tsv "$f" | awk -F'\t' '$1 == "Product" { on = 1; next }
        on && $1 == "" { exit } on { print $2 "\t" $4 }' | sort -u >"$out/flips"
    printf '%s\n' "$want" | while IFS="$(printf '\t')" read -r v txt; do
        # %+.1f: one decimal always
        case $txt in *.*) ;; *) txt=$(printf '%s' "$txt" | sed 's/ %$/.0 %/') ;; esac
        grep -qxF "$(printf '%s\t%s' "$v" "$txt")" "$out/flips" ||
            { echo "# $v: want '$txt'"; grep -F "$v" "$out/flips" | head -1; return 1; }
    done
}
t "solve --breakeven: each vendor's flip on the Prices sheet = stackplan breakeven --all" \
    flips_ok
t "without --breakeven the Prices sheet says how to get it" \
    grep -q '^"\?Flips at: not computed (stackplan solve --breakeven' \
    "$out/cached/basic-Prices.csv"

# the inputs: named, unlocked, validated; every sheet protected (no password)
inputs_guarded() {
    f="$out/wb/basic.xlsx"
    pos=$(unzip -p "$f" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
        grep -n '"Prices"' | cut -d: -f1)
    sheets=$(unzip -l "$f" 'xl/worksheets/sheet*.xml' | grep -c 'sheet[0-9]*.xml')
    protected=$(for x in $(unzip -l "$f" 'xl/worksheets/sheet*.xml' |
        awk '{ print $4 }' | grep '^xl/worksheets/'); do
        unzip -p "$f" "$x" | grep -c '<sheetProtection sheet="1"'; done |
        awk '{ s += $1 } END { print s }')
    [ "$protected" -eq "$sheets" ] || { echo "# $protected of $sheets protected"; return 1; }
    ! unzip -p "$f" 'xl/worksheets/sheet*.xml' | grep -q 'sheetProtection[^>]*password' &&
    unzip -p "$f" "xl/worksheets/sheet$pos.xml" |
        grep -q '<dataValidation type="decimal" operator="greaterThanOrEqual"' &&
    unzip -p "$f" xl/styles.xml | grep -q 'locked="0"' &&
    unzip -p "$f" xl/workbook.xml | grep -q '<definedName name="Price_SuiteB_3">' &&
    unzip -p "$f" xl/workbook.xml | grep -q '<definedName name="Horizon_1">'
}
t "Prices inputs are named, unlocked and validated; every sheet protected without a password" \
    inputs_guarded

# ---- sheet names --------------------------------------------------------
sheet_names() { # the workbook's sheet names, one a line
    unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
        sed 's/^<sheet name="//; s/"$//; s/&apos;/'"'"'/g; s/&amp;/\&/g'
}
sheet_names "$out/wb/basic.xlsx" >"$out/names"
has_sheet() { grep -qxF "$1" "$out/names"; }
t "'a/b:c*?[x]' becomes 'a_b_c___x_'" has_sheet 'a_b_c___x_'
t "'a:b/c?*]x[' (same once made safe) becomes 'a_b_c___x_ (2)'" \
    has_sheet 'a_b_c___x_ (2)'
t "a long name keeps its start and end in 31 characters" \
    has_sheet 'A very long scenario…characters'
t "a scenario named Summary becomes 'Summary (2)'" has_sheet 'Summary (2)'
t "an inner apostrophe is kept" has_sheet "O'Brien's pick"
t "apostrophes at the ends are dropped" has_sheet 'quoted'
names_valid() {
    awk 'BEGIN { split("[ ] : * ? / \\", bad_chars, " ") }
         { for (i in bad_chars)
               if (index($0, bad_chars[i])) {
                   print "# bad character in: " $0; bad = 1 }
           chars = $0; gsub(/[\200-\277]/, "", chars)  # UTF-8 characters
           if (length(chars) > 31 || $0 ~ /^'"'"'/ || $0 ~ /'"'"'$/) {
               print "# bad sheet name: " $0; bad = 1 }
           l = tolower($0); if (seen[l]++) { print "# twice: " $0; bad = 1 } }
         END { exit bad }' "$out/names"
}
t "every sheet name is valid and unique ignoring case" names_valid
sheet_names "$out/wb/many.xlsx" >"$out/names-many"
t "many: 20 scenario sheets + Executive summary, Payback, Summary, Prices, Baseline, Vendor scorecard, Vendors, Inputs" \
    test "$(wc -l <"$out/names-many")" -eq 28

# ---- the awkward client names -------------------------------------------
client_row() { # workbook, client id: its row of the Baseline client table
    tsv "$out/cached/$1-Baseline.csv" |
        awk -F'\t' -v c="$2" '$1 == c { print; exit }'
}
t "a name with commas and quotes survives" \
    test "$(client_row basic acme-01 | cut -f2)" = 'Acme, Inc. "East" Branch'
t "a Unicode name survives" \
    test "$(client_row basic zeta-07 | cut -f2)" = 'Zürich Straße Ölwerke ✓'
gaps_marked() { # each client with a gap in the JSON has one marked
    jq -r '.baseline.coverage_gaps[] | [.client, (.missing | join(", "))]
           | @tsv' "$out/basic.json" >"$out/gaps"
    [ -s "$out/gaps" ] || return 1
    while IFS="$(printf '\t')" read -r c missing; do
        r=$(client_row basic "$c")
        printf '%s\n' "$r" | grep -q "$(printf '\t')gap$(printf '\t')" &&
            [ "$(printf '%s\n' "$r" | awk -F'\t' '{ print $NF }')" = \
              "$missing" ] || { echo "# $c: $r"; return 1; }
    done <"$out/gaps"
}
t "the baseline marks every coverage gap of the JSON" gaps_marked
t "the unmapped inventory row is listed" \
    grep -q '^zeta-07,OldAV,' "$out/cached/basic-Baseline.csv"
t "none: every scenario is reported infeasible on the Summary" \
    test "$(row "$out/none.summary.tsv" 'Solver status' | cut -f3-)" = \
    "$(printf 'infeasible\tinfeasible')"

# ---- the proposal: right prices, nothing internal -----------------------
tsvs() { # data folder: its CSV files as TSV in $out/NAME.tsv
    for f in catalog clients inventory vendors tiers; do
        tsv "$1/$f.csv" >"$out/$f.tsv"
    done
    markup=$(jq '.settings.markup' "$1/scenarios.json")
}
tsvs "$data"
resale() { # client, products ("@today" = its mapped inventory)
    awk -v client="$1" -v products="$2" -v markup="$markup" \
        -f "$awkdir/resale.awk" "$out/catalog.tsv" "$out/clients.tsv" \
        "$out/inventory.tsv"
}
# today: what the client is invoiced (worked out from the CSV files);
# proposed: the client's revenue_monthly in the JSON, to half a cent per
# priced row (each row is rounded to the cent)
prices_ok() { # csv folder, workbook, client, scenario name, JSON
    rev=$(jq -r --arg c "$3" --arg s "$4" '.scenarios[]
        | select(.name == $s) | .assignments[]
        | select(.client == $c) | .revenue_monthly' "$5")
    today=$(resale "$3" @today)
    tsv "$1/$2-Proposal.csv" | awk -F'\t' -v today="$today" -v rev="$rev" '
        function off(a, b) { return a - b < 0 ? b - a : a - b }
        $1 == "Monthly price today" { getline; t = $1; p = $2 }
        $4 ~ /^(per (user|device|server|TB)|flat)$/ { rows++ }
        END {
            tol = 0.005 * rows + 1e-9
            if (rev == "" || t == "" || off(t, today) > tol ||
                off(p, rev) > tol) {
                printf "# today %s (want %s), proposed %s (want %s)\n",
                    t, today, p, rev
                exit 1
            }
        }'
}
t "proposal: today = invoiced, proposed = revenue_monthly (cached)" \
    prices_ok "$out/cached" prop acme-01 optimal "$out/basic.json"
t "proposal: the same recalculated" \
    prices_ok "$out/recalc" prop acme-01 optimal "$out/basic.json"
t "proposal under 'keep acme': today and proposed prices" \
    prices_ok "$out/cached" propz zeta-07 "keep acme" "$out/basic.json"
tsvs "$out/priced"
t "monthly_price, hold: today = invoiced, proposed = revenue_monthly" \
    prices_ok "$out/cached" propp acme-01 hold "$out/priced.json"
t "... the same recalculated" \
    prices_ok "$out/recalc" propp acme-01 hold "$out/priced.json"
t "monthly_price, list with a price change: proposed = revenue_monthly" \
    prices_ok "$out/cached" propl acme-01 list "$out/priced.json"
t "... the same recalculated" \
    prices_ok "$out/recalc" propl acme-01 list "$out/priced.json"
t "list: kilo-99 (a monthly_price kept, +10 %) proposed = revenue_monthly" \
    prices_ok "$out/cached" propk kilo-99 list "$out/priced.json"
t "the invoiced row is shown at its monthly_price, per unit to the cent" \
    grep -q '^Gamma Endpoint,Gamma EDR,Endpoint protection,per device,45,5.56,250,' \
    "$out/cached/propp-Proposal.csv"
tsvs "$top_srcdir/datasets/sample"
t "the sample's c006 at renewal: proposed = revenue_monthly" \
    prices_ok "$out/cached" props c006 "optimal at renewal" "$out/sample.json"
starts_ok() { # every start date of the JSON is a "Starts" event, no other
    jq -r '.scenarios[] | select(.name == "optimal at renewal")
        | .assignments[] | select(.client == "c006") | .starts[]
        | .start_date' "$out/sample.json" | sort >"$out/want-starts"
    tsv "$out/cached/props-Migration plan.csv" |
        awk -F'\t' '$2 == "Starts" { print $1 }' | sort >"$out/got-starts"
    [ -s "$out/want-starts" ] && grep -q 2028-07-01 "$out/want-starts" &&
        cmp -s "$out/want-starts" "$out/got-starts"
}
t "timeline: the start dates are the JSON's starts[].start_date" starts_ok
t "timeline: Mail Assure starts when the Mimecast contract ends" \
    grep -q '^2028-07-01,Starts,N-able,' "$out/cached/props-Migration plan.csv"
t "a sentence says what replaces what, for what, and when" \
    grep -q 'replaces Mimecast .* for email security .* on 2028-07-01, when your Mimecast contract ends' \
    "$out/cached/props-Proposal.csv"
lost_said() { # every capability lost of the JSON is said in words
    jq -r '.scenarios[] | select(.name == "optimal at renewal")
        | .assignments[] | select(.client == "c006")
        | .capabilities_lost[]' "$out/sample.json" >"$out/lost"
    [ "$(cat "$out/lost")" = m365_backup ] &&
        grep -q '^"*Microsoft 365 backup is no longer covered: ' \
            "$out/cached/props-Proposal.csv" &&
        grep -q 'no longer covered' "$out/cached/props-Coverage.csv"
}
t "the capability lost is said in words" lost_said
tsvs "$data"
cols() { # TSV file, column names: their values, one a line
    f=$1
    shift
    awk -F'\t' -v names="$*" 'NR == 1 { n = split(names, w, " ")
            for (i = 1; i <= NF; i++) for (j = 1; j <= n; j++)
                if ($i == w[j]) c[j] = i
            next }
        { for (j = 1; j <= n; j++) if (c[j]) print $c[j] }' "$f"
}
leaks() { # proposal file, client id: prints what must not be there
    # (libxlsxwriter's own version number is no amount)
    unzip -p "$1" | sed 's#<AppVersion>[^<]*</AppVersion>##' >"$out/parts.txt"
    {
        awk -F'\t' -v c="$2" 'NR > 1 && $1 != c { print $1; print $2 }' \
            "$out/clients.tsv"
        # catalog prices that differ from resale, tier prices, vendor
        # fees and commitments, contracted costs and fees (amounts with
        # decimals, so that no XML attribute matches by chance)
        awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            !("resale_price" in c) || $c["price"] != $c["resale_price"] {
                print $c["price"] }' "$out/catalog.tsv"
        cols "$out/tiers.tsv" price
        cols "$out/vendors.tsv" monthly_fee min_commit
        cols "$out/inventory.tsv" monthly_cost termination_fee
        printf '%s\n' "Vendor overhead" "Inputs" "margin" "Baseline"
    } | grep '[^ ]' | grep -v '^[0-9]*$' | sort -u | while read -r s; do
        grep -qF -- "$s" "$out/parts.txt" && echo "# leaked: $s"
    done
}
t "proposal leaks nothing internal or about another client" \
    test -z "$(leaks "$out/wb/prop.xlsx" acme-01)"
t "the Unicode client's proposal leaks nothing either" \
    test -z "$(leaks "$out/wb/propz.xlsx" zeta-07)"
t "the branded proposal (logo, contact) leaks nothing" \
    test -z "$(leaks "$out/wb/propb.xlsx" acme-01)"
no_codes() { # no product code or client id in any part of the file
    unzip -p "$1" >"$out/parts.txt"
    for s in $(awk -F'\t' 'NR > 1 { print $1 }' "$out/catalog.tsv") "$2"; do
        grep -qF -- "$s" "$out/parts.txt" && { echo "# shown: $s"; return 1; }
    done
    return 0
}
no_codes_both() {
    no_codes "$out/wb/prop.xlsx" acme-01 && no_codes "$out/wb/propb.xlsx" acme-01
}
t "the proposals show no product code or client id" no_codes_both
tsvs "$out/priced"
t "the proposals under hold, list and renewal leak nothing" \
    test -z "$(leaks "$out/wb/propp.xlsx" acme-01; leaks "$out/wb/propl.xlsx" acme-01
               leaks "$out/wb/propk.xlsx" kilo-99; leaks "$out/wb/propr.xlsx" acme-01)"
priced_codes() {
    no_codes "$out/wb/propp.xlsx" acme-01 && no_codes "$out/wb/propl.xlsx" acme-01 &&
        no_codes "$out/wb/propk.xlsx" kilo-99 && no_codes "$out/wb/propr.xlsx" acme-01
}
t "... nor show a product code or client id" priced_codes
tsvs "$top_srcdir/datasets/sample"
sample_clean() {
    test -z "$(leaks "$out/wb/props.xlsx" c006)" && no_codes "$out/wb/props.xlsx" c006
}
t "the sample's renewal proposal leaks nothing, shows no code or id" sample_clean
tsvs "$data"
branded() {
    f="$out/cached/propb-Proposal.csv"
    grep -q 'Prepared for Acme, Inc. ""East"" Branch by Bright & Co IT' "$f" &&
        grep -q 'Issued 2027-01-05 · valid until 2027-02-19' "$f" &&
        grep -q 'Contact: sales@bright.example, +1 555 0100' "$f" &&
        unzip -l "$out/wb/propb.xlsx" | grep -q 'xl/media/image1.png' &&
        unzip -p "$out/wb/propb.xlsx" xl/worksheets/sheet1.xml |
        grep -q 'Bright &amp;&amp; Co IT'
}
t "branding: MSP name, issue and valid-until dates, contact, logo, page header" \
    branded
cent_prices() { # every unit price has at most 2 decimals, per unit said
    tsv "$out/cached/prop-Proposal.csv" | awk -F'\t' '
        $4 ~ /^(per (user|device|server|TB)|flat)$/ && $7 != "included" { n++
            if ($6 !~ /^[0-9]+(\.[0-9][0-9]?)?$/) { print "# " $6; bad = 1 } }
        END { exit bad || n < 2 }'
}
t "proposal unit prices are rounded to the cent, with what they are per" \
    cent_prices
t "categories are shown as labels (Email security)" \
    grep -q 'Email security' "$out/cached/prop-Coverage.csv"
t "the leak check would see a leak (the workbook has them)" \
    test -n "$(leaks "$out/wb/basic.xlsx" acme-01)"
sheet_names "$out/wb/prop.xlsx" >"$out/prop-names"
t "proposal sheets: Proposal, Coverage, Migration plan only" \
    test "$(tr '\n' '|' <"$out/prop-names")" = 'Proposal|Coverage|Migration plan|'
no_hidden() { ! unzip -p "$1" xl/workbook.xml | grep -q 'state="'; }
t "proposal has no hidden sheet" no_hidden "$out/wb/prop.xlsx"
no_company() { ! unzip -p "$1" docProps/app.xml | grep -q '<Company>[^<]'; }
t "proposal's document properties name no company" \
    no_company "$out/wb/prop.xlsx"
t "proposal names the client" \
    grep -q 'Acme, Inc. ""East"" Branch' "$out/cached/prop-Proposal.csv"
t "migration plan leaves a contract at its end date" \
    grep -q '^2027-07-01,Stops: its contract has run to its end,Alpha Mail,Alpha Mail Protect,' \
    "$out/cached/prop-Migration plan.csv"

echo "1..$n"
