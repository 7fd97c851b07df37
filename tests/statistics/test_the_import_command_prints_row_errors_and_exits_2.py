"""`gongkai statistics import --agency CODE FILE`: exit 0 and a count, or exit 2 with every row's error."""

import pytest

from gongkai.cli import main
from gongkai.statistics.models import Matter, StatisticEntry
from tests.factories import make_agency
from tests.statistics.importfiles import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


def test_a_good_file_is_imported_for_the_named_agency(tmp_path, capsys):
    agency = make_agency("乐清市某局", code="mouju")
    path = tmp_path / "figures.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS))
    assert main(["statistics", "import", "--agency", "mouju", str(path)]) == 0
    assert "清单事项 2 项、统计数据 2 条" in capsys.readouterr().out
    assert Matter.objects.filter(agency=agency).count() == 2


def test_a_bad_row_exits_2_names_the_row_and_saves_nothing(tmp_path, capsys):
    make_agency(code="mouju")
    path = tmp_path / "figures.csv"
    path.write_bytes(csv_bytes(GOOD_ROWS + [["行政处罚决定数量", "", "2020/2/30", "", "1", "执法系统"]]))
    assert main(["statistics", "import", "--agency", "mouju", str(path)]) == 2
    err = capsys.readouterr().err
    assert "未保存任何记录" in err
    assert "第6行：开始日期“2020/2/30”不是有效日期" in err
    assert not Matter.objects.exists() and not StatisticEntry.objects.exists()


def test_an_unknown_agency_or_missing_file_exits_2(tmp_path, capsys):
    make_agency(code="mouju")
    assert main(["statistics", "import", "--agency", "nosuch", str(tmp_path / "x.csv")]) == 2
    assert "找不到机关“nosuch”" in capsys.readouterr().err
    assert main(["statistics", "import", "--agency", "mouju", str(tmp_path / "x.csv")]) == 2
    assert "无法读取文件" in capsys.readouterr().err
