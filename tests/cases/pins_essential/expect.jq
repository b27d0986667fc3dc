# Suite is essential: c1 runs it today, so it stays although Mail + Edr
# cover the same categories for 1 + 2 = 3 a user instead of 20.
# c1: Suite 10 x 20 + Bk 10 x 1 = 210 a month.
# c2 does not run Suite, so nothing pins it there: Mail 10 + Edr 20 +
# Bk 10 = 40 a month.  Total 12 x (210 + 40) = 3000.
# (Without the pin c1 would run Mail + Edr + Bk too: 12 x 80 = 960.)
.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 3000
.scenarios[0].breakdown.licence == 3000
.scenarios[0].breakdown.migration == 0
(.scenarios[0].assignments[0] | {client, products}) == {"client": "c1", "products": ["Suite", "Bk"]}
(.scenarios[0].assignments[1] | {client, products}) == {"client": "c2", "products": ["Mail", "Edr", "Bk"]}
.scenarios[0].assignments[0].capabilities_lost == []
# A pin is not a keep_clients: c1's coverage still counts, and with Mail's
# vendor excluded c2 covers email by Suite: 10 x 20 = 200 instead of 10,
# so c2 runs Suite + Bk (Edr adds nothing): 12 x (210 + 210) = 5040.
.scenarios[1].total_cost == 5040
(.scenarios[1].assignments[1] | .products) == ["Suite", "Bk"]
