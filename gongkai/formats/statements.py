"""Numbers a report states in its text (§一, §五, §六), and what each of them is about.

    find_claims(fmt, sections) -> list[Claim]

A claim is one figure of a sentence bound to a target: the §二–§四 cells it must equal (their sum, when a
sentence speaks of a group such as 不予公开), or a fact from the records (公文 counts, items by category,
fees collected). Rule A9 compares the two; this module only reads the text.

Reading is deliberately conservative: a figure is claimed only where the sentence leaves no doubt what it
counts (a 公文 sentence is never read as an application count, 因申请引起的复议 never as "no application").
A wrong claim would be a false warning on a correct report, which is worse than a missed one.

Cell labels come from the format declaration; only the words around them (收到…申请…件) live here.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from gongkai.formats.declaration import ReportFormat

# Sections whose text is prose (the tables of 二–四 are cells, not claims).
PROSE_SECTIONS = ("一", "五", "六")

DIGITS = "零〇一二两三四五六七八九"
CHINESE_NUMBER = f"[{DIGITS}十百千万]+"
NUM = rf"(?P<num>\d[\d,，]*(?:\.\d+)?|{CHINESE_NUMBER})"
COUNT_UNIT = r"\s*(?:件|个|条|起|宗|份|项|篇)"
# Filler between a keyword and its figure: no digits, no clause break.
GAP = r"[^\d。；;，,、！？\n]{0,16}?"
SENTENCE_END = re.compile(r"[。！？\n]")
# A sentence's clauses: what a clause does not say of its subject (申请, 复议) it takes from its sentence.
CLAUSE_END = re.compile(r"[；;]")


@dataclass(frozen=True)
class Target:
    """What a stated figure must equal: the sum of `cells`, or the record fact `fact`.

    `alternatives`: other sums the same words may mean (收到 75 件 may count 新收 alone, or 新收 and
    上年结转 together); the figure agrees when it equals `cells` or any of them.
    """

    label: str
    cells: tuple[str, ...] = ()
    fact: tuple[str, ...] = ()  # a path into the facts dict, e.g. ("items_by_category", "机构设置")
    alternatives: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Claim:
    section: str
    start: int  # offsets of the figure's sentence in the section text
    end: int
    quote: str
    value: int | Decimal
    target: Target

    def where(self) -> dict:
        return {"section": self.section, "start": self.start, "end": self.end, "quote": self.quote}


def chinese_to_int(text: str) -> int:
    """一百零五 → 105, 两 → 2, 十二 → 12; digit strings such as 二〇二〇 read digit by digit."""
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    units = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    if not any(c in units for c in text):
        return int("".join(str(values[c]) for c in text))
    total, section, digit = 0, 0, 0
    for char in text:
        if char in values:
            digit = values[char]
        elif char == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            section += (digit or 1) * units[char]
            digit = 0
    return total + section + digit


def read_number(text: str) -> int | Decimal:
    text = text.replace(",", "").replace("，", "")
    if text[0].isdigit():
        return Decimal(text) if "." in text else int(text)
    return chinese_to_int(text)


def _sentences(text: str):
    """(start, end, sentence) for each sentence of a section's text."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start(), text[start : match.start()]
        start = match.end()
    if start < len(text):
        yield start, len(text), text[start:]


def _clauses(sentence: str) -> list[str]:
    return [c for c in CLAUSE_END.split(sentence) if c.strip()]


