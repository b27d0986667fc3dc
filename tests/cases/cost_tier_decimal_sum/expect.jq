.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 480
.scenarios[0].tiers[0].unit_price == 8
.scenarios[0].tiers[0].tier_min_units == 5
