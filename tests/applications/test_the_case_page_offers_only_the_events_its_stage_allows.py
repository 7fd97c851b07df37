"""The case page offers the registrar the events that can happen next, not the ones the law rules out: no
second 补正 notice, no corrected application before a notice, no handling while the applicant corrects, no
payment before a fee notice, no delivery before a decision, nothing after delivery."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def offered(client, application):
    page = client.get(reverse("applications:detail", args=[application.pk])).content.decode()
    return set(re.findall(rf"/workspace/applications/{application.pk}/events/([a-z_]+)/", page))


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_each_stage_offers_what_can_happen_next(personas, logged_in):
    client = logged_in(personas.registrar)
    application, _ = make_application(personas.agency, received_on=date(2026, 3, 2))
    r = personas.registrar

    fresh = offered(client, application)
    assert {
        "correction_requested",
        "consultation_sent",
        "extension_approved",
        "decided",
        "withdrawn",
    } <= fresh
    assert not fresh & {"correction_received", "consultation_answered", "fee_paid", "delivered"}

    services.record_event(
        application,
        "correction_requested",
        date=date(2026, 3, 3),
        data={"correction_deadline": date(2026, 3, 31)},
        actor=r,
    )
    waiting = offered(client, application)
    assert "correction_received" in waiting and "correction_requested" not in waiting
    # Nothing is handled while the applicant corrects (the clock would refuse it).
    assert not waiting & {
        "consultation_sent",
        "extension_approved",
        "reasons_requested",
        "fee_notice_received",
    }

    services.record_event(application, "correction_received", date=date(2026, 3, 5), actor=r)
    services.record_event(
        application, "consultation_sent", date=date(2026, 3, 6), data={"party": "third_party"}, actor=r
    )
    consulting = offered(client, application)
    assert "consultation_answered" in consulting
    assert not consulting & {"consultation_sent", "correction_received", "correction_requested"}

    services.record_event(
        application, "decided", date=date(2026, 3, 19), data={"outcome": "granted"}, actor=r
    )
    assert offered(client, application) == {"delivered"}
    services.record_event(application, "delivered", date=date(2026, 3, 20), data={"method": "post"}, actor=r)
    assert offered(client, application) == set()
