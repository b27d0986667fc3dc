# tests/unit/test_brute_all.c seed 1045705, written out as data: the
# enumeration's optimum costs 22245.234 (c0 leaves P2 for P1, adopted at
# month 4 beside P4 and P5; the dearer plan had no P1).  One of the root's MIR cuts came back from
# GLPK scaled by 2^43; with it glp_intopt found the LP of that plan
# infeasible and proved 22316.91 optimal (model/mip/root.c now scales
# each cut by a power of two).
.scenarios[0].status == "optimal"
.scenarios[0].total_cost == 22245.23
[.scenarios[0].assignments[0].starts[] | select(.product == "P1") | .start_month] == [4]
