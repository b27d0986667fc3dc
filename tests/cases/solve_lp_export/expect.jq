.scenarios[0].total_cost == 2700
