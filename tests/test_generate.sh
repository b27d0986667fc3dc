#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `stackplan generate`: the output depends only on the options, is valid
# input (check is clean), and every generated scenario is feasible; the
# bundled sample is valid too.  TAP.
. "${top_srcdir:-.}/tests/lib.sh"
scratch gen
files="catalog.csv clients.csv inventory.csv vendors.csv scenarios.json"
quiet() { "$@" >/dev/null 2>&1; }
gen() { quiet sp generate "$@"; }
same_files() { # DIR1 DIR2 FILE...
    a=$1; b=$2; shift 2
    for f in "$@"; do cmp -s "$a/$f" "$b/$f" || return 1; done
}
all_present() { # DIR FILE...
    dir=$1; shift
    for f in "$@"; do test -s "$dir/$f" || return 1; done
}
no_leftovers() { # no temporary files (they start with a dot)
    test -z "$(find "$1" -name '.*' ! -name . -print)"
}
lines() { wc -l <"$1" | tr -d ' '; }
unique_ids() { test -z "$(cut -d, -f1 "$1" | sort | uniq -d)"; }
clean_check() { # exit 0 and not one diagnostic (notices are not: a ufl
                 # book prices no migration labour, and says so)
    sp check "$1" >"$out/check.out" 2>"$out/check.err" &&
        ! grep -v ': notice: ' "$out/check.err" | grep -q .
}
j() { jq -e "$2" "$1" >/dev/null 2>&1; }

# ---- repeatable ------------------------------------------------------
t "generate 200 clients with tiers" gen --clients 200 --seed 11 --tiers "$out/a"
t "every file is written" all_present "$out/a" $files tiers.csv
t "no temporary file is left" no_leftovers "$out/a"
t "clients.csv has 200 clients" test "$(lines "$out/a/clients.csv")" -eq 201
t "client ids are unique" unique_ids "$out/a/clients.csv"
t "product ids are unique" unique_ids "$out/a/catalog.csv"
t "same seed again" gen --clients 200 --seed 11 --tiers "$out/b"
t "same seed, same bytes" same_files "$out/a" "$out/b" $files tiers.csv
t "another seed" gen --clients 200 --seed 12 --tiers "$out/c"
t "another seed, other clients" \
    eval '! cmp -s "$out/a/clients.csv" "$out/c/clients.csv"'
t "another seed, other catalog" \
    eval '! cmp -s "$out/a/catalog.csv" "$out/c/catalog.csv"'
t "without --tiers" gen --clients 200 --seed 11 "$out/d"
t "tiers change nothing else" same_files "$out/a" "$out/d" $files
t "without --tiers there is no tiers.csv" test ! -e "$out/d/tiers.csv"

# ---- the folder -------------------------------------------------------
rc=0; sp generate --clients 5 "$out/a" >/dev/null 2>&1 || rc=$?
t "a folder that holds files is refused (exit 1)" test "$rc" -eq 1
t "and left as it was" same_files "$out/a" "$out/b" $files tiers.csv
t "--force writes into it" gen --clients 200 --seed 11 --force "$out/a"
t "--force without --tiers removes the old tiers.csv" \
    test ! -e "$out/a/tiers.csv"
t "missing parent folders are created" gen --clients 3 "$out/x/y/z"
t "the nested folder has every file" all_present "$out/x/y/z" $files

# ---- valid input ------------------------------------------------------
t "check on the generated folder is clean" clean_check "$out/b"
t "check on a folder without tiers is clean" clean_check "$out/d"
t "check on 3 vendors, 3 products, 3 categories is clean" \
    eval 'gen --clients 20 --vendors 3 --products 3 --categories 3 \
          "$out/small" && clean_check "$out/small"'
t "check on 16 categories, 200 vendors, 1000 products is clean" \
    eval 'gen --clients 50 --categories 16 --vendors 200 --products 1000 \
          --tiers "$out/wide" && clean_check "$out/wide"'
t "3000 clients generate" gen --clients 3000 --seed 4 --tiers "$out/big"
t "3000 clients are written" \
    test "$(lines "$out/big/clients.csv")" -eq 3001
t "check on 3000 clients is clean" clean_check "$out/big"
t "check datasets/sample exits 0" \
    quiet sp check "$top_srcdir/datasets/sample"

# ---- the scenarios ----------------------------------------------------
s=$out/b/scenarios.json
t "five scenarios" j "$s" '.scenarios | length == 5'
t "an optimal scenario" j "$s" 'any(.scenarios[]; .name == "optimal")'
t "a max 3 vendors scenario" j "$s" 'any(.scenarios[]; .max_vendors == 3)'
t "a require_vendors scenario" j "$s" 'any(.scenarios[]; .require_vendors)'
t "a price_change scenario" j "$s" 'any(.scenarios[]; .price_change)'
t "a keep_clients scenario" j "$s" 'any(.scenarios[]; .keep_clients)'
t "the start date is fixed" j "$s" '.settings.start_date == "2027-01-01"'
# Every scenario is feasible by construction; solve small folders.
for spec in "30 5 25 60 8" "40 9 10 30 12" "20 2 3 3 3"; do
    set -- $spec
    dir=$out/solve-$1-$2
    gen --clients "$1" --seed "$2" --vendors "$3" --products "$4" \
        --categories "$5" --tiers "$dir"
    rc=0
    sp solve "$dir" --quiet --json "$dir/plan.json" >/dev/null 2>&1 || rc=$?
    t "solve $1 clients, $3 vendors, $4 products, $5 categories exits 0" \
        test "$rc" -eq 0
    t "every scenario of it is proven optimal" \
        j "$dir/plan.json" 'all(.scenarios[]; .status == "optimal")'
    t "its max 3 vendors plan keeps at most 3 vendors" \
        j "$dir/plan.json" \
        'all(.scenarios[] | select(.name == "max 3 vendors"); .vendors | length <= 3)'
