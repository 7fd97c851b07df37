"""Which agency, which year and which template a report is: from its title, its text and its labels.

The template is judged from the labels the file shows, against every declared format (a label only
one format has counts for it). The year says which template the report should have used; when the
labels say otherwise, the report is read on the template it was filled in on, and flagged.
"""

import re
from collections import Counter
from dataclasses import dataclass

from gongkai.formats import all_formats, format_for_year
from gongkai.formats.declaration import ReportFormat
from gongkai.importer.hanzi import simplify
from gongkai.importer.labels import distinctive_labels
from gongkai.importer.source import CELL, Line
from gongkai.importer.text import matches_label, normalize

_REPORT = r"政府信息公开(?:工作)?(?:年度)?(?:报告|年报)"
TITLE_PATTERNS = (
    re.compile(rf"^(?P<agency>.{{2,40}}?)(?:关于)?(?P<year>20\d\d)年度?{_REPORT}"),
    re.compile(rf"^(?P<year>20\d\d)年度?(?P<agency>.{{2,40}}?){_REPORT}"),
    re.compile(r"^(?P<agency>.{2,40}?)关于(?P<year>20\d\d)年度?政府信息公开(?:工作)?情况的报告"),
)
_COMPILED_BY = re.compile(r"由(?P<agency>[^，,。()（）《》\s]{2,40}?)(?:负责)?编制")
_PERIOD = re.compile(r"统计(?:期限|时限|时间|期)?(?:为|是|限)?(?:自|从)?(?P<year>20\d\d)年\s*1\s*月\s*1\s*日")
_YEAR_REPORT = re.compile(r"(?P<year>20\d\d)\s*年度?(?:政府信息公开|报告|年报)")
_NOT_AGENCY = re.compile(r"[，。,:：；;！!？?“”\"]|^(?:关于|本|我)")
TITLE_LINES = 15


@dataclass(frozen=True)
class Identity:
    agency: str
    year: int | None
    title_line: int | None  # index of the Line holding the title, if found


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", simplify(text))


def _candidate_lines(lines: list[Line]) -> list[tuple[int, str]]:
    out = []
    for li, line in enumerate(lines[: TITLE_LINES * 3]):
        if line.structured or not line.tokens or line.tokens[0].kind != CELL:
            continue
        for part in line.tokens[0].text.split("\n"):
            if part.strip():
                out.append((li, _compact(part)))
        if len(out) >= TITLE_LINES:
            break
    return out


def _from_title(lines: list[Line]) -> Identity | None:
    candidates = _candidate_lines(lines)
    # A title may wrap (PDF): try each line and each line joined with the next.
    tries = [(li, text) for li, text in candidates]
    tries += [(a[0], a[1] + b[1]) for a, b in zip(candidates, candidates[1:], strict=False)]
    for li, text in tries:
        for pattern in TITLE_PATTERNS:
            match = pattern.match(text)
            if match and not _NOT_AGENCY.search(match["agency"]):
                return Identity(match["agency"], int(match["year"]), li)
    return None


def _agency_from_text(text: str) -> str:
    match = _COMPILED_BY.search(text)
    return match["agency"] if match else ""


def _year_from_text(text: str) -> int | None:
    for pattern in (_PERIOD, _YEAR_REPORT):
        match = pattern.search(text)
        if match:
            return int(match["year"])
    years = Counter(re.findall(r"(20\d\d)\s*年", text))
    return int(years.most_common(1)[0][0]) if years else None


def _clean_agency(name: str) -> str:
    """A header's agency note such as “某区统计局（区名未出现在所得文本中）” keeps only the name."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", name.strip()).strip()


def identify(lines: list[Line], metadata: dict[str, str]) -> Identity:
    title = _from_title(lines)
    text = _compact("\n".join(line.text for line in lines[:200]))
    agency = _clean_agency(simplify(metadata.get("agency", ""))) or (title.agency if title else "")
    agency = agency or _agency_from_text(text)
    year_text = metadata.get("report_year", "")
    year = int(year_text) if year_text.isdigit() else (title.year if title else None)
    year = year or _year_from_text(text)
    return Identity(agency, year, title.title_line if title else None)


@dataclass(frozen=True)
class Detection:
    format: ReportFormat  # the template the tables are read with
    expected: ReportFormat | None  # the template the year calls for
    scores: dict[str, int]  # version → distinctive labels seen

    @property
    def mismatch(self) -> bool:
        return self.expected is not None and self.expected.version != self.format.version


def detect_format(lines: list[Line], year: int | None) -> Detection:
    texts = {
        normalize(t.text)
        for line in lines
        for t in line.tokens
        if t.kind == CELL and len(t.text) <= 80 and t.text.strip()
    }
    scores = {}
    for fmt in all_formats():
        labels = distinctive_labels(fmt)
        scores[fmt.version] = sum(any(matches_label(t, label) for t in texts) for label in labels)
    expected = None
    if year is not None:
        try:
            expected = format_for_year(year)
        except ValueError:
            expected = None
    best = max(scores.values())
    if best == 0:
        chosen = expected or all_formats()[-1]
    else:
        leaders = [f for f in all_formats() if scores[f.version] == best]
        chosen = expected if expected in leaders else leaders[-1]
    return Detection(chosen, expected, scores)
