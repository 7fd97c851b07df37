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
# What an agency's name ends with; a name must end so, or it is a clause, not a name.
AGENCY_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|政府办公厅|政府办公室|政府|办公厅|办公室|委员会|管理委员会|管委会"
    r"|街道办事处|办事处|分局|局|委|厅|署|院|中心|站|所|队|处|会|社|馆|公司)"
)
PLACE_END = r"(?:省|自治区|市|自治州|州|盟|县|自治县|旗|区|镇|乡|街道)"
TITLE_PATTERNS = (
    re.compile(rf"^(?P<agency>.{{2,40}}?)(?:关于)?(?P<year>20\d\d)年度?{_REPORT}"),
    re.compile(rf"^(?P<year>20\d\d)年度?(?P<agency>.{{2,40}}?){_REPORT}"),
    re.compile(r"^(?P<agency>.{2,40}?)关于(?P<year>20\d\d)年度?政府信息公开(?:工作)?情况的报告"),
)
# 现将北坡镇2022年政府信息公开工作年度报告进行公开 / 现公布区统计局2023年…年度报告
_ANNOUNCED = re.compile(
    rf"(?:现将|现予|现公布|现发布|特发布|现向社会公布|公布)(?P<agency>[^，。,；;《》()（）]{{2,40}}?)(?P<year>20\d\d)年度?{_REPORT}"
)
_COMPILED_BY = re.compile(r"由(?P<agency>[^，,。()（）《》\s]{2,40}?)(?:负责)?(?:编制|发布)")
_CONTACT = re.compile(
    r"(?:请与|请联系|联系单位[：:]?|联系机构[：:]?|受理机构[：:]?)(?P<agency>[^，,。()（）《》\s：:]{2,40}?)(?:联系|办公室联系|，|,|。|$)"
)
_SIGNED = re.compile(
    r"^(?P<agency>[^，,。；;：:《》\s\d]{4,40}?)\s*(?:20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?$"
)
_PERIOD = re.compile(r"统计(?:期限|时限|时间|期)?(?:为|是|限)?(?:自|从)?(?P<year>20\d\d)年\s*1\s*月\s*1\s*日")
_YEAR_REPORT = re.compile(r"(?P<year>20\d\d)\s*年度?(?:政府信息公开|报告|年报)")
_NOT_AGENCY = re.compile(
    r"[，。,:：；;！!？?“”\"《》]|^(?:关于|本|我|按照|根据|依据|依照|为|现将|对|在|经|据)"
)
# A page header or footer glued to a line by text extraction: “Page8-”, “第 3 页 共 8 页”, “- 2 -”.
_PAGE_MARK = re.compile(
    r"^(?:Page\s*\d+\s*[-—–_:：]?|第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?|[-—–]\s*\d+\s*[-—–])\s*", re.I
)
TITLE_LINES = 15
SIGNATURE_LINES = 12


@dataclass(frozen=True)
class Identity:
    agency: str
    year: int | None
    title_line: int | None  # index of the Line holding the title, if found
    # What a person should know: (rule, message) — a doubtful agency with its candidates, a year the
    # report's own words disagree on.
    notes: tuple[tuple[str, str], ...] = ()


def _compact(text: str) -> str:
    return _PAGE_MARK.sub("", re.sub(r"\s+", "", simplify(text)))


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


def agency_name(text: str) -> tuple[str, bool]:
    """(name, certain) from the words before a title's year: “” when they are a clause, not a name.

    A place alone (北坡镇) names its people's government, which is said but not certain; “上海市政府” is
    kept whole.
    """
    text = re.sub(r"(?:关于|年度|的)$", "", text.strip().lstrip("•·●○■□◆*-—－_ "))
    # 请与乐清市民政局办公室联系: the office named for contact is the agency's own, not the agency.
    text = re.sub(r"(?<=[局委厅院署])(?:办公室|政务公开办公室|政务公开办|信息公开办)$", "", text)
    if not text or _NOT_AGENCY.search(text) or re.search(r"^\d|20\d\d", text):
        return "", False
    if re.fullmatch(rf".{{1,38}}{AGENCY_END}", text):
        return text, not re.match(r"^(?:区|县|市|镇|乡|省)(?!委|政府)", text)
    if re.fullmatch(rf".{{1,20}}{PLACE_END}", text):
        return f"{text}人民政府", False
    return "", False


def _from_title(lines: list[Line]) -> tuple[Identity | None, list[tuple[str, str]]]:
    """The title's agency and year; and candidates (source, name) the title offers but does not settle."""
    candidates = _candidate_lines(lines)
    # A title may wrap (PDF): try each line and each line joined with the next.
    tries = [(li, text) for li, text in candidates]
    tries += [(a[0], a[1] + b[1]) for a, b in zip(candidates, candidates[1:], strict=False)]
    doubtful = []
    for li, text in tries:
        for pattern in TITLE_PATTERNS:
            match = pattern.match(text)
            if not match:
                continue
            name = match["agency"]
            if text[match.end("agency") :].startswith("政府信息公开") and re.search(f"{PLACE_END}$", name):
                name += "政府"  # 上海市政府信息公开工作年度报告: the 政府 belongs to the name
            agency, certain = agency_name(name)
            if agency and certain:
                return Identity(agency, int(match["year"]), li), doubtful
            if agency:
                doubtful.append(("标题", agency))
            elif not _NOT_AGENCY.search(match["agency"]) and not doubtful:
                return Identity("", int(match["year"]), li), doubtful
    return None, doubtful


