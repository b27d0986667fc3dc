#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The CLI golden cases: every folder tests/cases/NAME/ holds
#   args      one line: the arguments after `stackplan` (shell words;
#             @DIR@ = the case folder, @OUT@ = a fresh temporary folder)
#   status    the expected exit code
#   stdout    expected standard output, exactly (optional)
#   stderr    expected standard error, exactly (optional)
#   expect.jq jq expressions, one a line, each run on @OUT@/plan.json and
#             required to print `true` (optional)
# Before comparing, the case folder's path in the output becomes @DIR@ and
# the temporary folder's becomes @OUT@.  Output is TAP, one test a case.
#
# Run by `make check` with top_srcdir and top_builddir set; STACKPLAN_WRAP
# (e.g. valgrind) is put in front of the program.  With one argument, only
# the cases whose names contain it run.

: "${top_srcdir:=$(dirname "$0")/..}"
: "${top_builddir:=.}"
srcdir_abs=$(cd "$top_srcdir" && pwd) || exit 99
builddir_abs=$(cd "$top_builddir" && pwd) || exit 99
cases_dir=$srcdir_abs/tests/cases
filter=${1:-}

if [ -x "$builddir_abs/libtool" ]; then
    run() {
        # shellcheck disable=SC2086
        "$builddir_abs/libtool" --mode=execute $STACKPLAN_WRAP \
            "$builddir_abs/stackplan" "$@"
    }
else
    run() {
        # shellcheck disable=SC2086
        $STACKPLAN_WRAP "$builddir_abs/stackplan" "$@"
    }
fi

have_jq=no
if command -v jq >/dev/null 2>&1; then
    have_jq=yes
fi

tmp_root=$(mktemp -d "${TMPDIR:-/tmp}/stackplan-cases.XXXXXX") || exit 99
trap 'rm -rf "$tmp_root"' EXIT INT TERM

# Replaces every occurrence of $SP_DIR by @DIR@ and $SP_OUT by @OUT@
# (plain strings, not patterns: paths may hold any character).
unpath() {
    awk 'BEGIN { d = ENVIRON["SP_DIR"]; o = ENVIRON["SP_OUT"] }
    function sub_all(s, from, to,    out, i) {
        if (from == "")
            return s
        out = ""
        while ((i = index(s, from)) > 0) {
            out = out substr(s, 1, i - 1) to
            s = substr(s, i + length(from))
        }
        return out s
    }
    { print sub_all(sub_all($0, o, "@OUT@"), d, "@DIR@") }'
}

# Prints a file as TAP comments.
comment() {
    sed 's/^/#   /' "$1"
}

cases=
count=0
for d in "$cases_dir"/*/; do
    [ -f "$d/args" ] || continue
    name=$(basename "$d")
    case $name in *"$filter"*) ;; *) continue ;; esac
    cases="$cases $name"
    count=$((count + 1))
done

echo "1..$count"
n=0
for name in $cases; do
    n=$((n + 1))
    SP_DIR=$cases_dir/$name
    SP_OUT=$tmp_root/$name
    export SP_DIR SP_OUT
    mkdir -p "$SP_OUT/.run"
    res=$SP_OUT/.run
    want_status=$(cat "$SP_DIR/status" 2>/dev/null || echo 0)
    # @DIR@ and @OUT@ become variable references, expanded by eval as the
    # argument line is split into words.
    args=$(sed -n '1{s/@DIR@/"${SP_DIR}"/g;s/@OUT@/"${SP_OUT}"/g;p;}' \
        "$SP_DIR/args")
    eval "set -- $args"
    (cd "$SP_OUT" && run "$@") >"$res/stdout.raw" 2>"$res/stderr.raw"
    got_status=$?
    unpath <"$res/stdout.raw" >"$res/stdout"
    unpath <"$res/stderr.raw" >"$res/stderr"

    problems=
    if [ "$got_status" != "$want_status" ]; then
        problems="$problems status"
    fi
    for stream in stdout stderr; do
        if [ -f "$SP_DIR/$stream" ] &&
            ! cmp -s "$SP_DIR/$stream" "$res/$stream"; then
            problems="$problems $stream"
            # STACKPLAN_UPDATE_CASES=1: take the new output as expected
            # (after a deliberate message change; review the diff)
            [ -n "${STACKPLAN_UPDATE_CASES:-}" ] &&
                cp "$res/$stream" "$SP_DIR/$stream"
        fi
    done
    skip=
    jq_failed=
    if [ -f "$SP_DIR/expect.jq" ]; then
        if [ "$have_jq" = no ]; then
            skip=" # SKIP jq is not installed"
        else
            while IFS= read -r expr || [ -n "$expr" ]; do
                case $expr in '' | '#'*) continue ;; esac
                verdict=$(jq -e "$expr" "$SP_OUT/plan.json" 2>&1)
                if [ "$verdict" != true ]; then
                    jq_failed="$jq_failed
$expr => $verdict"
                fi
            done <"$SP_DIR/expect.jq"
            if [ -n "$jq_failed" ]; then
                problems="$problems expect.jq"
            fi
        fi
    fi

    if [ -z "$problems" ]; then
        echo "ok $n - $name$skip"
        continue
    fi
    echo "not ok $n - $name:$problems"
    case $problems in *status*)
        echo "#   exit status $got_status, expected $want_status" ;;
    esac
    for stream in stdout stderr; do
        case $problems in *$stream*)
            echo "#   $stream differs (--- expected, +++ got):"
            diff -u "$SP_DIR/$stream" "$res/$stream" >"$res/diff" 2>&1
            comment "$res/diff" ;;
        esac
    done
    if [ ! -f "$SP_DIR/stderr" ] && [ -s "$res/stderr" ]; then
        echo "#   stderr was:"
        comment "$res/stderr"
    fi
    if [ -n "$jq_failed" ]; then
        echo "#   expect.jq lines that did not print true:"
        printf '%s\n' "$jq_failed" | sed '1d; s/^/#     /'
    fi
done
# The TAP lines carry the verdict; a failing case is not a driver error.
exit 0
