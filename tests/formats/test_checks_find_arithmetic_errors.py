"""Rules A1–A8: each passes on a consistent report and fails, naming the cells, on a broken one."""

from decimal import Decimal

import pytest

from gongkai.formats.checks import (
    Finding,
    check_a1,
    check_a2,
    check_a3,
    check_a5,
    check_a6,
    check_a7,
    check_a8,
    check_cells,
)


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_a_consistent_report_has_no_findings(balanced, version):
    assert check_cells(balanced(version)) == []


def test_a1_fails_when_received_does_not_equal_settled_in_a_column(balanced):
    cells = balanced()
    assert check_a1(cells) == []
    cells["section3.carried_forward.research"] += 2
    findings = check_a1(cells)
    assert [f.rule for f in findings] == ["A1"]
    assert findings[0].severity == "error"
    assert "section3.carried_forward.research" in findings[0].cells
    assert "section3.new_received.research" in findings[0].cells
    assert "科研机构" in findings[0].message


def test_a1_skips_a_column_with_a_blank_cell_because_blank_is_not_zero(balanced):
    cells = balanced()
    cells["section3.carried_over.social"] = None
    cells["section3.carried_forward.social"] += 5
    assert check_a1(cells) == []


def test_a2_fails_when_the_outcome_rows_do_not_add_up_to_the_total_row(balanced):
    cells = balanced("2019")
    assert check_a2(cells) == []
    cells["section3.other.natural_person"] += 1
    findings = check_a2(cells)
    assert [(f.rule, f.cells[0]) for f in findings] == [("A2", "section3.total.natural_person")]
    assert "section3.other.natural_person" in findings[0].cells


def test_a2_counts_the_three_2021_other_rows(balanced):
    cells = balanced("2021")
    cells["section3.other_unpaid_fee.commercial"] += 1
    assert [f.cells[0] for f in check_a2(cells)] == ["section3.total.commercial"]


def test_a3_fails_when_the_applicant_columns_do_not_add_up_to_the_total_column(balanced):
    cells = balanced()
    assert check_a3(cells) == []
    cells["section3.denied_third_party.total"] += 1
    findings = check_a3(cells)
    assert [(f.rule, f.cells[0]) for f in findings] == [("A3", "section3.denied_third_party.total")]
    assert "4.保护第三方合法权益" in findings[0].message


def test_a3_judges_a_row_only_when_all_its_cells_are_filled(balanced):
    cells = balanced()
    cells["section3.granted.total"] = None  # Shanghai 2019 left 总计 cells blank
    cells["section3.granted.natural_person"] += 3
    assert check_a3(cells) == []


def test_a5_fails_when_a_section4_block_does_not_add_up(balanced):
    cells = balanced()
    assert check_a5(cells) == []
    cells["section4.litigation_direct.pending"] = 7
    findings = check_a5(cells)
    assert [(f.rule, f.cells[0]) for f in findings] == [("A5", "section4.litigation_direct.total")]
    assert "未经复议直接起诉" in findings[0].message


def test_a6_warns_when_carried_over_differs_from_last_years_carried_forward(balanced):
    previous = balanced("2021", year=2021)
    cells = balanced("2021", year=2022)
    for column in cells.format.section3.columns:
        previous[f"section3.carried_forward.{column.key}"] = cells[f"section3.carried_over.{column.key}"]
    assert check_a6(cells, previous) == []
    previous["section3.carried_forward.legal_service"] += 1
    findings = check_a6(cells, previous)
    assert [(f.rule, f.severity, f.cells) for f in findings] == [
        ("A6", "warning", ["section3.carried_over.legal_service"])
    ]


def test_a6_reads_across_the_change_of_format_from_2020_to_2021(balanced):
    previous = balanced("2019", year=2020)
    cells = balanced("2021", year=2021)
    for column in cells.format.section3.columns:
        previous[f"section3.carried_forward.{column.key}"] = cells[f"section3.carried_over.{column.key}"]
    assert check_a6(cells, previous) == []
    previous["section3.carried_forward.total"] = cells["section3.carried_over.total"] + 4
    assert [f.cells for f in check_a6(cells, previous)] == [["section3.carried_over.total"]]


def test_a6_and_a7_refuse_a_previous_report_of_another_year_or_agency(balanced):
    with pytest.raises(ValueError, match="上一年度"):
        check_a6(balanced(year=2022), balanced(year=2020))
    with pytest.raises(ValueError, match="上一年度"):
        check_a7(balanced(year=2022), balanced(year=2021, agency="另一个局"))


def test_a7_warns_when_the_stock_in_force_does_not_carry_over(balanced):
    previous = balanced("2021", year=2021)
    cells = balanced("2021", year=2022)
    previous["section2.art20_1.regulations.in_force"] = 10
    cells["section2.art20_1.regulations.made"] = 2
    cells["section2.art20_1.regulations.repealed"] = 1
    cells["section2.art20_1.regulations.in_force"] = 11
    previous["section2.art20_1.normative_documents.in_force"] = cells[
        "section2.art20_1.normative_documents.in_force"
    ]
    cells["section2.art20_1.normative_documents.made"] = cells[
        "section2.art20_1.normative_documents.repealed"
    ] = 0
    assert check_a7(cells, previous) == []
    cells["section2.art20_1.regulations.in_force"] = 12
    findings = check_a7(cells, previous)
    assert [(f.rule, f.severity, f.cells[0]) for f in findings] == [
        ("A7", "warning", "section2.art20_1.regulations.in_force")
    ]


def test_a7_does_not_apply_to_the_2019_format(balanced):
    assert check_a7(balanced("2019", year=2020), balanced("2019", year=2019)) == []


def test_a8_accepts_zero_a_negative_change_and_a_decimal_amount(balanced):
    cells = balanced("2019")
    cells["section2.art20_5.licensing.change"] = -2
    cells["section2.art20_9.procurement.amount"] = Decimal("251000.50")
    cells["section4.review.upheld"] = 0
    assert check_a8(cells) == []


@pytest.mark.parametrize(
    ("version", "address", "value"),
    [
        ("2021", "section3.granted.commercial", -1),
        ("2021", "section2.art20_5.licensing.decisions", Decimal("2.5")),
        ("2021", "section2.art20_8.fees.amount_wan", Decimal("-0.1")),
        ("2019", "section2.art20_6.penalty.change", Decimal("1.5")),
        ("2019", "section2.art20_9.procurement.amount", Decimal("-3")),
        ("2019", "section4.review.pending", -4),
    ],
)
def test_a8_fails_on_a_negative_or_fractional_count_and_a_negative_amount(balanced, version, address, value):
    cells = balanced(version)
    cells[address] = value
    findings = check_a8(cells)
    assert [(f.rule, f.severity, f.cells) for f in findings] == [("A8", "error", [address])]


def test_a_finding_serialises_to_the_agreed_shape():
    finding = Finding("A1", "error", ["section3.total.total"], "说明")
    assert finding.to_dict() == {
        "rule": "A1",
        "severity": "error",
        "cells": ["section3.total.total"],
        "message": "说明",
    }


def test_check_cells_runs_a6_and_a7_only_with_a_previous_year(balanced):
    cells = balanced("2021", year=2022)
    previous = balanced("2021", year=2021)
    previous["section3.carried_forward.total"] = 999
    assert check_cells(cells) == []
    assert {f.rule for f in check_cells(cells, previous)} >= {"A6"}
