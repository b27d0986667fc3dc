# VB costs 120 + 5 a month: VA flips at 125/100 - 1 = 25 %
[.items[].name] == ["VA"]
(.items[0].break_even - 0.25) | (. <= 0.0005 and . >= -0.0005)
.items[0].vendor_value == 300
.items[0].far.total_cost == 1500
