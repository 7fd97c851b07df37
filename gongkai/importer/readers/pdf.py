"""Text-based PDF reports: ruled tables through pdfplumber's table finder, the rest as lines.

Outside the ruled tables, a line whose words stand far apart (a table without rules, the usual
export of a Word table) is split into cells at the wide gaps. Lines of one paragraph are joined
again: a line that runs to the right margin continues on the next. A scanned PDF has no text to
read; it is refused with a message rather than read as an empty report.
"""

import re
from io import BytesIO

import pdfplumber

from gongkai.importer.source import BLANK, CELL, Line, Source, Token, Where

# A gap wider than this many character widths separates two cells of a table row.
CELL_GAP = 1.8
# A line ending this close to the right margin (in character widths) continues on the next line,
# unless it ends a sentence or the next line starts a heading.
FULL_LINE = 1.5
_ENDS_SENTENCE = re.compile(r"[。：:；;！!？?）)]$")
_STARTS_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PAGE_NUMBER = re.compile(r"^[-—–－\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*/\s*共?\s*\d+\s*页?)?[-—–－\s]*$")


def _cells_of(chars: list[dict]) -> list[tuple[str, float]]:
    """Split a line's characters into (text, x0) cells at wide gaps."""
    cells: list[tuple[list[str], float]] = []
    previous = None
    for ch in chars:
        size = ch.get("size") or 10
        if previous is None or ch["x0"] - previous["x1"] > CELL_GAP * size:
            cells.append(([], ch["x0"]))
        elif ch["x0"] - previous["x1"] > 0.2 * size and not ch["text"].isspace():
            cells[-1][0].append(" ")
        cells[-1][0].append(ch["text"])
        previous = ch
    return [("".join(t).strip(), x0) for t, x0 in cells if "".join(t).strip()]


def _page_lines(page, number: int, first_table: int) -> tuple[list[tuple[float, Line]], int]:
    placed: list[tuple[float, Line]] = []
    tables = page.find_tables()
    table_number = first_table
    for table in tables:
        table_number += 1
        for r, (row, cells) in enumerate(zip(table.rows, table.extract(), strict=True)):
            tokens = []
            for c, text in enumerate(cells):
                if text is None:
                    continue  # covered by a merged cell
                where = Where(page=number, table=table_number, row=r + 1, col=c + 1)
                text = text.strip()
                tokens.append(Token(text, where, CELL if text else BLANK))
            if tokens:
                where = Where(page=number, table=table_number, row=r + 1)
                placed.append((row.bbox[1], Line(tokens, structured=True, where=where)))
    outside = page
    for table in tables:
        outside = outside.outside_bbox(table.bbox)
    text_lines = outside.extract_text_lines(return_chars=True)
    right = max([line["x1"] for line in text_lines] + [table.bbox[2] for table in tables], default=0)
    table_tops = [table.bbox[1] for table in tables]
    previous: dict | None = None  # the last single-cell text line, while its paragraph may continue
    for n, line in enumerate(text_lines, 1):
        chars = [c for c in line["chars"] if c["text"]]
        if not chars:
            continue
        size = chars[-1].get("size") or 10
        cells = _cells_of(chars)
        where = Where(page=number, line=n)
        if len(cells) > 1:
            tokens = [Token(text, Where(page=number, line=n, col=j + 1)) for j, (text, _) in enumerate(cells)]
            placed.append((line["top"], Line(tokens, structured=True, where=where)))
            previous = None
            continue
        text = cells[0][0]
        if _PAGE_NUMBER.match(text):
            continue
        continues = (
            previous is not None
            and previous["full"]
            and not _STARTS_HEADING.match(text)
            and not any(previous["top"] < top < line["top"] for top in table_tops)
        )
        if continues:
            joined = previous["line"].tokens[0]
            previous["line"].tokens[0] = Token(joined.text + text, joined.where)
        else:
            paragraph = Line([Token(text, where)], structured=False, where=where)
            placed.append((line["top"], paragraph))
            previous = {"line": paragraph, "top": line["top"]}
        previous["full"] = line["x1"] >= right - FULL_LINE * size and not _ENDS_SENTENCE.search(text)
        previous["top"] = line["top"]
    placed.sort(key=lambda pair: pair[0])
    return placed, table_number


def read_pdf(data: bytes) -> Source:
    lines: list[Line] = []
    tables = 0
    with pdfplumber.open(BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            placed, tables = _page_lines(page, number, tables)
            lines.extend(line for _, line in placed)
            page.close()
    if not any(t.text for line in lines for t in line.tokens):
        raise ValueError("PDF 中没有可提取的文字（可能是扫描件），请提供文字版 PDF 或 Word 文件")
    return Source("pdf", lines)