class _Targets:
    """The targets of one format, named by what the text speaks of, built from the declaration."""

    def __init__(self, fmt: ReportFormat):
        s3, s4 = fmt.section3, fmt.section4

        def rows(*keys):
            return tuple(s3.total(k) for k in keys)

        def group(key):
            return Target(s3.outcome_group(key).title, rows(*(r.key for r in s3.rows_of(key))))

        def s3_row(key):
            return Target(s3.row(key).label, rows(key))

        received = s3_row(s3.new_received_row)
        self.carried_over = s3_row(s3.carried_over_row)
        # 收到 N 件 may count this year's applications alone or with those carried over from last year.
        self.new_received = Target(
            received.label, received.cells, alternatives=(received.cells + self.carried_over.cells,)
        )
        self.carried_forward = s3_row(s3.carried_forward_row)
        self.settled = s3_row(s3.total_row)
        self.granted = s3_row("granted")
        self.partially_granted = s3_row("partially_granted")
        self.denied = group("denied")
        self.unable = group("unable")
        self.rejected = group("rejected")
        self.other = group("other")

        def appeal(key):
            title = s4.group(key).title
            total = s4.column(s4.total_column).label
            return Target(f"{title}{total}", tuple(s4.total(b) for b in s4.blocks_of(key))), title

        self.review, self.review_word = appeal("review")
        self.litigation, self.litigation_word = appeal("litigation")

        # 均获维持: every case upheld, so none corrected and none still pending.
        not_upheld = [c for c in s4.columns if c.key in ("corrected", "pending")]
        words = "与".join(c.label for c in not_upheld)

        def all_upheld(key):
            cells = tuple(s4.address(b, c) for b in s4.blocks_of(key) for c in not_upheld)
            return Target(f"{s4.group(key).title}均获维持，即{words}之和", cells)

        self.review_upheld = all_upheld("review")
        self.litigation_upheld = all_upheld("litigation")

        # §二 rows with a 处理决定数量 column: 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制.
        self.decisions: dict[str, Target] = {}
        for block in fmt.section2.blocks:
            for col in block.columns:
                if col.key == "decisions":
                    for row in block.rows:
                        self.decisions[row.label] = Target(
                            f"{row.label}{col.label}", (block.address(row, col),)
                        )


def _facts_target(label: str, *path: str) -> Target:
    return Target(label, fact=path)


DOCUMENTS_ISSUED = _facts_target("制发公文件数", "documents_issued")
DOCUMENTS_PROACTIVE = _facts_target("主动公开公文件数", "documents_proactive")
DOCUMENTS_NOT_PUBLIC = _facts_target("不公开公文件数", "documents_not_public")
FEES_COLLECTED = _facts_target("收取的信息处理费（元）", "fees_collected")

APPLICATION_TOPIC = re.compile(r"依申请公开|信息公开申请|公开申请")
NEGATION = re.compile(r"未(?!经)|没有|无(?=依申请|政府信息公开申请|信息公开申请|行政复议|行政诉讼)")
ALL_ZERO = re.compile(r"均(?:为\s*(?:0|零)|无|未)")


def _count(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace("NUM", NUM) + COUNT_UNIT)


DOCUMENT_PATTERNS = (
    (_count(r"公文GAP\s*NUM".replace("GAP", r"[^\d。；;，,、]{0,4}?")), DOCUMENTS_ISSUED),
    (_count(r"主动公开(?:的)?\s*NUM"), DOCUMENTS_PROACTIVE),
    (_count(r"(?:不予公开|不公开)(?:的)?\s*NUM"), DOCUMENTS_NOT_PUBLIC),
)

# (pattern, name of the _Targets attribute)
APPLICATION_PATTERNS = (
    (_count(rf"(?:收到|受理|接收|接到|新收){GAP}申请{GAP}\s*NUM"), "new_received"),
    (_count(rf"上年结转{GAP}\s*NUM"), "carried_over"),
    (_count(rf"结转(?:至)?下(?:一)?年度?{GAP}\s*NUM"), "carried_forward"),
    (_count(rf"办结{GAP}\s*NUM"), "settled"),
    (_count(r"(?<!不)予以公开\s*NUM"), "granted"),
    (_count(r"部分公开\s*NUM"), "partially_granted"),
    (_count(r"不予公开\s*NUM"), "denied"),
    (_count(r"无法提供\s*NUM"), "unable"),
    (_count(r"不予处理\s*NUM"), "rejected"),
    (_count(r"其他处理\s*NUM"), "other"),
)

