# SB is left out; it is taken up below VA's price: 10/12 - 1 = -16.67 %
.items[0].kind == "product" and .items[0].vendor == "VB"
(.items[0].in_plan | not) and .items[0].direction == "cut"
.items[0].range == [-1, 0] and .items[0].found
.items[0].lower <= (10/12 - 1) and .items[0].upper >= (10/12 - 1)
(.items[0].break_even - (10/12 - 1)) | (. <= 0.0005 and . >= -0.0005)
.items[0].near.vendors == ["VA"] and .items[0].far.vendors == ["VB"]
.items[0].vendor_value == null and .items[0].value_note == "not in the plan"
.items[0].sentence == "Product SB (VB) would need a 16.7 % price cut before it is worth adopting."
