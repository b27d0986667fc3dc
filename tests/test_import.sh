#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# stackplan import (docs/import.md): every rule of SPEC section 5 on small
# exports whose expected clients.csv, inventory.csv and import-report.csv
# were worked out by hand; the error messages; OUT_DIR all or nothing;
# and the bundled exports of datasets/exports, compared row by row with
# tests/data/import-sample/ and then checked and solved.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
scratch import
# the test runs inside $out: the tree's paths made absolute first
top_srcdir=$(cd "$top_srcdir" && pwd) || exit 99
top_builddir=$(cd "$top_builddir" && pwd) || exit 99
STACKPLAN_PROFILES=$top_srcdir/importers/profiles
export STACKPLAN_PROFILES

# expect DESC FILE: a test that FILE equals standard input; the diff on
# failure as TAP comments
expect() {
    desc=$1 file=$2
    cat >"$out/.want"
    if [ -f "$file" ] && cmp -s "$out/.want" "$file"; then
        t "$desc" true
    else
        t "$desc" false
        diff -u "$out/.want" "$file" 2>&1 | sed 's/^/#   /'
    fi
}

cd "$out" || exit 99
mkdir cat
cat >cat/catalog.csv <<'EOF'
product,vendor,name,covers,unit,price,aliases
DfB,Microsoft,Microsoft Defender for Business,endpoint,user,3.00,
M365-BP,Microsoft,Microsoft 365 Business Premium,email;endpoint,user,22.00,M365 Premium|Office 365 E3 Security
AC-CPC,Acronis,Acronis Cyber Protect Cloud,backup,tb,25.00,
PP-Ess,Proofpoint,Proofpoint Essentials,email,user,2.00,
DT-SIRIS,Datto,Datto SIRIS,backup,flat,150.00,
S1-Ctl,SentinelOne,Singularity Control,endpoint,device,3.00,
EOF
cat >cat/scenarios.json <<'EOF'
{"settings": {"start_date": "2027-01-01", "currency": "USD"}}
EOF
printf 'vendor,monthly_fee\nMicrosoft,10\n' >cat/vendors.csv

# ---- ConnectWise: every rule of one file ------------------------------
# line 2-4: one client and product summed, a credit netted (13 units);
# 5: the same company in other case and spacing, Product ID empty ->
#    Description, matched by name, Cancelled after --as-of -> contract_end
#    (a trailing time ignored);
# 6: "Cafe Zoe" is another company with the same slug -> cafe-zoe-2;
# 7: status Cancelled; 8: Cancelled on or before 2027-01-01; 9: zero units;
# 10: labour mapped to '-'; 11: per GB, factor 0.001 (units only);
# 12: an alias, spaces collapsed; 13: unmapped, with suggestions;
# 14-15: a row without cost summed with one with cost -> no cost.
cat >cw.csv <<'EOF'
Company Name,Addition Status,Cancelled,Product ID,Description,Quantity,Price,Ext Price,Cost,Ext Cost
Café Zoë,Active,,dfb,Defender,10,4.00,,3.00,
Café Zoë,Active,,DFB,,5,4.00,20.00,3.00,15.00
Café Zoë,Active,,DfB,,-2,4.00,-8.00,3.00,-6.00
CAFÉ  ZOË ,Active,6/30/2027 12:00:00 AM,,Microsoft 365 Business Premium,10,26.00,260.00,22.00,220.00
Cafe Zoe,Active,,PP-Ess,,10,2.50,25.00,2.00,20.00
Café Zoë,Cancelled,3/31/2026,AC-CPC,,100,,,,
Café Zoë,Active,12/31/2026,AC-CPC,,2,30,60,25,50
Café Zoë,Active,,AC-CPC,,0,30,0,25,0
Café Zoë,Active,,LABOR,Onsite labour,3,100,300,50,150
Café Zoë,Active,,ACR-GB,Acronis per GB,1500,0.03,45.00,0.025,37.50
"Smith, Jones & Co.",Active,,m365  premium,,4,26,104,22,88
"Smith, Jones & Co.",Active,,Singularity Control Plus,,4,4,16,3,12
"Smith, Jones & Co.",Active,,S1-Ctl,,5,,,,
"Smith, Jones & Co.",Active,,s1-ctl,,1,4,4,3,3
EOF
cat >map.csv <<'EOF'
source,product,factor
labor,-,
ACR-GB,AC-CPC,0.001
EOF
sp import one --catalog cat --from connectwise cw.csv --product-map map.csv \
    >one.out 2>one.err
