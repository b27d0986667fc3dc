# one scenario per value, in place; a name already taken gets " #2"
[.scenarios[].name] == ["optimal", "limit (max_vendors=1)", "limit (max_vendors=2) #2", "limit (max_vendors=2)", "VS price (price_change.VS=-0.1)", "VS price (price_change.VS=0.25)", "horizon (horizon_months=6)", "horizon (horizon_months=24)", "labour (labor_rate=0)", "labour (labor_rate=50)"]
# E+P+K 14/user, EP+K 17, S 20 (x 10 users x 12 months); the plain
# "limit (max_vendors=2)" has no limit; VK's 2 admin
# hours a month at 50 make the suite the best at that labour rate
[.scenarios[].total_cost] == [1680, 2400, 2040, 1680, 2160, 3000, 840, 3360, 1680, 2400]
[.scenarios[].horizon_months] == [12, 12, 12, 12, 12, 12, 6, 24, 12, 12]
.scenarios[1].vendors == ["VS"] and .scenarios[2].vendors == ["VK", "VEP"]
.source.scenario_count == 10
