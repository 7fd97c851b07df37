"""§二 of the 2021 format for one agency and year: gongkai's computation (which walks the format
declaration, one query per cell) versus one hand-written SQL aggregate per table answering the same cells."""

import random
from decimal import Decimal

from django.db import connection

from benchmarks.search import in_turns, percentiles
from gongkai.agencies.models import Agency
from gongkai.formats import format_for_year
from gongkai.reports.compute import section2_cells

YEAR = 2024
SIGNED = ("filed", "published", "withdrawn")

ITEMS_SQL = f"""
SELECT kind,
  SUM(CASE WHEN status IN {SIGNED} AND formed_on BETWEEN %s AND %s THEN 1 ELSE 0 END),
  SUM(CASE WHEN status IN {SIGNED} AND validity = 'repealed' AND invalid_from BETWEEN %s AND %s THEN 1 ELSE 0 END),
  SUM(CASE WHEN status IN {SIGNED} AND formed_on <= %s
           AND NOT (validity IN ('expired', 'repealed') AND (invalid_from IS NULL OR invalid_from <= %s))
      THEN 1 ELSE 0 END)
FROM disclosure_item WHERE agency_id = %s AND kind IN ('regulation', 'normative') GROUP BY kind
"""
ENTRIES_SQL = """
SELECT kind, SUM(value) FROM statistics_statisticentry
WHERE agency_id = %s AND period_end BETWEEN %s AND %s GROUP BY kind
"""
ROWS = {"regulation": "regulations", "normative": "normative_documents"}
DECISIONS = {"licensing_decisions": "art20_5.licensing", "penalty_decisions": "art20_6.penalty",
             "coercion_decisions": "art20_6.coercion"}  # fmt: skip


def bare(agency_id: int, rows=None) -> dict:
    """The cells from the two aggregates; `rows` = (items rows, entries rows) when already fetched."""
    first, last = f"{YEAR}-01-01", f"{YEAR}-12-31"
    cells = {}
    for row in ROWS.values():
        for column in ("made", "repealed", "in_force"):
            cells[f"section2.art20_1.{row}.{column}"] = 0
    for key in DECISIONS.values():
        cells[f"section2.{key}.decisions"] = 0
    cells["section2.art20_8.fees.amount_wan"] = Decimal(0)
    if rows is None:
        with connection.cursor() as cursor:
            cursor.execute(ITEMS_SQL, [first, last, first, last, last, last, agency_id])
            item_rows = cursor.fetchall()
            cursor.execute(ENTRIES_SQL, [agency_id, first, last])
            rows = item_rows, cursor.fetchall()
    item_rows, entry_rows = rows
    for kind, made, repealed, in_force in item_rows:
        for column, value in (("made", made), ("repealed", repealed), ("in_force", in_force)):
            cells[f"section2.art20_1.{ROWS[kind]}.{column}"] = int(value or 0)
    for kind, total in entry_rows:
        if kind in DECISIONS:
            cells[f"section2.{DECISIONS[kind]}.decisions"] = int(total)
        elif kind == "fees_amount":
            cells["section2.art20_8.fees.amount_wan"] = Decimal(total) / 10000
    return cells


def run(context) -> list[dict]:
    rng = random.Random(context.seed)
    fmt = format_for_year(YEAR)
    agencies = list(Agency.objects.exclude(items=None)[:200])
    rounds = [rng.choice(agencies) for _ in range(context.queries)]
    timings = {"ours": [], "bare": []}
    for number, agency in enumerate(rounds):
        sides = {
            "ours": lambda agency=agency: section2_cells(agency, YEAR, fmt),
            "bare": lambda agency=agency: bare(agency.pk),
        }
        for side in sides.values():
            side()  # warm the agency's rows for both sides alike
        cells = in_turns(number, sides, timings)
        # Both sides answer the same question, cell by cell.
        assert {k: cells["ours"][k] for k in cells["bare"]} == cells["bare"], agency.name
    return [
        {
            "name": "§二 计算（2021 格式，一个机关）",
            "ours": percentiles(timings["ours"]),
            "bare": percentiles(timings["bare"]),
        }
    ]