t "connectwise: import exits 0" test $? -eq 0
expect "connectwise: clients.csv (slugs, -2, largest units per unit)" \
    one/clients.csv <<'EOF'
client,name,users,devices,servers,tb
cafe-zoe,Café Zoë,13,0,0,1.5
cafe-zoe-2,Cafe Zoe,10,0,0,0
smith-jones-co,"Smith, Jones & Co.",4,6,0,0
EOF
expect "connectwise: inventory.csv (sums, credit, factor, no cost)" \
    one/inventory.csv <<'EOF'
client,product,units,monthly_cost,monthly_price,contract_end
cafe-zoe,DfB,13,39,52,
cafe-zoe,M365-BP,10,220,260,2027-06-30
cafe-zoe-2,PP-Ess,10,20,25,
cafe-zoe,AC-CPC,1.5,37.5,45,
smith-jones-co,M365-BP,4,88,104,
smith-jones-co,Singularity Control Plus,4,12,16,
smith-jones-co,S1-Ctl,6,,,
EOF
expect "connectwise: import-report.csv (a row per source row, reasons)" \
    one/import-report.csv <<'EOF'
file,line,status,client,product,reason,suggestions
cw.csv,2,mapped,cafe-zoe,DfB,"by id; summed (3 rows)",
cw.csv,3,mapped,cafe-zoe,DfB,"by id; summed into line 2",
cw.csv,4,mapped,cafe-zoe,DfB,"by id; credit; summed into line 2",
cw.csv,5,mapped,cafe-zoe,M365-BP,by name,
cw.csv,6,mapped,cafe-zoe-2,PP-Ess,by id,
cw.csv,7,skipped,,AC-CPC,status Cancelled,
cw.csv,8,skipped,,AC-CPC,ended 2026-12-31,
cw.csv,9,skipped,,AC-CPC,zero units,
cw.csv,10,skipped,,LABOR,ignored by map,
cw.csv,11,mapped,cafe-zoe,AC-CPC,"by product map; units x 0.001",
cw.csv,12,mapped,smith-jones-co,M365-BP,by alias,
cw.csv,13,unmapped,smith-jones-co,Singularity Control Plus,not in the catalog,"S1-Ctl;AC-CPC;DT-SIRIS"
cw.csv,14,mapped,smith-jones-co,S1-Ctl,"by id; summed (2 rows); no cost",
cw.csv,15,mapped,smith-jones-co,S1-Ctl,"by id; summed into line 14; no cost",
clients.csv,2,warning,cafe-zoe,,no device count: endpoint products would be priced at min_units,
clients.csv,3,warning,cafe-zoe-2,,no device count: endpoint products would be priced at min_units,
clients.csv,3,warning,cafe-zoe-2,,no tb count: backup products would be priced at min_units,
clients.csv,4,warning,smith-jones-co,,no tb count: backup products would be priced at min_units,
EOF
expect "connectwise: the summary on stderr" one.err <<'EOF'
stackplan: import: wrote one (as of 2027-01-01)
  cw.csv: 14 rows read, 9 mapped, 1 unmapped, 4 skipped; unmapped monthly spend 12.00 USD
  3 clients, 7 inventory rows; 4 missing counts (see import-report.csv)
  unmapped rows: see the suggestions in one/import-report.csv; map them with --product-map
next: stackplan check one && stackplan solve one -o plan.xlsx
EOF
t "... catalog.csv, vendors.csv and scenarios.json copied byte for byte" \
    sh -c 'cmp -s cat/catalog.csv one/catalog.csv &&
           cmp -s cat/vendors.csv one/vendors.csv &&
           cmp -s cat/scenarios.json one/scenarios.json &&
           test ! -e one/tiers.csv'
