.scenarios[0].total_cost == 600
.scenarios[0].vendors == ["MS"]
.scenarios[1].total_cost == 900
.scenarios[1].assignments[0].products == ["M-SUITE", "O-BK"]
.scenarios[1].vendors == ["MS", "OT"]
