# one vendor: SUITE, 12 x 10 x 1.5 = 180.  With email and endpoint kept
# apart (or one category a vendor) SUITE is out, and the fewest vendors
# are two: the reason counts only products no guard forbids by itself.
.scenarios[0].total_cost == 180
[.scenarios[1,3] | .status] == ["infeasible", "infeasible"]
# two vendors: MAIL + EP, 12 x 10 x 2 = 240
.scenarios[2].total_cost == 240
(.scenarios[2].assignments[0] | .products) == ["MAIL", "EP"]