t "... and nothing else beside them (no temporary left)" \
    test "$(ls -A . | grep -c '^\.one')" -eq 0
sp check one >/dev/null 2>one.raw
rc=$?
# the catalog prices no labour: check's notice about that is not the point
grep -v ': notice: ' one.raw >one.check
t "check passes on what import wrote" test $rc -eq 0
expect "... warning about the unmapped row" one.check <<'EOF'
stackplan: inventory.csv:7: column 'product': warning: product 'Singularity Control Plus' is not in catalog.csv; the row is ignored (unmapped)
EOF
sp check one --quiet >/dev/null 2>one.quiet
t "check --quiet silences the unmapped-row warning" test ! -s one.quiet
sp solve one --quiet --json one.json >/dev/null 2>one.solve
t "solve on it gives a verified plan (exit 0), quiet" \
    sh -c "test \$? -eq 0 && test ! -s one.solve"

sp import js --catalog cat --from connectwise cw.csv --product-map map.csv \
    --quiet --json - | tr -d ' \t\n' >js.compact
echo >>js.compact
expect "--json -: the summary as one JSON object" js.compact <<'EOF'
{"out_dir":"js","as_of":"2027-01-01","currency":"USD","files":[{"file":"cw.csv","rows":14,"mapped":9,"unmapped":1,"skipped":4,"unmapped_monthly":12}],"total":{"rows":14,"mapped":9,"unmapped":1,"skipped":4,"unmapped_monthly":12},"clients":3,"inventory_rows":7,"missing_counts":4}
EOF

# ---- several files: first file wins; Pax8 rules ------------------------
# 2: the pair is in cw.csv already -> also in cw.csv; 3: End Date is the
# contract end; 4: Annual without an end date; 5: Suspended, no client;
# 6: slug of Ærø -> aero, an ISO date with a time.
cat >pax8.csv <<'EOF'
Company Name,Product Name,Quantity,Partner Cost,Price,End Date,Status,Billing Term
Café Zoë,Microsoft Defender for Business,13,3.00,4.00,,Active,Monthly
Café Zoë,Datto SIRIS,1,150,200,2027-12-31,Active,Annual
Cafe Zoe,Microsoft Defender for Business,10,3,4,,Active,Annual
New Client GmbH,Proofpoint Essentials,5,2,2.5,,Suspended,Monthly
Ærø Shipping ApS,Proofpoint Essentials,3,2,2.5,2026-06-30T00:00:00Z,Active,Annual
EOF
sp import two --catalog cat --from connectwise cw.csv --from pax8 pax8.csv \
    --product-map map.csv --quiet >two.out 2>two.err
t "connectwise + pax8: exits 0, --quiet prints nothing" \
    sh -c "test \$? -eq 0 && test ! -s two.err && test ! -s two.out"
expect "connectwise + pax8: clients.csv" two/clients.csv <<'EOF'
client,name,users,devices,servers,tb
cafe-zoe,Café Zoë,13,0,0,1.5
cafe-zoe-2,Cafe Zoe,10,0,0,0
smith-jones-co,"Smith, Jones & Co.",4,6,0,0
aero-shipping-aps,Ærø Shipping ApS,3,0,0,0
EOF
expect "connectwise + pax8: the rows pax8.csv adds" two/inventory.csv <<'EOF'
client,product,units,monthly_cost,monthly_price,contract_end
cafe-zoe,DfB,13,39,52,
cafe-zoe,M365-BP,10,220,260,2027-06-30
cafe-zoe-2,PP-Ess,10,20,25,
cafe-zoe,AC-CPC,1.5,37.5,45,
smith-jones-co,M365-BP,4,88,104,
smith-jones-co,Singularity Control Plus,4,12,16,
smith-jones-co,S1-Ctl,6,,,
cafe-zoe,DT-SIRIS,1,150,200,2027-12-31
cafe-zoe-2,DfB,10,30,40,
aero-shipping-aps,PP-Ess,3,6,7.5,2026-06-30
EOF
grep '^pax8.csv' two/import-report.csv >two.pax8
expect "connectwise + pax8: pax8.csv in the report" two.pax8 <<'EOF'
pax8.csv,2,skipped,cafe-zoe,DfB,also in cw.csv,
pax8.csv,3,mapped,cafe-zoe,DT-SIRIS,by name,
pax8.csv,4,mapped,cafe-zoe-2,DfB,"by name; term without end date",
pax8.csv,5,skipped,,Proofpoint Essentials,status Suspended,
pax8.csv,6,mapped,aero-shipping-aps,PP-Ess,by name,
EOF

