#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of `stackplan import` (docs/import.md): a Pax8-shaped export of
# ROWS rows over COMPANIES companies (names with accents, a third of the
# products unmapped, duplicates summed) against the bundled sample's
# catalog; prints the wall time of the import.  Nothing is asserted.
#
#   bench/import.sh [ROWS [COMPANIES]]     (default 100000 3000)
#
# STACKPLAN names the command (default ./stackplan); STACKPLAN_PROFILES
# the built-in profiles (default: importers/profiles of this tree).
set -e
src=$(cd "$(dirname "$0")/.." && pwd)
stackplan=${STACKPLAN:-./stackplan}
rows=${1:-100000}
companies=${2:-3000}
: "${STACKPLAN_PROFILES:=$src/importers/profiles}"
export STACKPLAN_PROFILES
tmp=$(mktemp -d "${TMPDIR:-/tmp}/stackplan-bench-import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
awk -v rows="$rows" -v companies="$companies" 'BEGIN {
    split("Microsoft 365 Business Premium|Microsoft Defender for Business|" \
          "Datto SIRIS BCDR (appliance and cloud)|Singularity Complete|" \
          "Proofpoint Essentials Business|Veeam Backup for Microsoft 365|" \
          "Huntress Managed EDR|Legacy AV Suite|Onsite Labour|" \
          "Printer Lease", p, "|")
    print "Company Name,Product Name,Quantity,Partner Cost,Price,End Date,Status,Billing Term"
    srand(1)
    for (i = 0; i < rows; i++) {
        c = int(rand() * companies)
        printf "\"Société Numéro %d, Ltd.\",%s,%d,%.2f,%.2f,%s,%s,Monthly\n",
            c, p[1 + int(rand() * 10)], 1 + int(rand() * 50),
            1 + rand() * 20, 2 + rand() * 25,
            (rand() < 0.1 ? "2028-06-30" : ""),
            (rand() < 0.05 ? "Cancelled" : "Active")
    }
}' >"$tmp/pax8.csv"
echo "rows: $rows, companies: $companies, $(wc -c <"$tmp/pax8.csv") bytes"
# wall time depends on what else the machine runs: CPU time beside it
if [ -x /usr/bin/time ]; then
    timer="/usr/bin/time -f %es_wall_%Us_user_%Ss_system_%MKB -o $tmp/time"
else
    timer=
fi
start=$(date +%s.%N)
$timer "$stackplan" import "$tmp/out" --catalog "$src/datasets/sample" \
    --from pax8 "$tmp/pax8.csv" --quiet
end=$(date +%s.%N)
echo "import: $(echo "$end - $start" | bc) s;" \
    "$(($(wc -l <"$tmp/out/inventory.csv") - 1)) inventory rows," \
    "$(($(wc -l <"$tmp/out/clients.csv") - 1)) clients"
if [ -n "$timer" ]; then
    tr '_' ' ' <"$tmp/time"
fi
