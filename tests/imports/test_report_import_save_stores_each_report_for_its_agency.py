"""`gongkai report import DIR --save`: each report read is stored as its agency's published report for its
year, through the same service as the web review — the agency named by --agency, or found by the report's
title, or created under --create-under; a year already published is skipped unless --replace comes with a
--reason; the summary says what was saved or skipped and why. Without --save nothing is stored."""

import json

import pytest

from gongkai.agencies.models import Agency
from gongkai.cli import main
from gongkai.reports.models import AnnualReport, ReportVersion
from tests.factories import published_report_file

pytestmark = pytest.mark.django_db


def _folder(tmp_path, files: dict[str, bytes]):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return str(tmp_path)


def test_reports_are_saved_for_the_agency_of_their_title(tmp_path, capsys, people):
    folder = _folder(
        tmp_path,
        {
            "a.md": published_report_file(people.agency.name, 2022),
            "b.html": published_report_file(people.other_agency.name, 2021, output="html"),
            "c.md": published_report_file("乐清市农业农村局", 2022),  # no such agency
            "notes.txt": "这不是年度报告。".encode(),
        },
    )
    assert main(["report", "import", folder, "--save"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[-1] == "保存"
    assert "已保存第1版（yqtyjrswj）" in next(line for line in out.splitlines() if line.startswith("a.md"))
    assert "已保存第1版（yqsmzj）" in next(line for line in out.splitlines() if line.startswith("b.html"))
    assert "机关“乐清市农业农村局”不存在" in out and "保存 2 份，未保存 2 份" in out
    version = AnnualReport.objects.get(agency=people.agency, year=2022).latest_version()
    assert (
        version.source_name == "a.md"
        and bytes(version.files.get().content) == (tmp_path / "a.md").read_bytes()
    )
    assert version.cells["section3"]["new_received"]["total"] is not None
    assert AnnualReport.objects.get(agency=people.other_agency, year=2021).locked


def test_missing_agencies_are_created_under_the_given_parent(tmp_path, capsys, people):
    folder = _folder(tmp_path, {"c.md": published_report_file("乐清市农业农村局", 2022)})
    assert main(["report", "import", folder, "--save", "--create-under", "yqszf", "--json"]) == 0
    (summary,) = json.loads(capsys.readouterr().out)
    created = Agency.objects.get(name="乐清市农业农村局")
    assert created.parent == people.government and created.uscc is None
    assert summary["saved"] == {"agency": created.code, "year": 2022, "version": 1}


def test_a_published_year_is_skipped_unless_replaced_with_a_reason(tmp_path, capsys, people):
    folder = _folder(tmp_path, {"a.md": published_report_file(people.agency.name, 2022)})
    assert main(["report", "import", folder, "--save", "--agency", people.agency.name]) == 0
    capsys.readouterr()
    assert main(["report", "import", folder, "--save", "--agency", "yqtyjrswj"]) == 0
    assert "2022年度已有发布的报告（第1版）；替换请加 --replace --reason" in capsys.readouterr().out
    assert main(["report", "import", folder, "--save", "--agency", "yqtyjrswj", "--replace"]) == 2
    assert "--reason" in capsys.readouterr().err
    reason = "原报告的附件有误"
    assert (
        main(["report", "import", folder, "--save", "--agency", "yqtyjrswj", "--replace", "--reason", reason])
        == 0
    )
    assert "已保存第2版" in capsys.readouterr().out
    versions = AnnualReport.objects.get(agency=people.agency, year=2022).versions.order_by("number")
    assert [(v.number, v.reason) for v in versions] == [(1, ""), (2, reason)]


def test_without_save_nothing_is_stored_and_bad_options_exit_2(tmp_path, capsys, people):
    folder = _folder(tmp_path, {"a.md": published_report_file(people.agency.name, 2022)})
    assert main(["report", "import", folder]) == 0
    assert "保存" not in capsys.readouterr().out.splitlines()[0]
    assert not ReportVersion.objects.exists()
    assert main(["report", "import", folder, "--agency", "yqtyjrswj"]) == 2
    assert "须与 --save 一起使用" in capsys.readouterr().err
    assert main(["report", "import", folder, "--save", "--agency", "nosuch"]) == 2
    assert "找不到机关“nosuch”" in capsys.readouterr().err
    assert not ReportVersion.objects.exists()
