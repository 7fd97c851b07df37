"""/api/agencies/<code>/reports/<year>/aggregate/ is, cell by cell, the sum of the published reports the
API serves for the agency and every agency below it — a blank cell is left out of the sum (not taken as 0)
and named in the coverage, an agency without a report is listed as such, an agency of another tree never
counts — and its CSV and XLSX tables hold the same totals."""

from decimal import Decimal

import pytest

from gongkai.formats import format_for_year
from tests.supervision.tree import BLANK, build_city

from .reading import READERS, csv_rows, get_json, xlsx_rows

pytestmark = pytest.mark.django_db

YEAR = 2025


@pytest.fixture
def city(db):
    return build_city(YEAR)


def flatten(cells: dict) -> dict:
    out = {}
    for section in ("section2", "section3", "section4"):

        def walk(node, path):
            if isinstance(node, dict):
                for key, child in node.items():
                    walk(child, f"{path}.{key}")
            else:
                out[path] = node

        walk(cells[section], section)
    return out


def served(client, agency) -> dict:
    return flatten(get_json(client, f"/api/agencies/{agency.code}/reports/{YEAR}/")["cells"])


def test_the_city_total_is_the_sum_of_what_each_agency_published(client, city):
    members = [city.city, *city.districts, *city.offices]
    reports = [served(client, a) for a in members if a != city.silent]
    total = get_json(client, f"/api/agencies/{city.city.code}/reports/{YEAR}/aggregate/")
    got = flatten(total["cells"])

    assert set(got) == set(reports[0])
    for address, value in got.items():
        values = [r[address] for r in reports if r[address] is not None]
        expected = sum(Decimal(str(v)) for v in values)
        assert Decimal(str(value)) == expected, address
    assert total["cells"]["format_version"] == "2021"

    coverage = total["coverage"]
    assert coverage["agencies"] == len(members)
    assert coverage["without_report"] == [city.silent.code]
    assert city.outside.code not in coverage["with_report"] + coverage["without_report"]
    for address in BLANK:
        assert coverage["cells"][address]["blank"] == [city.imported.code]
        assert coverage["cells"][address]["reported"] == len(members) - 2
    assert coverage["cells"]["section3.total.total"]["reported"] == len(members) - 1


def test_a_district_total_counts_only_its_own_subtree(client, city):
    district = city.districts[1]
    mine = [district, *(o for o in city.offices if o.parent_id == district.pk and o != city.silent)]
    total = flatten(get_json(client, f"/api/agencies/{district.code}/reports/{YEAR}/aggregate/")["cells"])
    address = "section3.new_received.natural_person"
    assert total[address] == sum(served(client, a)[address] for a in mine)


@pytest.mark.parametrize("table", ["2", "3", "4"])
def test_the_aggregate_tables_hold_the_totals(client, city, table):
    url = f"/api/agencies/{city.city.code}/reports/{YEAR}/aggregate"
    total = flatten(get_json(client, f"{url}/")["cells"])
    fmt = format_for_year(YEAR)
    expected = {a: (Decimal(str(v)) if isinstance(v, float) else v) for a, v in total.items()}
    expected = {a: v for a, v in expected.items() if a.startswith(f"section{table}.")}

    from_csv = READERS[table](csv_rows(client.get(f"{url}.csv", {"table": table}).getvalue()), fmt)
    from_xlsx = READERS[table](xlsx_rows(client.get(f"{url}.xlsx", {"table": table}).getvalue()), fmt)

    assert from_csv == expected
    assert from_xlsx == expected
    title = csv_rows(client.get(f"{url}.csv", {"table": table}).getvalue())[0][0]
    assert title == f"{city.city.name}及下级机关（汇总）{YEAR}年政府信息公开工作年度报告"
