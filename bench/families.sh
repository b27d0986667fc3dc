#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark of every `stackplan generate` family (docs/generate.md,
# "Families") against other MIP solvers on the same model: generates
# each book, solves all its scenarios with `stackplan solve --json`,
# then hands the LP file `stackplan solve --write-lp` writes for each
# scenario to glpsol, CBC and HiGHS, and prints one table row per
# scenario with everyone's seconds, status, gap, memory and the ratio
# peer seconds / stackplan seconds.  Nothing here is asserted by the
# tests.
#
#   bench/families.sh [--sizes "100 1000 3000"] [--cap SECONDS]
#                     [--families "default skewed ..."] [--seed S]
#                     [--peers "glpsol cbc highs"] [--peer-cap SECONDS]
#                     [--highs-dir DIR] [--keep DIR] [--peer-scenarios N]
#                     [--quick]
#
# MSP families run at every size of --sizes (clients); the facility-
# location families at 100 x 100, 1000 x 100, 200 x 200 and 300 x 300
# (clients x facilities).  --cap is stackplan's --time-limit per
# scenario (default 60), --peer-cap each peer's (default 60).
# --peer-scenarios N: the peers run on the first N scenarios of each
# book only (default: all).  --quick: 100 clients (ufl 100 x 100),
# stackplan cap 20 s, peers 60 s on the first two scenarios of each
# book (optimal and max 3 vendors), so that it stays under 15 minutes:
# on every scenario the peers alone took 21 minutes, 15 of them on
# deep-tiers (bench/README.md).
# --peers: the default is every peer found; one that is missing is
# skipped with a note; "none" runs stackplan alone.  glpsol is glpk-utils, cbc is coinor-cbc, HiGHS
# is the npm package `highs` run by node through bench/highs.js,
# installed once with `npm install --prefix DIR highs` (DIR from
# --highs-dir, default ~/.cache/stackplan-bench/highs).  --keep DIR
# keeps the books, LP files and logs.  Needs a built ./stackplan (or
# STACKPLAN=path), jq and GNU time (/usr/bin/time).
set -u
here=$(cd "$(dirname "$0")" && pwd)
sp=${STACKPLAN:-$here/../stackplan}
sizes="100 1000 3000"
ufl_sizes="100x100 1000x100 200x200 300x300"
cap=60
peer_cap=60
seed=1
families="default contract-heavy many-vendors big-bundles deep-tiers skewed ufl ufl-uniform"
peers=
highs_dir=${HOME:-/tmp}/.cache/stackplan-bench/highs
keep=
peer_n=
while [ $# -gt 0 ]; do
    case $1 in
    --sizes) sizes=$2; shift 2 ;;
    --cap) cap=$2; shift 2 ;;
    --peer-cap) peer_cap=$2; shift 2 ;;
    --families) families=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    --highs-dir) highs_dir=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --peer-scenarios) peer_n=$2; shift 2 ;;
    --quick) sizes=100; ufl_sizes=100x100; cap=20; peer_cap=60; peer_n=2
        shift ;;
    -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ -n "$keep" ]; then
    mkdir -p "$keep" || exit 1
    work=$(cd "$keep" && pwd)
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
have() { command -v "$1" >/dev/null 2>&1; }
for tool in jq /usr/bin/time timeout; do
    have "$tool" || { echo "bench: $tool not found" >&2; exit 1; }
done
t_start=$(date +%s)

# --- the peers present ------------------------------------------------
notes=()
highs_ok() {
    have node || { notes+=("highs skipped: node not found"); return 1; }
    if [ ! -f "$highs_dir/node_modules/highs/package.json" ]; then
        if ! have npm; then
            notes+=("highs skipped: npm not found to install the highs package")
            return 1
        fi
        mkdir -p "$highs_dir" &&
            npm install --prefix "$highs_dir" --no-audit --no-fund \
                --loglevel=error highs >"$work/npm.log" 2>&1
        if [ ! -f "$highs_dir/node_modules/highs/package.json" ]; then
            notes+=("highs skipped: npm install --prefix $highs_dir highs failed ($(grep -m 1 'npm error' "$work/npm.log"))")
            return 1
        fi
    fi
}
peer_ok() {
    case $1 in
    glpsol) have glpsol || { notes+=("glpsol skipped: not found (Debian glpk-utils)"); return 1; } ;;
    cbc) have cbc || { notes+=("cbc skipped: not found (Debian coinor-cbc)"); return 1; } ;;
    highs) highs_ok ;;
    none) return 1 ;; # --peers none: stackplan alone
    *) notes+=("$1 skipped: not a peer (glpsol, cbc, highs)"); return 1 ;;
    esac
}
active=()
for p in ${peers:-glpsol cbc highs}; do
    peer_ok "$p" && active+=("$p")
