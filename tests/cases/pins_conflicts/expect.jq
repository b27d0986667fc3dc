# optimal: c1 leaves S (4 a user) for E + P + B (3): 10 x 3 = 30 a month;
# c2 keeps Office (essential, 50) and replaces S by P + B (20): 70.
# 12 x (30 + 70) = 1200.
.scenarios[0].total_cost == 1200
(.scenarios[0].assignments[1] | .products) == ["P", "B", "Office"]
[.scenarios[1,2,3,4] | .status] == ["infeasible", "infeasible", "infeasible", "infeasible"]
# keep_clients stays exempt: c2 runs S and Office as today (VS, VO), so
# with at most 2 vendors c1 keeps S: 12 x (40 + 40 + 50) = 1560.
.scenarios[5].status == "optimal"
.scenarios[5].total_cost == 1560
