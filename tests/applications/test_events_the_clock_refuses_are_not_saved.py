"""Events go through the pure clock before they are stored: what it refuses is shown with its reason and
nothing is written (no event, no audit entry)."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import ApplicationEvent
from gongkai.audit.models import AuditEntry
from gongkai.rules.clock import ClockError
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def _counts():
    return ApplicationEvent.objects.count(), AuditEntry.objects.filter(
        action__startswith="application.event"
    ).count()


@time_machine.travel(date(2026, 2, 20), tick=False)
def test_a_second_correction_notice_is_refused_with_the_clocks_reason(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 2, 6))
    client = logged_in(personas.registrar)
    url = reverse("applications:record_event", args=[application.pk, "correction_requested"])
    first = client.post(
        url, {"date": "2026-02-10", "correction_deadline": "2026-02-27", "note": "请写明文件名称"}
    )
    assert first.status_code == 302
    before = _counts()
    second = client.post(url, {"date": "2026-02-12", "correction_deadline": "2026-02-27", "note": "再补一项"})
    assert second.status_code == 200
    message = str(second.context["form"].non_field_errors())
    assert "补正只能一次性告知" in message and "未保存" in message
    assert _counts() == before


@time_machine.travel(date(2026, 3, 20), tick=False)
def test_an_extension_after_the_due_date_is_refused(personas):
    # Receipt 2026-02-06 + 20 working days = 2026-03-12 (docs/law.md §2.3); 03-13 is too late.
    application, _ = make_application(personas.agency, received_on=date(2026, 2, 6))
    before = _counts()
    with pytest.raises(ClockError, match="2026-03-12"):
        services.record_event(
            application,
            "extension_approved",
            date=date(2026, 3, 13),
            data={"workdays": 10},
            actor=personas.registrar,
        )
    assert _counts() == before
    services.record_event(
        application,
        "extension_approved",
        date=date(2026, 3, 12),
        data={"workdays": 10},
        actor=personas.registrar,
    )
    assert _counts() == (before[0] + 1, before[1] + 1)


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_an_extension_over_twenty_working_days_is_refused_by_the_form(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 2, 24))
    client = logged_in(personas.registrar)
    response = client.post(
        reverse("applications:record_event", args=[application.pk, "extension_approved"]),
        {"date": "2026-03-02", "workdays": "21", "approved_by": "林主任", "notice": "notified"},
    )
    assert "20 个工作日" in response.context["form"].errors["workdays"][0]
    assert application.events.count() == 1


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_an_event_in_the_future_is_refused(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 2, 24))
    response = logged_in(personas.registrar).post(
        reverse("applications:record_event", args=[application.pk, "withdrawn"]), {"date": "2026-03-03"}
    )
    assert "晚于今天" in response.context["form"].errors["date"][0]
    assert application.events.count() == 1


def test_only_registrars_and_admins_record_events(personas, logged_in):
    application, _ = make_application(personas.agency)
    url = reverse("applications:record_event", args=[application.pk, "withdrawn"])
    assert logged_in(personas.leader).get(url).status_code == 403
    assert logged_in(personas.supervisor).get(url).status_code == 403