done
version() {
    case $1 in
    glpsol) glpsol --version | head -n 1 | sed -E 's/.*Solver,? v?/glpsol /' ;;
    cbc) echo "cbc $(cbc -quit 2>/dev/null | sed -n 's/^Version: *//p' | head -n 1 | tr -d ' ')" ;;
    highs) echo "highs (npm) $(jq -r .version "$highs_dir/node_modules/highs/package.json")" ;;
    esac
}

# --- one peer on one LP file --------------------------------------------
# Prints "seconds status objective bound MB": seconds and MB of the whole
# process (GNU time: reading the LP file included; for HiGHS node's start
# too), status optimal / time_limit / infeasible / error, objective and
# bound "-" when unknown.  Every peer is asked for the 1e-6 relative gap
# stackplan calls optimal.  A peer that overruns its own limit by far is
# killed (status killed).
run_peer() {
    local peer=$1 lp=$2 log=$3 st obj bnd line secs kb
    local kill_after=$((peer_cap * 2 + 30))
    case $peer in
    glpsol) set -- glpsol --lp "$lp" --tmlim "$peer_cap" --mipgap 1e-6 ;;
    cbc) set -- cbc "$lp" ratioGap 1e-6 sec "$peer_cap" solve ;;
    highs) set -- env NODE_PATH="$highs_dir/node_modules" \
            node "$here/highs.js" "$lp" "$peer_cap" ;;
    esac
    /usr/bin/time -f '%e %M' -o "$log.time" \
        timeout -k 5 "$kill_after" "$@" >"$log" 2>&1
    local rc=$?
    read -r secs kb < <(grep -E '^[0-9.]+ [0-9]+$' "$log.time" | tail -n 1)
    secs=${secs:-?}; kb=${kb:-0}
    st=error; obj=-; bnd=-
    case $peer in
    glpsol)
        # "+  2058: mip =   1.793104400e+06 >=   1.793e+06   0.0% (1; 0)"
        line=$(grep -E '^\+ *[0-9]+: mip = ' "$log" | tail -n 1)
        if [[ $line =~ mip\ =\ +([-+0-9.eE]+)\ +\>=\ +([-+0-9.eE]+|tree\ is\ empty) ]]; then
            obj=${BASH_REMATCH[1]}
            bnd=${BASH_REMATCH[2]}
            [ "$bnd" = "tree is empty" ] && bnd=$obj
        elif [[ $line =~ \>=\ +([-+0-9.eE]+) ]]; then
            bnd=${BASH_REMATCH[1]}
        fi
        if grep -q -e 'INTEGER OPTIMAL SOLUTION FOUND' \
            -e 'RELATIVE MIP GAP TOLERANCE REACHED' "$log"; then
            st=optimal
        elif grep -q 'TIME LIMIT EXCEEDED' "$log"; then
            st=time_limit
        elif grep -q 'HAS NO .*FEASIBLE SOLUTION' "$log"; then
            st=infeasible
        fi
        ;;
    cbc)
        # "Result - Optimal solution found" (" (within gap tolerance)"),
        # "Result - Stopped on time limit", then "Objective value:" and,
        # when stopped, "Lower bound:"
        line=$(grep -E '^Result - ' "$log" | tail -n 1)
        obj=$(sed -n 's/^Objective value: *//p' "$log" | tail -n 1)
        bnd=$(sed -n 's/^Lower bound: *//p' "$log" | tail -n 1)
        case $line in
        *Optimal*) st=optimal; bnd=${bnd:-$obj} ;;
        *"Stopped on time"*|*"Stopped on iterations or time"*) st=time_limit ;;
        *infeasible*) st=infeasible ;;
        esac
        obj=${obj:--}; bnd=${bnd:--}
        ;;
    highs)
        line=$(grep '^{' "$log" | tail -n 1)
        if [ -n "$line" ] && jq -e . >/dev/null 2>&1 <<<"$line"; then
            read -r st obj bnd < <(jq -r '[.status, (.objective // "-"),
                (.bound // "-")] | map(tostring) | join(" ")' <<<"$line")
            case $st in
            optimal) bnd=$obj ;;
            timeLimit) st=time_limit ;;
            infeasible) ;;
            *) st=error ;;
            esac
        fi
        ;;
    esac
    [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] && st=killed
    echo "$secs $st $obj $bnd $((kb / 1024))"
}

