#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What-if analysis of the bundled sample (docs/whatif.md):
#   1. the consolidation frontier: the least total cost for every number
#      of vendors kept, from the fewest that can cover every client up to
#      today's count;
#   2. for every vendor of the optimal plan (and of today's stack), the
#      price rise at which the optimum stops keeping it -- or the cut at
#      which it would take it up -- and what each kept vendor is worth;
#   3. one workbook with the Frontier and Sensitivity sheets, and the JSON
#      of both beside it.
#
#   examples/whatif.sh [OUTPUT.xlsx]
#
# STACKPLAN names the command (default: ./stackplan in the current or the
# source folder, else the one on PATH); DATA the data folder (default: the
# bundled sample).  On the sample the break-even step solves about 250
# plans, each to a proven optimum: allow a few seconds.
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
data=${DATA:-$src/datasets/sample}
out=${1:-sample-whatif.xlsx}
base=${out%.xlsx}

echo "== the consolidation frontier"
"$stackplan" frontier "$data" --json "$base-frontier.json" --quiet
echo
echo "== break-even prices and vendor value"
"$stackplan" breakeven "$data" --all --frontier -o "$out" \
    --json "$base-breakeven.json" --quiet
echo
echo "wrote $out (Frontier and Sensitivity sheets), $base-frontier.json" \
    "and $base-breakeven.json"
