#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Outputs are all-or-nothing and inputs are regular files: a FIFO input
# or a broken symbolic link is bad input (exit 1, at once), SIGINT during
# a solve leaves the old outputs and no temporary (exit 130), and an
# output that cannot be written exits 5.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need timeout
scratch outputs
data="$top_srcdir/tests/data/wb-basic"
fresh() { rm -rf "$out/d" && cp -R "$data" "$out/d" && chmod -R u+w "$out/d"; }
status() { # EXPECTED COMMAND...: the command exits EXPECTED
    want=$1; shift
    "$@" >"$out/stdout" 2>"$out/stderr"
    test $? -eq "$want"
}
says() { grep -q "$1" "$out/stderr"; }
# timeout and kill need a process, not the function sp: the built program
# itself (a libtool wrapper script execs the real one, keeping its pid;
# not under $STACKPLAN_WRAP, which would run the script, not the program)
tsp() { timeout 10 "$top_builddir/stackplan" "$@"; }
no_tmp() { test -z "$(find "$1" -name '*.tmp*' -print)"; }

# ---- inputs that are not regular files -------------------------------
fresh
rm "$out/d/catalog.csv" && mkfifo "$out/d/catalog.csv"
t "a FIFO as catalog.csv: exit 1" status 1 tsp check "$out/d"
t "... not a regular file" says 'catalog.csv: not a regular file'
t "a FIFO as catalog.csv for solve: exit 1" \
    status 1 tsp solve "$out/d" --quiet
fresh
mkfifo "$out/fifo.json"
t "a FIFO as -s: exit 1" \
    status 1 tsp solve "$out/d" --quiet -s "$out/fifo.json"
t "... not a regular file" says 'fifo.json: not a regular file'
fresh
rm "$out/d/inventory.csv" && ln -s nothing.csv "$out/d/inventory.csv"
t "a broken symbolic link as inventory.csv: exit 1" \
    status 1 tsp check "$out/d"
t "... broken symbolic link" says 'inventory.csv: broken symbolic link'
fresh
rm "$out/d/scenarios.json" && ln -s nothing.json "$out/d/scenarios.json"
t "a broken symbolic link as scenarios.json: exit 1" \
    status 1 tsp solve "$out/d" --quiet

# ---- an output that cannot be written --------------------------------
fresh
echo old >"$out/old.json"
t "a missing output folder: exit 5" status 5 sp solve "$out/d" --quiet \
    --json "$out/old.json" -o "$out/missing/plan.xlsx"
t "... and the JSON is not replaced either" \
    eval 'test "$(cat "$out/old.json")" = old'
t "... and no temporary is left" no_tmp "$out"

# ---- SIGINT during a solve -------------------------------------------
sp generate --clients 3000 --seed 1 "$out/big" >/dev/null 2>&1
mkdir "$out/res"
echo old-json >"$out/res/plan.json"
echo old-xlsx >"$out/res/plan.xlsx"
"$top_builddir/stackplan" solve "$out/big" --quiet \
    -o "$out/res/plan.xlsx" \
    --json "$out/res/plan.json" >/dev/null 2>"$out/sig.err" &
pid=$!
sleep 2
kill -INT $pid
wait $pid
rc=$?
t "SIGINT: exit 130" test "$rc" -eq 130
t "... stackplan: interrupted" grep -q 'stackplan: interrupted' "$out/sig.err"
t "... no temporary left" no_tmp "$out/res"
t "... the old outputs are intact" eval \
    'test "$(cat "$out/res/plan.json")" = old-json &&
     test "$(cat "$out/res/plan.xlsx")" = old-xlsx'

echo "1..$n"
