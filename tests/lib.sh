# Sourced by the shell tests: the built stackplan as `sp` (through
# libtool where there is one, under $STACKPLAN_WRAP, which the sanitizer
# and valgrind runs set), the TAP counter `t`, and `close` for two amounts
# equal to the cent.  The caller prints "1..$n" at the end.
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
