"""An applicant applies on the portal side, gets a 受理编号 and a query code once, and tracks the case:
the tracking page shows milestones and dates, never a name or an identity number."""

import re
from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Application
from tests.factories import proven_submission, valid_resident_id

from .conftest import PNG

pytestmark = pytest.mark.django_db
NUMBER = valid_resident_id("33038219900304567")


def online_form(**extra):
    data = {
        "applicant_type": "natural_person",
        "applicant_name": "陈小明",
        "id_type": "resident_id",
        "id_number": NUMBER,
        "phone": "13612345678",
        "email": "chen@example.com",
        "address": "乐清市城东街道某路 1 号",
        "request_description": "请公开2025年乐清市退役军人就业创业补贴发放名单",
        "carriers": ["email"],
        "routes": ["email"],
        "identity_document": SimpleUploadedFile("身份证.png", PNG, content_type="image/png"),
        **proven_submission("yqtyjrswj"),
    }
    data.update(extra)
    return data


@time_machine.travel(date(2026, 1, 5), tick=False)
def test_an_online_application_is_received_and_numbered(personas, client):
    response = client.post(reverse("apply:form", args=["yqtyjrswj"]), online_form())
    assert response.status_code == 302 and response.url == reverse("apply:done")
    page = client.get(response.url).content.decode()
    application = Application.objects.get()
    assert application.reference == "YQTYJRSWJ-2026-00001"
    assert application.channel == "online" and application.submitted_online
    assert application.received_on == date(2026, 1, 5)
    assert application.identity_documents.count() == 1
    code = re.search(r"[A-Z2-9]{5}-[A-Z2-9]{5}", page).group(0)
    assert application.reference in page
    assert code not in application.query_code_hash
    # Shown once: the page does not show the code again.
    assert client.get(reverse("apply:done")).status_code == 302


@time_machine.travel(date(2026, 1, 5), tick=False)
def test_field_errors_are_in_chinese_and_nothing_is_saved(personas, client):
    response = client.post(
        reverse("apply:form", args=["yqtyjrswj"]),
        online_form(id_number="12345", phone="", email="", address="", carriers=[], identity_document=""),
    )
    errors = response.context["form"].errors
    assert "18 位" in errors["id_number"][0]
    assert "联系电话" in errors["phone"][0]
    assert "提供方式" in errors["carriers"][0]
    assert "身份证明" in errors["identity_document"][0]
    assert Application.objects.count() == 0


def test_tracking_shows_milestones_and_the_due_date_but_no_personal_data(personas, client):
    with time_machine.travel(date(2026, 1, 5), tick=False):
        client.post(reverse("apply:form", args=["yqtyjrswj"]), online_form())
        code = re.search(
            r"[A-Z2-9]{5}-[A-Z2-9]{5}", client.get(reverse("apply:done")).content.decode()
        ).group(0)
    application = Application.objects.get()
    with time_machine.travel(date(2026, 1, 20), tick=False):
        services.record_event(
            application,
            "extension_approved",
            date=date(2026, 1, 20),
            data={"workdays": 10, "approved_by": "林主任"},
            note="资料较多",
            actor=personas.registrar,
        )
        page = client.post(
            reverse("apply:track"), {"reference": application.reference.lower(), "query_code": code.lower()}
        ).content.decode()
    assert "收到申请" in page and "2026-01-05" in page
    assert "延期答复" in page and "2026-01-20" in page
    # 2026-01-05 + 20 working days = 2026-02-02 (docs/law.md §2.3); 10 more end on 2026-02-14, the Saturday
    # worked before the Spring Festival (02-06 + 7 working days = 02-24 counts it too).
    assert "2026年2月14日" in page
    for secret in (
        "陈小明",
        NUMBER,
        NUMBER[:6],
        "13612345678",
        "chen@example.com",
        "林主任",
        "资料较多",
        "就业创业补贴",
    ):
        assert secret not in page
