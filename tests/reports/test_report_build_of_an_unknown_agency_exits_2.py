"""`gongkai report build` refuses an agency it does not know, and a year no format covers, with exit 2."""

import pytest

from gongkai.cli import main
from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def test_an_unknown_agency_exits_2_with_a_chinese_message(capsys):
    make_agency("乐清市某局", code="mouju")
    assert main(["report", "build", "--agency", "乐清市不存在局", "--year", "2020"]) == 2
    captured = capsys.readouterr()
    assert "找不到机关“乐清市不存在局”" in captured.err
    assert captured.out == ""


def test_a_year_before_the_first_format_exits_2(capsys):
    make_agency(code="mouju")
    assert main(["report", "build", "--agency", "mouju", "--year", "2018"]) == 2
    assert "2018 年没有适用的年度报告格式" in capsys.readouterr().err