# ---- --client-map, --counts, --as-of ------------------------------------
# names compare case-insensitively (É = é), not accent-insensitively
printf 'name,client\nCAFÉ ZOË,c001\n"Smith, Jones & Co.",c002\n' >cmap.csv
printf 'client,users,devices,tb\nc001,,25,2\n"Smith, Jones & Co.",7,,\n' \
    >counts.csv
sp import three --catalog cat --from connectwise cw.csv \
    --product-map map.csv --client-map cmap.csv --counts counts.csv \
    --as-of 2026-01-01 -q 2>three.err
t "client map, counts, --as-of: exits 0" test $? -eq 0
expect "... ids from the map, Cafe Zoe the free slug, counts replaced" \
    three/clients.csv <<'EOF'
client,name,users,devices,servers,tb
c001,Café Zoë,13,25,0,2
cafe-zoe,Cafe Zoe,10,0,0,0
c002,"Smith, Jones & Co.",7,6,0,0
EOF
grep -c ',ended ' three/import-report.csv >three.ended
expect "... --as-of 2026-01-01 keeps the line cancelled 12/31/2026" \
    three.ended <<'EOF'
0
EOF
grep '^cafe-zoe,\|^c001,AC-CPC' three/inventory.csv >three.rows
expect "... which becomes its contract_end and is summed" three.rows <<'EOF'
cafe-zoe,PP-Ess,10,20,25,
c001,AC-CPC,3.5,87.5,105,2026-12-31
EOF

# ---- a custom profile: header fallbacks, ';' file, dmy, skip_status ----
cat >custom.json <<'EOF'
{"columns": {"client": ["Customer", "Account"], "product": "Item",
             "units": "Qty", "monthly_cost": "Monthly Cost",
             "contract_end": "Renewal", "status": "State"},
 "skip_status": ["Terminated"], "date_format": "dmy"}
EOF
cat >custom.csv <<'EOF'
Customer;Account;Item;Qty;Monthly Cost;Renewal;State
;Müller AG;Proofpoint Essentials;10;20,00;30.06.2027;Aktiv
Müller AG;;DfB;5;15,00;1-7-2027;Cancelled
Müller AG;;DfB;1;3,00;2027-08-31 00:00;Terminated
EOF
sp import four --catalog cat --from ./custom.json custom.csv -q
t "custom profile: exits 0" test $? -eq 0
expect "... the Account fallback, decimal commas, D.M.YYYY and D-M-YYYY" \
    four/inventory.csv <<'EOF'
client,product,units,monthly_cost,monthly_price,contract_end
muller-ag,PP-Ess,10,20,,2027-06-30
muller-ag,DfB,5,15,,2027-07-01
EOF
expect "... its skip_status replaces the built-in list" \
    four/import-report.csv <<'EOF'
file,line,status,client,product,reason,suggestions
custom.csv,2,mapped,muller-ag,PP-Ess,by name,
custom.csv,3,mapped,muller-ag,DfB,by id,
custom.csv,4,skipped,,DfB,status Terminated,
clients.csv,2,warning,muller-ag,,no device count: endpoint products would be priced at min_units,
clients.csv,2,warning,muller-ag,,no tb count: backup products would be priced at min_units,
EOF

