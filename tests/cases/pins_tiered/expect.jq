# Suite: 10 a user, 6 a user from 20 users on it (all units); Mail 5.
# optimal: both on Mail, 12 x 5 x 25 = 1500 (Suite at 25 users would be
# 12 x 6 x 25 = 1800).
.scenarios[0].total_cost == 1500
[.scenarios[0].assignments[].products] == [["Mail"], ["Mail"]]
# c1 keeps Suite (a pin on a tiered product: its units count toward the
# tier): c2 on Mail would cost 12 x (15 x 10 + 10 x 5) = 2400, c2 on
# Suite brings it to 25 users at 6: 12 x 25 x 6 = 1800.
.scenarios[1].total_cost == 1800
[.scenarios[1].assignments[].products] == [["Suite"], ["Suite"]]
.scenarios[1].tiers == [{"product": "Suite", "units": 25, "unit_price": 6, "tier_min_units": 20}]
# keep_products with max_vendors 1: only VS can be kept, so c2 moves too.
.scenarios[2].total_cost == 1800
.scenarios[2].vendors == ["VS"]
