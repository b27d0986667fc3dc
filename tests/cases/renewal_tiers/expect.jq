[.scenarios[].tiers[0].unit_price] == [4, 4]
.scenarios[0].total_cost == 480 + 1200 + 480 + 240
.scenarios[1].total_cost == 240 + 1200 + 480 + 240
.scenarios[0].total_cost - .scenarios[1].total_cost == 10 * 4 * 6
.scenarios[1].monthly_run_rate == 100
[.scenarios[1].assignments[] | .starts[0].start_month] == [6, 0]
[.scenarios[1].cash_flow[].cost] == [260, 260, 260, 260, 260, 260, 100, 100, 100, 100, 100, 100]
