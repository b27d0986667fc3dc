.baseline.unmapped | length == 1
.baseline.unmapped[0].product == "Norton-SB"
