"""Attack (CSV/formula injection): an agency named =HYPERLINK("https://evil.example","点击") and an item titled
with a DDE formula. Every spreadsheet and CSV gongkai writes — the supervision total and one agency's table,
the open-data tables, the annual archive's catalogue — holds these as quoted text: no cell of any workbook
is a formula, and no CSV field begins with a formula character unless it is a plain number."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.agencies.models import AgencyKind, Role
from gongkai.disclosure.archive import build_archive
from gongkai.spreadsheets import TRIGGERS, safe_text
from gongkai.supervision.exports import cells_csv, cells_xlsx
from tests.factories import make_agency, make_item, make_person, publish_cells, sample_cells

pytestmark = pytest.mark.django_db

EVIL_NAME = '=HYPERLINK("https://evil.example","点击")'
EVIL_TITLE = "=cmd|' /C calc'!A0"
YEAR = 2025


@pytest.fixture
def evil(db):
    parent = make_agency("温州市人民政府", kind=AgencyKind.GOVERNMENT)
    agency = make_agency(EVIL_NAME, parent=parent)
    publish_cells(agency, YEAR, sample_cells(agency, YEAR, seed=3))
    publish_cells(parent, YEAR, sample_cells(parent, YEAR, seed=5))
    client = Client()
    client.force_login(make_person(parent, Role.SUPERVISOR))
    return parent, agency, client


def assert_no_formula(workbook_bytes: bytes) -> list[str]:
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    texts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} 是公式：{cell.value}"
                if isinstance(cell.value, str):
                    texts.append(cell.value)
    return texts


def assert_csv_fields_safe(content: bytes) -> list[str]:
    fields = [f for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for f in row]
    for field in fields:
        assert safe_text(field) == field, f"CSV 字段可被当作公式：{field!r}"
    return fields


def test_the_supervision_downloads_quote_the_agency_name(evil):
    parent, agency, client = evil
    for view, code in (
        ("supervision:total_download", parent.code),
        ("supervision:agency_download", agency.code),
    ):
        response = client.get(reverse(view, args=[code, YEAR, "xlsx"]))
        assert response.status_code == 200
        texts = assert_no_formula(response.getvalue())
        assert any(text.startswith("'" + EVIL_NAME) for text in texts)
        response = client.get(reverse(view, args=[code, YEAR, "csv"]))
        assert response.status_code == 200
        assert_csv_fields_safe(response.getvalue())


def test_the_open_data_tables_quote_the_agency_name(evil, client):
    _, agency, _ = evil
    for table in ("2", "3", "4"):
        response = client.get(f"/api/agencies/{agency.code}/reports/{YEAR}.csv", {"table": table})
        fields = assert_csv_fields_safe(response.getvalue())
        assert fields[0].startswith("'" + EVIL_NAME)
    texts = assert_no_formula(client.get(f"/api/agencies/{agency.code}/reports/{YEAR}.xlsx").getvalue())
    assert any(text.startswith("'" + EVIL_NAME) for text in texts)


def test_the_supervision_command_line_files_are_safe_too(evil):
    parent, _, _ = evil
    from gongkai.supervision.aggregate import aggregate

    total = aggregate(parent, YEAR, published_only=True)
    assert_no_formula(cells_xlsx(total.cells, total))
    assert_csv_fields_safe(cells_csv(total.cells, total))


def test_the_archive_catalogue_quotes_a_formula_title(tmp_path):
    agency = make_agency("乐清市某局")
    make_item(agency, title=EVIL_TITLE, published_at=None)
    path = tmp_path / "archive.zip"
    build_archive(agency, 2026, path)
    with zipfile.ZipFile(path) as package:
        fields = assert_csv_fields_safe(package.read("items.csv"))
    assert "'" + EVIL_TITLE in fields


def test_negative_numbers_and_a_lone_dash_stay_as_they_are():
    assert [safe_text(v) for v in ["-2", "+3.5", "-", "1e3", 7, None]] == ["-2", "+3.5", "-", "1e3", 7, None]
    for trigger in TRIGGERS:
        assert safe_text(f"{trigger}SUM(A1)") == f"'{trigger}SUM(A1)"


def test_every_csv_and_workbook_writer_goes_through_the_one_helper():
    root = Path(__file__).resolve().parents[2] / "gongkai"
    helper = root / "spreadsheets.py"
    offenders = []
    for path in root.rglob("*.py"):
        if path == helper:
            continue
        text = path.read_text(encoding="utf-8")
        if "csv.writer(" in text or "csv.DictWriter(" in text:
            offenders.append(f"{path.relative_to(root)}：直接使用 csv.writer")
        saves_workbook = ".save(out)" in text and ("Workbook(" in text or "load_workbook(" in text)
        if saves_workbook and "defuse_workbook(" not in text:
            offenders.append(f"{path.relative_to(root)}：保存工作簿前未经 defuse_workbook")
    assert not offenders, offenders
