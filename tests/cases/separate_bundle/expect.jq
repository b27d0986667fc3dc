.scenarios[0].total_cost == 480
.scenarios[0].assignments[0].products == ["BUNDLE"]
.scenarios[1].total_cost == 720
.scenarios[1].assignments[0].products == ["EP", "MAIL", "BK"]
.scenarios[1].vendors == ["VB", "VC"]
