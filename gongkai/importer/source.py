"""What every reader (txt, html, pdf, docx) turns a file into: lines of cells, each with its place.

A `Line` is either a table row with explicit cells (`structured`: a tab-separated line, a row of a
pipe table, an HTML/Word/PDF table row) or a line of running text that holds one cell. Blank cells
are kept as BLANK tokens where the file shows them; a run of pipes with no text (“||||”) is a RUN:
blank cells whose number and places were lost.
"""

from dataclasses import dataclass, field


class ReaderRefused(ValueError):
    """A reader that cannot read this file says why, in Chinese, for the person who gave it."""


CELL = "cell"
BLANK = "blank"
RUN = "run"


@dataclass(frozen=True)
class Where:
    """Where a piece of text was found: page and line, or table, row and column (all 1-based)."""

    line: int | None = None
    page: int | None = None
    paragraph: int | None = None  # Word documents count paragraphs, not lines
    table: int | None = None
    row: int | None = None
    col: int | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in vars(self).items() if v is not None}

    def describe(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.paragraph is not None:
            parts.append(f"第 {self.paragraph} 段")
        if self.table is not None:
            parts.append(f"表 {self.table}")
        if self.row is not None:
            parts.append(f"第 {self.row} 行第 {self.col} 列" if self.col is not None else f"第 {self.row} 行")
        elif self.line is not None:
            parts.append(f"第 {self.line} 行" + (f"第 {self.col} 格" if self.col is not None else ""))
        return "，".join(parts) or "位置不明"


@dataclass(frozen=True)
class Token:
    text: str
    where: Where
    kind: str = CELL
    box: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom on its page (PDF, scans)
    confidence: float | None = None  # text recognition's confidence (0–1) for a scanned page's text


@dataclass
class Line:
    tokens: list[Token]
    structured: bool
    where: Where

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens if t.kind == CELL and t.text)


@dataclass
class Source:
    """A file as lines, plus what the file says about itself (a header block, the reader used)."""

    kind: str  # txt, md, html, doc, docx, xls, xlsx, pdf, json
    lines: list[Line]
    metadata: dict[str, str] = field(default_factory=dict)
    encoding: str = ""  # the text encoding found (text and web pages), e.g. gb18030
    ocr_pages: list[int] = field(default_factory=list)  # pages read by text recognition (scans)


def text_line(text: str, where: Where) -> Line:
    return Line([Token(text, where)], structured=False, where=where)
