# SPDX-License-Identifier: GPL-3.0-or-later
# One figure of a stackplan JSON result as a TSV line: the baseline's,
# then each scenario's ("" when absent).  $p is its path; an infeasible
# scenario has none but its horizon; a plan with no payback within its
# horizon shows 0 on the sheets (payback_months is null).
def fig:
  if $p == ["payback_months"] and .status != null
     and .status != "infeasible" then (.payback_months // 0)
  else getpath($p) end;
[(.baseline | getpath($p)),
 (.scenarios[] | if .status == "infeasible"
                    and ($p != ["horizon_months"] and $p != ["status"])
                 then null else fig end)]
| map(if . == null then "" else tostring end) | @tsv
