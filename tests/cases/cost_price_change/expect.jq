.scenarios[0].total_cost == 2400
.scenarios[1].total_cost == 2520
.scenarios[1].assignments[0].products == ["P2"]
.scenarios[2].total_cost == 2610
.scenarios[2].breakdown.termination == 450
.scenarios[2].assignments[1].products == ["P1"]
.scenarios[2].savings == -810
