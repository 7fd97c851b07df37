"""The CSV (UTF-8 with BOM) and XLSX downloads of §二, §三 and §四 hold exactly the published cells, each
found under the official row and column labels of the format declaration; a blank stays blank, a 2019
本年增/减 keeps its sign, and the public report page links to every download."""

import pytest

from gongkai.formats import format_for_year
from gongkai.reports.services import store_imported
from tests.factories import publish_cells, sample_cells

from .reading import READERS, cells_of_section, csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db

BLANK = ("section3.granted.total", "section4.review.pending")


@pytest.fixture(params=[2025, 2020], ids=["2021版", "2019版"])
def published(request, personas):
    agency, year = personas.agency, request.param
    cells = sample_cells(agency, year, seed=4, blank=BLANK)
    publish_cells(agency, year, cells)
    return agency, year, cells


@pytest.mark.parametrize("table", ["2", "3", "4"])
def test_the_csv_table_holds_the_cells_under_their_labels(client, published, table):
    agency, year, cells = published
    response = client.get(f"/api/agencies/{agency.code}/reports/{year}.csv", {"table": table})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response.getvalue())
    assert rows[0] == [f"{agency.name}{year}年政府信息公开工作年度报告"]
    assert rows[1] == [format_for_year(year).numbered_title({"2": "二", "3": "三", "4": "四"}[table])]

    assert READERS[table](rows, format_for_year(year)) == cells_of_section(cells, table)


@pytest.mark.parametrize("table", ["2", "3", "4"])
def test_the_xlsx_table_holds_the_cells_under_their_labels(client, published, table):
    agency, year, cells = published
    response = client.get(f"/api/agencies/{agency.code}/reports/{year}.xlsx", {"table": table})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")

    assert READERS[table](xlsx_rows(response.getvalue()), format_for_year(year)) == cells_of_section(
        cells, table
    )


def test_blanks_stay_blank_and_a_2019_decrease_keeps_its_sign(client, personas):
    agency = personas.agency
    cells = sample_cells(agency, 2020, seed=1, blank=BLANK)
    cells["section2.art20_5.licensing.change"] = -7
    publish_cells(agency, 2020, cells)
    rows2 = csv_rows(client.get(f"/api/agencies/{agency.code}/reports/2020.csv", {"table": "2"}).getvalue())
    rows3 = csv_rows(client.get(f"/api/agencies/{agency.code}/reports/2020.csv", {"table": "3"}).getvalue())

    assert READERS["2"](rows2, cells.format)["section2.art20_5.licensing.change"] == -7
    assert READERS["3"](rows3, cells.format)["section3.granted.total"] is None


def test_a_cell_the_published_report_wrote_as_text_keeps_it(client, personas):
    agency = personas.agency
    cells = sample_cells(agency, 2025, blank=("section3.granted.research",))
    cells.cell_text["section3.granted.research"] = "/"
    data = cells.to_dict(sections={})
    import json

    from gongkai.formats.cells import dumps

    store_imported(agency, 2025, cells=json.loads(dumps(data)), source_name="a.pdf", source=b"%PDF")
    rows = csv_rows(client.get(f"/api/agencies/{agency.code}/reports/2025.csv", {"table": "3"}).getvalue())
    granted = next(r for r in rows if "（一）予以公开" in r)
    research = next(r for r in rows if "科研机构" in r).index("科研机构")
    assert granted[research] == "/"


def test_one_workbook_holds_the_three_tables_when_no_table_is_named(client, published):
    agency, year, _ = published
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(f"/api/agencies/{agency.code}/reports/{year}.xlsx")
    names = load_workbook(BytesIO(response.getvalue())).sheetnames
    fmt = format_for_year(year)
    assert names == [fmt.numbered_title(n)[:31] for n in ("二", "三", "四")]


@pytest.mark.parametrize("table", ["", "1", "5", "三x"])
def test_the_csv_needs_a_table_of_2_3_or_4(client, published, table):
    agency, year, _ = published
    response = client.get(f"/api/agencies/{agency.code}/reports/{year}.csv", {"table": table})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "table"
    assert "2、3 或 4" in response.json()["error"]["message"]


def test_the_public_report_page_links_to_the_downloads(client, published):
    agency, year, _ = published
    html = client.get(f"/{agency.code}/reports/{year}/").content.decode()
    for table in ("2", "3", "4"):
        for suffix in ("csv", "xlsx"):
            link = f"/api/agencies/{agency.code}/reports/{year}.{suffix}?table={table}"
            assert f'href="{link}"' in html
            assert client.get(link).status_code == 200
    assert f'href="/api/agencies/{agency.code}/reports/{year}/"' in html
