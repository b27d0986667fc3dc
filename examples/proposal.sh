#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a branded client-facing proposal for the first client of the
# bundled sample under its "optimal at renewal" scenario: the client's
# stack today (as invoiced) and the proposed one at its price, coverage
# before and after, what changes and when (each new product starting
# when the contract of what it replaces ends), capabilities lost, and
# the compliance section (docs/workbook.md).
#
#   examples/proposal.sh [OUTPUT.xlsx] [CLIENT_ID]
#
# SCENARIO names the scenario (default: "optimal at renewal" on the
# bundled sample, else the first feasible one).
# STACKPLAN names the command (default: ./stackplan in the current or the
# source folder, else the one on PATH); DATA the data folder (default: the
# bundled sample).
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
if [ -z "${SCENARIO+set}" ] && [ -z "$DATA" ]; then
    SCENARIO="optimal at renewal"
fi
out=${1:-sample-proposal.xlsx}
# the first client of clients.csv, unless one is named
client=${2:-$(sed -n 2p "$data/clients.csv" | cut -d, -f1)}

# branded: MSP_NAME, MSP_CONTACT, MSP_LOGO (a PNG file) and VALID_DAYS
# override the sample's
set -- --msp-name "${MSP_NAME:-Northwind Managed IT}" \
    --contact "${MSP_CONTACT:-sales@northwind.example · +1 555 0100}" \
    --valid-days "${VALID_DAYS:-30}"
if [ -n "$MSP_LOGO" ]; then
    set -- "$@" --logo "$MSP_LOGO"
elif [ -f "$src/tests/data/logo.png" ]; then
    set -- "$@" --logo "$src/tests/data/logo.png"
fi
if [ -n "$SCENARIO" ]; then
    set -- "$@" --scenario "$SCENARIO"
fi
"$stackplan" proposal "$data" --client "$client" -o "$out" --quiet "$@"
echo "wrote $out: the proposal for client $client"
