"""The supervisor's total: gongkai.supervision.aggregate over a city of 300 agencies (city → districts →
offices) with five years of published reports, against one hand-written SQL statement that sums every cell
of the same latest versions in the database (a recursive CTE for the subtree, JSON extraction per cell).

    generate(agencies, years, seed) -> stats   bulk-inserts the tree and the published cells
    run(queries, seed) -> [row]                the rows `python -m benchmarks` prints

One report in ten has a correction (a second version, which is the one that counts) and about 3 % of the
cells are blank (null), so both sides must pick the latest version and skip nulls to agree.
"""

import json
import random
import time
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from benchmarks.search import percentiles
from gongkai.agencies.models import Agency, AgencyKind, Level
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells, dumps
from gongkai.formats.declaration import Kind
from gongkai.reports.models import AnnualReport, Origin, ReportStatus, ReportVersion
from gongkai.supervision.aggregate import aggregate

YEARS = (2021, 2022, 2023, 2024, 2025)
DISTRICTS = 14
BLANK_SHARE = 0.03
CORRECTED_SHARE = 0.1


def _agency(n: int, name: str, parent, level, kind) -> Agency:
    return Agency(
        name=name,
        code=f"bench{n}",
        uscc=f"B{n:017d}",  # unique, not a valid check character: never validated in bulk_create
        parent=parent,
        level=level,
        kind=kind,
    )


def _cells(agency: Agency, year: int, rng: random.Random) -> dict:
    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    for address, column in cells.format.cells():
        if rng.random() < BLANK_SHARE:
            continue
        if column.kind is Kind.AMOUNT:
            cells[address] = Decimal(rng.randint(0, 50_000)) / 100
        else:
            cells[address] = rng.randint(0, 40)
    return json.loads(dumps(cells.to_dict(sections={})))


def generate(agencies: int = 300, years=YEARS, seed: int = 2026) -> dict:
    rng = random.Random(seed)
    t0 = time.perf_counter()
    with transaction.atomic():
        city = Agency.objects.bulk_create(
            [_agency(0, "基准市人民政府", None, Level.CITY, AgencyKind.GOVERNMENT)]
        )[0]
        districts = Agency.objects.bulk_create(
            [
                _agency(1 + i, f"基准市第{i + 1}区人民政府", city, Level.COUNTY, AgencyKind.GOVERNMENT)
                for i in range(DISTRICTS)
            ]
        )
        offices = Agency.objects.bulk_create(
            [
                _agency(
                    1 + DISTRICTS + i,
                    f"基准市第{i % DISTRICTS + 1}区第{i // DISTRICTS + 1}局",
                    districts[i % DISTRICTS],
                    Level.COUNTY,
                    AgencyKind.DEPARTMENT,
                )
                for i in range(agencies - 1 - DISTRICTS)
            ]
        )
        everyone = [city, *districts, *offices]
        reports = AnnualReport.objects.bulk_create(
            [
                AnnualReport(
                    agency=a,
                    year=y,
                    format_version=format_for_year(y).version,
                    status=ReportStatus.PUBLISHED,
                    locked=True,
                )
                for a in everyone
                for y in years
            ]
        )
        now = timezone.now()
        versions = []
        for report in reports:
            count = 2 if rng.random() < CORRECTED_SHARE else 1
            for number in range(1, count + 1):
                versions.append(
                    ReportVersion(
                        report=report,
                        number=number,
                        origin=Origin.GENERATED,
                        format_version=report.format_version,
                        cells=_cells(report.agency, report.year, rng),
                        content_sha256="0" * 64,
                        published_at=now,
                        reason="更正" if number > 1 else "",
                    )
                )
        ReportVersion.objects.bulk_create(versions, batch_size=500)
    return {"agencies": len(everyone), "versions": len(versions), "seconds": time.perf_counter() - t0}


def _extract(address: str) -> str:
    if connection.vendor == "postgresql":
        path = "{" + ",".join(address.split(".")) + "}"
        return f"(v.cells #>> '{path}')::numeric"
    return f"json_extract(v.cells, '$.{address}')"


def bare_sql(year: int) -> tuple[str, list[str]]:
    addresses = [address for address, _ in format_for_year(year).cells()]
    columns = ", ".join(f"SUM({_extract(a)}), COUNT({_extract(a)})" for a in addresses)
    sql = f"""
WITH RECURSIVE tree(id) AS (
  SELECT id FROM agencies_agency WHERE id = %s
  UNION ALL SELECT a.id FROM agencies_agency a JOIN tree ON a.parent_id = tree.id
)
SELECT {columns}
FROM reports_reportversion v JOIN reports_annualreport r ON r.id = v.report_id
WHERE r.year = %s AND v.format_version = %s AND r.agency_id IN (SELECT id FROM tree)
  AND v.number = (SELECT MAX(w.number) FROM reports_reportversion w WHERE w.report_id = v.report_id)
"""
    return sql, addresses


def bare(root_id: int, year: int, statements: dict) -> dict:
    sql, addresses = statements[year]
    with connection.cursor() as cursor:
        cursor.execute(sql, [root_id, year, format_for_year(year).version])
        row = cursor.fetchone()
    return {a: (row[2 * i], row[2 * i + 1]) for i, a in enumerate(addresses)}


def _same(ours, theirs) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return abs(Decimal(str(ours)) - Decimal(str(theirs))) < Decimal("0.000001")


def _time(root: Agency, rounds: list[int], statements: dict) -> dict:
    timings = {"ours": [], "bare": []}
    for year in rounds:
        t0 = time.perf_counter()
        ours = aggregate(root, year, published_only=True)
        timings["ours"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        theirs = bare(root.pk, year, statements)
        timings["bare"].append((time.perf_counter() - t0) * 1000)
        # Both sides answer the same question, cell by cell: the sum and how many agencies reported it.
        for address, (total, reported) in theirs.items():
            assert _same(ours.cells[address], total), (root.name, year, address)
            assert ours.reported[address] == reported, (root.name, year, address)
    return timings


def run(queries: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    statements = {y: bare_sql(y) for y in YEARS}
    city = Agency.objects.get(parent__isnull=True, code="bench0")
    district = Agency.objects.get(code="bench1")
    rows = []
    for root, label in ((city, "汇总（全市 300 个机关）"), (district, "汇总（一个区）")):
        _time(root, list(YEARS), statements)  # warm caches for both sides alike
        timings = _time(root, [rng.choice(YEARS) for _ in range(queries)], statements)
        rows.append(
            {"name": label, "ours": percentiles(timings["ours"]), "bare": percentiles(timings["bare"])}
        )
    return rows
