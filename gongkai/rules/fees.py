"""信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), docs/law.md §5.

Two methods, each progressive (超额累进: each band's rate applies only to the part inside that band), and
never both for one application (Art. 3):

    按件计收 (Art. 4): the k-th application of the same applicant in one calendar month —
        1–10 free, 11–30 100 元/件, then bands of ten each 100 元 dearer: 31–40 200, 41–50 300, …
    按量计收 (Art. 5): pages of one application (paper, e-mail or copied electronic data only) —
        1–30 free, 31–100 10 元/页, 101–200 20 元/页, 201 and above 40 元/页.

Amounts are whole yuan (int): every rate is a whole number of yuan.

Public API:
    FeeMethod                                 none / per_item / per_page, Chinese labels via .label
    per_item_fee(k) -> int                    fee for the k-th application of the month
    per_item_total(n) -> int                  fee for n applications of one applicant in one month
    per_page_fee(pages) -> int                fee for one application of `pages` pages
    per_item_bands(n), per_page_bands(pages)  -> list[Band], the breakdown shown on a 收费通知书
    application_fee(method, *, month_index=None, pages=None) -> int   one application, one method only
"""

from dataclasses import dataclass
from enum import StrEnum


class FeeMethod(StrEnum):
    NONE = "none"
    PER_ITEM = "per_item"
    PER_PAGE = "per_page"

    @property
    def label(self) -> str:
        return {FeeMethod.NONE: "不收费", FeeMethod.PER_ITEM: "按件计收", FeeMethod.PER_PAGE: "按量计收"}[
            self
        ]


# (first page, last page or None for open-ended, yuan per page)
PAGE_BANDS = ((1, 30, 0), (31, 100, 10), (101, 200, 20), (201, None, 40))
ITEM_FREE = 10
ITEM_FIRST_CHARGED_BAND = (11, 30, 100)
ITEM_BAND_WIDTH = 10  # from the 31st application on
ITEM_BAND_STEP = 100


@dataclass(frozen=True)
class Band:
    """One band of a breakdown: units first..last at `rate` yuan each."""

    first: int
    last: int
    rate: int
    unit: str  # 件 or 页

    @property
    def count(self) -> int:
        return self.last - self.first + 1

    @property
    def amount(self) -> int:
        return self.count * self.rate

    def describe(self) -> str:
        span = (
            f"第 {self.first} {self.unit}"
            if self.first == self.last
            else f"第 {self.first}–{self.last} {self.unit}"
        )
        if self.rate == 0:
            return f"{span}：共 {self.count} {self.unit}，免费"
        return f"{span}：共 {self.count} {self.unit} × {self.rate} 元/{self.unit} = {self.amount} 元"


def per_item_fee(k: int) -> int:
    """The fee for the k-th application (k ≥ 1) of the same applicant in one calendar month."""
    _check_positive(k, "申请序号")
    if k <= ITEM_FREE:
        return 0
    first, last, rate = ITEM_FIRST_CHARGED_BAND
    if k <= last:
        return rate
    return rate + ITEM_BAND_STEP * (1 + (k - last - 1) // ITEM_BAND_WIDTH)


def per_item_total(n: int) -> int:
    """The fees of n applications (n ≥ 0) of the same applicant in one calendar month, together."""
    return sum(band.amount for band in per_item_bands(n))


def per_item_bands(n: int) -> list[Band]:
    """The breakdown of per_item_total(n) by band; empty for n == 0."""
    _check_non_negative(n, "申请件数")
    bands = []
    k = 1
    while k <= n:
        rate = per_item_fee(k)
        last = k
        while last < n and per_item_fee(last + 1) == rate:
            last += 1
        bands.append(Band(k, last, rate, "件"))
        k = last + 1
    return bands


def per_page_fee(pages: int) -> int:
    """The fee for one application of `pages` pages (pages ≥ 0)."""
    return sum(band.amount for band in per_page_bands(pages))


def per_page_bands(pages: int) -> list[Band]:
    """The breakdown of per_page_fee(pages) by band; empty for 0 pages."""
    _check_non_negative(pages, "页数")
    bands = []
    for first, last, rate in PAGE_BANDS:
        if pages < first:
            break
        bands.append(Band(first, pages if last is None else min(last, pages), rate, "页"))
    return bands


def application_fee(
    method: FeeMethod | str, *, month_index: int | None = None, pages: int | None = None
) -> int:
    """The fee of one application under one method.

    per_item needs `month_index` (this application is the k-th of its applicant this month); per_page needs
    `pages`; none needs neither. Giving both, or the figure of the other method, is refused: 109号 Art. 3
    forbids charging one application both ways.
    """
    try:
        method = FeeMethod(method)
    except ValueError:
        raise ValueError(f"未知的计费方式“{method}”（可用：none、per_item、per_page）") from None
    if month_index is not None and pages is not None:
        raise ValueError("同一申请只能选择按件或按量一种方式计收，不得同时按件和按量计收")
    if method is FeeMethod.NONE:
        if month_index is not None or pages is not None:
            raise ValueError("不收费的申请不应给出件数或页数")
        return 0
    if method is FeeMethod.PER_ITEM:
        if month_index is None:
            raise ValueError("按件计收须给出该申请是申请人本月第几件申请")
        return per_item_fee(month_index)
    if pages is None:
        raise ValueError("按量计收须给出页数")
    return per_page_fee(pages)


def _check_positive(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{what}应为正整数，实际为“{value}”")


def _check_non_negative(value: int, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what}应为非负整数，实际为“{value}”")
