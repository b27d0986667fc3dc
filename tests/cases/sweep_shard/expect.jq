# shards count the expanded scenarios: 2, 5 and 8 of 10
[.scenarios[].name] == ["limit (max_vendors=1)", "VS price (price_change.VS=-0.1)", "horizon (horizon_months=24)"]
.source.scenario_count == 10
