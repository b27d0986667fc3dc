.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 2640
.scenarios[0].breakdown.licence == 2640
.scenarios[0].tiers[0].units == 55
.scenarios[0].tiers[0].unit_price == 6
.scenarios[0].tiers[0].tier_min_units == 50
.baseline.total_cost == 840