# awk helpers: the gap of an objective against a bound, and whether two
# results contradict each other beyond the 1e-6 relative tolerance
gap_of() { # objective bound
    awk -v o="$1" -v b="$2" 'BEGIN {
        if (o == "-" || b == "-") { print "-"; exit }
        g = (o - b) / (o < 0 ? -o : (o > 0 ? o : 1)); if (g < 1e-12) g = 0
        printf "%.2g\n", g }'
}
# sp_status sp_total sp_gap peer_status peer_obj peer_bound -> "!" or ""
contradiction() {
    awk -v ss="$1" -v st="$2" -v sg="$3" -v ps="$4" -v po="$5" -v pb="$6" 'BEGIN {
        bad = 0
        # one of the two proved there is no plan, the other has one
        if (ss == "infeasible" && po != "-") bad = 1
        if (ps == "infeasible" && st != "-") bad = 1
        if (st == "-") { if (bad) print "!"; exit }
        tol = 1e-6 * (st < 0 ? -st : (st > 1 ? st : 1)) + 1e-9
        sb = (sg == "-") ? "-" : st - sg * (st < 0 ? -st : st)
        # a proven stackplan optimum: no peer plan below it, no peer bound above
        if (ss == "optimal") {
            if (po != "-" && po < st - tol) bad = 1
            if (pb != "-" && pb > st + tol) bad = 1
        }
        # a proven peer optimum: no stackplan plan below it, no bound above
        if (ps == "optimal" && po != "-") {
            if (st < po - tol) bad = 1
            if (sb != "-" && sb > po + tol) bad = 1
        }
        if (bad) print "!" }'
}
# peer_status peer_s sp_status sp_s -> "12", ">3.1", "<0.5" or "-"
ratio() {
    awk -v ps="$1" -v pt="$2" -v ss="$3" -v t="$4" 'BEGIN {
        if (pt !~ /^[0-9.]+$/ || t !~ /^[0-9.]+$/) { print "-"; exit }
        if (t < 0.001) t = 0.001
        r = pt / t
        f = (r >= 100) ? "%.0f" : (r >= 1 ? "%.1f" : "%.2f")
        if (ps == "optimal" && ss == "optimal") printf f "\n", r
        else if ((ps == "time_limit" || ps == "killed") && ss == "optimal") printf ">" f "\n", r
        else if (ps == "optimal") printf "<" f "\n", r
        else print "-" }'
}

