# Compares a row of a sheet (a TSV line whose first field is the label)
# with expected values (a TSV line from jq): field i+1 against value i,
# blank against blank, numbers to the cent.
# Usage: awk -v want="$expected" -v what=LABEL -f rowcmp.awk  < row
function isnum(x) {
    return x ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/
}
BEGIN { FS = "\t"; bad = 0 }
{
    n = split(want, w, "\t")
    if (NF - 1 < n) {
        for (i = NF + 1; i <= n + 1; i++)
            $i = ""
    }
    for (i = 1; i <= n; i++) {
        got = $(i + 1)
        if (got == w[i])
            continue
        if (isnum(got) && isnum(w[i])) {
            d = got - w[i]
            if (d < 0)
                d = -d
            if (d <= 0.005 + 1e-9)
                continue
        }
        print "# " what ": column " i ": sheet '" got "', JSON '" w[i] "'"
        bad = 1
    }
    rows++
}
END { exit bad || rows != 1 }
