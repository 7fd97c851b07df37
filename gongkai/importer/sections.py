"""The six sections of a report as text: found by their headings, tables left out.

A heading is a numeral (一 … 六), “、”, and a title close to the declared one (or a declared
variant). Numbering that restarts inside a section (the seed's §一 has its own 一、二、三) is not
a heading: the title does not match, and sections only go forward.
"""

import re
from dataclasses import dataclass

from gongkai.formats.declaration import SECTION_NUMBERS, ReportFormat
from gongkai.importer.source import CELL, Line, Where
from gongkai.importer.text import normalize, similarity

_TITLE_WORDS = re.compile(r"[^\s。]{1,40}")
_HEADING = re.compile(r"(?:^|(?<=\s))([一二三四五六])\s*、\s*")
# How close a heading's title must be to a declared title; published titles vary in wording
# (因政府信息公开申请行政复议和提起行政诉讼的情况 for 政府信息公开行政复议、行政诉讼情况).
MIN_TITLE_SIMILARITY = 0.6


@dataclass(frozen=True)
class Heading:
    number: str
    line: int  # index of the Line
    offset: int  # where the heading starts in the line's text
    end: int  # where the text after the heading starts
    where: Where


def _titles(fmt: ReportFormat) -> dict[str, list[str]]:
    titles = {n: [normalize(t)] for n, t in fmt.section_titles}
    for n, t in fmt.title_variants:
        titles[n].append(normalize(t))
    return titles


def _title_at(text: str) -> str:
    """The words after “二、”: up to the first space or sentence end, at most 40 characters."""
    match = _TITLE_WORDS.match(text)
    return match.group(0) if match else ""


def _is_title(candidate: str, titles: list[str]) -> bool:
    norm = normalize(candidate)
    if not norm:
        return False
    for title in titles:
        if title in norm and len(norm) <= len(title) + 12:
            return True
        if similarity(norm, title) >= MIN_TITLE_SIMILARITY:
            return True
    return False


def find_headings(lines: list[Line], fmt: ReportFormat) -> list[Heading]:
    titles = _titles(fmt)
    found: list[Heading] = []
    for li, line in enumerate(lines):
        if line.structured or not line.tokens or line.tokens[0].kind != CELL:
            continue
        text = line.tokens[0].text
        for match in _HEADING.finditer(text):
            number = match.group(1)
            if found and SECTION_NUMBERS.index(number) <= SECTION_NUMBERS.index(found[-1].number):
                continue
            title = _title_at(text[match.end() :])
            if _is_title(title, titles[number]):
                found.append(Heading(number, li, match.start(), match.end() + len(title), line.where))
    return found


def split_sections(
    lines: list[Line], headings: list[Heading], table_lines: set[int], skip: set[int]
) -> tuple[str, dict[str, str]]:
    """The preamble (before §一) and each found section's text, without the lines of tables.

    `skip`: lines that are not narrative (the title, a page's navigation).
    """

    def text_of(li: int) -> str:
        line = lines[li]
        if li in skip or line.structured or not line.tokens or line.tokens[0].kind != CELL:
            return ""
        return line.tokens[0].text

    first_line = headings[0].line if headings else len(lines)
    parts = [text_of(li) for li in range(first_line) if li not in table_lines]
    if headings:
        parts.append(text_of(first_line)[: headings[0].offset])
    preamble = _join(parts)
    sections = {}
    for i, heading in enumerate(headings):
        following = headings[i + 1] if i + 1 < len(headings) else None
        own = text_of(heading.line)
        if following is not None and following.line == heading.line:
            sections[heading.number] = _join([own[heading.end : following.offset]])
            continue
        end = following.line if following is not None else len(lines)
        in_table = [li for li in range(heading.line + 1, end) if li in table_lines]
        span = range(min(in_table), max(in_table) + 1) if in_table else range(0)
        parts = [own[heading.end :]]
        parts += [text_of(li) for li in range(heading.line + 1, end) if li not in span]
        if following is not None:
            parts.append(text_of(following.line)[: following.offset])
        sections[heading.number] = _join(parts)
    return preamble, sections


def _join(parts: list[str]) -> str:
    return "\n".join(p.strip() for p in parts if p.strip())
