"""Rule A9: a figure the prose states (§一, §五, §六) must equal the table cell, or the record fact, it is
about — and a sentence that is not clearly about a cell is left alone rather than guessed at."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.formats.cells import dumps, load_cells
from gongkai.formats.checks import check_a9, check_report

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GONGKAI_SHARED") or REPO.parent / "shared")
SEED_TEXT = SHARED / "seed" / "000_870c2c3b9e9a44bb.txt"


def with_text(cells, **sections):
    cells.sections = sections
    return cells


def a9(cells, facts=None):
    return [f for f in check_a9(cells, facts) if f.rule == "A9"]


def test_a_stated_application_count_that_differs_from_the_table_is_named_with_its_sentence(balanced):
    cells = balanced()
    received = cells["section3.new_received.total"]
    carried = cells["section3.carried_over.total"]
    text = f"本年度共收到政府信息公开申请{received + carried + 1}件。其他工作正常开展。"
    findings = a9(with_text(cells, 一=text))
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity == "warning"
    # 收到 may mean this year's applications, or those with last year's carried over: neither fits.
    assert finding.cells == ["section3.new_received.total", "section3.carried_over.total"]
    assert str(received) in finding.message and str(received + carried + 1) in finding.message
    assert str(received + carried) in finding.message
    assert finding.where["section"] == "一"
    assert text[finding.where["start"] : finding.where["end"]] == finding.where["quote"]
    assert finding.where["quote"].startswith("本年度共收到")


def test_figures_that_agree_with_the_table_give_no_finding(balanced):
    cells = balanced()
    received = cells["section3.new_received.total"]
    review = cells["section4.review.total"]
    text = f"全年共收到政府信息公开申请 {received} 件；发生行政复议案件{review}起。"
    assert a9(with_text(cells, 一=text)) == []


def test_a_group_figure_is_compared_with_the_sum_of_its_rows(balanced):
    cells = balanced()
    denied = sum(
        cells[f"section3.{k}.total"]
        for k in (
            "denied_state_secret",
            "denied_law_forbidden",
            "denied_security_stability",
            "denied_third_party",
            "denied_internal_affairs",
            "denied_process_info",
            "denied_enforcement_file",
            "denied_admin_query",
        )
    )
    assert a9(with_text(cells, 一=f"对申请作出答复，其中不予公开{denied}件。")) == []
    findings = a9(with_text(cells, 一=f"对申请作出答复，其中不予公开{denied + 1}件。"))
    assert len(findings) == 1 and len(findings[0].cells) == 8


def test_a_document_sentence_is_never_read_as_an_application_count(balanced):
    cells = balanced()
    text = "全年共制发公文50件，其中主动公开28件、不予公开22件。"
    assert a9(with_text(cells, 一=text)) == []
    facts = {"documents_issued": 50, "documents_proactive": 27, "documents_not_public": 23}
    findings = a9(with_text(cells, 一=text), facts)
    assert sorted(f.message for f in findings) == sorted(
        ["第一部分正文称主动公开公文件数为 28，而记录为 27", "第一部分正文称不公开公文件数为 22，而记录为 23"]
    )
    assert all(f.cells == [] for f in findings)


def test_saying_no_application_was_received_contradicts_a_table_that_counts_some(balanced):
    cells = balanced()
    assert cells["section3.new_received.total"] > 0
    findings = a9(with_text(cells, 一="全年未收到政府信息公开申请。"))
    assert [f.cells[0] for f in findings] == ["section3.new_received.total"]


def test_denying_appeals_caused_by_applications_says_nothing_about_the_applications(balanced):
    cells = balanced()
    for block in ("review", "litigation_direct", "litigation_after_review"):
        for col in ("upheld", "corrected", "other", "pending", "total"):
            cells[f"section4.{block}.{col}"] = 0
    assert a9(with_text(cells, 一="全年未发生因政府信息公开申请引起的行政复议、行政诉讼。")) == []
    cells["section4.litigation_direct.total"] = cells["section4.litigation_direct.pending"] = 1
    findings = a9(with_text(cells, 一="全年未发生因政府信息公开申请引起的行政复议、行政诉讼。"))
    assert [f.cells for f in findings] == [
        ["section4.litigation_direct.total", "section4.litigation_after_review.total"]
    ]


def test_chinese_numerals_are_read(balanced):
    cells = balanced()
    cells["section4.review.total"] = 2
    assert a9(with_text(cells, 一="被申请行政复议两起。")) == []
    assert len(a9(with_text(cells, 一="被申请行政复议三起。"))) == 1
    cells["section4.review.total"] = 12
    assert a9(with_text(cells, 一="被申请行政复议十二起。")) == []


def test_a_blank_cell_is_not_compared_but_a_blank_total_is_its_rows_sum(balanced):
    cells = balanced()
    cells["section3.new_received.total"] = None
    [finding] = a9(with_text(cells, 一="共收到政府信息公开申请999件。"))
    assert "section3.new_received.natural_person" in finding.cells  # the row's cells stand in for 总计
    cells["section3.new_received.natural_person"] = None
    assert a9(with_text(cells, 一="共收到政府信息公开申请999件。")) == []


def test_the_tables_sections_are_not_read_as_prose(balanced):
    cells = balanced()
    assert a9(with_text(cells, 三="共收到政府信息公开申请999件。")) == []


def test_the_seed_report_text_contradicts_its_own_decision_count(seed_cells_path):
    cells = load_cells(seed_cells_path)
    text = SEED_TEXT.read_text(encoding="utf-8")
    cells.sections = {"一": text[text.index("一、总体情况") : text.index("二、主动公开政府信息情况")]}
    findings = check_report(cells)
    assert [(f.rule, f.cells) for f in findings] == [("A9", ["section2.art20_5.other_services.decisions"])]
    assert "9016" in findings[0].message
    assert "均为 0" in findings[0].where["quote"]


def test_the_check_command_prints_the_sentence_and_still_exits_0_on_a_warning(balanced, tmp_path):
    cells = balanced()
    data = cells.to_dict({"一": "本年度共收到政府信息公开申请100000件。"})
    path = tmp_path / "cells.json"
    path.write_text(dumps(data), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "gongkai", "report", "check", "--cells", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    [finding] = [f for f in json.loads(run.stdout) if f["rule"] == "A9"]
    assert finding["where"]["quote"] == "本年度共收到政府信息公开申请100000件"


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_arithmetic_findings_keep_the_step_one_json_shape(balanced, version):
    cells = balanced(version)
    cells["section4.review.total"] += 1
    [finding] = check_report(cells)
    assert set(finding.to_dict()) == {"rule", "severity", "cells", "message"}