# ---- Autotask: Adjusted Price before Unit Price, Contract End Date -----
cat >at.csv <<'EOF'
Account Name,Contract Name,Contract End Date,Service Name,Units,Unit Cost,Unit Price,Adjusted Price
Ærø Shipping ApS,MSA,12/31/2027 12:00:00 AM,Proofpoint Essentials,4,2.00,3.00,2.50
Ærø Shipping ApS,MSA,,Datto SIRIS,1,150.00,200.00,
EOF
sp import five --catalog cat --from autotask at.csv -q
t "autotask: exits 0" test $? -eq 0
expect "... Unit Cost x Units, Adjusted Price where given" \
    five/inventory.csv <<'EOF'
client,product,units,monthly_cost,monthly_price,contract_end
aero-shipping-aps,PP-Ess,4,8,10,2027-12-31
aero-shipping-aps,DT-SIRIS,1,150,200,
EOF

# ---- errors: exact messages, nothing written ---------------------------
# err NAME STATUS ARGS...: runs import, saves stderr in NAME.err
err() {
    name=$1 want=$2
    shift 2
    sp import "$@" >"$name.out" 2>"$name.err"
    t "$name: exit $want" test $? -eq "$want"
}
printf '%s\n' 'Company Name,Addition Status,Cancelled,Product ID,Description,Quantity,Price,Ext Price,Cost,Ext Cost' \
    'Acme,Active,6/30/27,DfB,,1,1,1,1,1' \
    'Acme,Active,31/12/2027,DfB,,x,1,1,1,1' \
    ',Active,,,,3,1,1,1,1' >bad.csv
err bad_rows 1 o --catalog cat --from connectwise bad.csv
expect "bad_rows: every error of the file, file:line: column" bad_rows.err <<'EOF'
stackplan: bad.csv:2: column 'Cancelled': expected a date M/D/YYYY with a four-digit year, got "6/30/27"
stackplan: bad.csv:3: column 'Cancelled': expected a date M/D/YYYY or YYYY-MM-DD, got "31/12/2027"
stackplan: bad.csv:3: column 'Quantity': expected a number, got "x"
stackplan: bad.csv:4: column 'Company Name': expected a company name, got an empty field
stackplan: bad.csv:4: column 'Product ID': expected a product, got an empty field
EOF
t "... and no OUT_DIR" test ! -e o

err missing_column 1 o --catalog cat --from pax8 cw.csv
expect "missing_column: names the profile field and the file's headers" \
    missing_column.err <<'EOF'
stackplan: cw.csv:1: column 'Product Name': required column is missing from the header: profile pax8.json reads the field 'product' from 'Product Name'; the header has 'Company Name', 'Addition Status', 'Cancelled', 'Product ID', 'Description', 'Quantity', 'Price', 'Ext Price', 'Cost', 'Ext Cost'
stackplan: cw.csv:1: column 'Partner Cost': required column is missing from the header: profile pax8.json reads the cost from 'Partner Cost' (unit_cost, times the units); the header has 'Company Name', 'Addition Status', 'Cancelled', 'Product ID', 'Description', 'Quantity', 'Price', 'Ext Price', 'Cost', 'Ext Cost'
EOF

err unknown_profile 2 o --catalog cat --from quickbooks cw.csv
expect "unknown_profile: lists the built-in ones" unknown_profile.err <<'EOF'
stackplan: import: --from: unknown profile 'quickbooks'; expected connectwise, autotask, pax8 or the path of a profile file (NAME.json)
Try 'stackplan import --help'.
EOF

printf '{"columns": {"client": "A", "product": "B", "units": "C",\n "cost": "D"}, "date_format": "us"}\n' >bad.json
err bad_profile 1 o --catalog cat --from ./bad.json cw.csv
expect "bad_profile: an unknown field and a bad date_format" \
    bad_profile.err <<'EOF'
stackplan: bad.json:2: unknown field 'cost' in 'columns'; expected one of client, product, units, unit_cost, monthly_cost, unit_price, monthly_price, contract_end, end, status, billing_term
stackplan: bad.json:1: expected field 'unit_cost' or 'monthly_cost' in 'columns'
stackplan: bad.json:2: key 'date_format': expected "ymd", "mdy" or "dmy"
EOF

