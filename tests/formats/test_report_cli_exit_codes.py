"""`gongkai report check` and `gongkai report render`: messages in Chinese, exit codes 0 / 1 / 2."""

import json
from decimal import Decimal

import pytest

from gongkai.cli import Parser
from gongkai.cli.report import register, report_subparsers
from gongkai.formats.cells import dumps


def run(argv: list[str]) -> int:
    parser = Parser(prog="gongkai")
    register(parser.add_subparsers(parser_class=Parser))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def write_cells(tmp_path, balanced):
    def write(cells=None, name="cells.json"):
        path = tmp_path / name
        path.write_text(dumps((cells or balanced()).to_dict()), encoding="utf-8")
        return str(path)

    return write


def test_check_passes_the_seed_report_with_exit_0(seed_cells_path, capsys):
    assert run(["report", "check", "--cells", str(seed_cells_path)]) == 0
    assert "未发现" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("rule", "breakage", "named"),
    [
        (
            "A1",
            {"section3.new_received.social": +1, "section3.new_received.total": +1},
            "section3.new_received.social",
        ),
        ("A2", {"section3.granted.research": +1, "section3.granted.total": +1}, "section3.total.research"),
        ("A3", {"section3.rejected_repeat.total": +2}, "section3.rejected_repeat.total"),
        ("A5", {"section4.litigation_after_review.upheld": +1}, "section4.litigation_after_review.total"),
    ],
)
def test_check_names_the_broken_cells_and_exits_1(balanced, write_cells, capsys, rule, breakage, named):
    cells = balanced()
    for address, delta in breakage.items():
        cells[address] += delta
    assert run(["report", "check", "--cells", write_cells(cells)]) == 1
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(f"[{rule}]")]
    assert lines and any(named in line for line in lines)
    assert all("错误" in line for line in lines)


def test_check_json_prints_the_findings_as_a_list(balanced, write_cells, capsys):
    cells = balanced()
    cells["section4.review.total"] = 9
    assert run(["report", "check", "--cells", write_cells(cells), "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert findings == [
        {
            "rule": "A5",
            "severity": "error",
            "cells": findings[0]["cells"],
            "message": findings[0]["message"],
        }
    ]
    assert findings[0]["cells"][0] == "section4.review.total"


def test_warnings_alone_exit_0(balanced, write_cells, capsys):
    previous = balanced(year=2021)
    previous["section3.carried_forward.total"] += 1
    code = run(
        ["report", "check", "--cells", write_cells(), "--previous", write_cells(previous, "prev.json")]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "[A6] 警告" in out and "section3.carried_over.total" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "找不到文件"),
        ("{not json", "不是有效的 JSON"),
        ('{"format_version": "2021", "agency": "甲局", "year": 2022, "section5": {}}', "section5"),
        (
            '{"format_version": "2021", "agency": "甲局", "year": 2022, "section3": {"granted": {"people": 1}}}',
            "people",
        ),
    ],
)
def test_unreadable_or_wrong_input_exits_2_with_a_chinese_message(tmp_path, capsys, content, message):
    path = tmp_path / "input.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for command in (["check"], ["render", "--format", "json", "-o", str(tmp_path / "out.json")]):
        assert run(["report", *command, "--cells", str(path)]) == 2
        err = capsys.readouterr().err
        assert "错误" in err and message in err
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "json", "md"])
def test_render_writes_the_requested_format(balanced, write_cells, tmp_path, capsys, fmt):
    out = tmp_path / f"report.{fmt}"
    assert run(["report", "render", "--cells", write_cells(), "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    magic = {"docx": b"PK", "xlsx": b"PK", "html": b"<!DOCTYPE html>", "json": b"{", "md": b"# "}
    assert data.startswith(magic[fmt])
    assert str(out) in capsys.readouterr().out


def test_render_takes_the_narrative_and_contact_from_files(balanced, write_cells, tmp_path, capsys):
    narrative = tmp_path / "narrative.json"
    narrative.write_text(json.dumps({"六": "本年度未收取信息处理费。"}, ensure_ascii=False), encoding="utf-8")
    contact = tmp_path / "contact.json"
    contact.write_text(
        json.dumps({"office": "办公室", "phone": "0577-61882068"}, ensure_ascii=False), encoding="utf-8"
    )
    cells = balanced()
    cells["section2.art20_8.fees.amount_wan"] = Decimal("1.25")
    argv = ["report", "render", "--cells", write_cells(cells), "--format", "md", "-o", "-"]
    assert run([*argv, "--narrative", str(narrative), "--contact", str(contact)]) == 0
    out = capsys.readouterr().out
    assert "本年度未收取信息处理费。" in out and "0577-61882068" in out and "| 1.25 |" in out


def test_an_unknown_output_format_is_a_usage_error(write_cells):
    with pytest.raises(SystemExit) as caught:
        run(["report", "render", "--cells", write_cells(), "--format", "odt", "-o", "x.odt"])
    assert caught.value.code == 2


def test_a_binary_format_to_standard_output_is_refused(write_cells, capsys):
    assert run(["report", "render", "--cells", write_cells(), "--format", "pdf", "-o", "-"]) == 2
    assert "二进制" in capsys.readouterr().err


def test_later_commands_join_the_same_report_parser():
    parser = Parser(prog="gongkai")
    subparsers = parser.add_subparsers(parser_class=Parser)
    register(subparsers)
    report_subparsers(subparsers).add_parser("build").set_defaults(func=lambda args: 7)
    args = parser.parse_args(["report", "build"])
    assert args.func(args) == 7
    assert {"render", "check", "build"} <= set(report_subparsers(subparsers).choices)
