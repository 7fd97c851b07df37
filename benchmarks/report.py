"""The annual report's computed sections (§二–§四) through gongkai versus hand-written SQL aggregates.

One agency: gongkai.reports.compute.build_cells (which walks the format declaration) against one
aggregate per table answering the same cells. A subtree (a 市 and everything below it, as a supervisor
sees it): build_cells_for over every agency of the subtree against the same aggregates grouped by agency. Both sides
must give the same cells, or the benchmark stops.
"""

import random
from collections import defaultdict

from django.db import connection

from benchmarks.search import in_turns, percentiles
from benchmarks.section2 import ENTRIES_SQL, ITEMS_SQL
from benchmarks.section2 import bare as bare_section2
from gongkai.agencies.models import Agency, Level
from gongkai.formats import format_for_year
from gongkai.reports.compute import build_cells, build_cells_for
from gongkai.rules.outcomes import report_row

YEAR = 2024
WITHDRAWN_OUTCOME = "other_misc"


def _outcome_sql() -> str:
    if connection.vendor == "postgresql":
        return "e.data->>'outcome'"
    return "json_extract(e.data, '$.outcome')"


def cases_sql(where: str) -> str:
    """Per application: receipt R (a 补正 moves it), settlement S, outcome; then counted by the year's bounds.
    A voided event counts nowhere, as in gongkai."""
    return f"""
WITH cases AS (
  SELECT a.agency_id, a.applicant_type,
         COALESCE(MAX(CASE WHEN e.type = 'correction_received' THEN e.date END), a.received_on) AS r,
         MIN(CASE WHEN e.type IN ('decided', 'withdrawn') THEN e.date END) AS s,
         MAX(CASE WHEN e.type = 'decided' THEN {_outcome_sql()} END) AS outcome
  FROM applications_application a
  JOIN applications_applicationevent e ON e.application_id = a.id AND e.voided_at IS NULL
  WHERE {where}
  GROUP BY a.id, a.agency_id, a.applicant_type, a.received_on
)
SELECT agency_id, applicant_type,
       CASE WHEN s BETWEEN %s AND %s THEN COALESCE(outcome, '{WITHDRAWN_OUTCOME}') END AS settled_as,
       SUM(CASE WHEN r BETWEEN %s AND %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN r < %s AND (s IS NULL OR s >= %s) THEN 1 ELSE 0 END),
       SUM(CASE WHEN r <= %s AND (s IS NULL OR s > %s) THEN 1 ELSE 0 END),
       COUNT(*)
FROM cases GROUP BY agency_id, applicant_type, settled_as
"""


def appeals_sql(where: str) -> str:
    closed = "closed_on BETWEEN %s AND %s"
    return f"""
SELECT agency_id, kind,
       SUM(CASE WHEN {closed} AND result = 'upheld' THEN 1 ELSE 0 END),
       SUM(CASE WHEN {closed} AND result = 'corrected' THEN 1 ELSE 0 END),
       SUM(CASE WHEN {closed} AND result = 'other' THEN 1 ELSE 0 END),
       SUM(CASE WHEN closed_on IS NULL OR closed_on > %s THEN 1 ELSE 0 END)
FROM appeals_appeal WHERE {where} AND filed_on <= %s AND (closed_on IS NULL OR closed_on >= %s)
GROUP BY agency_id, kind
"""


def bare_sections34(agency_ids: list[int], fmt) -> dict[int, dict]:
    """§三 and §四 cells of each agency in `agency_ids`, from two aggregate queries."""
    first, last = f"{YEAR}-01-01", f"{YEAR}-12-31"
    s3, s4 = fmt.section3, fmt.section4
    blank = {f"section3.{r.key}.{c.key}": 0 for r in s3.rows for c in s3.columns}
    blank |= {f"section4.{b.key}.{c.key}": 0 for b in s4.blocks for c in s4.columns}
    cells = {pk: dict(blank) for pk in agency_ids}
    marks = ", ".join(["%s"] * len(agency_ids))
    with connection.cursor() as cursor:
        cursor.execute(cases_sql(f"a.agency_id IN ({marks})"),
                       [*agency_ids, first, last, first, last, first, first, last, last])  # fmt: skip
        for agency_id, applicant, settled_as, new, over, forward, n in cursor.fetchall():
            values = cells[agency_id]
            values[f"section3.new_received.{applicant}"] += int(new)
            values[f"section3.carried_over.{applicant}"] += int(over)
            values[f"section3.carried_forward.{applicant}"] += int(forward)
            if settled_as is not None:
                values[f"section3.{report_row(settled_as, fmt.version)}.{applicant}"] += n
        cursor.execute(
            appeals_sql(f"agency_id IN ({marks})"), [*[first, last] * 3, last, *agency_ids, last, first]
        )
        for agency_id, kind, upheld, corrected, other, pending in cursor.fetchall():
            for column, n in (
                ("upheld", upheld),
                ("corrected", corrected),
                ("other", other),
                ("pending", pending),
            ):
                cells[agency_id][f"section4.{kind}.{column}"] += int(n)
    applicant_keys = [c.key for c in s3.applicant_columns]
    for values in cells.values():
        for col in applicant_keys:
            values[f"section3.{s3.total_row}.{col}"] = sum(
                values[f"section3.{r.key}.{col}"] for r in s3.outcome_rows
            )
        for row in s3.rows:
            values[f"section3.{row.key}.{s3.total_column.key}"] = sum(
                values[f"section3.{row.key}.{col}"] for col in applicant_keys
            )
        for block in s4.blocks:
            values[f"section4.{block.key}.{s4.total_column}"] = sum(
                values[f"section4.{block.key}.{c.key}"] for c in s4.columns if c.key != s4.total_column
            )
    return cells


