# one suite (20/user), a two-category product + backup (14 + 3), or three
# point products (5 + 6 + 3): 10 users over 12 months
.scenario == null
.infeasible_below == 1
[.points[].max_vendors] == [1, 2, 3, 4, null]
[.points[].total_cost] == [2400, 2040, 1680, 1680, 1680]
.points[0].vendors == ["VS"]
.points[1].vendors == ["VK", "VEP"]
.points[2].vendors == ["VE", "VP", "VK"]
[.points[].status] | all(. == "optimal")
[.points[].gap] | all(. == 0)
[.points[] | .vendor_count <= (.max_vendors // 99)] | all
.baseline.vendor_count == 4
.baseline.total_cost == 4080
[.points[].savings] == [1680, 2040, 2400, 2400, 2400]
.points[3].solved == false
.infeasible_reason == null
