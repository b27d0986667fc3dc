# VB's fee (200 a month) is more than VA's whole licence (100 a month)
(.items[0].found | not) and .items[0].break_even == null
.items[0].far == null
.items[0].near.vendors == ["VA"]
.items[0].sentence == "Vendor VB is not worth taking up even if its licences were free."
