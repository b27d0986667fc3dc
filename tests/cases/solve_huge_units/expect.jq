.scenarios[0].status == "optimal"
# MAIL: 2,099,999 users at its 3.5 tier (the book reaches 1e6) = 7,349,996.50/month; EDR: 1,000,019 devices x 6.5 = 6,500,123.50; BAK: 3 x 30 flat; 13,850,210/month x 1200 months
.scenarios[0].total_cost == 16620252000
.scenarios[0].tiers[0].unit_price == 3.5
