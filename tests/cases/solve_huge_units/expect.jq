.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 16620000252000
.scenarios[0].tiers[0].unit_price == 3.5
