"""How the importer compares labels and reads numbers out of the cells of a published report.

Labels are compared in a normal form: simplified characters, half-width punctuation, no spaces, no
quotation marks, enumerators unified (“1、” “1．” “1. ” → “1.”). Numbers keep their exact digits
(amounts are Decimal); a cell holding “/” or “—” is a placeholder, not a number.
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher

from gongkai.formats.declaration import Column, Kind
from gongkai.importer.hanzi import simplify

_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[\"'“”‘’「」『』]")
_ENUMERATOR = re.compile(r"^(\d{1,2})[.、．,，]")
# A prefix of a label is accepted for a damaged or wrapped label only when it is this long.
MIN_PREFIX = 4
# A start this long names one label whatever the label's length (a long label wrapped over three lines).
LONG_PREFIX = 10


def normalize(text: str) -> str:
    """The comparison form of a label."""
    text = unicodedata.normalize("NFKC", simplify(text))
    text = _QUOTES.sub("", _SPACES.sub("", text))
    text = text.replace("*", "").replace("#", "")
    return _ENUMERATOR.sub(r"\1.", text)


def matches_label(text: str, label: str) -> bool:
    """Whether a cell's (normalised) text is the (normalised) label, or a long enough start of it."""
    if not text:
        return False
    if text == label:
        return True
    return (
        len(text) >= MIN_PREFIX
        and label.startswith(text)
        and (len(text) * 2 >= len(label) - 2 or len(text) >= LONG_PREFIX)
    )


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


# What a cell holds.
NUMBER = "number"
PLACEHOLDER = "placeholder"  # "/", "—", "无": a cell that says there is no number
TEXT = "text"

PLACEHOLDERS = {"/", "—", "——", "-", "--", "无", "不适用", "空", "×", "…", "——/"}
_NUMBER = re.compile(
    r"^(?P<sign>[+\-−增减]?)(?P<digits>\d[\d,]*(?:\.\d+)?)(?P<unit>万元|万|元|件|个|项|条|次)?$"
)


@dataclass(frozen=True)
class Reading:
    what: str  # NUMBER, PLACEHOLDER or TEXT
    number: Decimal | None = None  # the figure as written, before the column's kind is applied
    signed: bool = False  # written with 增 / 减 / + / −
    unit: str = ""


def read_cell(text: str) -> Reading:
    """What one cell says, without knowing its column yet."""
    compact = unicodedata.normalize("NFKC", _SPACES.sub("", text)).replace("−", "-")
    if compact in PLACEHOLDERS or (compact and set(compact) <= set("/-—一_")):
        return Reading(PLACEHOLDER)
    match = _NUMBER.match(compact)
    if not match:
        return Reading(TEXT)
    try:
        number = Decimal(match["digits"].replace(",", ""))
    except InvalidOperation:
        return Reading(TEXT)
    sign = match["sign"]
    if sign in ("-", "减"):
        number = -number
    return Reading(NUMBER, number, signed=bool(sign), unit=match["unit"] or "")


class CellValueError(ValueError):
    """A number that does not fit its column; the message says why, in Chinese."""


def column_value(reading: Reading, column: Column):
    """The cell value for `column` (int or Decimal), or raise CellValueError with the reason."""
    number = reading.number
    if reading.unit in ("万元", "万", "元") and column.kind is not Kind.AMOUNT:
        raise CellValueError(f"“{column.label}”是件数，单元格却写的是金额")
    if column.kind is Kind.AMOUNT:
        in_wan = column.key.endswith("_wan")
        if reading.unit in ("万元", "万") and not in_wan:
            number = number * 10000
        elif reading.unit == "元" and in_wan:
            number = number / 10000
        return number
    if number == number.to_integral_value():
        return int(number)
    return number  # a fraction in a count: kept, so that rule A8 names it
