"""A published report as the importer read it: cells, where each came from, and what it could not read."""

from dataclasses import dataclass, field

from gongkai.formats.cells import ReportCells
from gongkai.formats.checks import Finding
from gongkai.importer.tables import CellRead, ExtraRow, Unread


@dataclass
class ParsedReport:
    source: str  # the file's name
    kind: str  # txt, md, html, doc, docx, xls, xlsx, pdf, json
    cells: ReportCells  # blank and unread cells are None; cells.sections holds the narrative
    provenance: dict[str, CellRead]  # every cell that was read (a blank cell too), by address
    unread: list[Unread]
    findings: list[Finding]  # about the reading: wrong template, extra rows, inferred places
    extra_rows: list[ExtraRow] = field(default_factory=list)
    preamble: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    format_scores: dict[str, int] = field(default_factory=dict)
    ocr_pages: list[int] = field(default_factory=list)  # pages read by text recognition (scans)
    encoding: str = ""  # of a text file or web page

    @property
    def year(self) -> int | None:
        return self.cells.year or None

    @property
    def cells_read(self) -> int:
        return len(self.provenance)

    @property
    def cells_total(self) -> int:
        return len(self.cells.values)

    @property
    def unread_cells(self) -> list[str]:
        return [address for entry in self.unread for address in entry.cells]

    def to_dict(self) -> dict:
        """The shape of docs/report-format.md, plus what the importer knows about each cell."""
        out = self.cells.to_dict()
        out["year"] = self.year
        out["source"] = {
            "file": self.source,
            "kind": self.kind,
            **({"header": self.metadata} if self.metadata else {}),
            **({"encoding": self.encoding} if self.encoding else {}),
            **({"ocr_pages": self.ocr_pages} if self.ocr_pages else {}),
        }
        out["provenance"] = {address: read.to_dict() for address, read in self.provenance.items()}
        out["unread"] = [entry.to_dict() for entry in self.unread]
        out["findings"] = [finding.to_dict() for finding in self.findings]
        if self.extra_rows:
            out["extra_rows"] = [row.to_dict() for row in self.extra_rows]
        if self.preamble:
            out["preamble"] = self.preamble
        out.setdefault("sections", {})
        return out
