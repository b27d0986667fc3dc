#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole test suite: a -Werror build with `make check`, the same tests
# under AddressSanitizer + UndefinedBehaviorSanitizer, and `make
# distcheck`.  Prints the per-assertion count last: "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${SUITE_BUILD_DIR:-$top/_build}
jobs=${SUITE_JOBS:-2}
status=0
log() { printf 'suite: %s\n' "$*" >&2; }

cd "$top" || exit 1
if [ ! -x configure ] || [ configure.ac -nt configure ] ||
   [ Makefile.am -nt Makefile.in ]; then
    log "autoreconf"
    autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; echo "0 passed, 1 failed"; exit 1; }
fi
rm -rf "$build"
mkdir -p "$build/plain" "$build/san"
# The builds are out of the source tree; configure refuses that once the
# tree is configured in place, as the README's set-up command leaves it.
# Then they build from a copy of the distributed sources instead.
src=$top
if [ -f "$top/config.status" ]; then
    log "the tree is configured in place: building from its make distdir"
    make -C "$top" distdir distdir="$build/src" >"$build/distdir.out" 2>&1 ||
        { tail -20 "$build/distdir.out"; echo "0 passed, 1 failed"; exit 1; }
    src=$build/src
fi

run() { # name, configure flags...
    local name=$1; shift
    log "$name: configure $*"
    (cd "$build/$name" && "$src/configure" -q "$@" >configure.out 2>&1) ||
        { cat "$build/$name/configure.out"; return 1; }
    log "$name: make"
    make -C "$build/$name" -j"$jobs" >"$build/$name/make.out" 2>&1 ||
        { tail -40 "$build/$name/make.out"; return 1; }
    log "$name: make check"
    make -C "$build/$name" -j"$jobs" check >"$build/$name/check.out" 2>&1 ||
        { grep -E '^(FAIL|ERROR)' "$build/$name/check.out";
          for f in $(find "$build/$name" -name '*.log' -newer "$build/$name/make.out"); do
              grep -q -E '^(not ok|FAIL|ERROR)' "$f" 2>/dev/null &&
                  { echo "--- $f"; grep -E -A4 '^(not ok|FAIL|ERROR)|^#' "$f" | head -60; }
          done
          return 1; }
    return 0
}

run plain --enable-werror || status=1
# The formatting and static checks (make lint: clang-format 14, cppcheck),
# counted as one test.
lint_ok=0
if [ $status -eq 0 ]; then
    log "plain: make lint"
    if make -C "$build/plain" lint >"$build/plain/lint.out" 2>&1; then
        lint_ok=1
    else
        tail -40 "$build/plain/lint.out"; status=1
        echo "suite: make lint failed" >&2
    fi
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run san --enable-asan --enable-ubsan || status=1
if [ $status -eq 0 ] && [ "${SUITE_SKIP_DISTCHECK:-0}" != 1 ]; then
    log "plain: make distcheck"
    make -C "$build/plain" -j"$jobs" distcheck >"$build/plain/distcheck.out" 2>&1 ||
        { tail -60 "$build/plain/distcheck.out"; status=1;
          echo "suite: make distcheck failed" >&2; }
fi

# Count every TAP assertion and every plain test, over both builds.
passed=$(cat $(find "$build/plain" "$build/san" -name '*.trs' \
                   -not -path '*/_build/sub/*' 2>/dev/null) /dev/null |
         grep -c -E '^:test-result: (PASS|XFAIL)')
failed=$(cat $(find "$build/plain" "$build/san" -name '*.trs' \
                   -not -path '*/_build/sub/*' 2>/dev/null) /dev/null |
         grep -c -E '^:test-result: (FAIL|XPASS|ERROR)')
passed=$((passed + lint_ok))
[ "$failed" -eq 0 ] || status=1
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # a build or distcheck step failed outside the counted tests
fi
echo "$passed passed, $failed failed"
exit $status
