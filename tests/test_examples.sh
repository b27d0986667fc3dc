#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# examples/proposal.sh runs as documented: on the bundled sample, for its
# first client and for a named one, it writes a proposal workbook.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
scratch examples
abs_builddir=$(cd "$top_builddir" && pwd)
abs_srcdir=$(cd "$top_srcdir" && pwd)
(cd "$out" && STACKPLAN="$abs_builddir/stackplan" \
    sh "$abs_srcdir/examples/proposal.sh" >"$out/p1.out" 2>&1)
t "examples/proposal.sh runs on the sample" test $? -eq 0
t "... and writes sample-proposal.xlsx" test -s "$out/sample-proposal.xlsx"
first=$(sed -n 2p "$abs_srcdir/datasets/sample/clients.csv" | cut -d, -f1)
t "... for the sample's first client ($first)" \
    grep -q "the proposal for client $first\$" "$out/p1.out"
strings() { unzip -p "$1" xl/sharedStrings.xml; }
branded() { # the MSP, a timeline, a sentence per change, compliance
    strings "$out/sample-proposal.xlsx" >"$out/p1.strings" &&
        grep -q 'by Northwind Managed IT' "$out/p1.strings" &&
        grep -q '>Starts<' "$out/p1.strings" &&
        grep -q ' contract ends\.' "$out/p1.strings" &&
        grep -q 'Compliance evidence' "$out/p1.strings"
}
t "... branded, with a renewal timeline, what changes and compliance" branded
(cd "$out" && STACKPLAN="$abs_builddir/stackplan" \
    sh "$abs_srcdir/examples/proposal.sh" "$out/c006.xlsx" c006 >"$out/p2.out" 2>&1)
t "examples/proposal.sh OUT c006 writes that client's proposal" \
    test $? -eq 0 -a -s "$out/c006.xlsx"
t "... a workbook (a zip with xl/workbook.xml)" \
    sh -c "unzip -l '$out/c006.xlsx' | grep -q xl/workbook.xml"
(cd "$out" && STACKPLAN="$abs_builddir/stackplan" \
    STACKPLAN_PROFILES="$abs_srcdir/importers/profiles" \
    sh "$abs_srcdir/examples/import.sh" "$out/imported" >"$out/i.out" 2>&1)
t "examples/import.sh imports, checks and solves the bundled exports" \
    test $? -eq 0
t "... and writes the data folder and the plan" \
    test -s "$out/imported/inventory.csv" -a -s "$out/imported/plan.xlsx"
echo "1..$n"
