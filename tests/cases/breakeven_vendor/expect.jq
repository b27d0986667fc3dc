# two suites, one client, no overhead: VA (10/user) is kept until its
# price reaches VB's (12/user), a rise of 12/10 - 1 = 20 %
.plan.vendors == ["VA"] and .plan.total_cost == 1200
.items | length == 1
.items[0].in_plan and .items[0].direction == "rise" and .items[0].found
.items[0].range == [0, 3]
.items[0].lower <= 0.2 and .items[0].upper >= 0.2
.items[0].upper - .items[0].lower <= 0.001
(.items[0].break_even - 0.2) | (. <= 0.0005 and . >= -0.0005)
.items[0].near.vendors == ["VA"] and .items[0].near.uses
.items[0].far.vendors == ["VB"] and (.items[0].far.uses | not)
.items[0].far.total_cost == 1440
.items[0].vendor_value == 240 and .items[0].without_total == 1440
.items[0].monthly_spend == 100
.items[0].proven
.items[0].sentence == "Vendor VA may rise 20.0 % before it stops being worth keeping."
