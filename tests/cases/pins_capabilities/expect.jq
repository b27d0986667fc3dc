# optimal: c1 leaves Suite (5 a user, email + m365_backup) for Mail (1):
# c1 Mail + Edr + Bk = 10 x 4 = 40 a month, c2 as today 5 x 4 = 20;
# 12 x 60 = 720.  c1 loses m365_backup, which it did not require.  c2's
# Ghost is unmapped: what it may cover is not known, so nothing is lost.
.scenarios[0].total_cost == 720
.scenarios[0].assignments[0].capabilities_lost == ["m365_backup"]
.scenarios[0].assignments[1].capabilities_lost == []
# keep_capabilities adds m365_backup to c1's R(c) (a requirement, not a
# pin): Mail + M3 (1 + 3) beats Suite (5), so c1 runs Mail, Edr, Bk, M3:
# 10 x 7 = 70; 12 x (70 + 20) = 1080.  Nothing is lost.
.scenarios[1].total_cost == 1080
(.scenarios[1].assignments[0].products) == ["Mail", "Edr", "Bk", "M3"]
all(.scenarios[1].assignments[]; .capabilities_lost == [])
