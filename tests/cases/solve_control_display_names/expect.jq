.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 7218
(.scenarios[0].assignments | length) == 2
