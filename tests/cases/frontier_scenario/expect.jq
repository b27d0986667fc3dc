# without E the three-vendor plan is gone: EP + K is the best from 2 up
.scenario == "no point email"
.infeasible_below == 1
[.points[].max_vendors] == [1, 2, 3, 4, null]
[.points[].total_cost] == [2400, 2040, 2040, 2040, 2040]
.points[-1].vendors == ["VK", "VEP"]
[.points[].solved] == [true, false, false, false, true]
