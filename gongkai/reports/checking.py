"""The checks of a whole report: gongkai.formats.checks.check_report runs A1–A10 — the arithmetic of the
tables, A6/A7 against the previous year's report, and what the text states (A9) and says of fees (A10)
against the tables and the records.

    findings_for(content, agency, year) -> [finding dict]   rule, severity, cells, message (+ where) + anchors
    completeness(report, content, today) -> [finding dict]    what blocks 提请审定 and 发布 besides A1–A10
    errors_in(findings) -> bool

Completeness (all errors, so "校验通过" is said only when nothing blocks):
- 完整性: a required text section is empty (一 and 五; 六 when fees were charged or the format asks it);
- 数据标记: a 【marker】 or placeholder in the text that names no figure;
- 台账未填写: §一 states a ledger figure (meetings, trainings, publicity …) bound to a ledger category that has
  no entry at all in the year — the 0 would be a guess, not a record; the finding links to the ledger;
- 提前发布: the year has not ended and no 提前发布 reason is recorded (publishing locks the year's records).

Each finding gets `anchors`: the places in the rendered report it concerns, {"id", "label"} — id
"cell-<address>" for a table cell, "gk-p-<section>-<n>" for the paragraph holding the sentence — so the
workspace links to them.
"""

from django.urls import reverse

from gongkai.formats.checks import ERROR, WARNING, check_report
from gongkai.ledger.models import LedgerEntry
from gongkai.reports.content import Content, previous_cells
from gongkai.reports.facts import ledger_source
from gongkai.reports.markers import names as marker_names
from gongkai.reports.markers import unknown_markers
from gongkai.reports.narrative import PLACEHOLDER
from gongkai.rules.report_review import publishes_early, required_sections


def paragraph_anchor(text: str, section: str, offset: int) -> str:
    """The renderers number a section's non-empty lines 1, 2, …; which one holds `offset`?"""
    number = 0
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            number += 1
        if position + len(line) > offset:
            break
        position += len(line)
    return f"gk-p-{section}-{max(number, 1)}"


def _anchors(finding: dict, sections: dict) -> list[dict]:
    """[{"id", "label"}]: the sentence first (if any), then each cell."""
    anchors = [
        {"id": f"cell-{address}", "label": address.split(".", 1)[1]}
        for address in finding.get("cells", [])
        if address.startswith("section")
    ]
    where = finding.get("where")
    if where:
        section = where["section"]
        anchor = paragraph_anchor(sections.get(section, ""), section, where.get("start", 0))
        anchors.insert(0, {"id": anchor, "label": f"第{section}部分正文"})
    return anchors


def findings_for(content: Content, agency, year: int) -> list[dict]:
    previous = previous_cells(agency, year)
    content.cells.sections = dict(content.sections)
    findings = [f.to_dict() for f in check_report(content.cells, previous, content.facts)]
    for finding in findings:
        finding["anchors"] = _anchors(finding, content.sections)
    return findings


def errors_in(findings: list[dict]) -> bool:
    return any(f["severity"] == ERROR for f in findings)


def _finding(rule: str, message: str, anchors: list[dict], severity: str = ERROR) -> dict:
    return {"rule": rule, "severity": severity, "cells": [], "message": message, "anchors": anchors}


def _ledger_findings(report, content: Content) -> list[dict]:
    text = content.template.get("一", "")
    kinds = set(
        LedgerEntry.objects.filter(agency=report.agency, date__year=report.year)
        .values_list("kind", flat=True)
        .distinct()
    )
    ledger_url = f"{reverse('ledger:index')}?agency={report.agency.code}&year={report.year}"
    labels = marker_names(content.cells.format, content.values)
    out, seen = [], set()
    for match in PLACEHOLDER.finditer(text):
        name = match.group(1)
        source = ledger_source(name)
        if source is None or content.values.get(name) or source.value in kinds or name in seen:
            continue
        seen.add(name)
        anchor = paragraph_anchor(text, "一", match.start())
        out.append(
            _finding(
                "台账未填写",
                f"第一部分写明【{labels.get(name, name)}】为0，但{report.year}年工作台账没有任何“{source.label}”记录。"
                "请先填写工作台账；如本年确无此项工作，请在正文中如实说明并删去该数据标记。",
                [{"id": anchor, "label": "第一部分正文"}, {"href": ledger_url, "label": "填写工作台账"}],
            )
        )
    return out


def completeness(report, content: Content, today) -> list[dict]:
    fmt = content.cells.format
    edit_url = reverse("reports:edit", args=[report.agency.code, report.year])
    out = []
    fees = content.facts.get("fees", {})
    for number in required_sections(
        fees_charged=bool(fees.get("cases")), fees_in_section6=fmt.fees_in_section6
    ):
        if not (content.template.get(number) or "").strip():
            out.append(
                _finding(
                    "完整性",
                    f"第{number}部分“{fmt.title(number)}”尚未填写，填写后才能提请审定和发布。",
                    [{"href": edit_url, "label": f"填写第{number}部分"}],
                )
            )
    for number, text in content.template.items():
        unknown = [f"【{label}】" for label in unknown_markers(text)]
        unknown += [f"“{{{{{n}}}}}”" for n in PLACEHOLDER.findall(text or "") if n not in content.values]
        for marker in unknown:
            out.append(
                _finding(
                    "数据标记",
                    f"第{number}部分的数据标记{marker}不存在，请从“可用数据”中选择或删去。",
                    [{"href": edit_url, "label": f"修改第{number}部分"}],
                )
            )
    out += _ledger_findings(report, content)
    if publishes_early(report.year, today):
        detail_url = reverse("reports:detail", args=[report.agency.code, report.year]) + "#early"
        if report.early_reason.strip():
            out.append(
                _finding(
                    "提前发布",
                    f"{report.year}年尚未结束，已记录提前发布理由：{report.early_reason.strip()}",
                    [{"href": detail_url, "label": "提前发布理由"}],
                    severity=WARNING,
                )
            )
        else:
            out.append(
                _finding(
                    "提前发布",
                    f"{report.year}年尚未结束（至{report.year}年12月31日），发布将锁定全年记录，此后的记录无法再录入。"
                    "如确需提前发布，须先记录提前发布理由。",
                    [{"href": detail_url, "label": "填写提前发布理由"}],
                )
            )
    return out
