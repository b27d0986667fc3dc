#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A bound that stalls just above the 1e-6 target must still close, and
# the status be `optimal` when the plan is (issue 15).  The book, an
# ORLIB cap file made here: forty "triangles" of three vendors with a
# fixed cost of 3 and three clients, each client served at 1 by two of
# its triangle's vendors and at 10 by the third (1,000 by any other
# triangle's, 100 by vendor D); 120 clients served at 250,000 by D
# (fixed cost 0) and at 10,000,000 by any other.  By hand: every triangle
# costs 9 in the optimum (two vendors open, 6 + 3 x 1; one open costs
# 3 + 1 + 1 + 10 = 15, none 300), D serves the 120, so the optimum is
# 30,000,000 + 40 x 9 = 30,000,360.  The LP opens each triangle's vendors
# by halves, 7.50 a triangle: its bound, 30,000,300, is 2.0e-6 below the
# optimum, and branching closes one triangle a level: a search that
# only branches must go 14 levels deep on every path to get within
# 1e-6, 27 for GLPK's 5e-7.  Without Gomory cuts at the root
# (model/mip/root.c) it stalled: time_limit at 30 s, gap 1.3e-6.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need jq
scratch stall
awk -v k=40 -v heavy=120 'BEGIN {
    print 3 * k + 1, 3 * k + heavy
    for (i = 0; i < 3 * k; i++) print "1000 3"
    print "1000 0"
    for (t = 0; t < k; t++)
        for (j = 0; j < 3; j++) {
            print 1
            line = ""
            for (i = 0; i < 3 * k; i++) {
                r = i % 3
                if (int(i / 3) != t) c = 1000
                else c = (r == j || r == (j + 1) % 3) ? 1 : 10
                line = line " " c
            }
            print line " 100"
        }
    for (h = 0; h < heavy; h++) {
        print 1
        line = ""
        for (i = 0; i < 3 * k; i++) line = line " 10000000"
        print line " 250000"
    }
}' >"$out/stall.txt"
t "the cap file converts" \
    eval 'sp generate --from-orlib "$out/stall.txt" "$out/d" >/dev/null'
sp solve "$out/d" --time-limit 30 --verbose --json "$out/p.json" >/dev/null 2>"$out/log"
rc=$?
t "solve exits 0" test "$rc" -eq 0
t "the LP bound starts 2.0e-6 below the optimum (30,000,300)" \
    grep -q "^stackplan: solver: root: .* lp 30000300\.000000;" "$out/log"
t "status optimal" jq -e '.scenarios[0].status == "optimal"' "$out/p.json"
t "at the optimum by hand, 30,000,360.00" \
    jq -e '.scenarios[0].total_cost == 30000360' "$out/p.json"
t "gap within 1e-6" jq -e '.scenarios[0].gap <= 1e-6' "$out/p.json"
t "two vendors of each triangle and D: 81 vendors" \
    jq -e '.scenarios[0].vendors | length == 81' "$out/p.json"
echo "1..$n"
