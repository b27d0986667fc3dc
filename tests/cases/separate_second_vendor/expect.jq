.scenarios[0].total_cost == 1200
.scenarios[0].vendors == ["VA"]
.scenarios[1].total_cost == 1560
.scenarios[1].status == "optimal"
.scenarios[1].vendors == ["VA", "VB"]
.scenarios[1].assignments[0].products == ["SUITE", "VB-BK"]
.scenarios[1].exempt == []