done

# ---- families (docs/generate.md, "Families") ---------------------------
families="default contract-heavy many-vendors big-bundles deep-tiers skewed ufl ufl-uniform"
brute=${top_builddir:-.}/tests/brute_dir
t "--family default gives the same bytes as no --family" \
    eval 'gen --clients 200 --seed 11 --tiers --family default "$out/fd" &&
          same_files "$out/b" "$out/fd" $files tiers.csv'
rc=0; sp generate --clients 5 --family nope "$out/nope" >/dev/null \
    2>"$out/nope.err" || rc=$?
t "an unknown family is a usage error (exit 2)" test "$rc" -eq 2
t "naming it and every family" \
    eval 'grep -q "unknown family .nope." "$out/nope.err" &&
          grep -q "contract-heavy, many-vendors, big-bundles, deep-tiers, skewed, ufl" "$out/nope.err"'
rc=0; sp generate --clients 5 --family ufl --tiers "$out/ut" >/dev/null \
    2>&1 || rc=$?
t "ufl with --tiers is a usage error" test "$rc" -eq 2
for fam in $families; do
    d=$out/fam-$fam
    t "$fam: 30 clients generate" gen --clients 30 --seed 5 --family "$fam" "$d"
    t "$fam: check is clean" clean_check "$d"
    t "$fam: same seed, same bytes" \
        eval 'gen --clients 30 --seed 5 --family "$fam" "$d-2" &&
              same_files "$d" "$d-2" $files'
    rc=0
    sp solve "$d" --quiet --json "$d/plan.json" >/dev/null 2>&1 || rc=$?
    t "$fam: every scenario solves (exit 0)" test "$rc" -eq 0
    t "$fam: every scenario is proven optimal" \
        j "$d/plan.json" 'all(.scenarios[]; .status == "optimal")'
    # tiny books: the optimum of every scenario equals enumeration
    for seed in 1 2 3; do
        d=$out/tiny-$fam-$seed
        if [ "${fam#ufl}" != "$fam" ]; then
            gen --clients 5 --vendors 4 --seed "$seed" --family "$fam" "$d"
        else
            gen --clients 3 --vendors 4 --products 5 --categories 3 \
                --seed "$seed" --family "$fam" "$d"
        fi
        t "$fam seed $seed: every optimum equals enumeration" \
            quiet "$brute" "$d"
    done
done
d=$out/fam-contract-heavy
t "contract-heavy: most rows have a monthly_cost" \
    test "$(awk -F, 'NR > 1 && $4 != "" {n++} END {print (n * 2 > NR)}' \
        "$d/inventory.csv")" -eq 1
t "many-vendors: 150 vendors, every one with a monthly_fee of 500 or more" \
    test "$(awk -F, 'NR > 1 && $2 >= 500 {n++} END {print n}' \
        "$out/fam-many-vendors/vendors.csv")" -ge 130
t "big-bundles: some products cover 4 or more categories" \
    test "$(awk -F, 'NR > 1 && split($4, a, ";") >= 4 {n++} END {print n + 0}' \
        "$out/fam-big-bundles/catalog.csv")" -ge 5
t "deep-tiers: a product has 6 or more tier levels" \
    test "$(cut -d, -f1 "$out/fam-deep-tiers/tiers.csv" | sort | uniq -c |
        awk '$1 >= 6 {n++} END {print n + 0}')" -ge 10
t "skewed: a client has thousands of users" \
    test "$(awk -F, 'NR > 1 && $3 >= 1000 {n++} END {print n + 0}' \
        "$out/fam-skewed/clients.csv")" -ge 1
t "ufl: every client runs every facility's product" \
    test "$(lines "$out/fam-ufl/inventory.csv")" -eq $((30 * 100 + 1))

# ---- ORLIB cap files ----------------------------------------------------
# tests/data/orlib-tiny.txt: 3 facilities (fixed 30, 40.5, 25), 4
# customers.  By hand over the 7 facility sets: {1} 215.5, {2} 185.5,
# {3} 215.25, {1,2} 196, {1,3} 170.5, {2,3} 160.5, {1,2,3} 171: the
# optimum opens 2 and 3 at 160.50.
o=$out/orlib
t "--from-orlib converts a cap file" \
    gen --from-orlib "$top_srcdir/tests/data/orlib-tiny.txt" "$o"
t "its check is clean" clean_check "$o"
t "its optimum equals enumeration" quiet "$brute" "$o"
t "its optimum is the known one, 160.50, proven" \
    eval 'sp solve "$o" --quiet --json "$o/plan.json" >/dev/null 2>&1 &&
          j "$o/plan.json" ".scenarios[0] | .status == \"optimal\" and .total_cost == 160.5 and (.vendors | length) == 2"'
printf ' 2 2\n 10 5\n 10 6\n 1\n 3 4\n 1\n 2 x\n' >"$out/bad-orlib.txt"
rc=0; sp generate --from-orlib "$out/bad-orlib.txt" "$out/bo" >/dev/null \
    2>"$out/bo.err" || rc=$?
t "a cap file with a bad number is bad input (exit 1)" test "$rc" -eq 1
t "naming file, line and what was expected" \
    grep -q "bad-orlib.txt:7: expected the cost of customer 2 from facility 2, got 'x'" "$out/bo.err"
rc=0; sp generate --from-orlib "$out/bad-orlib.txt" --family skewed \
    "$out/bo2" >/dev/null 2>&1 || rc=$?
t "--from-orlib with another family is a usage error" test "$rc" -eq 2
echo "1..$n"
