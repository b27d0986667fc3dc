# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the shell tests: the built stackplan as `sp` (through
# libtool where there is one, under $STACKPLAN_WRAP, which the sanitizer
# and valgrind runs set), the TAP counter `t`, `close` for two amounts
# equal to the cent, `need` to skip a test without its tools, and
# `scratch` for a temporary $out.  The caller prints "1..$n" at the end.
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
if [ -x "$top_builddir/libtool" ]; then
    # shellcheck disable=SC2086
    sp() { "$top_builddir/libtool" --mode=execute $STACKPLAN_WRAP \
           "$top_builddir/stackplan" "$@"; }
else
    # shellcheck disable=SC2086
    sp() { $STACKPLAN_WRAP "$top_builddir/stackplan" "$@"; }
fi
n=0
t() { # description, then a command that must succeed
    n=$((n + 1)); desc=$1; shift
    if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}
close() { # two amounts within a cent
    awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; exit !(d < 0.01 && d > -0.01) }'
}
need() { # the whole test is skipped unless every command is installed
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "1..0 # SKIP $tool not installed"
            exit 0
        fi
    done
}
scratch() { # $out: a new directory, removed when the test exits
    out=$(mktemp -d "${TMPDIR:-/tmp}/stackplan-$1.XXXXXX") || exit 99
    trap 'rm -rf "$out"' EXIT INT TERM
}
