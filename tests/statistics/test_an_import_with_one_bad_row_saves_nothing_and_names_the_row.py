"""CSV or XLSX: every row is checked first; one bad row and nothing is saved, each error names its row."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.statistics.importing import import_statistics
from gongkai.statistics.models import Matter, StatisticEntry
from tests.factories import make_agency
from tests.statistics.importfiles import GOOD_ROWS, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db

FILES = {"import.csv": csv_bytes, "import.xlsx": xlsx_bytes}


@pytest.fixture(params=sorted(FILES))
def filename(request):
    return request.param


def nothing_saved():
    return not Matter.objects.exists() and not StatisticEntry.objects.exists()


def test_a_good_file_saves_every_row(filename):
    agency = make_agency()
    result = import_statistics(agency, FILES[filename](GOOD_ROWS), filename)
    assert result.ok, result.errors
    assert (result.matters, result.entries) == (2, 2)
    assert Matter.objects.filter(agency=agency).count() == 2
    assert StatisticEntry.objects.get(kind="fees_amount").value == Decimal("12345.67")
    assert AuditEntry.objects.filter(action="statistics.import", agency_id=agency.pk).count() == 1


def test_one_bad_row_saves_nothing_and_names_the_row_and_reason(filename):
    agency = make_agency()
    rows = GOOD_ROWS + [
        ["其他对外管理服务事项处理决定数量", "", "2020-02-01", "2020-02-29", "很多", "办件统计"]
    ]
    result = import_statistics(agency, FILES[filename](rows), filename)
    assert not result.ok
    assert [e.describe() for e in result.errors] == ["第6行：数值“很多”不是数字。"]
    assert nothing_saved()


def test_every_bad_row_is_reported_with_its_spreadsheet_row_number(filename):
    agency = make_agency()
    rows = [
        ["行政许可处理决定数量", "", "2020-13-01", "", "3", "审批系统"],  # row 2
        ["", "", "", "", "", ""],  # row 3: blank, skipped
        ["行政许可处理决定", "", "2020-01-01", "", "3", "审批系统"],  # row 4: unknown kind
        ["行政许可处理决定数量", "", "2020-12-01", "2021-01-31", "3", "审批系统"],  # row 5: two years
        ["行政许可", "", "2020-01-01", "", "", "清单"],  # row 6: matter without a name
        ["行政许可处理决定数量", "", "2020-01-01", "", "3", ""],  # row 7: no source
        ["行政许可处理决定数量", "", "2020-01-01", "", "2.5", "审批系统"],  # row 8: fractional count
    ]
    result = import_statistics(agency, FILES[filename](rows), filename)
    found = {e.row: e.message for e in result.errors}
    assert sorted(found) == [2, 4, 5, 6, 7, 8]
    assert "不是有效日期" in found[2]
    assert "未知的类别“行政许可处理决定”" in found[4]
    assert "不能跨年度" in found[5]
    assert "须填写名称" in found[6]
    assert "来源不能为空" in found[7]
    assert "整数" in found[8]
    assert nothing_saved()


def test_a_row_repeating_another_or_a_saved_figure_is_an_error(filename):
    agency = make_agency()
    assert import_statistics(agency, FILES[filename](GOOD_ROWS[:1]), filename).ok
    rows = [GOOD_ROWS[2], GOOD_ROWS[2], GOOD_ROWS[0]]
    result = import_statistics(agency, FILES[filename](rows), filename)
    found = {e.row: e.message for e in result.errors}
    assert found[3] == "与第2行重复。"
    assert "已在清单中登记" in found[4]
    assert StatisticEntry.objects.count() == 0 and Matter.objects.count() == 1


def test_a_missing_column_is_named():
    agency = make_agency()
    result = import_statistics(agency, csv_bytes(GOOD_ROWS, header=["类别", "名称", "开始日期"]), "x.csv")
    assert [e.row for e in result.errors] == [None]
    assert "缺少列：来源" in result.errors[0].message
    assert nothing_saved()


def test_other_file_types_are_refused():
    result = import_statistics(make_agency(), b"%PDF-1.4", "figures.pdf")
    assert "请上传 .csv 或 .xlsx 文件" in result.errors[0].message


def test_a_gbk_csv_from_excel_is_read():
    agency = make_agency()
    assert import_statistics(agency, csv_bytes(GOOD_ROWS, encoding="gb18030"), "excel.csv").ok
    assert Matter.objects.get(name="光荣牌的悬挂").effective_until == date(2020, 7, 1)


def test_excel_dates_and_numbers_are_read_as_typed():
    agency = make_agency()
    rows = [["行政处罚决定数量", "", datetime(2021, 3, 1), datetime(2021, 3, 31), 17, "执法系统"]]
    assert import_statistics(agency, xlsx_bytes(rows), "x.xlsx").ok
    saved = StatisticEntry.objects.get()
    assert (saved.period_start, saved.period_end, saved.value) == (date(2021, 3, 1), date(2021, 3, 31), 17)