# The outcome categories a sentence may name together (“予以公开及部分公开258件”), by their words.
CATEGORY_WORDS = {
    "予以公开": "granted",
    "部分公开": "partially_granted",
    "不予公开": "denied",
    "无法提供": "unable",
    "不予处理": "rejected",
    "其他处理": "other",
}
_CATEGORY = "|".join(CATEGORY_WORDS)
COMBINED_CATEGORIES = _count(
    rf"(?P<cats>(?:{_CATEGORY})(?:\s*(?:及|和|与|、|以及|或)\s*(?:{_CATEGORY}))+)(?:的)?\s*(?:共|合计|计)?\s*NUM"
)
ALL_UPHELD = re.compile(r"均(?:获|被|予以|得到|已|为)?\s*(?:维持|支持)")

APPEAL_PATTERNS = (
    (_count(r"行政复议(?:案件|申请)?\s*(?:共|计)?\s*NUM"), "review"),
    (_count(r"行政诉讼(?:案件)?\s*(?:共|计)?\s*NUM"), "litigation"),
)

DECISION_FIGURE = re.compile(rf"(?:处理)?决定(?:数量|数)?(?:为|共|计)?\s*{NUM}")
FEE_AMOUNT = re.compile(rf"信息处理费{GAP}\s*{NUM}\s*元")
NO_FEE = re.compile(
    r"(?:未|没有|不)(?:收取|产生|发生)[^。；;，,]{0,8}?信息处理费|信息处理费[^。；;，,\d]{0,6}?(?:为\s*(?:0|零)|均未)"
)
# Any way of saying no fee was charged, with or without the word 信息处理费 (rule A10).
NO_CHARGE = re.compile(
    r"(?:未|没有|无|不|均未|并未)\s*(?:发生|产生|收取|收|出现|涉及)?\s*(?:任何)?(?:的)?(?:收费|费用|信息处理费)"
    r"|(?:收费|费用|信息处理费)[^。；;，,\d]{0,8}?(?:为\s*(?:0|零)|均未|情况[^。；;，,]{0,4}?无)"
    r"|零收费|免费"
)


def speaks_of_fees(text: str) -> bool:
    """§六 accounts for 信息处理费: it names the fee, or says in any words that nothing was charged."""
    return "信息处理费" in text or bool(NO_CHARGE.search(text))


def find_claims(fmt: ReportFormat, sections: dict[str, str], categories=()) -> list[Claim]:
    """Every figure the prose sections state about a cell or fact; `categories` are item category names."""
    targets = _Targets(fmt)
    claims: list[Claim] = []
    for number in PROSE_SECTIONS:
        text = sections.get(number) or ""
        for start, end, sentence in _sentences(text):
            found = []
            for clause in _clauses(sentence):
                found += _sentence_claims(clause, targets, categories, sentence)
            claims.extend(
                Claim(number, start, end, sentence.strip(), value, target) for value, target in _unique(found)
            )
    return claims


def _combined(clause: str, targets: _Targets) -> tuple[list[tuple], list[tuple[int, int]]]:
    """Figures stated for several outcome categories together, compared with their sum; and their spans."""
    found, spans = [], []
    for match in COMBINED_CATEGORIES.finditer(clause):
        named = [t for word, t in CATEGORY_WORDS.items() if word in match["cats"]]
        if len(named) < 2:
            continue
        parts = [getattr(targets, name) for name in named]
        cells = tuple(c for part in parts for c in part.cells)
        label = "与".join(part.label for part in parts) + "之和"
        found.append((read_number(match["num"]), Target(label, cells)))
        spans.append(match.span())
    return found, spans


