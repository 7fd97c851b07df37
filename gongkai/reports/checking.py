"""The checks of a whole report: gongkai.formats.checks.check_report runs A1–A10 — the arithmetic of the
tables, A6/A7 against the previous year's report, and what the text states (A9) and says of fees (A10)
against the tables and the records.

    findings_for(content, agency, year) -> [finding dict]   rule, severity, cells, message (+ where) + anchors
    errors_in(findings) -> bool

Each finding gets `anchors`: the places in the rendered report it concerns, {"id", "label"} — id
"cell-<address>" for a table cell, "gk-p-<section>-<n>" for the paragraph holding the sentence — so the
workspace links to them.
"""

from gongkai.formats.checks import ERROR, check_report
from gongkai.reports.content import Content, previous_cells


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
