.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 840
[.scenarios[1,2,3].status] == ["infeasible", "infeasible", "infeasible"]
.scenarios[3].frameworks == [{"framework": "Cyber insurance", "controls_in_scope": 1, "framework_controls": null, "clients": 1, "compliant_clients": null, "compliant_clients_today": 0}]
