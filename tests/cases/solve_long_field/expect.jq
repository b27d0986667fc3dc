.scenarios[0].status == "optimal"