printf 'Company Name,Product Name,Quantity,Partner Cost\nAcme,Norton,1,5\nAcme,Carbonite,1,6\n' >um.csv
err all_unmapped 1 o --catalog cat --from pax8 um.csv
expect "all_unmapped: an error with the hint to map products" \
    all_unmapped.err <<'EOF'
stackplan: inventory.csv: expected at least one row naming a catalog product, got 2 rows and none mapped; map the products with --product-map FILE or an 'aliases' column in catalog.csv
EOF
t "... and no OUT_DIR" test ! -e o

printf 'Company Name,Product Name,Quantity,Partner Cost\nAcme,DfB,1,5\nAcme,DfB,-3,5\n' >neg.csv
err net_negative 1 o --catalog cat --from pax8 neg.csv
expect "net_negative: a credit larger than its lines" net_negative.err <<'EOF'
stackplan: neg.csv:2: expected the rows of client 'acme' and product 'DfB' to net to 0 units or more, got -2 (a credit larger than the lines it corrects)
EOF

printf 'source,product,factor\nX,dfb,\nY,NOPE,0\nZ,DfB,\nz,PP-Ess,\n' >badmap.csv
err bad_map 1 o --catalog cat --from pax8 pax8.csv --product-map badmap.csv
expect "bad_map: unknown ids (did you mean), factor 0, a repeated source" \
    bad_map.err <<'EOF'
stackplan: badmap.csv:2: column 'product': expected a catalog product id or '-', got "dfb"; did you mean 'DfB'?
stackplan: badmap.csv:3: column 'product': expected a catalog product id or '-', got "NOPE" (not in catalog.csv)
stackplan: badmap.csv:3: column 'factor': expected a factor greater than 0, got "0"
stackplan: badmap.csv:5: column 'source': expected one row per source name, got "z" again (first on line 4)
EOF

printf 'Company Name,Product Name,Quantity,Partner Cost\nAcme,DfB,1,5\nAcme,"Odd\nName",1,6\n' >ctl.csv
err control_char 1 o --catalog cat --from pax8 ctl.csv
expect "control_char: an unmapped name that could not be an id" \
    control_char.err <<'EOF'
stackplan: ctl.csv:3: column 'Product Name': expected a product name without control characters (an unmapped row keeps it as its product id), got "Odd\nName"
EOF

printf 'client,users\nnobody,3\ncafe-zoe,-1\n' >badcounts.csv
err bad_counts 1 o --catalog cat --from pax8 pax8.csv --counts badcounts.csv
expect "bad_counts: an unknown client, a negative count" bad_counts.err <<'EOF'
stackplan: badcounts.csv:2: column 'client': expected a client id or company name of the exports, got "nobody"
stackplan: badcounts.csv:3: column 'users': expected a non-negative number, got "-1"
EOF

mkdir cat2
sed 's/^DfB,\(.*\),$/DfB,\1,m365 premium/' cat/catalog.csv >cat2/catalog.csv
err alias_twice 1 o --catalog cat2 --from pax8 pax8.csv
expect "alias_twice: an alias naming two products is a catalog error" \
    alias_twice.err <<'EOF'
stackplan: catalog.csv:3: column 'aliases': expected an alias naming one product, got 'M365 Premium' for product 'M365-BP' and for product 'DfB' (line 2)
EOF

# ---- OUT_DIR: refused when it exists, replaced with --force -----------
mkdir old && echo keep >old/plan.txt
err exists 2 old --catalog cat --from pax8 pax8.csv
expect "an existing OUT_DIR is refused without --force" exists.err <<'EOF'
stackplan: import: old exists; give --force to replace it, or another OUT_DIR
Try 'stackplan import --help'.
EOF
t "... and left as it was" sh -c 'test "$(cat old/plan.txt)" = keep'
err force 0 old --catalog cat --from pax8 pax8.csv --force -q
t "--force replaces it as a whole" \
    sh -c 'test ! -e old/plan.txt && test -s old/inventory.csv'
err force_bad 1 old --catalog cat --from pax8 um.csv --force
t "... but not when the import fails: the old folder stays" \
    sh -c 'test -s old/inventory.csv && test "$(ls -A . | grep -c "^\.old")" -eq 0'
