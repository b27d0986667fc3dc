#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the seed corpus of one fuzz target (docs/fuzzing.md) from the
# files already in the tree, so that none is copied into git:
#   seeds.sh NAME OUT_DIR [STACKPLAN]
# NAME is catalog, clients, inventory, vendors, tiers, scenarios (every
# such file of tests/cases/*/, tests/data/*/, datasets/sample and
# fuzz/data), solve (each of those folders as one input: its six files
# joined by form feeds) or merge (shards of fuzz/data solved by
# STACKPLAN with --shard 1/1, 1/2 + 2/2 and 1/3..3/3, its path written
# as @DATA@, and the JSON files of the merge cases), profile (the
# built-in profiles, fuzz/import/profile.json and the import cases'
# profile.json), export (the exports of datasets/exports,
# fuzz/import/export.csv and the import cases' export.csv), product-map, client-map
# or counts (that file of datasets/exports).  The hand-made
# seeds of fuzz/corpus/NAME/ are added to every target's.
set -eu
: "${top_srcdir:=$(dirname "$0")/..}"
name=$1
out=$2
stackplan=${3:-}
files="catalog.csv clients.csv inventory.csv vendors.csv tiers.csv scenarios.json controls.csv"

rm -rf "$out"
mkdir -p "$out"
folders() {
    for d in "$top_srcdir"/tests/cases/*/ "$top_srcdir"/tests/data/*/ \
             "$top_srcdir/datasets/sample/" "$top_srcdir/fuzz/data/"; do
        [ -d "$d" ] && printf '%s\n' "${d%/}"
    done
}
# a seed's name: the folder's path below the tree, '/' as '_'
seed_name() {
    printf '%s' "${1#"$top_srcdir"/}" | tr '/' '_'
}

case $name in
catalog | clients | inventory | vendors | tiers | controls)
    folders | while IFS= read -r d; do
        [ -f "$d/$name.csv" ] && cp "$d/$name.csv" "$out/$(seed_name "$d")"
    done ;;
scenarios)
    folders | while IFS= read -r d; do
        [ -f "$d/scenarios.json" ] &&
            cp "$d/scenarios.json" "$out/$(seed_name "$d")"
        for f in "$d"/*.json; do
            [ -f "$f" ] && [ "${f##*/}" != scenarios.json ] &&
                cp "$f" "$out/$(seed_name "$d")_${f##*/}"
        done
        :
    done ;;
solve)
    ff=$(printf '\f')
    folders | while IFS= read -r d; do
        [ -f "$d/catalog.csv" ] || continue
        seed=$out/$(seed_name "$d")
        first=1
        for f in $files; do
            [ $first = 1 ] || printf '%s' "$ff" >>"$seed"
            first=0
            [ -f "$d/$f" ] && cat "$d/$f" >>"$seed"
        done
        :
    done ;;
merge)
    [ -n "$stackplan" ] || { echo "seeds.sh: merge needs STACKPLAN" >&2; exit 2; }
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/stackplan-seeds.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    mkdir "$tmp/data"
    cp "$top_srcdir"/fuzz/data/* "$tmp/data/"
    data=$(cd "$tmp/data" && pwd -P)
    ff=$(printf '\f')
    for n in 1 2 3; do
        i=1
        while [ $i -le $n ]; do
            "$stackplan" solve "$data" --shard "$i/$n" --quiet \
                --json "$tmp/shard-$i.json" >/dev/null 2>&1 || true
            [ -s "$tmp/shard-$i.json" ] || { echo "seeds.sh: stackplan solve --shard $i/$n wrote nothing" >&2; exit 1; }
            if command -v jq >/dev/null 2>&1; then
                jq -c . "$tmp/shard-$i.json" >"$tmp/compact.json"
                mv "$tmp/compact.json" "$tmp/shard-$i.json"
            fi
            [ $i = 1 ] || printf '%s' "$ff" >>"$out/shards-$n"
            # the folder's path as @DATA@ (a plain string, not a pattern)
            awk -v d="$data" '{
                out = ""; s = $0
                while ((k = index(s, d)) > 0) {
                    out = out substr(s, 1, k - 1) "@DATA@"
                    s = substr(s, k + length(d))
                }
                print out s }' "$tmp/shard-$i.json" >>"$out/shards-$n"
            i=$((i + 1))
        done
    done
    for f in "$top_srcdir"/tests/cases/merge_*/*.json; do
        [ -f "$f" ] && cp "$f" "$out/$(seed_name "${f%/*}")_${f##*/}"
    done
    : ;;
profile)
    for f in "$top_srcdir"/importers/profiles/*.json \
             "$top_srcdir"/fuzz/import/profile.json \
             "$top_srcdir"/tests/cases/import_*/profile.json; do
        [ -f "$f" ] && cp "$f" "$out/$(seed_name "${f%/*}")_${f##*/}"
    done ;;
export)
    for f in "$top_srcdir"/datasets/exports/*-*.csv \
             "$top_srcdir"/fuzz/import/export.csv \
             "$top_srcdir"/tests/cases/import_*/export.csv; do
        case ${f##*/} in product-map.csv | client-map.csv) continue ;; esac
        [ -f "$f" ] && cp "$f" "$out/$(seed_name "${f%/*}")_${f##*/}"
    done ;;
product-map | client-map | counts)
    cp "$top_srcdir/datasets/exports/$name.csv" "$out/datasets_exports_$name.csv" ;;
*)
    echo "seeds.sh: unknown target '$name'" >&2
    exit 2 ;;
esac
if [ -d "$top_srcdir/fuzz/corpus/$name" ]; then
    for f in "$top_srcdir/fuzz/corpus/$name"/*; do
        [ -f "$f" ] && cp "$f" "$out/corpus_${f##*/}"
    done
fi
exit 0
