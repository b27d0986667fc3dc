# Resale prices (markup 0.25): OldMail 3.75, NewMail 1.25, Edr 2.80
# (catalog resale_price), Bk 1.25.  Today's invoiced price per row:
#   c1 OldMail 45 (monthly_price), c1 Edr 10 x 2.80 = 28, c1 Bk 10 x 1.25
#   = 12.50; c2 OldMail 4 x 3.75 = 15, c2 Edr 4 x 2.80 = 11.20.
# Baseline licence: c1 30 + 20 + 10 = 60, c2 12 + 8 = 20: 80 a month.
# Baseline revenue 45 + 28 + 12.50 + 15 + 11.20 = 111.70, margin 31.70,
# no vendor fees today (VN has the only one): portfolio margin 31.70.
.baseline.margin == {"revenue_monthly": 111.7, "licence_monthly": 80, "margin_monthly": 31.7, "portfolio_margin_monthly": 31.7}
.baseline.clients == [{"client": "c1", "revenue_monthly": 85.5, "margin_monthly": 25.5}, {"client": "c2", "revenue_monthly": 26.2, "margin_monthly": 6.2}]
# Ghost is unmapped: its 12.50 is reported, never counted.
.baseline.unmapped_monthly_revenue == 12.5
# The plan (every scenario): both clients to NewMail (14 a month + VN's
# fee 5 against OldMail's 42), c2 adopts Bk (its backup gap).  Licence
# c1 10 + 20 + 10 = 40, c2 4 + 8 + 4 = 16: 56; 12 x (56 + 5) = 732.
# Pricing never changes the plan:
[.scenarios[0,1] | .total_cost] == [732, 732]
[.scenarios[] | [.assignments[].products]] | unique | length == 1
# hold: c1 pays as today, 85.50 (NewMail replaces OldMail's email: no
# new revenue), margin 85.50 - 40 = 45.50; c2 15 + 11.20 + Bk 4 x 1.25
# (a gap closed) = 31.20, margin 31.20 - 16 = 15.20.  Revenue 116.70,
# margin 60.70, portfolio 60.70 - 5 = 55.70.
.scenarios[0].margin == {"revenue_monthly": 116.7, "licence_monthly": 56, "margin_monthly": 60.7, "portfolio_margin_monthly": 55.7}
[.scenarios[0].assignments[] | [.revenue_monthly, .margin_monthly]] == [[85.5, 45.5], [31.2, 15.2]]
# list: kept rows at today's price, adopted products at b x resale:
# c1 Edr 28 + Bk 12.50 + NewMail 10 x 1.25 = 53, margin 13; c2 Edr 11.20
# + NewMail 5 + Bk 5 = 21.20, margin 5.20.  Revenue 74.20, margin 18.20,
# portfolio 13.20.
.scenarios[1].margin == {"revenue_monthly": 74.2, "licence_monthly": 56, "margin_monthly": 18.2, "portfolio_margin_monthly": 13.2}
[.scenarios[1].assignments[] | [.revenue_monthly, .margin_monthly]] == [[53, 13], [21.2, 5.2]]
# list with Edr +10 %: Edr's licence 22 (c1) and 8.80 (c2): 58.80; its
# rows' price x 1.1: 30.80 and 12.32.  c1 30.80 + 12.50 + 12.50 = 55.80,
# margin 55.80 - 42 = 13.80; c2 12.32 + 5 + 5 = 22.32, margin 22.32 -
# 16.80 = 5.52.  Revenue 78.12, margin 19.32, portfolio 14.32; total
# 12 x (58.80 + 5) = 765.60.  Its baseline: licence 82.80, revenue 45 +
# 30.80 + 12.50 + 15 + 12.32 = 115.62, margin 32.82.
.scenarios[2].total_cost == 765.6
.scenarios[2].margin == {"revenue_monthly": 78.12, "licence_monthly": 58.8, "margin_monthly": 19.32, "portfolio_margin_monthly": 14.32}
[.scenarios[2].assignments[] | [.revenue_monthly, .margin_monthly]] == [[55.8, 13.8], [22.32, 5.52]]
.scenarios[2].baseline_margin == {"revenue_monthly": 115.62, "licence_monthly": 82.8, "margin_monthly": 32.82, "portfolio_margin_monthly": 32.82}
# hold with Edr +10 %: revenue as under hold (116.70), licence 58.80:
# margin 57.90, portfolio 52.90; c1 85.50 - 42 = 43.50, c2 31.20 - 16.80
# = 14.40; baseline margin 111.70 - 82.80 = 28.90.
.scenarios[3].margin == {"revenue_monthly": 116.7, "licence_monthly": 58.8, "margin_monthly": 57.9, "portfolio_margin_monthly": 52.9}
[.scenarios[3].assignments[] | .margin_monthly] == [43.5, 14.4]
.scenarios[3].baseline_margin.margin_monthly == 28.9
