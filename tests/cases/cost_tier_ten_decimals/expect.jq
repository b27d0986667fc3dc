.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 100
.scenarios[0].tiers[0].unit_price == 2
