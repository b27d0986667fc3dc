.scenarios[0].total_cost == 2700
.scenarios[0].breakdown.licence == 1200
.scenarios[0].breakdown.termination == 1500
.scenarios[0].breakdown.migration == 0
.baseline.total_cost == 4800
.scenarios[0].savings == 2100
[.scenarios[0].migrations[] | .dropped[0].cost] == [1200, 300]