# --- the table ----------------------------------------------------------
echo "# $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "# seed $seed; stackplan --time-limit ${cap}s a scenario, seconds = the JSON's solve_seconds, MB = peak of the run of all the book's scenarios"
if [ ${#active[@]} -gt 0 ]; then
    echo "# peers on stackplan's --write-lp file, ${peer_cap}s cap, 1e-6 gap: $(for p in "${active[@]}"; do version "$p"; done | paste -sd, | sed 's/,/, /g'); seconds and MB of the whole process"
    echo "# ratio = peer s / stackplan s when both proved optimal; >R: the peer stopped at its cap; <R: stackplan stopped at its cap; ! = the results contradict each other (1e-6)"
fi
for n in "${notes[@]}"; do echo "# $n"; done
head="| family | size | scenario | stackplan s | status | gap | total | MB |"
rule="|---|---|---|---|---|---|---|---|"
for p in "${active[@]}"; do
    head="$head $p s | $p status (gap) | $p MB | $p/sp |"
    rule="$rule---|---|---|---|"
done
echo "$head"
echo "$rule"

rows=$work/rows.tsv
: >"$rows"
for fam in $families; do
    case $fam in
    ufl*) list=$ufl_sizes ;;
    *) list=$sizes ;;
    esac
    for size in $list; do
        dir=$work/$fam-$size
        case $size in
        *x*) gen_args="--clients ${size%x*} --vendors ${size#*x}" ;;
        *) gen_args="--clients $size" ;;
        esac
        # shellcheck disable=SC2086
        "$sp" generate --family "$fam" --seed "$seed" $gen_args --force \
            "$dir" >/dev/null || exit 1
        /usr/bin/time -f '%e %M' -o "$dir.time" \
            timeout $((${cap%.*} * 6 + 120)) "$sp" solve "$dir" --quiet \
            --time-limit "$cap" --json "$dir.json" >/dev/null 2>"$dir.err"
        mb=$(($(tail -n 1 "$dir.time" | cut -d' ' -f2) / 1024))
        if ! jq -e . "$dir.json" >/dev/null 2>&1; then
            echo "| $fam | $size | (all) | $(tail -n 1 "$dir.time" | cut -d' ' -f1) | no result | - | - | $mb |"
            continue
        fi
        # The LP files, by a second run whose seconds count nowhere:
        # stackplan writes each scenario's complete model before solving
        # it (the timed run above would count the writing), and the
        # shortest time limit stops each solve right after.  With one
        # scenario the file is the name given, with several
        # F.<number>-<name>.lp (model/mip/solve.c, model_path).
        if [ ${#active[@]} -gt 0 ]; then
            mkdir -p "$dir.lp"
            timeout $((${cap%.*} * 6 + 120)) "$sp" solve "$dir" --quiet \
                --time-limit 0.001 --json /dev/null \
                --write-lp "$dir.lp/F.lp" >/dev/null 2>"$dir.lp/err"
        fi
        count=$(jq '.scenarios | length' "$dir.json")
        i=0
        while IFS=$'\t' read -r name secs status gap total; do
            i=$((i + 1))
            shown=$gap
            [ "$gap" = "-" ] || shown=$(printf '%.2g' "$gap")
            row="| $fam | $size | ${name:0:40} | $secs | $status | $shown | $total | $mb |"
            lp=$dir.lp/F.lp
            if [ "$count" -gt 1 ]; then
                lp=$(compgen -G "$dir.lp/F.$i-*.lp" | head -n 1)
            fi
            for p in "${active[@]}"; do
                if [ -n "$peer_n" ] && [ "$i" -gt "$peer_n" ]; then
                    row="$row - | not run | - | - |"
                    continue
                fi
                if [ -z "$lp" ] || [ ! -s "$lp" ]; then
                    row="$row - | no LP file | - | - |"
                    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$status" "$secs" \
                        nolp - - "" >>"$rows"
                    continue
                fi
                read -r ps pst pobj pbnd pmb < <(run_peer "$p" "$lp" "$dir.lp/$i.$p.log")
                bang=$(contradiction "$status" "$total" "$gap" "$pst" "$pobj" "$pbnd")
                pgap=$(gap_of "$pobj" "$pbnd")
                case $pst in
                optimal) cell=optimal ;;
                time_limit|killed) cell="$pst $pgap" ;;
                *) cell=$pst ;;
                esac
                [ -n "$bang" ] && cell="$cell ! ($pobj)"
                r=$(ratio "$pst" "$ps" "$status" "$secs")
                row="$row $ps | $cell | $pmb | $r |"
                printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$p" "$status" "$secs" \
                    "$pst" "$ps" "$r" "$bang" >>"$rows"
            done
            echo "$row"
        done < <(jq -r '.scenarios[] | [.name, .solve_seconds, .status,
               (.gap // "-"), (.total_cost // "-")] | map(tostring) | @tsv' "$dir.json")
    done
done

# --- a line per peer ------------------------------------------------------
echo
for p in "${active[@]}"; do
    awk -F'\t' -v p="$p" '$1 == p {
        n++
        if ($4 == "optimal") proved++
        if ($2 == "optimal") spp++
        if ($4 == "time_limit" || $4 == "killed") capped++
        if ($4 == "error" || $4 == "nolp") err++
        if ($7 == "!") bad++
        if ($4 == "optimal" && $2 == "optimal") {
            both++; r = $5 / ($3 < 0.001 ? 0.001 : $3); lr += log(r)
            if (r > 1) slower++; else faster++
        }
        if ($2 == "optimal" && $4 != "optimal") sp_only++
        if ($4 == "optimal" && $2 != "optimal") peer_only++
    } END {
        printf "# %s: proved %d of %d scenarios (stackplan %d); ", p, proved, n, spp
        if (both) printf "on the %d both proved it took %.3g times stackplan'"'"'s seconds (geometric mean), slower on %d, faster on %d; ", both, exp(lr / both), slower + 0, faster + 0
        printf "proved by stackplan only %d, by %s only %d; at its cap %d; errors %d; contradictions %d\n", sp_only, p, peer_only, capped + 0, err + 0, bad + 0
    }' "$rows"
done
echo "# wall time $(( $(date +%s) - t_start )) s, load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
