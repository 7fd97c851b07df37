"""Plain-text and Markdown reports: the shapes that text extracted from web pages and PDFs takes.

- Tab-separated lines (text copied out of a PDF table): one row per line, blank cells kept.
- Pipe tables: a row per line (“规章 | 0 | 0 | 0 |”, Markdown “| 规章 | 0 |”), or one cell per
  line (“规章 |” then “0 |”), where a line of a single “|” is a blank cell and a line of several
  (“||||”) is a run of blank cells whose number and places were lost.
- One cell per line with blank lines between cells (text flattened out of an HTML table): a filled
  cell is followed by one blank line, and each further blank line is an empty cell; lines with no
  blank line between them are one cell that wrapped.
"""

import re

from gongkai.importer.sniff import decode_text
from gongkai.importer.source import BLANK, CELL, RUN, Line, Source, Token, Where

_HEADER = re.compile(r"^([a-z_]+):\s*(.*)$")
_PIPE = re.compile(r"(?<!\\)\|")
_MD_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
# Share of consecutive text lines separated by a blank line above which blank lines count as cells.
BLANK_LINE_CELLS = 0.8


def front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """`key: value` lines at the top, ended by a blank line (how collected reports note their source)."""
    found = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (found, i + 1) if len(found) >= 2 else ({}, 0)
        match = _HEADER.match(line.strip())
        if not match:
            break
        found[match[1]] = match[2].strip()
    return {}, 0


def _kind_of(line: str) -> str:
    if "\t" in line:
        return "tab"
    if _PIPE.search(line):
        return "pipe"
    return "plain" if line.strip() else "empty"


def _blank_lines_are_cells(lines: list[str]) -> bool:
    pairs = gaps = 0
    previous, gap = None, 0
    for line in lines:
        kind = _kind_of(line)
        if kind == "empty":
            gap += 1
            continue
        if kind == "plain" and previous == "plain":
            pairs += 1
            gaps += gap > 0
        previous, gap = kind, 0
    return pairs >= 10 and gaps >= BLANK_LINE_CELLS * pairs


def _unescape(text: str) -> str:
    return text.replace("\\|", "|").replace("\\\\", "\\").strip()


def _cell(text: str, where: Where) -> Token:
    return Token(text, where, CELL if text else BLANK)


def _pipe_line(line: str, number: int) -> Line:
    stripped = line.strip()
    where = Where(line=number)
    if set(stripped) <= {"|", " "}:
        kind = BLANK if stripped.count("|") == 1 else RUN
        return Line([Token("", where, kind)], structured=False, where=where)
    parts = _PIPE.split(stripped)
    if stripped.startswith("|") and not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    if len(parts) == 1:
        return Line([_cell(_unescape(parts[0]), where)], structured=False, where=where)
    tokens = [_cell(_unescape(p), Where(line=number, col=j + 1)) for j, p in enumerate(parts)]
    return Line(tokens, structured=True, where=where)


def _markdown_clean(line: str) -> str:
    line = _MD_HEADING.sub("", line.strip())
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        line = line[2:-2]
    return line


def read_text(text: str, kind: str = "txt") -> Source:
    raw = text.splitlines()
    metadata, start = front_matter(raw)
    blank_cells = _blank_lines_are_cells(raw[start:])
    lines: list[Line] = []
    gap = 0
    previous_plain = False
    for index in range(start, len(raw)):
        number = index + 1
        line = raw[index].rstrip("\r")
        if kind == "md":
            if _MD_RULE.match(line.strip()):
                continue
            line = _markdown_clean(line)
        line_kind = _kind_of(line)
        if line_kind == "empty":
            gap += 1
            continue
        if line_kind == "tab":
            fields = line.rstrip(" ").split("\t")
            tokens = [_cell(f.strip(), Where(line=number, col=j + 1)) for j, f in enumerate(fields)]
            lines.append(Line(tokens, structured=True, where=Where(line=number)))
            previous_plain = False
        elif line_kind == "pipe":
            lines.append(_pipe_line(line, number))
            previous_plain = False
        else:
            where = Where(line=number)
            if blank_cells and previous_plain and gap == 0:
                last = lines[-1].tokens[-1]
                lines[-1].tokens[-1] = Token(f"{last.text}\n{line.strip()}", last.where)
            else:
                if blank_cells and previous_plain and gap > 1:
                    for k in range(gap - 1):
                        blank_where = Where(line=number - gap + k)
                        lines.append(Line([Token("", blank_where, BLANK)], False, blank_where))
                lines.append(Line([Token(line.strip(), where)], structured=False, where=where))
            previous_plain = True
        gap = 0
    return Source(kind, lines, metadata)


def _read_decoded(data: bytes, kind: str) -> Source:
    decoded = decode_text(data)
    source = read_text(decoded.text.lstrip("\ufeff"), kind)
    source.encoding = decoded.encoding
    return source


def read_txt(data: bytes) -> Source:
    return _read_decoded(data, "txt")


def read_markdown(data: bytes) -> Source:
    return _read_decoded(data, "md")
