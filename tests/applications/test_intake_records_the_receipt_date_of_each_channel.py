"""Staff register applications from every channel; the Art. 31 receipt date and its warnings come from
the channels rule, and the `received` event carries that date."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications.models import Application
from tests.factories import valid_resident_id

pytestmark = pytest.mark.django_db


def intake(channel, arrived_on, confirmed_on="", **extra):
    data = {
        "agency": "yqtyjrswj",
        "channel": channel,
        "arrived_on": arrived_on,
        "arrived_time": "09:30",
        "confirmed_on": confirmed_on,
        "applicant_type": "natural_person",
        "applicant_name": "李四",
        "id_type": "resident_id",
        "id_number": valid_resident_id(),
        "phone": "13900000000",
        "request_description": "乐清市2025年退役士兵安置计划",
        "carriers": ["paper", "email"],
        "routes": ["post"],
    }
    data.update(extra)
    return data


@time_machine.travel(date(2026, 3, 2), tick=False)
@pytest.mark.parametrize(
    ("channel", "arrived", "confirmed", "received", "warns"),
    [
        ("in_person", "2026-02-24", "", date(2026, 2, 24), False),
        ("post_signed", "2026-02-24", "2026-02-25", date(2026, 2, 25), False),
        ("post_unsigned", "2026-02-24", "2026-02-24", date(2026, 2, 24), False),
        ("post_unsigned", "2026-02-24", "2026-02-26", date(2026, 2, 26), True),
        ("online", "2026-02-24", "2026-02-25", date(2026, 2, 25), False),
        ("fax", "2026-02-24", "2026-02-24", date(2026, 2, 24), False),
        ("email", "2026-02-24", "", date(2026, 2, 24), False),
    ],
)
def test_each_channel_gets_its_article_31_receipt_date(
    personas, logged_in, channel, arrived, confirmed, received, warns
):
    client = logged_in(personas.registrar)
    response = client.post(reverse("applications:register"), intake(channel, arrived, confirmed))
    assert response.status_code == 302, response.context["form"].errors
    application = Application.objects.get()
    assert application.received_on == received
    assert application.events.get().type == "received"
    assert application.events.get().date == received
    assert bool(application.receipt_warnings) is warns
    page = client.get(response.url).content.decode()
    for warning in application.receipt_warnings:
        assert warning in page


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_signed_for_letter_without_its_signature_date_is_refused_and_nothing_saved(personas, logged_in):
    client = logged_in(personas.registrar)
    response = client.post(reverse("applications:register"), intake("post_signed", "2026-02-24"))
    assert response.status_code == 200
    assert "签收日期" in response.context["form"].errors["confirmed_on"][0]
    assert Application.objects.count() == 0


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_confirmation_before_the_arrival_is_refused(personas, logged_in):
    client = logged_in(personas.registrar)
    response = client.post(reverse("applications:register"), intake("fax", "2026-02-24", "2026-02-20"))
    assert "不能早于到达之日" in response.context["form"].errors["confirmed_on"][0]
    assert Application.objects.count() == 0


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_an_organisation_needs_a_valid_credit_code_and_a_contact_person(personas, logged_in):
    client = logged_in(personas.registrar)
    data = intake(
        "in_person", "2026-02-24", applicant_type="commercial", uscc="91330382MA2XXXXXX1", id_number=""
    )
    response = client.post(reverse("applications:register"), data)
    errors = response.context["form"].errors
    assert "统一社会信用代码" in errors["uscc"][0]
    assert "联系人" in errors["contact_person"][0]
    assert Application.objects.count() == 0


def test_a_person_without_a_registrar_role_cannot_register(personas, logged_in):
    client = logged_in(personas.leader)
    assert client.get(reverse("applications:register")).status_code == 403
