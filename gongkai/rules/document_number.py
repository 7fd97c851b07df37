"""发文字号 (document number) checks, GB/T 9704-2012 §7.2.5 (docs/law.md §9.2).

A document number is 发文机关代字 + 〔年份〕 + 发文顺序号 + 号, e.g. 国办发明电〔2025〕7号: the year in full inside
六角括号 〔 〕 (U+3014/U+3015), the sequence number without 第 and without leading zeros. Orders (令) keep
their own numbering, e.g. 中华人民共和国国务院令第711号.

Public API:
    DocumentNumber(issuer, year, sequence)      a parsed number (year is None for 令 numbering)
    parse_document_number(text) -> DocumentNumber   raises ValueError with a Chinese reason
    validate_document_number(text) -> None          the same check, for form and model validators
    normalise_document_number(text) -> str | None   the corrected form of legacy input, if there is one
    document_years(text) -> set[int]                the years written in brackets (for search by 文号 year)
    year_markers(year) -> list[str]                 those bracketed forms of one year
"""

import re
from typing import NamedTuple

STANDARD = re.compile(r"^(.+?)〔(\d{4})〕([1-9]\d*)号$")
ORDER = re.compile(r"^(.*令)\s*第([1-9]\d*)号$")
# Year brackets seen in legacy input: [ ], ［ ］, 【 】, ( ), （ ）, 〈 〉 and the look-alike 〔 written as [ .
LEGACY = re.compile(r"^(.+?)\s*[\[［【(（〈﹝]\s*(\d{4})\s*[\]］】)）〉﹞]\s*第?0*([1-9]\d*)\s*号$")
LOOSE_STANDARD = re.compile(r"^(.+?)\s*〔\s*(\d{4})\s*〕\s*第?0*([1-9]\d*)\s*号$")


class DocumentNumber(NamedTuple):
    issuer: str
    year: int | None
    sequence: int


def parse_document_number(text: str) -> DocumentNumber:
    """Parse a 发文字号, or raise ValueError saying what is wrong (and the corrected form when known)."""
    if text is not None and not isinstance(text, str):
        raise ValueError("发文字号必须是字符串")
    text = (text or "").strip()
    if not text:
        raise ValueError("发文字号不能为空")
    if m := STANDARD.match(text):
        return DocumentNumber(m.group(1), int(m.group(2)), int(m.group(3)))
    if m := ORDER.match(text):
        return DocumentNumber(m.group(1), None, int(m.group(2)))
    suggestion = normalise_document_number(text)
    hint = f"，应写作“{suggestion}”" if suggestion else ""
    if "〔" not in text and LEGACY.match(text):
        raise ValueError(f"发文字号的年份应使用六角括号〔〕{hint}")
    if LOOSE_STANDARD.match(text):
        raise ValueError(f"发文字号的顺序号不加“第”、不编虚位（不加前导零）{hint}")
    raise ValueError(
        "发文字号格式应为“发文机关代字〔年份〕顺序号号”，如“国办发明电〔2025〕7号”；命令编号如“国务院令第711号”"
    )


def validate_document_number(text: str) -> None:
    """Raise ValueError with a Chinese reason if `text` is not a well-formed 发文字号."""
    parse_document_number(text)


def normalise_document_number(text: str) -> str | None:
    """The standard form of a legacy or sloppy number (brackets, 第, leading zeros, spaces); None if unknown."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    for pattern in (LOOSE_STANDARD, LEGACY):
        if m := pattern.match(text):
            return f"{m.group(1).strip()}〔{m.group(2)}〕{m.group(3)}号"
    return None


# The year brackets a 文号 is written with, standard first; a 文号 year is the four digits directly inside
# one matching pair. Searching by 文号 year reads exactly these, in the index and in the database alike.
YEAR_BRACKETS = (
    ("〔", "〕"),
    ("[", "]"),
    ("［", "］"),
    ("【", "】"),
    ("(", ")"),
    ("（", "）"),
    ("〈", "〉"),
    ("﹝", "﹞"),
)
_YEAR_IN_BRACKETS = [
    re.compile(re.escape(opening) + r"(\d{4})" + re.escape(closing)) for opening, closing in YEAR_BRACKETS
]


def document_years(text: str) -> set[int]:
    """The years written in brackets in a 文号 (国办发〔2019〕19号 → {2019}); empty if it has none."""
    if not isinstance(text, str):
        return set()
    return {int(year) for pattern in _YEAR_IN_BRACKETS for year in pattern.findall(text)}


def year_markers(year: int) -> list[str]:
    """The bracketed forms of `year` that document_years reads: what a 文号 containing one is filed under."""
    return [f"{opening}{year:04d}{closing}" for opening, closing in YEAR_BRACKETS]
