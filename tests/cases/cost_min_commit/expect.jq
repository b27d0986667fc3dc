.scenarios[0].breakdown.licence == 720
.scenarios[0].breakdown.vendor_overhead == 1200
.scenarios[0].breakdown.migration == 0
.scenarios[0].total_cost == 1920
.scenarios[0].monthly_run_rate == 160