def _named_in_text(lines: list[Line]) -> list[tuple[str, str, bool]]:
    """(where, name, certain) for each agency name the report's sentences and 落款 give."""
    head = _compact("\n".join(line.text for line in lines[:200]))
    found = []
    for pattern, where in ((_ANNOUNCED, "开头的说明"), (_COMPILED_BY, "编制说明")):
        for match in pattern.finditer(head):
            name, certain = agency_name(match["agency"])
            if name:
                found.append((where, name, certain))
    texts = [line.text for line in lines if not line.structured]
    tail = _compact("\n".join(texts[-SIGNATURE_LINES * 3 :]))
    for match in _CONTACT.finditer(tail):
        name, certain = agency_name(match["agency"])
        if name:
            found.append(("联系方式", name, certain))
    last = [_compact(t) for t in texts[-SIGNATURE_LINES:]]
    for i in range(len(last) - 1, -1, -1):
        match = _SIGNED.match(last[i])
        dated = re.search(r"20\d\d年\d{1,2}月\d{1,2}日$", last[i]) or (
            i + 1 < len(last) and re.fullmatch(r"20\d\d年\d{1,2}月\d{1,2}日", last[i + 1])
        )
        if match and dated and re.search(f"{AGENCY_END}$", match["agency"]):
            name, certain = agency_name(match["agency"])
            if name:
                found.append(("落款", name, certain))
                break
    return found


def _year_from_text(text: str) -> tuple[int | None, int | None]:
    """(the year the report says it is about, the year its statistical period starts), from its text."""
    period = _PERIOD.search(text)
    period_year = int(period["year"]) if period else None
    for pattern in (_ANNOUNCED, _YEAR_REPORT):
        match = pattern.search(text)
        if match:
            return int(match["year"]), period_year
    if period_year:
        return period_year, period_year
    years = Counter(re.findall(r"(20\d\d)\s*年", text))
    return (int(years.most_common(1)[0][0]) if years else None), None


def _clean_agency(name: str) -> str:
    """A header's agency note such as “某区统计局（区名未出现在所得文本中）” keeps only the name."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", name.strip()).strip()


def _same(a: str, b: str) -> bool:
    a, b = (re.sub("管理委员会", "管委会", x) for x in (a, b))
    return a in b or b in a


def identify(lines: list[Line], metadata: dict[str, str]) -> Identity:
    """Agency and year from a collector's header, else from the report's own words: the title first, then
    the opening statement, the compiler, the contact sentence and the 落款. A name that is only inferred, or
    that the report's own words disagree on, is given with a note naming every candidate."""
    title, doubtful = _from_title(lines)
    text = _compact("\n".join(line.text for line in lines[:200]))
    notes = []
    header_agency = _clean_agency(simplify(metadata.get("agency", "")))
    named = _named_in_text(lines)
    agency = header_agency or (title.agency if title else "")
    if not agency:
        candidates = [(w, n) for w, n, _ in named] + doubtful
        certain = [(w, n) for w, n, c in named if c]
        # A place's people's government (北坡镇 → 北坡镇人民政府) is taken, flagged; a bare “区统计局” is not.
        inferred = [(w, n) for w, n, c in named if not c and not re.match(r"^(?:区|县|市|镇|乡|省)", n)]
        if certain:
            agency = certain[0][1]
        elif inferred:
            agency = inferred[0][1]
        others = {n for _, n in candidates if not _same(n, agency)} if agency else {n for _, n in candidates}
        if candidates and (others or not certain or agency not in {n for _, n in certain}):
            listed = "；".join(f"{w}：{n}" for w, n in candidates)
            verdict = f"按“{agency}”读取，请核对" if agency else "未采用，请填写或选择机关"
            notes.append(("import.agency", f"报告中的机关名称不确定（{listed}），{verdict}"))
    elif not header_agency and title:
        disagree = [(w, n) for w, n, c in named if c and not _same(n, agency)]
        if disagree:
            listed = "；".join(f"{w}：{n}" for w, n in disagree)
            notes.append(
                ("import.agency", f"标题中的机关为“{agency}”，而报告中另有 {listed}；按标题读取，请核对")
            )
    year_text = metadata.get("report_year", "")
    stated, period = _year_from_text(text)
    if year_text.isdigit():
        year = int(year_text)
    elif title and title.year:
        year = title.year
    else:
        year = stated
    if year and period and period != year and not year_text.isdigit():
        notes.append(
            (
                "import.year",
                f"报告称为 {year} 年度，而正文所写统计期限从 {period} 年 1 月 1 日起；按 {year} 年度读取，请核对",
            )
        )
    return Identity(agency, year, title.title_line if title else None, tuple(notes))


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
