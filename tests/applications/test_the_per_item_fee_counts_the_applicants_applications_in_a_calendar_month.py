"""按件计收 (109号 Art. 4): the k-th application of one applicant in a calendar month sets the fee, and the
count starts again in the next month. The amount is computed, never typed."""

from datetime import date

import pytest

from gongkai.applications import fees, services
from gongkai.rules.clock import ClockError
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db

SAME_PERSON = valid_resident_id("33038219900202002")


def _applications(personas, n, day):
    return [make_application(personas.agency, received_on=day, id_number=SAME_PERSON)[0] for _ in range(n)]


def _notice(personas, application, **data):
    return services.record_event(
        application,
        "fee_notice_received",
        date=date(2026, 1, 28),
        data={"fee_method": "per_item", **data},
        actor=personas.registrar,
    )


def test_the_eleventh_application_of_a_month_costs_100_yuan(personas):
    cases = _applications(personas, 11, date(2026, 1, 12))
    event = _notice(personas, cases[10], amount=1)  # a typed amount is ignored
    assert event.data["month_index"] == 11
    assert event.data["amount"] == 100
    with pytest.raises(ClockError, match="免费"):
        _notice(personas, cases[9])


def test_the_thirty_first_application_of_a_month_costs_200_yuan(personas):
    cases = _applications(personas, 16, date(2026, 1, 5)) + _applications(personas, 15, date(2026, 1, 26))
    assert fees.month_index(cases[-1]) == 31
    assert _notice(personas, cases[-1]).data["amount"] == 200
    assert _notice(personas, cases[29]).data["amount"] == 100


def test_the_count_starts_again_in_the_next_month(personas):
    _applications(personas, 12, date(2026, 1, 12))
    february = make_application(personas.agency, received_on=date(2026, 2, 2), id_number=SAME_PERSON)[0]
    assert fees.month_index(february) == 1
    with pytest.raises(ClockError, match="免费"):
        services.record_event(
            february,
            "fee_notice_received",
            date=date(2026, 2, 10),
            data={"fee_method": "per_item"},
            actor=personas.registrar,
        )


def test_another_applicants_applications_do_not_count(personas):
    _applications(personas, 12, date(2026, 1, 12))
    someone_else = make_application(personas.agency, received_on=date(2026, 1, 12))[0]
    assert fees.month_index(someone_else) == 1
