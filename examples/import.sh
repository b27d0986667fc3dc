#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starting from your own data (docs/import.md): the sample MSP's
# ConnectWise agreement additions, Autotask contract services and Pax8
# subscriptions (datasets/exports) become a data folder, which is then
# checked and solved.
#
#   examples/import.sh [OUT_DIR]
#
# STACKPLAN names the command (default: ./stackplan in the current or the
# source folder, else the one on PATH).  OUT_DIR defaults to
# sample-import; an existing one is replaced (--force).
set -e
src=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "$STACKPLAN" ]; then
    stackplan=$STACKPLAN
elif [ -x ./stackplan ]; then
    stackplan=./stackplan
elif [ -x "$src/stackplan" ]; then
    stackplan=$src/stackplan
else
    stackplan=stackplan
fi
ex=$src/datasets/exports
out=${1:-sample-import}

echo "== import the three exports"
"$stackplan" import "$out" --force --catalog "$src/datasets/sample" \
    --from connectwise "$ex/connectwise-agreement-additions.csv" \
    --from autotask "$ex/autotask-contract-services.csv" \
    --from pax8 "$ex/pax8-subscriptions.csv" \
    --product-map "$ex/product-map.csv" \
    --client-map "$ex/client-map.csv" \
    --counts "$ex/counts.csv"
echo
echo "== check what it wrote"
"$stackplan" check "$out"
echo
echo "== solve it"
"$stackplan" solve "$out" -o "$out/plan.xlsx" --json "$out/plan.json" --quiet
echo
echo "wrote $out (clients.csv, inventory.csv, import-report.csv) and" \
    "$out/plan.xlsx"
