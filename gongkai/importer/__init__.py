"""Reading published annual reports (txt, md, html, docx, xlsx, pdf — scans too — and gongkai JSON) into cells,
with provenance. docs/importing.md says how.

from gongkai.importer import parse_file
report = parse_file("report.pdf")   # ParsedReport: cells, provenance, unread, findings, sections
"""

from gongkai.importer.parse import UnreadableReport, parse_bytes, parse_file
from gongkai.importer.report import ParsedReport

__all__ = ["ParsedReport", "UnreadableReport", "parse_bytes", "parse_file"]
