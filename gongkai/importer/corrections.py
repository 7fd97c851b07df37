"""What a person types into a cell of an imported report, read strictly, and each cell's name for people.

A correction is typed by hand, so only the plain forms are accepted: a whole number for a count, 增N / 减N
(or +N / −N) for the 2019 本年增/减, a decimal with at most six places for an amount in the column's own
unit. An empty cell, “/” or “—” means not reported (null), never 0.
"""

import re
import unicodedata
from decimal import Decimal

from gongkai.formats.cells import Value
from gongkai.formats.declaration import Column, Kind, ReportFormat

BLANKS = {"", "/", "—", "——", "-", "无"}
_COUNT = re.compile(r"^\d{1,9}$")
_SIGNED = re.compile(r"^(?P<sign>[+\-增减]?)(?P<digits>\d{1,9})$")
# At most 15 significant digits: what a JSON number carries exactly.
_AMOUNT = re.compile(r"^\d{1,9}(\.\d{1,6})?$")


class CorrectionError(ValueError):
    """A typed value that does not fit its cell; the message says what is expected, in Chinese."""


def typed_value(text: str, column: Column) -> Value:
    compact = unicodedata.normalize("NFKC", re.sub(r"\s+", "", text or "")).replace(",", "").replace("−", "-")
    if compact in BLANKS:
        return None
    if column.kind is Kind.COUNT:
        if not _COUNT.match(compact):
            raise CorrectionError(f"须为不小于 0 的整数（例如 12），留空表示未填报；您填写的是“{text}”。")
        return int(compact)
    if column.kind is Kind.SIGNED:
        match = _SIGNED.match(compact)
        if not match:
            raise CorrectionError(f"须为整数，可写作“增3”“减2”或“0”，留空表示未填报；您填写的是“{text}”。")
        number = int(match["digits"])
        return -number if match["sign"] in ("-", "减") else number
    if not _AMOUNT.match(compact):
        raise CorrectionError(
            f"须为不小于 0 的金额（最多六位小数，例如 1.5），单位与表头一致；您填写的是“{text}”。"
        )
    return Decimal(compact)


def cell_names(fmt: ReportFormat) -> dict[str, str]:
    """address → the cell as people name it: the table, the row's and the column's official labels."""
    names = {}
    for place in fmt.places():
        if place.section == "二":
            name = f"第二部分{place.group}“{place.row}”的“{place.column.label}”"
        elif place.section == "三":
            name = f"第三部分“{place.row}”行“{place.column.label}”列"
        else:
            name = f"第四部分{place.group}“{place.column.label}”"
        names[place.address] = name
    return names