err unwritable 5 nowhere/sub/out --catalog cat --from pax8 pax8.csv
expect "an OUT_DIR that cannot be created: exit 5" unwritable.err <<'EOF'
stackplan: nowhere/sub/out: cannot create a folder beside it: No such file or directory
EOF
err into_catalog 2 cat --catalog cat --from pax8 pax8.csv --force
t "--force never replaces the catalog folder" \
    sh -c 'grep -q "is the catalog folder" into_catalog.err && test -s cat/catalog.csv'
mkdir -p nested/sub
err holds_folder 2 nested --catalog cat --from pax8 pax8.csv --force
t "... nor a folder that holds a folder" \
    sh -c 'grep -q "holds a folder" holds_folder.err && test -d nested/sub'
mkdir inputs && cp pax8.csv inputs/
err holds_input 2 inputs --catalog cat --from pax8 inputs/pax8.csv --force
t "... nor a folder that holds an input" test -s inputs/pax8.csv

# ---- SIGINT while the folder is written: no OUT_DIR, no temporary ----
awk 'BEGIN { print "Company Name,Product Name,Quantity,Partner Cost";
    for (i = 0; i < 300000; i++)
        printf "Co %d,%s %d,%d,1.5\n", i % 20000, (i % 2 ? "DfB" : "Prod"),
            i % 30, 1 + i % 9
    print "Co 1,DfB,3,1" }' >huge.csv
# the program itself, not the function sp: kill needs its pid (the libtool
# wrapper execs the real program, keeping it)
"$top_builddir/stackplan" import sig --catalog cat --from pax8 huge.csv -q \
    2>sig.err &
pid=$!
sent=no
while kill -0 "$pid" 2>/dev/null; do
    if ls -d .sig.import-* >/dev/null 2>&1; then
        kill -INT "$pid" && sent=yes
        break
    fi
done
wait "$pid"
rc=$?
if [ "$sent" = yes ] && [ "$rc" -eq 130 ]; then
    # the signal may land after the rename that completes OUT_DIR: then
    # the folder is whole; never partial, never a temporary left
    t "SIGINT while writing: exit 130, no partial OUT_DIR, no temporary left" \
        sh -c '{ test ! -e sig || { test -s sig/clients.csv &&
                 test -s sig/inventory.csv && test -s sig/import-report.csv; }; } &&
               test "$(ls -A . | grep -c "^\.sig")" -eq 0'
else
    n=$((n + 1))
    echo "ok $n - SIGINT while writing # SKIP the import ended first (exit $rc)"
fi

# ---- the bundled exports of the sample MSP -----------------------------
ex=$top_srcdir/datasets/exports
exp=$top_srcdir/tests/data/import-sample
sp import sample --catalog "$top_srcdir/datasets/sample" \
    --from connectwise "$ex/connectwise-agreement-additions.csv" \
    --from autotask "$ex/autotask-contract-services.csv" \
    --from pax8 "$ex/pax8-subscriptions.csv" \
    --product-map "$ex/product-map.csv" --client-map "$ex/client-map.csv" \
    --counts "$ex/counts.csv" >sample.out 2>sample.err
t "datasets/exports: import exits 0" test $? -eq 0
t "... clients.csv row by row as expected" cmp -s "$exp/clients.csv" \
    sample/clients.csv
t "... inventory.csv row by row as expected" cmp -s "$exp/inventory.csv" \
    sample/inventory.csv
t "... a report line for every source row" test "$(($(wc -l \
    <"$ex/connectwise-agreement-additions.csv") + $(wc -l \
    <"$ex/autotask-contract-services.csv") + $(wc -l \
    <"$ex/pax8-subscriptions.csv") - 3 + 1))" -eq "$(wc -l \
    <sample/import-report.csv)"
sp check sample >/dev/null 2>sample.check
t "... check passes (the two unmapped rows warned)" \
    sh -c "test \$? -eq 0 && test \$(grep -c '(unmapped)' sample.check) -eq 2"
sp solve sample --json sample.json --quiet >/dev/null
t "... solve gives verified plans (exit 0)" test $? -eq 0
echo "1..$n"
