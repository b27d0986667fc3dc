#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The notices every command gives once: no start_date (today is used, so
# the results change daily) and migration labour priced at nothing;
# --quiet silences them, --today or a start_date removes the first.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
scratch cli
cp "$top_srcdir"/tests/cases/sweep_expand/*.csv "$out/"
today=$(date -u +%Y-%m-%d)
sp check "$out" >/dev/null 2>"$out/err"
t "no start_date: today is named and the daily change warned about" \
    grep -q "notice: the settings give no start_date, so today ($today) is used: the results change from day to day" "$out/err"
t "no labour priced: the notice says migrations cost nothing" \
    grep -q "notice: labor_rate or the migration hours are 0" "$out/err"
sp solve "$out" --quiet >/dev/null 2>"$out/err"
t "solve --quiet: no notices" test ! -s "$out/err"
sp check "$out" --today 2027-01-01 >/dev/null 2>"$out/err"
t "--today: no notice about today" sh -c "! grep -q 'start_date' '$out/err'"
printf '{"settings": {"start_date": "2027-01-01", "labor_rate": 90, "migration_hours_fixed": 2}}\n' >"$out/scenarios.json"
sp check "$out" >/dev/null 2>"$out/err"
t "start_date and labour given: no notice" test ! -s "$out/err"
sp frontier "$out" --json "$out/f.json" -q >/dev/null 2>"$out/err"
t "frontier -q: quiet" test ! -s "$out/err"
echo "1..$n"
