.scenarios[0].switch == "now" and .scenarios[1].switch == "renewal"
.scenarios[0].total_cost == 1800
.scenarios[0].breakdown.licence == 600
.scenarios[1].total_cost == 1500
.scenarios[1].breakdown.licence == 300
.scenarios[1].breakdown.termination == 1200
.scenarios[0].total_cost - .scenarios[1].total_cost == 50 * 6
.scenarios[0].assignments[0].starts == [{"product": "New", "start_month": 0, "start_date": "2027-01-01"}]
.scenarios[1].assignments[0].starts == [{"product": "New", "start_month": 6, "start_date": "2027-07-01"}]
[.scenarios[1].schedule[] | [.month, .date, .product, .action, .one_time_cost]] == [[6, "2027-07-01", "Old", "run_out", 0], [6, "2027-07-01", "New", "adopt", 0]]
[.scenarios[1].cash_flow[].cost] == [200, 200, 200, 200, 200, 200, 50, 50, 50, 50, 50, 50]
[.scenarios[0].cash_flow[].cost] == [250, 250, 250, 250, 250, 250, 50, 50, 50, 50, 50, 50]
[.scenarios[1].cash_flow[].baseline] == [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]
.baseline.total_cost == 2400
.scenarios[1].payback_months == 1
.scenarios[0].payback_months == 8
.scenarios[1].cash_flow[11].cumulative_savings == 900
