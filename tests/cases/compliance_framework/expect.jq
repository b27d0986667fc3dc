.baseline.total_cost == 480
.baseline.compliance == [{"client": "c1", "framework": "FW", "met": ["10.1"], "not_met": ["9.2"], "met_by": [{"control": "10.1", "products": ["EP"]}]}]
.baseline.frameworks == [{"framework": "FW", "controls_in_scope": 2, "framework_controls": 56, "clients": 1, "compliant_clients": 0}]
.scenarios[0].total_cost == 1020
.scenarios[0].assignments[0].products == ["MAIL", "EPDNS", "BK"]
.scenarios[0].assignments[1].products == ["MAIL", "EP", "BK"]
.scenarios[0].compliance == [{"client": "c1", "framework": "FW", "met": ["9.2", "10.1"], "not_met": [], "met_by": [{"control": "9.2", "products": ["EPDNS"]}, {"control": "10.1", "products": ["EPDNS"]}]}]
.scenarios[0].frameworks == [{"framework": "FW", "controls_in_scope": 2, "framework_controls": 56, "clients": 1, "compliant_clients": 1, "compliant_clients_today": 0}]
.scenarios[1].total_cost == 1080
.scenarios[1].assignments[1].products == ["MAIL", "EPDNS", "BK"]
.scenarios[1].compliance | length == 2
.scenarios[1].frameworks[0].compliant_clients == 2
