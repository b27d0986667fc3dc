.scenarios[0].status == "optimal"
.scenarios[1].status == "infeasible"
(.scenarios[1].reason | test("backup"))
.scenarios[2].status == "infeasible"
