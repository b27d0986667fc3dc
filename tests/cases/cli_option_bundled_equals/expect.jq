.scenarios | length == 1
.scenarios[0].name == "limit (max_vendors=1)"
