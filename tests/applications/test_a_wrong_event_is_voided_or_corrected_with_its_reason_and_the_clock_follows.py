"""Issue 13 item 3: a wrong event is voided with a reason or corrected (voided and re-entered); both are
audited, the clock is computed from what stands, and the voided record stays on the case page struck
through with its reason. A date past a limit of the law is named before saving and needs a confirmation."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import casework, services
from gongkai.applications.clock import clock_state
from gongkai.applications.models import ApplicationEvent
from gongkai.audit.models import AuditEntry
from gongkai.rules.clock import ClockError, Status
from tests.factories import make_application

pytestmark = pytest.mark.django_db
RECEIVED = date(2026, 1, 5)  # Art. 30 notice due 2026-01-14, reply due 2026-02-02


def notice(application, actor, on=date(2026, 1, 8)):
    return services.record_event(
        application,
        "correction_requested",
        date=on,
        data={"correction_deadline": date(2026, 1, 30)},
        actor=actor,
    )


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_voided_correction_notice_stays_struck_through_and_the_reply_period_runs_from_receipt(
    personas, logged_in
):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    event = notice(application, personas.registrar)
    assert clock_state(application).status is Status.AWAITING_CORRECTION
    client = logged_in(personas.registrar)

    url = reverse("applications:void_event", args=[application.pk, event.pk])
    refused = client.post(url, {"reason": ""})
    assert "请写明作废的理由" in refused.content.decode()
    done = client.post(url, {"reason": "误录：补正告知未发出"}, follow=True)

    assert clock_state(application).status is Status.REGISTERED
    assert clock_state(application).reply_due == date(2026, 2, 2)
    page = done.content.decode()
    assert "已作废" in page and "作废理由：误录：补正告知未发出" in page and "<del>2026-01-08</del>" in page
    assert AuditEntry.objects.filter(action="application.event.void").count() == 1
    assert ApplicationEvent.with_voided.filter(pk=event.pk, voided_by=personas.registrar).exists()


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_correction_notice_cannot_be_voided_while_the_correction_it_asked_for_stands(personas):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    event = notice(application, personas.registrar)
    services.record_event(
        application, "correction_received", date=date(2026, 1, 12), actor=personas.registrar
    )

    with pytest.raises(ClockError, match="其余记录不成立"):
        casework.void_event(event, reason="试试", actor=personas.registrar)
    event.refresh_from_db()
    assert event.voided_at is None


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_corrected_date_replaces_the_wrong_one_and_the_old_record_is_kept(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    event = notice(application, personas.registrar, on=date(2026, 1, 8))
    client = logged_in(personas.registrar)

    url = reverse("applications:correct_event", args=[application.pk, event.pk])
    form = client.get(url).content.decode()
    assert 'value="2026-01-08"' in form and 'value="2026-01-30"' in form  # filled with what was recorded
    response = client.post(
        url,
        {
            "date": "2026-01-09",
            "correction_deadline": "2026-01-30",
            "note": "补充身份证明",
            "reason": "日期登记错误",
        },
    )

    assert response.status_code == 302
    live = application.events.get(type="correction_requested")
    assert live.date == date(2026, 1, 9) and live.replaces_id == event.pk
    assert ApplicationEvent.with_voided.get(pk=event.pk).void_reason == "日期登记错误"
    assert AuditEntry.objects.filter(action="application.event.replace").count() == 1


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_late_correction_notice_is_named_before_saving_and_saved_only_when_confirmed(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    client = logged_in(personas.registrar)
    url = reverse("applications:record_event", args=[application.pk, "correction_requested"])

    form = client.get(url).content.decode()
    assert "2026-01-14前" in form and "今天已超过该期限" in form  # shown before anything is typed

    data = {"date": "2026-01-20", "correction_deadline": "2026-02-10", "note": "补充身份证明"}
    first = client.post(url, data)
    page = first.content.decode()
    assert first.status_code == 200 and not application.events.filter(type="correction_requested").exists()
    assert "晚于收到申请之日起 7 个工作日的期限 2026-01-14" in page and "补充身份证明" in page  # nothing lost

    confirmed = client.post(url, {**data, "confirm_limits": "1"})
    assert confirmed.status_code == 302
    assert application.events.filter(type="correction_requested").count() == 1


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_voided_decision_makes_room_for_the_right_one(personas):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    wrong = services.record_event(
        application, "decided", date=date(2026, 1, 15), data={"outcome": "granted"}, actor=personas.registrar
    )
    casework.void_event(wrong, reason="结果选错", actor=personas.registrar)
    services.record_event(
        application,
        "decided",
        date=date(2026, 1, 16),
        data={"outcome": "partially_granted"},
        actor=personas.registrar,
    )

    assert services.outcome_of(application).value == "partially_granted"
    assert ApplicationEvent.with_voided.filter(application=application, type="decided").count() == 2


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_another_agencys_clerk_cannot_void_an_event(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    event = notice(application, personas.registrar)
    client = logged_in(personas.other_clerk)

    response = client.post(
        reverse("applications:void_event", args=[application.pk, event.pk]), {"reason": "x"}
    )

    assert response.status_code == 404
    assert ApplicationEvent.objects.filter(pk=event.pk).exists()


@time_machine.travel(date(2026, 3, 2), tick=False)
def test_a_voided_decision_counts_nowhere_in_the_report_and_voiding_in_a_published_year_is_refused(personas):
    from gongkai.reports.applications_cells import section3_by_agency
    from gongkai.reports.locks import YearLocked
    from tests.reports.published import lock_year

    application, _ = make_application(personas.agency, received_on=date(2025, 12, 1))
    wrong = services.record_event(
        application, "decided", date=date(2025, 12, 10), data={"outcome": "granted"}, actor=None
    )
    counted = section3_by_agency([personas.agency], 2025)[personas.agency.pk]
    assert sum(v for k, v in counted.items() if "granted" in k and k.endswith("total")) == 1

    casework.void_event(wrong, reason="结果选错", actor=personas.registrar)
    after = section3_by_agency([personas.agency], 2025)[personas.agency.pk]
    assert sum(v for k, v in after.items() if "granted" in k and k.endswith("total")) == 0

    services.record_event(
        application, "decided", date=date(2025, 12, 11), data={"outcome": "granted"}, actor=None
    )
    lock_year(personas.agency, 2025)
    with pytest.raises(YearLocked):
        casework.void_event(application.events.get(type="decided"), reason="再改", actor=personas.registrar)


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_wrong_receipt_date_is_corrected_and_the_reply_period_follows_it(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    received = application.events.get(type="received")
    client = logged_in(personas.registrar)

    void_page = client.post(
        reverse("applications:void_event", args=[application.pk, received.pk]), {"reason": "x"}
    )
    assert "不能作废" in void_page.content.decode()

    url = reverse("applications:correct_event", args=[application.pk, received.pk])
    response = client.post(url, {"date": "2026-01-06", "reason": "签收日期登记错误"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.received_on == date(2026, 1, 6)
    assert clock_state(application).reply_due == date(2026, 2, 3)
    assert application.reference.endswith("-00001")
