"""The 工作台 shows each visible agency's report on last year with its status and due date, and the
reminder task mails the registrars and administrators of agencies whose report is due within 14 days."""

from datetime import date

import pytest
import time_machine
from django.core import mail

from gongkai.reports.deadlines import report_rows
from gongkai.reports.tasks import enqueue_report_reminders
from tests.factories import PASSWORD, make_personas
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_the_status_rows_give_each_agency_its_due_date_and_the_home_page_shows_them(client):
    people = make_personas()
    rows = {r.agency.code: r for r in report_rows([people.agency, people.government], date(2026, 1, 20))}
    assert (rows["yqtyjrswj"].year, rows["yqtyjrswj"].due, rows["yqtyjrswj"].days_left) == (
        2025,
        date(2026, 1, 31),
        11,
    )
    assert rows["yqszf"].due == date(2026, 3, 31) and rows["yqszf"].status_label == "尚未起草"

    client.login(username=people.registrar.username, password=PASSWORD)
    with time_machine.travel("2026-01-20 10:00 +0800", tick=False):
        page = client.get("/workspace/").content.decode()
        listing = client.get("/workspace/reports/").content.decode()
    assert "乐清市退役军人事务局2025年：尚未起草，1月31日前公布" in page
    assert "2026年1月31日前" in listing and "11 天" in listing


def test_the_reminder_mails_responsible_staff_until_the_report_is_published():
    people = make_personas()
    for person in (people.registrar, people.admin, people.leader):
        person.email = f"{person.username}@example.gov.cn"
        person.save()
    assert enqueue_report_reminders(date(2026, 1, 10)) == 0  # 21 days before: not yet
    assert enqueue_report_reminders(date(2026, 1, 25)) == 2  # the two departments; governments by March
    sent = [m for m in mail.outbox if "乐清市退役军人事务局" in m.subject]
    (message,) = sent
    assert sorted(message.to) == ["agency_admin@example.gov.cn", "registrar@example.gov.cn"]
    assert "2026-01-31 前公布" in message.body and "还有 6 天" in message.body

    lock_year(people.agency, 2025)
    mail.outbox.clear()
    enqueue_report_reminders(date(2026, 2, 2))
    assert not [m for m in mail.outbox if "乐清市退役军人事务局" in m.subject]
