#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a client-facing proposal for the first client of the bundled
# sample: the client's stack today and the proposed one, coverage before
# and after, the monthly price before and after at resale prices, and the
# migration steps (docs/workbook.md).
#
#   examples/proposal.sh [OUTPUT.xlsx] [CLIENT_ID]
#
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
"$stackplan" proposal "$data" --client "$client" -o "$out" --quiet "$@"
echo "wrote $out: the proposal for client $client"
