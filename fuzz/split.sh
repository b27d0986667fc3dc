#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Turns an input of fuzz-solve (docs/fuzzing.md) back into a data folder:
#   split.sh FILE OUT_DIR
# The parts between form feeds become catalog.csv, clients.csv,
# inventory.csv, vendors.csv, tiers.csv and scenarios.json; an empty
# part is an absent file, as the target reads it.
set -eu
file=$1
out=$2
mkdir -p "$out"
awk -v out="$out" 'BEGIN {
    RS = "\f"; ORS = ""
    split("catalog.csv clients.csv inventory.csv vendors.csv tiers.csv scenarios.json", names, " ")
}
NR <= 6 && $0 != "" { print $0 > (out "/" names[NR]) }' "$file"
