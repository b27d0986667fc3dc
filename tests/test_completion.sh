#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# completion/stackplan.bash completes commands, a command's options and
# the scenario names of the data folder on the line.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
need bash
scratch completion
# the completion calls the program by the name typed: give it one
cat >"$out/stackplan" <<WRAP
#!/bin/sh
if [ -x "$top_builddir/libtool" ]; then
    exec "$top_builddir/libtool" --mode=execute "$(cd "$top_builddir" && pwd)/stackplan" "\$@"
fi
exec "$(cd "$top_builddir" && pwd)/stackplan" "\$@"
WRAP
chmod +x "$out/stackplan"
complete_words() { # the words of a command line, the last being completed
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
             _stackplan; printf "%s\n" "${COMPREPLY[@]}"' \
        complete "$top_srcdir/completion/stackplan.bash" "$@"
}
PATH=$out:$PATH
export PATH
sample=$top_srcdir/datasets/sample
t "completes a command" test "$(complete_words stackplan sol)" = solve
complete_words stackplan solve --sc >"$out/opts"
t "completes a command's options" \
    test "$(tr '\n' ' ' <"$out/opts")" = "--scenario --scenarios "
complete_words stackplan solve "$sample" --scenario thr >"$out/names"
t "completes the data folder's scenario names, quoted" \
    test "$(cat "$out/names")" = 'three\ vendors'
echo "1..$n"
