#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The manual pages stay in step with the program: every command that
# `stackplan --help` lists has a page man/stackplan-COMMAND.1 that
# stackplan(1) names, every long option of `stackplan COMMAND --help`
# appears in its page, and groff formats every page without a warning.
# TAP.
. "${top_srcdir:-.}/tests/lib.sh"
scratch man
man=$top_srcdir/man
sp --help >"$out/help" 2>&1
commands=$(awk '/^Commands:/ { on = 1; next } on && /^$/ { exit }
                on && /^  [a-z]/ { print $1 }' "$out/help")
t "stackplan --help lists commands" test -n "$commands"
for c in $commands; do
    page=$man/stackplan-$c.1
    t "$c: has a manual page" test -f "$page"
    t "$c: stackplan(1) names its page" \
        grep -q "stackplan\\\\-$c (1)" "$man/stackplan.1"
    [ -f "$page" ] || continue
    sp "$c" --help >"$out/$c.help" 2>&1
    for o in $(grep -o -- '--[a-z][a-z-]*' "$out/$c.help" | sort -u); do
        esc=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
        t "$c: the page documents $o" grep -q -- "$esc" "$page"
    done
done
if command -v groff >/dev/null 2>&1; then
    for page in "$man"/*.1; do
        groff -man -Tutf8 -ww -z "$page" >"$out/groff" 2>&1
        t "$(basename "$page"): groff formats it without warnings" \
            test ! -s "$out/groff"
        [ -s "$out/groff" ] && sed 's/^/# /' "$out/groff"
    done
else
    echo "# groff not installed: formatting not checked"
fi
echo "1..$n"
