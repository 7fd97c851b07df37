"""`gongkai applications remind` queues one task per agency; the task mails the registrars about cases due
within 3 working days and overdue — with 受理编号 and dates, no personal data."""

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.tasks import task_backends
from django.tasks.backends.immediate import ImmediateBackend

import gongkai.cli
from gongkai.agencies.models import Role
from tests.factories import make_application, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def immediate_tasks():
    previous = task_backends["default"]
    task_backends["default"] = ImmediateBackend(alias="default", params={"QUEUES": ["default"]})
    yield
    task_backends["default"] = previous


def test_registrars_get_a_mail_about_overdue_cases(personas, immediate_tasks, monkeypatch, capsys):
    personas.registrar.email = "registrar@example.gov.cn"
    personas.registrar.save()
    make_person(personas.other_agency, Role.REGISTRAR, email="other@example.gov.cn")
    with time_machine.travel(date(2026, 1, 30), tick=False):
        overdue, _ = make_application(personas.agency, received_on=date(2026, 1, 5), applicant_name="郑某某")
    monkeypatch.setattr(gongkai.cli, "COMMAND_MODULES", ["gongkai.cli.applications"])
    with time_machine.travel(date(2026, 2, 3), tick=False):
        assert gongkai.cli.main(["applications", "remind"]) == 0
    assert "已排队 1 个机关" in capsys.readouterr().out
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["registrar@example.gov.cn"]
    assert "超期 1 件" in message.subject
    assert overdue.reference in message.body and "2026-02-02" in message.body
    assert "郑某某" not in message.body


def test_no_mail_when_nothing_is_due(personas, immediate_tasks):
    from gongkai.applications.tasks import enqueue_reminders

    personas.registrar.email = "registrar@example.gov.cn"
    personas.registrar.save()
    with time_machine.travel(date(2026, 1, 5), tick=False):
        make_application(personas.agency, received_on=date(2026, 1, 5))
        enqueue_reminders(date(2026, 1, 6))
    assert mail.outbox == []
