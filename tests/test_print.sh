#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The workbooks on paper: LibreOffice exports each one to PDF and
# pdftotext -bbox gives every printed word's box.  A word of Carlito
# (LibreOffice's Calibri) is 1.30 x its point size tall, so 8 pt text is
# 10.4 pt tall: every word must be at least that.  Each table starts a
# page, and a big book prints its short tables only (its per-client
# detail is for filtering on screen).
. "${top_srcdir:-.}/tests/lib.sh"
data="$top_srcdir/tests/data/wb-basic"

need soffice pdftotext pdfinfo jq unzip
scratch print
# the limit holds for Carlito's metrics; another font is another test
if command -v fc-match >/dev/null 2>&1 &&
    ! fc-match Calibri | grep -qi carlito; then
    echo "1..0 # SKIP no Carlito font (fonts-crosextra-carlito)"
    exit 0
fi

sp solve "$data" --quiet -o "$out/basic.xlsx" >/dev/null 2>&1
t "basic: the workbook is written" test -s "$out/basic.xlsx"
sp proposal "$data" --client acme-01 -o "$out/prop.xlsx" --quiet 2>/dev/null
t "the proposal is written" test -s "$out/prop.xlsx"
sp generate --clients 150 --seed 3 "$out/big" >/dev/null 2>&1 &&
    sp solve "$out/big" --quiet -o "$out/big.xlsx" >/dev/null 2>&1
t "big: 150 clients solved into a workbook" test -s "$out/big.xlsx"

mkdir -p "$out/prof/user"
soffice "-env:UserInstallation=file://$out/prof" --headless \
    --convert-to pdf --outdir "$out" "$out/basic.xlsx" "$out/prop.xlsx" \
    "$out/big.xlsx" >"$out/soffice.log" 2>&1
for f in basic prop big; do
    t "$f: LibreOffice exported a PDF" test -s "$out/$f.pdf"
    pdftotext -bbox "$out/$f.pdf" "$out/$f.html" 2>/dev/null
done

pages() { pdfinfo "$out/$1.pdf" 2>/dev/null | awk '$1 == "Pages:" { print $2 }'; }
# per page: its number, the height of its smallest word, the word
smallest() {
    awk '/<page / { p++ }
         /<word / { match($0, /yMin="[0-9.]*"/); y0 = substr($0, RSTART + 6, RLENGTH - 7)
                    match($0, /yMax="[0-9.]*"/); y1 = substr($0, RSTART + 6, RLENGTH - 7)
                    h = y1 - y0; w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w)
                    if (!(p in min) || h < min[p]) { min[p] = h; word[p] = w } }
         END { for (i = 1; i <= p; i++) if (i in min)
                   printf "%d %.2f %s\n", i, min[i], word[i] }' "$out/$1.html"
}
readable() { # every word of every page at least 8 pt
    smallest "$1" >"$out/$1.small"
    [ -s "$out/$1.small" ] || return 1
    awk '$2 < 10.4 { print "# page " $1 ": \"" $3 "\" is " $2 / 1.3 " pt"; bad = 1 }
         END { exit bad }' "$out/$1.small"
}
for f in basic prop big; do
    t "$f: every printed word is at least 8 pt ($(pages $f) pages)" readable $f
done

# a section heading is the first thing on its page (after the page header)
headings='Effective prices|Vendor overhead \(paid|Clients \(one row|Licence lines|Unmapped inventory rows'
one_table_per_page() {
    awk -v re="$headings" '
        /<page / { p++; text[p] = "" }
        /<word / { w = $0; sub(/.*">/, "", w); sub(/<.*/, "", w); text[p] = text[p] " " w }
        END { for (i = 1; i <= p; i++) {
                  s = text[i]; k = 0
                  while (match(s, re)) { k++; s = substr(s, RSTART + RLENGTH) }
                  if (k > 1) { print "# page " i " holds " k " tables"; bad = 1 } }
              exit bad }' "$out/$1.html"
}
t "basic: no page holds two tables" one_table_per_page basic
t "big: no page holds two tables" one_table_per_page big
t "basic: the client tables and licence lines are printed" \
    grep -q '>lines</word>' "$out/basic.html"
t "big: the per-client tables are not printed (for filtering only)" \
    test "$(grep -c '>lines</word>' "$out/big.html")" -eq 0
# the big book: its short tables take a few pages a sheet
big_pages=$(pages big)
big_sheets=$(unzip -p "$out/big.xlsx" xl/workbook.xml | grep -o '<sheet ' |
    wc -l)
t "big: $big_pages pages for 150 clients, $big_sheets sheets (at most 12 a sheet)" \
    test "${big_pages:-999}" -le $((12 * big_sheets))
t "the proposal prints on at most 4 pages ($(pages prop))" \
    test "$(pages prop)" -le 4

echo "1..$n"
