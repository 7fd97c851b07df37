"""`gongkai supervision total` writes the subtree's total (JSON with coverage, CSV, XLSX) and
`gongkai supervision overview` one line per agency; unknown agencies and years exit 2 in Chinese."""

import json
from decimal import Decimal

import pytest

from gongkai.cli import main
from gongkai.formats.cells import dumps
from gongkai.supervision.aggregate import aggregate
from tests.supervision.tree import build_city

pytestmark = pytest.mark.django_db


def test_the_total_as_json_is_the_aggregate(capsys):
    city = build_city(2025)
    assert main(["supervision", "total", "--agency", city.city.code, "--year", "2025"]) == 0
    data = json.loads(capsys.readouterr().out, parse_float=Decimal)
    expected = aggregate(city.city, 2025, published_only=True).to_dict()
    assert data == json.loads(dumps(expected), parse_float=Decimal)
    assert data["coverage"]["without_report"] == [city.silent.code]


def test_the_total_as_xlsx_goes_to_a_file(tmp_path, capsys):
    city = build_city(2025)
    out = tmp_path / "total.xlsx"
    assert (
        main(
            [
                "supervision",
                "total",
                "--agency",
                city.city.code,
                "--year",
                "2025",
                "--format",
                "xlsx",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert out.read_bytes()[:2] == b"PK"
    assert f"{len(city.cells) - 1}/9 个机关有报告" in capsys.readouterr().out


def test_the_overview_lists_every_agency_of_the_subtree(capsys):
    city = build_city(2025)
    assert main(["supervision", "overview", "--agency", city.districts[1].code, "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert (
        city.silent.name in out
        and city.city.name not in out.split("\n", 1)[1].split(city.districts[1].name)[0]
    )
    assert "尚未起草；已逾期" in out


def test_unknown_agency_and_year_exit_2(capsys):
    city = build_city(2025)
    assert main(["supervision", "total", "--agency", "不存在的机关", "--year", "2025"]) == 2
    assert "找不到机关“不存在的机关”" in capsys.readouterr().err
    assert main(["supervision", "total", "--agency", city.city.code, "--year", "2018"]) == 2
    assert "2018 年没有适用的年度报告格式" in capsys.readouterr().err
