# A client's monthly price, worked out from the data folder's CSV files
# (converted to TSV), independently of stackplan (SPEC section 8): with
# "@today", what it is invoiced, the sum over its mapped inventory rows
# of the row's monthly_price, else billable units x resale price; with a
# list of products, the sum of billable units x resale price.  Billable
# units are the inventory units when the client runs the product today
# and gives them, else the client's count for the product's unit, at
# least min_units, and 1 for a flat product; the resale price is
# resale_price, else price x (1 + markup).  Each row is rounded to the
# cent, as the proposal shows it.
# Usage: awk -v client=ID -v products="P1 P2" (or "@today") -v markup=M \
#            -f resale.awk catalog.tsv clients.tsv inventory.tsv
BEGIN { FS = "\t" }
FNR == 1 {
    file++
    for (i = 1; i <= NF; i++)
        col[file, $i] = i
    next
}
function get(name) {
    return (file SUBSEP name) in col ? $(col[file, name]) : ""
}
file == 1 {
    id = get("product")
    known[id] = 1
    unit[id] = get("unit")
    minu[id] = get("min_units") + 0
    r = get("resale_price")
    r = r != "" ? r + 0 : get("price") * (1 + markup)
    resale[id] = r
}
file == 2 && get("client") == client {
    count["user"] = get("users") + 0
    count["device"] = get("devices") + 0
    count["server"] = get("servers") + 0
    count["tb"] = get("tb") + 0
    count["flat"] = 1
}
file == 3 && get("client") == client {
    p = get("product")
    held[p] = 1
    if (get("units") != "")
        units[p] = get("units") + 0
    if (get("monthly_price") != "")
        invoiced[p] = get("monthly_price") + 0
    if (known[p])
        today = today " " p
}
END {
    list = products == "@today" ? today : products
    n = split(list, ps, " ")
    sum = 0
    for (i = 1; i <= n; i++) {
        p = ps[i]
        b = (p in units) ? units[p] : count[unit[p]]
        if (b < minu[p])
            b = minu[p]
        if (unit[p] == "flat")
            b = 1
        v = (products == "@today" && p in invoiced) ? invoiced[p] : b * resale[p]
        sum += int(v * 100 + 0.5 + 1e-9) / 100
    }
    printf "%.6f\n", sum
}
