# Compares two TSV files cell by cell: text must be equal, numbers equal
# to the cent.  Usage: awk -v other=FILE2 -f cmp.awk FILE1
function isnum(x) {
    return x ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?%?$/
}
function num(x) {
    sub(/%$/, "", x)
    return x + 0
}
BEGIN { FS = "\t"; bad = 0 }
{
    if ((getline line < other) <= 0) {
        print "# " FILENAME ": line " NR ": missing in " other
        bad = 1
        exit
    }
    n = split(line, b, "\t")
    m = NF > n ? NF : n
    for (i = 1; i <= m; i++) {
        x = $i
        y = (i <= n) ? b[i] : ""
        if (x == y)
            continue
        if (isnum(x) && isnum(y)) {
            d = num(x) - num(y)
            if (d < 0)
                d = -d
            if (d <= 0.005 + 1e-9)
                continue
        }
        if (shown++ < 5)
            print "# " FILENAME ": line " NR " field " i ": '" x "' vs '" y "'"
        bad = 1
    }
}
END {
    if ((getline line < other) > 0) {
        print "# " other ": has more lines than " FILENAME
        bad = 1
    }
    exit bad
}
