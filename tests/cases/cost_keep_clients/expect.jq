.scenarios[0].total_cost == 1200
.scenarios[0].vendors == ["S"]
.scenarios[1].name == "frozen"
.scenarios[1].total_cost == 3000
.scenarios[1].vendors == ["O", "S"]
(.scenarios[1].assignments[0] | {client, products}) == {"client": "c1", "products": ["Old"]}
[.scenarios[1].coverage_gaps[] | select(.client == "c1") | .missing] == [["endpoint", "backup"]]
