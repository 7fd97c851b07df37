"""The CSV and XLSX downloads of the city total and of one agency's report hold exactly the cells."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.agencies.models import Role
from gongkai.formats.cells import ReportCells
from gongkai.supervision.aggregate import aggregate
from gongkai.supervision.exports import CELL_SHEET, COVERAGE_SHEET
from tests.factories import make_person
from tests.supervision.tree import BLANK, build_city

pytestmark = pytest.mark.django_db


def supervisor_client(city) -> Client:
    client = Client()
    client.force_login(make_person(city.city, Role.SUPERVISOR))
    return client


def csv_values(content: bytes) -> dict[str, list[str]]:
    text = content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    return {row[0]: row[1:] for row in rows[1:]}


def as_csv(value) -> str:
    return "" if value is None else str(value)


def test_the_total_as_csv_holds_every_summed_cell_and_its_coverage():
    city = build_city(2025)
    response = supervisor_client(city).get(
        reverse("supervision:total_download", args=[city.city.code, 2025, "csv"])
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_values(response.getvalue())
    total = aggregate(city.city, 2025, published_only=True)
    assert set(rows) == set(total.cells.values)
    for address, value in total.cells.values.items():
        assert rows[address][1] == as_csv(value), address
        assert rows[address][2] == str(total.reported[address])
    assert rows[BLANK[0]][3] == city.imported.name


def test_the_total_as_xlsx_holds_the_same_cells_and_who_reported():
    city = build_city(2025)
    response = supervisor_client(city).get(
        reverse("supervision:total_download", args=[city.city.code, 2025, "xlsx"])
    )
    workbook = load_workbook(io.BytesIO(response.getvalue()))
    total = aggregate(city.city, 2025, published_only=True)
    sheet = workbook[CELL_SHEET]
    got = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    for address, value in total.cells.values.items():
        expected = float(value) if isinstance(value, Decimal) else value
        assert got[address] == expected, address
    coverage = [row for row in workbook[COVERAGE_SHEET].iter_rows(min_row=2, values_only=True)]
    assert (city.silent.name, city.silent.code, "无报告", None) in coverage
    assert "三、收到和处理政府信息公开申请情况" in workbook.sheetnames


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_one_agencys_report_table_downloads_as_its_cells(kind):
    city = build_city(2025)
    office = city.imported
    response = supervisor_client(city).get(
        reverse("supervision:agency_download", args=[office.code, 2025, kind])
    )
    expected: ReportCells = city.cells[office.pk]
    if kind == "csv":
        rows = csv_values(response.getvalue())
        got = {address: row[1] for address, row in rows.items()}
        assert got == {a: as_csv(v) for a, v in expected.values.items()}
    else:
        sheet = load_workbook(io.BytesIO(response.getvalue()))[CELL_SHEET]
        got = {row[0]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert got == {a: float(v) if isinstance(v, Decimal) else v for a, v in expected.values.items()}


def test_an_agency_without_a_report_has_nothing_to_download():
    city = build_city(2025)
    url = reverse("supervision:agency_download", args=[city.silent.code, 2025, "csv"])
    assert supervisor_client(city).get(url).status_code == 404
    url = reverse("supervision:agency_download", args=[city.offices[0].code, 2025, "pdf"])
    assert supervisor_client(city).get(url).status_code == 404
