# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for stackplan.  Commands and options are read from the
# program's own --help, so they never fall out of step; --scenario
# completes the scenario names of the data folder already on the line.

_stackplan_dir() { # the first operand that is a directory
    local w
    for w in "${COMP_WORDS[@]:2}"; do
        [[ $w != -* && -d $w ]] && { printf '%s' "$w"; return; }
    done
}

_stackplan() {
    local cur prev cmd opts dir
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    if [[ $COMP_CWORD -eq 1 ]]; then
        opts=$("${COMP_WORDS[0]}" --help 2>/dev/null |
            awk '/^Commands:/ { on = 1; next } on && /^$/ { exit }
                 on && /^  [a-z]/ { print $1 }')
        COMPREPLY=($(compgen -W "$opts --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case $prev in
    -o | --output)
        COMPREPLY=($(compgen -f -X '!*.xlsx' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    --json | -s | --scenarios | --controls)
        COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur"))
        [[ $prev == --controls ]] && COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    --scenario | --recommend)
        dir=$(_stackplan_dir)
        if [[ -n $dir ]]; then
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" solve "$dir" \
                --list-scenarios 2>/dev/null)" -- "$cur"))
            [[ ${#COMPREPLY[@]} -gt 0 ]] &&
                COMPREPLY=($(printf '%q\n' "${COMPREPLY[@]}"))
        fi
        return ;;
    --today | --as-of | --time-limit | --gap | --shard | --seed | --clients | \
        --vendors | --products | --categories | --client | --vendor | \
        --product | --family | --msp-name | --valid-days)
        return ;;
    --logo)
        COMPREPLY=($(compgen -f -X '!*.png' -- "$cur") $(compgen -d -- "$cur"))
        return ;;
    esac
    if [[ $cur == -* ]]; then
        opts=$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null |
            grep -o -- '--[a-z][a-z-]*' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $cmd in
    merge | recost) COMPREPLY=($(compgen -f -- "$cur")) ;;
    *) COMPREPLY=($(compgen -d -- "$cur")) ;;
    esac
}
complete -F _stackplan stackplan