def _all_upheld(clause: str, sentence: str, targets: _Targets) -> list[tuple]:
    """均获维持 said of 复议 or 诉讼 (named in the clause, or else in its sentence): nothing corrected or pending."""
    if not ALL_UPHELD.search(clause) or re.search(r"(?:未|没有|无)(?:发生|收到)?[^，,]{0,6}?行政", clause):
        return []
    about = clause if re.search(r"复议|诉讼", clause) else sentence
    found = []
    if "复议" in about:
        found.append((0, targets.review_upheld))
    if "诉讼" in about:
        found.append((0, targets.litigation_upheld))
    return found


def _sentence_claims(clause: str, targets: _Targets, categories, sentence: str = "") -> list[tuple]:
    """The claims of one clause; `sentence` (the whole sentence) lends it the subject it leaves out."""
    sentence = sentence or clause
    found: list[tuple] = []
    combined, spans = ([], [])

    def add_all(patterns, resolve):
        for pattern, name in patterns:
            for match in pattern.finditer(clause):
                if any(a <= match.start() < b for a, b in spans):
                    continue  # part of a figure stated for several categories together
                found.append((read_number(match["num"]), resolve(name)))

    if "公文" in clause:
        add_all(DOCUMENT_PATTERNS, lambda target: target)
    elif "申请" in clause or ("申请" in sentence and "公文" not in sentence):
        combined, spans = _combined(clause, targets)
        found.extend(combined)
        add_all(APPLICATION_PATTERNS, lambda name: getattr(targets, name))
    if targets.review_word in clause or targets.litigation_word in clause:
        add_all(APPEAL_PATTERNS, lambda name: getattr(targets, name))
    found.extend(_all_upheld(clause, sentence, targets))
    found.extend(_negations(clause, targets))
    found.extend(_decisions(clause, targets))
    for name in categories:
        for match in re.finditer(re.escape(name) + rf"\s*{NUM}\s*(?:条|件|篇|项)", clause):
            found.append(
                (read_number(match["num"]), _facts_target(f"{name}信息条数", "items_by_category", name))
            )
    for match in FEE_AMOUNT.finditer(clause):
        found.append((read_number(match["num"]), FEES_COLLECTED))
    if NO_FEE.search(clause):
        found.append((0, FEES_COLLECTED))
    return _unique(found)


def _negations(sentence: str, targets: _Targets) -> list[tuple]:
    """未发生依申请公开和行政复议、行政诉讼 → each topic named after the negation is 0.

    A clause with a figure in it is left to the counting patterns; 因…申请引起的复议 denies the 复议 only.
    """
    found = []
    for clause in re.split(r"[，,]", sentence):
        cue = NEGATION.search(clause)
        if cue is None or re.search(r"\d", clause):
            continue
        rest = clause[cue.start() :]
        topic = APPLICATION_TOPIC.search(rest)
        if topic and "因" not in rest[: topic.start()]:
            found.append((0, targets.new_received))
        if targets.review_word in rest:
            found.append((0, targets.review))
        if targets.litigation_word in rest:
            found.append((0, targets.litigation))
    return found


def _decisions(sentence: str, targets: _Targets) -> list[tuple]:
    """§二 处理决定数量: "行政许可、行政处罚…处理决定数量均为 0", or one row with its figure."""
    if "决定" not in sentence:
        return []
    named = [label for label in targets.decisions if label in sentence]
    if not named:
        return []
    if len(named) > 1 or ALL_ZERO.search(sentence):
        same = re.search(rf"均为\s*{NUM}", sentence)
        if not same and not ALL_ZERO.search(sentence):
            return []
        value = read_number(same["num"]) if same else 0
        return [(value, targets.decisions[label]) for label in named]
    figure = DECISION_FIGURE.search(sentence)
    return [(read_number(figure["num"]), targets.decisions[named[0]])] if figure else []


def _unique(found: list[tuple]) -> list[tuple]:
    seen, out = set(), []
    for value, target in found:
        if (value, target) not in seen:
            seen.add((value, target))
            out.append((value, target))
    return out
