.scenario == "must keep VB"
.plan.vendors == ["VA", "VB"]
.items[0].in_plan and .items[0].forced == "the scenario requires it (require_vendors)"
(.items[0].found | not)
.items[0].vendor_value == null
.items[0].sentence == "Vendor VB is kept at any price: the scenario requires it (require_vendors)."
