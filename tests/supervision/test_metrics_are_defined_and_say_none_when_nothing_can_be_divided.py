"""实质公开率, 复议纠错率 and 诉讼纠错率 as plain functions: the ratio of their cells, and 无 (None) when the
denominator is 0 or a cell they need is blank."""

from fractions import Fraction

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.supervision.metrics import (
    METRICS,
    litigation_correction_rate,
    review_correction_rate,
    show,
    substantive_disclosure_rate,
)


def cells(**values) -> ReportCells:
    out = ReportCells.blank(format_for_year(2025), "测试机关", 2025)
    for address, _ in out.format.cells():
        out[address] = 0
    for key, value in values.items():
        out[key.replace("__", ".")] = value
    return out


def test_substantive_disclosure_is_granted_and_partly_granted_over_all_decided():
    c = cells(section3__granted__total=5, section3__partially_granted__total=3, section3__total__total=12)
    assert substantive_disclosure_rate(c) == Fraction(8, 12)
    assert show(METRICS["substantive_disclosure_rate"], substantive_disclosure_rate(c)) == "66.7%"


def test_review_correction_leaves_the_pending_cases_out_of_the_denominator():
    c = cells(section4__review__corrected=1, section4__review__total=5, section4__review__pending=1)
    assert review_correction_rate(c) == Fraction(1, 4)
    assert show(METRICS["review_correction_rate"], review_correction_rate(c)) == "25.0%"


def test_litigation_correction_counts_both_kinds_of_lawsuit():
    c = cells(
        section4__litigation_direct__corrected=1,
        section4__litigation_direct__total=3,
        section4__litigation_after_review__corrected=1,
        section4__litigation_after_review__total=2,
        section4__litigation_after_review__pending=1,
    )
    assert litigation_correction_rate(c) == Fraction(2, 4)


def test_a_zero_denominator_is_none_and_shown_as_none_not_an_error():
    c = cells(section4__review__total=2, section4__review__pending=2)
    assert substantive_disclosure_rate(c) is None
    assert review_correction_rate(c) is None
    assert litigation_correction_rate(c) is None
    for metric in METRICS.values():
        if metric.is_rate:
            assert show(metric, metric.compute(c)) == "无"


def test_a_blank_cell_makes_the_rate_none_rather_than_a_guess():
    c = cells(section3__granted__total=5, section3__total__total=10)
    c["section3.partially_granted.total"] = None
    assert substantive_disclosure_rate(c) is None
    c = cells(section4__review__corrected=1, section4__review__total=3)
    c["section4.review.pending"] = None
    assert review_correction_rate(c) is None
