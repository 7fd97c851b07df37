"""The queues are computed from the clock on the day they are looked at (the vectors of docs/law.md §2.3)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.queues import queues_for
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def refs(rows):
    return {row.application.reference for row in rows}


@pytest.fixture
def cases(personas):
    """Cases of the seed agency, registered in January 2026."""
    r = personas.registrar
    with time_machine.travel(date(2026, 1, 30), tick=False):
        # Receipt 2026-01-05 + 20 working days = 2026-02-02.
        due_feb_2, _ = make_application(personas.agency, received_on=date(2026, 1, 5))
        # Receipt 2026-01-05, answered and delivered: in no queue.
        closed, _ = make_application(personas.agency, received_on=date(2026, 1, 5))
        services.record_event(closed, "decided", date=date(2026, 1, 20), data={"outcome": "granted"}, actor=r)
        services.record_event(closed, "delivered", date=date(2026, 1, 21), data={"method": "post"}, actor=r)
        correcting, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
        services.record_event(
            correcting,
            "correction_requested",
            date=date(2026, 1, 14),
            data={"correction_deadline": date(2026, 2, 13)},
            actor=r,
        )
        consulting, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
        services.record_event(
            consulting, "consultation_sent", date=date(2026, 1, 20), data={"party": "third_party"}, actor=r
        )
        fee, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
        services.record_event(
            fee,
            "fee_notice_received",
            date=date(2026, 1, 26),
            data={"fee_method": "per_page", "pages": 40},
            actor=r,
        )
        # Receipt 2026-01-30 + 40 working days (20 + 20 extension) = 2026-04-02.
        extended, _ = make_application(personas.agency, received_on=date(2026, 1, 30))
        services.record_event(
            extended, "extension_approved", date=date(2026, 1, 30), data={"workdays": 20}, actor=r
        )
    return {
        "due_feb_2": due_feb_2,
        "closed": closed,
        "correcting": correcting,
        "consulting": consulting,
        "fee": fee,
        "extended": extended,
    }


def test_three_working_days_before_the_due_date_the_case_is_due_soon(personas, cases):
    # From Thursday 2026-01-29 to Monday 02-02 there are two working days (01-30, 02-02).
    queues = queues_for(personas.registrar, as_of=date(2026, 1, 29))
    assert refs(queues.due_soon) == {cases["due_feb_2"].reference}
    assert queues.overdue == []
    assert refs(queues.awaiting_correction) == {cases["correcting"].reference}
    assert refs(queues.in_consultation) == {cases["consulting"].reference}
    assert refs(queues.awaiting_fee) == {cases["fee"].reference}


def test_the_day_after_the_due_date_the_case_is_overdue(personas, cases):
    queues = queues_for(personas.registrar, as_of=date(2026, 2, 3))
    assert cases["due_feb_2"].reference in refs(queues.overdue)
    assert cases["closed"].reference not in refs(queues.overdue) | refs(queues.due_soon)
    assert cases["extended"].reference not in refs(queues.overdue) | refs(queues.due_soon)


def test_the_extended_case_falls_due_on_the_second_of_april(personas, cases):
    assert cases["extended"].reference in refs(
        queues_for(personas.registrar, as_of=date(2026, 3, 30)).due_soon
    )
    assert cases["extended"].reference in refs(queues_for(personas.registrar, as_of=date(2026, 4, 3)).overdue)


def test_a_missed_correction_deadline_asks_for_closing(personas, cases):
    queues = queues_for(personas.registrar, as_of=date(2026, 2, 16))
    assert cases["correcting"].reference in refs(queues.needs_closing)
    assert cases["correcting"].reference not in refs(queues.awaiting_correction)


def test_another_agencys_registrar_sees_none_of_these_cases(personas, cases):
    queues = queues_for(personas.other_clerk, as_of=date(2026, 2, 3))
    assert all(getattr(queues, key) == [] for key in queues.counts())


@time_machine.travel(date(2026, 2, 3), tick=False)
def test_the_queue_page_and_the_home_block_show_the_overdue_case(personas, cases, logged_in):
    client = logged_in(personas.registrar)
    page = client.get(reverse("applications:queues")).content.decode()
    assert cases["due_feb_2"].reference in page
    home = client.get(reverse("workspace:home")).content.decode()
    assert "已超期：1 件" in home
