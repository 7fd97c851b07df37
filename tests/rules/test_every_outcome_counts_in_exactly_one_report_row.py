"""Outcomes are the §三 leaf rows of the 2021 format, each with its basis, letter and 2019 row."""

import pytest

from gongkai.formats import get_format
from gongkai.rules.outcomes import (
    APPLICANT_TYPE_CHOICES,
    OUTCOMES,
    ApplicantType,
    Outcome,
    reason_text,
    report_row,
    report_row_for_year,
    row_label,
)


def outcome_row_keys(version):
    return [row.key for row in get_format(version).section3.outcome_rows]


def test_the_outcomes_are_the_2021_result_rows_in_order():
    assert [o.value for o in Outcome] == outcome_row_keys("2021")
    assert len(Outcome) == 21


def test_in_2021_each_outcome_is_its_own_row():
    for outcome in Outcome:
        assert report_row(outcome, "2021") == outcome.value


def test_the_three_other_rows_of_2021_fold_into_the_single_2019_row():
    for key in ("other_no_correction", "other_unpaid_fee", "other_misc"):
        assert report_row(key, "2019") == "other"
        assert row_label(key, "2019") == "（六）其他处理"
    assert report_row("denied_third_party", "2019") == "denied_third_party"


def test_every_2019_result_row_is_reached_by_some_outcome():
    assert {report_row(o, "2019") for o in Outcome} == set(outcome_row_keys("2019"))


@pytest.mark.parametrize(
    ("year", "row"), [(2020, "other"), (2021, "other_unpaid_fee"), (2025, "other_unpaid_fee")]
)
def test_the_report_year_chooses_the_format(year, row):
    assert report_row_for_year(Outcome.OTHER_UNPAID_FEE, year) == row


def test_partial_disclosure_cites_article_37_and_counts_only_as_partial():
    assert OUTCOMES[Outcome.PARTIALLY_GRANTED].articles == ("第三十七条",)
    assert report_row(Outcome.PARTIALLY_GRANTED, "2021") == "partially_granted"


def test_every_refusal_cites_article_36_3_and_its_ground():
    denied = [o for o in Outcome if o.value.startswith("denied_") and o is not Outcome.DENIED_ADMIN_QUERY]
    for outcome in denied:
        assert "第三十六条第（三）项" in OUTCOMES[outcome].articles
        assert OUTCOMES[outcome].letter == "reply_denied"
    assert "第十五条" in OUTCOMES[Outcome.DENIED_THIRD_PARTY].articles


def test_every_outcome_has_a_letter_and_all_but_practice_rows_an_article():
    without_article = {o for o in Outcome if not OUTCOMES[o].articles}
    assert without_article == {Outcome.REJECTED_CONFIRMATION, Outcome.OTHER_MISC}
    assert all(OUTCOMES[o].letter for o in Outcome)


def test_labels_come_from_the_format_declaration():
    assert Outcome.DENIED_SECURITY_STABILITY.label == "3.危及“三安全一稳定”"
    assert reason_text(Outcome.DENIED_STATE_SECRET) == "属于国家秘密"
    assert reason_text(Outcome.GRANTED) == "予以公开"


def test_applicant_types_are_the_report_columns():
    columns = get_format("2021").section3.applicant_columns
    assert [(c.key, c.label) for c in columns] == APPLICANT_TYPE_CHOICES
    assert ApplicantType.LEGAL_SERVICE.label == "法律服务机构"
    assert not ApplicantType.NATURAL_PERSON.is_organisation
    assert ApplicantType.OTHER_ORG.is_organisation


def test_an_unknown_outcome_is_refused():
    with pytest.raises(ValueError):
        report_row("granted_maybe", "2021")