def bare_section2_grouped(agency_ids: list[int]) -> dict[int, dict]:
    """section2.bare's two aggregates, grouped by agency instead of run per agency."""
    first, last = f"{YEAR}-01-01", f"{YEAR}-12-31"
    marks = ", ".join(["%s"] * len(agency_ids))
    items_sql = (
        ITEMS_SQL.replace("WHERE agency_id = %s", f"WHERE agency_id IN ({marks})")
        .replace("SELECT kind,", "SELECT agency_id, kind,")
        .replace("GROUP BY kind", "GROUP BY agency_id, kind")
    )
    entries_sql = (
        ENTRIES_SQL.replace("agency_id = %s", f"agency_id IN ({marks})")
        .replace("SELECT kind,", "SELECT agency_id, kind,")
        .replace("GROUP BY kind", "GROUP BY agency_id, kind")
    )
    rows = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(items_sql, [first, last, first, last, last, last, *agency_ids])
        for agency_id, *rest in cursor.fetchall():
            rows[("items", agency_id)].append(rest)
        cursor.execute(entries_sql, [*agency_ids, first, last])
        for agency_id, *rest in cursor.fetchall():
            rows[("entries", agency_id)].append(rest)
    return {pk: bare_section2(pk, rows=(rows[("items", pk)], rows[("entries", pk)])) for pk in agency_ids}


def ours(agency) -> dict:
    return build_cells(agency, YEAR).values


def _same(ours_cells: dict, bare_cells: dict, who) -> None:
    differing = {k: (ours_cells.get(k), v) for k, v in bare_cells.items() if ours_cells.get(k) != v}
    assert not differing, f"{who}: {differing}"  # both sides answer the same question


def run(context) -> list[dict]:
    rng = random.Random(context.seed)
    fmt = format_for_year(YEAR)
    agencies = list(Agency.objects.order_by("pk"))
    rounds = [rng.choice(agencies) for _ in range(context.queries)]
    timings = {"ours": [], "bare": []}
    for number, agency in enumerate(rounds):
        sides = {
            "ours": lambda agency=agency: ours(agency),
            "bare": lambda agency=agency: (
                bare_section2(agency.pk) | bare_sections34([agency.pk], fmt)[agency.pk]
            ),
        }
        # Both sides once untimed: the agency's rows are then in the cache for both alike, not just the second.
        for side in sides.values():
            side()
        cells = in_turns(number, sides, timings)
        _same(cells["ours"], cells["bare"], agency.name)

    city = Agency.objects.filter(level=Level.CITY).order_by("pk").first() or agencies[0]
    subtree = list(city.subtree().order_by("pk"))
    ids = [a.pk for a in subtree]
    sub = {"ours": [], "bare": []}
    build_cells_for(subtree, YEAR), bare_section2_grouped(ids), bare_sections34(ids, fmt)  # warm, as above
    sides = {
        "ours": lambda: {pk: cells.values for pk, cells in build_cells_for(subtree, YEAR).items()},
        "bare": lambda: (bare_section2_grouped(ids), bare_sections34(ids, fmt)),
    }
    for number in range(max(4, context.queries // 40)):
        answers = in_turns(number, sides, sub)
    mine, (s2, s34) = answers["ours"], answers["bare"]
    for pk in ids:
        _same(mine[pk], s2[pk] | s34[pk], pk)
    return [
        {
            "name": "§二–§四 计算（一个机关）",
            "ours": percentiles(timings["ours"]),
            "bare": percentiles(timings["bare"]),
            "goal": {"at_most": 1.2, "of": ("p50", "p95")},
        },
        {
            "name": f"§二–§四 计算（一个市，{len(ids)} 个机关）",
            "ours": percentiles(sub["ours"]),
            "bare": percentiles(sub["bare"]),
        },  # fmt: skip
    ]
