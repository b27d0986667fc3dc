.scenarios[0].total_cost == 700 and .scenarios[1].total_cost == 700
.scenarios[1].assignments[0].starts == [{"product": "New", "start_month": 0, "start_date": "2027-01-01"}]
[.scenarios[1].schedule[] | [.month, .product, .action, .one_time_cost]] == [[0, "Old", "terminate", 100], [0, "New", "adopt", 0]]
.scenarios[1].cash_flow[0].cost == 150 and .scenarios[1].cash_flow[1].cost == 50
.scenarios[1].payback_months == 1
