"""The checks of a whole report: the arithmetic of its tables (A1–A8, gongkai.formats.checks), the
previous year for A6/A7, and what its text states (A9/A10, gongkai.formats).

    findings_for(content, agency, year) -> [finding dict]   rule, severity, cells, message (+ where)
    errors_in(findings) -> bool

Each finding carries `where`: the anchors in the rendered report it concerns — "cell-<address>" for a
table cell, "gk-p-<section>-<n>" for a paragraph — so the workspace can link to them.
"""

from gongkai.formats.checks import ERROR, check_cells
from gongkai.reports.content import Content, previous_cells


def _anchors(finding: dict) -> list[str]:
    anchors = [f"cell-{address}" for address in finding.get("cells", []) if address.startswith("section")]
    return anchors


def findings_for(content: Content, agency, year: int) -> list[dict]:
    previous = previous_cells(agency, year)
    findings = [f.to_dict() for f in check_cells(content.cells, previous)]
    for finding in findings:
        finding["where"] = _anchors(finding)
    return findings


def errors_in(findings: list[dict]) -> bool:
    return any(f["severity"] == ERROR for f in findings)
