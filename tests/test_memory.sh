#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Bounded memory on large inputs (docs/formats.md "Memory"): `check` on a
# generated ~100 MB clients.csv with an inventory peaks, by
# /usr/bin/time -v, at no more than twice the input plus the model (the
# problem's structs and strings, per row below) plus the process itself;
# and half a million rows naming unknown clients print at most 100 errors
# and one "… and N more" line.  A bound, not a timing.  Skipped under the
# sanitizers and valgrind (their shadow memory is no measure), and
# without /usr/bin/time.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need awk
if [ ! -x /usr/bin/time ]; then
    echo "1..0 # SKIP /usr/bin/time not installed"
    exit 0
fi
if [ -n "${STACKPLAN_WRAP:-}" ] ||
    grep -q '^SP_CFLAGS = .*-fsanitize' "$top_builddir/Makefile" 2>/dev/null; then
    echo "1..0 # SKIP memory is not measured under sanitizers or valgrind"
    exit 0
fi
scratch memory
d=$out/big
mkdir "$d"

# 2.4 million clients (~100 MB), 600,000 inventory rows.
clients=2400000
rows=600000
printf 'product,vendor,covers,unit,price\nMAIL,Acme,email,user,4\nEDR,Shield,endpoint,device,6.5\nBAK,Vault,backup,server,30\n' \
    >"$d/catalog.csv"
awk -v n=$clients 'BEGIN {
    print "client,name,users,devices,servers,tb"
    for (i = 1; i <= n; i++)
        printf "c%07d,Client number %d,%d,%d,%d,%.1f\n", i, i, i % 50 + 1,
            i % 70 + 1, i % 3, (i % 40) / 10
}' >"$d/clients.csv"
awk -v n=$rows 'BEGIN {
    print "client,product,units,monthly_cost,contract_end"
    for (i = 1; i <= n; i++)
        printf "c%07d,MAIL,%d,%d.50,2027-%02d-15\n", i * 4, i % 50 + 1,
            i % 200, i % 12 + 1
}' >"$d/inventory.csv"
echo '{"settings": {"start_date": "2027-01-01"}}' >"$d/scenarios.json"
bytes=$(cat "$d"/*.csv | wc -c)

# The program itself, not a libtool wrapper script: its peak is the one
# measured.
prog=$top_builddir/stackplan
if [ -x "$top_builddir/.libs/stackplan" ]; then
    prog=$top_builddir/.libs/stackplan
    LD_LIBRARY_PATH=$top_builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    export LD_LIBRARY_PATH
fi
/usr/bin/time -v "$prog" check "$d" >"$out/stdout" 2>"$out/time"
rc=$?
t "check on $bytes bytes of CSV exits 0" test $rc -eq 0
t "... and reads every client" grep -q "^clients: *$clients\$" "$out/stdout"
rss=$(awk -F: '/Maximum resident set size/ { print $2 * 1024 }' "$out/time")
# The model: a client is a struct sp_client (88 bytes) and two strings
# (id, name: two malloc chunks of 32), an inventory row a struct
# sp_holding (88), its product id (32) and its index (4).  The process
# with its libraries: 40 MB.
bound=$(awk -v b="$bytes" -v c=$clients -v r=$rows \
    'BEGIN { printf "%.0f", 2 * b + c * 152 + r * 124 + 40 * 1048576 }')
echo "# input $bytes bytes, peak RSS $rss bytes, bound $bound bytes" \
    "(2 x input + model + 40 MB)"
within() { test "$1" -gt 0 && test "$1" -le "$2"; }
t "peak RSS ${rss:-?} <= 2 x input + model ($bound)" within "${rss:-0}" "$bound"

# Half a million unknown clients: 100 errors and one summary line.
rm "$d/inventory.csv"
printf 'client,users\nc1,1\n' >"$d/clients.csv"
awk 'BEGIN {
    print "client,product"
    for (i = 1; i <= 500000; i++)
        printf "x%d,MAIL\n", i
}' >"$d/inventory.csv"
"$prog" check "$d" >"$out/stdout" 2>"$out/stderr"
rc=$?
t "500,000 unknown clients: exit 1" test $rc -eq 1
t "... 101 lines on stderr" test "$(wc -l <"$out/stderr")" -eq 101
t "... the last says how many more" \
    grep -qx 'stackplan: … and 499900 more errors in inventory.csv' \
    "$out/stderr"
echo "1..$n"
