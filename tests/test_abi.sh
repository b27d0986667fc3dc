#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The shared library exports exactly the documented API: the functions the
# public headers declare, as listed in include/stackplan.sym; and
# examples/api.c, built against that library alone, runs on the sample and
# agrees with `stackplan solve --json`.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need nm jq
scratch abi
lib=$top_builddir/.libs/libstackplan.so
if [ ! -f "$lib" ]; then
    echo "1..0 # SKIP no shared library built"
    exit 0
fi
grep -ho '\bsp_[a-z0-9_]*[[:space:]]*(' "$top_srcdir"/include/stackplan/*.h |
    sed 's/[[:space:]]*($//' | sort -u >"$out/declared"
sort -u "$top_srcdir/include/stackplan.sym" >"$out/listed"
nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort -u >"$out/exported"
t "include/stackplan.sym lists every function the headers declare" \
    cmp -s "$out/declared" "$out/listed"
t "the library exports exactly the listed functions" \
    cmp -s "$out/listed" "$out/exported"
[ -s "$out/exported" ] && cmp -s "$out/listed" "$out/exported" ||
    diff "$out/listed" "$out/exported" | sed 's/^/# /'

api=$top_builddir/examples/api
if [ -x "$top_builddir/libtool" ]; then
    run_api() { "$top_builddir/libtool" --mode=execute $STACKPLAN_WRAP "$api" "$@"; }
else
    run_api() { $STACKPLAN_WRAP "$api" "$@"; }
fi
sample=$top_srcdir/datasets/sample
run_api "$sample" >"$out/api.out" 2>"$out/api.err"
t "examples/api runs on the sample (exit 0)" test $? -eq 0 -a -s "$out/api.out"
sp solve "$sample" --quiet --json "$out/plan.json" >/dev/null 2>&1
first=$(jq -r '.scenarios[0].name' "$out/plan.json")
total=$(jq -r '.scenarios[0].total_cost' "$out/plan.json")
got=$(sed -n "s/^$first: [a-z_]*, total \([0-9.]*\),.*/\1/p" "$out/api.out")
t "its first total is the JSON's ($got vs $total)" close "${got:-x}" "$total"
vendors=$(jq -r '.scenarios[0].vendors | join(" ")' "$out/plan.json")
t "its first vendors are the JSON's" \
    grep -q "^$first: .* keeps $vendors\$" "$out/api.out"
margin=$(jq -r '.scenarios[0].margin.margin_monthly' "$out/plan.json")
got=$(sed -n "s/^margin of $first: \([0-9.-]*\) a month.*/\1/p" "$out/api.out")
t "its first margin is the JSON's ($got vs $margin)" close "${got:-x}" "$margin"
lost=$(jq -r '.scenarios[0].assignments[] | .client as $c | .capabilities_lost[] | "\($c) loses \(.)"' "$out/plan.json")
t "its capabilities lost are the JSON's" \
    test "$(grep ' loses ' "$out/api.out")" = "$lost"
echo "1..$n"
