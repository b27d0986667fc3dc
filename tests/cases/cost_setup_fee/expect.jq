.scenarios[0].breakdown.licence == 400
.scenarios[0].breakdown.migration == 550
.scenarios[0].total_cost == 950
.scenarios[0].monthly_run_rate == 40
