"""国办函〔2020〕109号: progressive per-item and per-page fees, never both — the worked values of docs/law.md §5."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.rules.fees import (
    FeeMethod,
    application_fee,
    per_item_bands,
    per_item_fee,
    per_item_total,
    per_page_bands,
    per_page_fee,
)


@pytest.mark.parametrize(
    ("n", "total"),
    [
        (0, 0),
        (10, 0),
        (11, 100),
        (30, 2000),
        (31, 2200),
        (35, 3000),
        (40, 4000),
        (41, 4300),
        (50, 7000),
        (51, 7400),
    ],
)
def test_per_item_totals_for_a_month_match_the_worked_values(n, total):
    assert per_item_total(n) == total


@pytest.mark.parametrize(
    ("pages", "fee"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)],
)
def test_per_page_fees_match_the_worked_values(pages, fee):
    assert per_page_fee(pages) == fee


@pytest.mark.parametrize(
    ("k", "fee"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (51, 400), (61, 500)],
)
def test_the_kth_application_of_the_month_costs_its_band_rate(k, fee):
    assert per_item_fee(k) == fee


@given(st.integers(1, 300))
def test_the_month_total_is_the_sum_of_each_applications_fee(n):
    assert per_item_total(n) == per_item_total(n - 1) + per_item_fee(n)


@given(st.integers(0, 1000))
def test_the_page_breakdown_covers_every_page_once(pages):
    bands = per_page_bands(pages)
    assert sum(b.count for b in bands) == pages
    assert sum(b.amount for b in bands) == per_page_fee(pages)


def test_a_breakdown_reads_in_chinese():
    assert [b.describe() for b in per_item_bands(31)] == [
        "第 1–10 件：共 10 件，免费",
        "第 11–30 件：共 20 件 × 100 元/件 = 2000 元",
        "第 31 件：共 1 件 × 200 元/件 = 200 元",
    ]


def test_one_application_is_charged_one_way_only():
    with pytest.raises(ValueError, match="不得同时按件和按量"):
        application_fee(FeeMethod.PER_ITEM, month_index=12, pages=40)
    assert application_fee("per_item", month_index=12) == 100
    assert application_fee("per_page", pages=40) == 100
    assert application_fee("none") == 0


def test_a_method_without_its_figure_is_refused():
    with pytest.raises(ValueError, match="第几件"):
        application_fee("per_item", pages=40)
    with pytest.raises(ValueError, match="页数"):
        application_fee("per_page", month_index=3)


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_an_application_number_must_be_a_positive_integer(bad):
    with pytest.raises(ValueError, match="正整数"):
        per_item_fee(bad)


def test_negative_pages_are_refused():
    with pytest.raises(ValueError, match="非负整数"):
        per_page_fee(-1)
