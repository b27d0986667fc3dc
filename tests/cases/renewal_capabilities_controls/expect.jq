# SPEC section 6: R(c) is {email} (the settings' required); the framework
# control on endpoint is not a category of R(c), so NE, adopted for the
# control, shares no category of R(c) with Old and starts at month 0
# while NM (email) waits for Old's contract: 6 months.  Leaving Old costs
# its 6 months left, 6 x 200 = 1200, in every scenario.
# now: 1200 + 12 x (20 + 30) = 1800
.scenarios[0].total_cost == 1800
# renewal: 1200 + 6 x 20 + 12 x 30 = 1680
.scenarios[1].total_cost == 1680
.scenarios[1].assignments[0].starts == [{"product": "NM", "start_month": 6, "start_date": "2027-07-01"}, {"product": "NE", "start_month": 0, "start_date": "2027-01-01"}]
# keep_capabilities puts endpoint (Old covers it today) into R(c): NE
# now replaces Old too and waits: 1200 + 6 x 20 + 6 x 30 = 1500
.scenarios[2].total_cost == 1500
.scenarios[2].assignments[0].starts == [{"product": "NM", "start_month": 6, "start_date": "2027-07-01"}, {"product": "NE", "start_month": 6, "start_date": "2027-07-01"}]
[.scenarios[].status] == ["optimal", "optimal", "optimal"]
