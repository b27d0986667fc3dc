.scenarios[0].status == "optimal"
.scenarios[0].assignments[0].products == ["BUNDLE"]
.scenarios[0].assignments[1].products == ["EP", "MAIL", "BK"]
.scenarios[0].total_cost == 1200
.scenarios[0].exempt == [{"client": "c1", "rule": "separate", "detail": "client c1: vendor VA covers both 'endpoint' and 'backup', which separate keeps apart"}, {"client": "c1", "rule": "controls", "detail": "client c1 does not meet control t (Awareness training) of FW"}]
.scenarios[0].compliance[0].not_met == ["t"]
