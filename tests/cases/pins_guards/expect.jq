# optimal: c1 and c3 take E + P + B (3 a user), c2 keeps Office
# (essential, 5) and adds B: 12 x 10 x (3 + 6 + 3) = 1440.
.scenarios[0].total_cost == 1440
[.scenarios[1,2,3,4] | .status] == ["infeasible", "infeasible", "infeasible", "infeasible"]
# keep_clients stays exempt from separate: c2 runs Office alone, as today
.scenarios[5].status == "optimal"
.scenarios[5].total_cost == 1320
(.scenarios[5].assignments[1] | .products) == ["Office"]
