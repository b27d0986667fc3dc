.scenarios[0].assignments[0].products == ["Suite", "BakC"]
.scenarios[1].assignments[0].products == ["Suite", "BakC"]
.scenarios[0].total_cost == 720 + 400 + 900 + 600
.scenarios[1].total_cost == 60 * 8 + 400 + 900 + 600
.scenarios[1].assignments[0].starts == [{"product": "Suite", "start_month": 4, "start_date": "2027-05-01"}]
[.scenarios[1].schedule[] | [.month, .product, .action]] == [[4, "MailA", "run_out"], [4, "Suite", "adopt"], [9, "EdrB", "run_out"]]
[.scenarios[1].cash_flow[].cost] == [250, 250, 250, 250, 210, 210, 210, 210, 210, 110, 110, 110]
