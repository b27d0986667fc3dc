.points == []
.infeasible_below == null
(.reason | test("requires 'email'"))
