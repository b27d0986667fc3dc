.scenarios[0].total_cost == 540
.scenarios[0].vendors == ["VE", "VP", "VB"]
.scenarios[1].total_cost == 600
.scenarios[1].vendors == ["VS"]
.scenarios[2].status == "infeasible"
.scenarios[2].total_cost == null
