# Converts CSV (comma-separated, '"' quoted, '""' an escaped quote, one
# record per line) to tab-separated fields, so that cut and awk -F'\t'
# can read LibreOffice's exports and the test data.
{
    sub(/\r$/, "")
    out = ""
    field = ""
    inq = 0
    n = length($0)
    for (i = 1; i <= n; i++) {
        ch = substr($0, i, 1)
        if (inq) {
            if (ch == "\"") {
                if (substr($0, i + 1, 1) == "\"") {
                    field = field "\""
                    i++
                } else {
                    inq = 0
                }
            } else {
                field = field ch
            }
        } else if (ch == "\"") {
            inq = 1
        } else if (ch == ",") {
            out = out field "\t"
            field = ""
        } else {
            field = field ch
        }
    }
    print out field
}
