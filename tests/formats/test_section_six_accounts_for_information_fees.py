"""Rule A10: §六 must account for 信息处理费 — always in the 2021 format, and in any format when fees were
collected or applications lapsed for an unpaid fee notice."""

from decimal import Decimal

from gongkai.formats.checks import check_a9, check_a10


def test_a_2021_report_whose_section_six_is_silent_on_fees_is_warned(balanced):
    cells = balanced("2021")
    cells.sections = {"一": "总体情况……", "六": "本单位无其他需要报告的事项。"}
    [finding] = check_a10(cells)
    assert finding.rule == "A10" and finding.severity == "warning"
    assert finding.where["section"] == "六"
    assert "信息处理费" in finding.message


def test_saying_that_no_fee_was_collected_satisfies_the_2021_format(balanced):
    cells = balanced("2021")
    cells["section3.other_unpaid_fee.total"] = 0
    cells.sections = {"六": "本年度未收取信息处理费。"}
    assert check_a10(cells) == []
    assert check_a9(cells, {"fees_collected": Decimal(0)}) == []


def test_a_2019_report_need_not_mention_fees_when_none_were_collected(balanced):
    cells = balanced("2019")
    cells.sections = {"六": "无。"}
    assert check_a10(cells, {"fees_collected": Decimal(0)}) == []
    [finding] = check_a10(cells, {"fees_collected": Decimal(400)})
    assert "400" in finding.message


def test_applications_lapsed_for_an_unpaid_fee_must_be_explained(balanced):
    cells = balanced("2021")
    cells["section3.other_unpaid_fee.total"] = 2
    cells.sections = {"六": "无。"}
    [finding] = check_a10(cells)
    assert finding.cells == ["section3.other_unpaid_fee.total"]


def test_a_report_without_any_text_is_not_judged(balanced):
    cells = balanced("2021")
    cells.sections = {}
    assert check_a10(cells, {"fees_collected": Decimal(400)}) == []


def test_a_stated_fee_amount_must_match_the_records(balanced):
    cells = balanced("2021")
    cells.sections = {"六": "本年度共收取信息处理费380元。"}
    assert check_a10(cells, {"fees_collected": Decimal(380)}) == []
    [finding] = check_a9(cells, {"fees_collected": Decimal(400)})
    assert "380" in finding.message and "400" in finding.message
    assert check_a9(cells, {"fees_collected": Decimal(380)}) == []
