"""An imported report says what it is: one of which fewer than half the cells were read is saved as
published only when someone confirms the count, and the portal marks it 部分数据未能读取 with the number
unread; its publication date is the one the source states (or the one given at import), not the day of the
import; the original file stays private unless the importer publishes it; an external agency takes no
online application and says where to apply. The catalogue's 年报 column lists the same published reports
as the 年度报告 page, each with its year and publication date."""

from datetime import date

import pytest

from gongkai.disclosure.models import CatalogueCategory
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.importer.external import create_external_agency
from gongkai.importer.pending import ImportRefused, stated_date, store
from gongkai.reports.models import FileKind
from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def blank(agency, year):
    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    cells.sections = {
        "一": f"本报告统计期限为{year}年1月1日至{year}年12月31日。",
        "六": f"{year + 1}年1月28日",
    }
    return cells


def test_a_report_with_no_cell_read_needs_a_confirmation_naming_the_count_and_the_portal_says_so(client):
    agency = make_agency("乐清市民政局", code="yqsmzj")
    cells = blank(agency, 2020)
    with pytest.raises(ImportRefused, match=r"只读到\d+个单元格中的0个"):
        store(agency, cells, source=b"%PDF-1.4", source_name="年报.pdf", notes={}, actor=None)

    version = store(
        agency, cells, source=b"%PDF-1.4", source_name="年报.pdf", notes={}, actor=None, confirmed_unread=True
    )
    total = len(cells.values)
    assert version.provenance["unread_cells"] == total and version.provenance["read_cells"] == 0
    page = client.get("/yqsmzj/reports/2020/").content.decode()
    assert "部分数据未能读取" in page and f"{total}个单元格未能从原文读取" in page
    listing = client.get("/yqsmzj/reports/").content.decode()
    assert f"部分数据未能读取（{total}个单元格）" in listing


def test_the_publication_date_is_the_one_the_source_states_or_the_one_given():
    agency = make_agency("乐清市民政局", code="yqsmzj")
    cells = blank(agency, 2020)
    assert stated_date(cells) == date(2021, 1, 28)  # the statistical period's dates are not taken
    version = store(
        agency, cells, source=b"x", source_name="a.pdf", notes={}, actor=None, confirmed_unread=True
    )
    assert version.published_at.date() == date(2021, 1, 28)
    assert version.provenance["published_on_from"] == "source"

    other = blank(agency, 2021)
    other.sections = {}
    version = store(
        agency,
        other,
        source=b"x",
        source_name="b.pdf",
        notes={},
        actor=None,
        confirmed_unread=True,
        published_on=date(2022, 1, 20),
    )
    assert version.published_at.date() == date(2022, 1, 20)


def test_the_original_file_is_private_unless_the_importer_publishes_it(client):
    agency = make_agency("乐清市民政局", code="yqsmzj")
    kept = store(
        agency,
        blank(agency, 2020),
        source=b"secret",
        source_name="a.pdf",
        notes={},
        actor=None,
        confirmed_unread=True,
    )
    assert kept.files.get().kind == FileKind.SOURCE
    assert client.get("/yqsmzj/reports/2020/v1/source/").status_code == 404
    assert "原始文件" not in client.get("/yqsmzj/reports/2020/").content.decode()
    store(
        agency,
        blank(agency, 2021),
        source=b"open",
        source_name="b.pdf",
        notes={},
        actor=None,
        confirmed_unread=True,
        publish_source=True,
    )
    assert client.get("/yqsmzj/reports/2021/v1/source/").getvalue() == b"open"


def test_an_external_agency_takes_no_online_application_and_says_where_to_apply(client):
    parent = make_agency("乐清市人民政府", code="yqs")
    agency = create_external_agency(name="乐清市某外部局", parent=parent, actor=None, code="yqwbj")
    assert agency.external
    page = client.get("/apply/yqwbj/")
    text = page.content.decode()
    assert page.status_code == 200 and "外部机关" in text and "不在本平台办理" in text
    assert 'name="identity_document"' not in text
    assert "外部机关" in client.get("/yqwbj/").content.decode()


def test_the_catalogue_report_column_lists_the_published_reports_with_year_and_date(client):
    agency = make_agency("乐清市民政局", code="yqsmzj")
    column = CatalogueCategory.objects.create(agency=agency, code="gknb", name="政府信息公开年报")
    store(
        agency,
        blank(agency, 2020),
        source=b"x",
        source_name="a.pdf",
        notes={},
        actor=None,
        confirmed_unread=True,
    )
    page = client.get(f"/yqsmzj/catalogue/{column.code}/").content.decode()
    listing = client.get("/yqsmzj/reports/").content.decode()
    for html in (page, listing):
        assert "乐清市民政局2020年政府信息公开工作年度报告" in html and "2021年1月28日发布" in html
    assert "2020年度" in page
