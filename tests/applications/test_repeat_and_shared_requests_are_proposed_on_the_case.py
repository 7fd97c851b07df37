"""The case page proposes 重复申请 (Art. 36(6)) and moving information into 主动公开 (Art. 44) from the
rules in gongkai.rules.outcomes; a person decides."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from tests.factories import make_application, valid_resident_id

pytestmark = pytest.mark.django_db
REQUEST = "2025年度退役军人优待证发放情况"


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_the_same_applicant_asking_again_for_answered_information_is_flagged(personas, logged_in):
    first, _ = make_application(personas.agency, received_on=date(2026, 1, 5), request_description=REQUEST)
    services.record_event(
        first, "decided", date=date(2026, 1, 20), data={"outcome": "granted"}, actor=personas.registrar
    )
    again, _ = make_application(
        personas.agency, received_on=date(2026, 2, 24), request_description=f" {REQUEST}。"
    )
    other_person, _ = make_application(
        personas.agency,
        received_on=date(2026, 2, 24),
        request_description=REQUEST,
        id_number=valid_resident_id("33038219700101002"),
    )
    assert services.proposals_for(again).repeats == [first]
    assert services.proposals_for(other_person).repeats == []
    page = (
        logged_in(personas.registrar)
        .get(reverse("applications:record_event", args=[again.pk, "decided"]))
        .content.decode()
    )
    assert "重复申请" in page and first.reference in page


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_several_applicants_for_disclosable_information_suggest_proactive_disclosure(personas, logged_in):
    first, _ = make_application(personas.agency, received_on=date(2026, 1, 5), request_description=REQUEST)
    services.record_event(
        first, "decided", date=date(2026, 1, 20), data={"outcome": "granted"}, actor=personas.registrar
    )
    second, _ = make_application(
        personas.agency,
        received_on=date(2026, 2, 24),
        request_description=REQUEST,
        id_number=valid_resident_id("33038219700101002"),
    )
    assert services.proposals_for(second).shared == [first]
    page = (
        logged_in(personas.registrar).get(reverse("applications:detail", args=[second.pk])).content.decode()
    )
    assert "第四十四条" in page and first.reference in page
