"""A letter's 文号 is the agency's prefix, the year in 〔 〕 and the next number of that agency's year."""

from datetime import date

import pytest

from gongkai.applications import letters
from tests.factories import make_application

from .letters_support import issued_letter

pytestmark = pytest.mark.django_db


def test_numbers_follow_on_within_a_year_and_restart_in_the_next(personas):
    settings = letters.settings_for(personas.agency)
    settings.number_prefix = "乐退役军人依复"
    settings.save()
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    first = issued_letter(personas, application)
    second = issued_letter(personas, application)
    next_year = issued_letter(personas, application, issued_on=date(2027, 1, 4))
    assert [first.number, second.number, next_year.number] == [
        "乐退役军人依复〔2026〕1号",
        "乐退役军人依复〔2026〕2号",
        "乐退役军人依复〔2027〕1号",
    ]


def test_each_agency_counts_its_own_letters(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    issued_letter(personas, application)
    personas.other_agency.telephone = "0577-61234567"
    personas.other_agency.save()
    other_case, _ = make_application(personas.other_agency, received_on=date(2026, 1, 12))
    # The other agency's registrar issues its 受理回执 alone (the default LetterSettings).
    letter = letters.draft_letter(other_case, "receipt", actor=personas.other_clerk)
    letter = letters.issue_letter(letter, actor=personas.other_clerk, issued_on=date(2026, 1, 21))
    assert letter.number == "乐清市民政局依复〔2026〕1号"


def test_a_draft_has_no_number(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    assert letters.draft_letter(application, "receipt", actor=personas.registrar).number is None
