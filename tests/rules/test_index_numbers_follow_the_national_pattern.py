import pytest

from gongkai.rules.index_number import DEFAULT_PATTERN, NATIONAL_FORM, format_index_number, organisation_code

USCC = "91350100M000100Y43"  # a widely published valid code; its organisation code is M000100Y4


def test_the_organisation_code_is_cut_from_positions_nine_to_seventeen_of_the_uscc():
    assert organisation_code(USCC) == "M000100Y4"


def test_the_default_pattern_gives_the_twenty_character_national_form():
    number = format_index_number(DEFAULT_PATTERN, uscc=USCC, year=2026, month=3, seq=180)

    assert number == "M000100Y4/2026-00180"
    assert len(number) == 20 and NATIONAL_FORM.match(number)


def test_provincial_variants_with_the_whole_code_and_the_month_are_allowed():
    number = format_index_number("{uscc}/{year}{month}-{seq:05d}", uscc=USCC, year=2021, month=10, seq=13)

    assert number == "91350100M000100Y43/202110-00013"


@pytest.mark.parametrize(
    ("pattern", "complaint"),
    [("{org}/{year}", "{seq}"), ("{org}-{seq:05d}", "{year}"), ("{org}/{year}-{seq}-{city}", "city")],
)
def test_a_pattern_without_year_or_sequence_or_with_unknown_fields_is_refused(pattern, complaint):
    with pytest.raises(ValueError, match=complaint.replace("{", r"\{").replace("}", r"\}")):
        format_index_number(pattern, uscc=USCC, year=2026, month=1, seq=1)
