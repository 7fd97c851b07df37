"""Issue 13 item 1: the 待办 of each role tells the truth — new applications not yet assigned for whoever
assigns them, cases given to me, letters and reports waiting for my signature or 审定 — and each count
opens a list showing that many rows."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import casework
from gongkai.reports.models import AnnualReport, ReportStatus
from gongkai.todo import todo_for
from tests.factories import make_application, make_personas

pytestmark = pytest.mark.django_db


def entries(user, today):
    return {entry.label: entry for entry in todo_for(user, today)}


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_new_online_application_is_on_the_registrars_todo_and_its_link_lists_it(client):
    people = make_personas()
    application, _ = make_application(
        people.agency, received_on=date(2026, 1, 19), channel="online", confirmed_on=date(2026, 1, 19)
    )

    found = entries(people.registrar, date(2026, 1, 20))["新收待分办"]

    assert found.count == 1 and found.url == reverse("applications:queues") + "#new"
    client.force_login(people.registrar)
    queue = client.get(reverse("applications:queues")).content.decode()
    section = queue.split('id="new"')[1].split("</section>")[0]
    assert "新收待分办（1 件）" in queue and application.reference in section
    assert "新收待分办" not in entries(people.leader, date(2026, 1, 20))  # the leader does not assign cases


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_case_given_to_me_is_on_my_todo_and_its_link_lists_exactly_it(client):
    people = make_personas()
    mine, _ = make_application(people.agency, received_on=date(2026, 1, 19))
    make_application(people.agency, received_on=date(2026, 1, 19))
    casework.assign(mine, department=people.office, handler=people.department_head, actor=people.registrar)

    found = entries(people.department_head, date(2026, 1, 20))["分办给我办理的申请"]

    assert found.count == 1
    client.force_login(people.department_head)
    page = client.get(found.url).content.decode()
    assert "共 1 件" in page and mine.reference in page


def test_a_report_submitted_for_approval_is_on_the_leaders_todo_only():
    people = make_personas()
    report = AnnualReport.objects.create(
        agency=people.agency, year=2025, format_version="2021", status=ReportStatus.CHECKED
    )
    # Checked is not yet asked for: the office submits it (提请审定) when it is ready.
    assert not [e for e in todo_for(people.leader, date(2026, 1, 20)) if e.label.startswith("待我审定")]
    report.status = ReportStatus.SUBMITTED
    report.save()

    leader = [e for e in todo_for(people.leader, date(2026, 1, 20)) if e.label.startswith("待我审定")]
    assert [e.label for e in leader] == [f"待我审定：{people.agency.name}2025年年度报告"]
    assert leader[0].url == reverse("reports:detail", args=[people.agency.code, 2025])
    assert not [e for e in todo_for(people.registrar, date(2026, 1, 20)) if e.label.startswith("待我审定")]


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_the_home_page_of_every_role_has_no_construction_notice_and_links_its_counts(client):
    people = make_personas()
    make_application(people.agency, received_on=date(2026, 1, 19))
    for person in (
        people.registrar,
        people.department_head,
        people.leader,
        people.reviewer,
        people.supervisor,
    ):
        client.force_login(person)
        page = client.get(reverse("workspace:home")).content.decode()
        assert "建设中" not in page and "待办事项" in page
    client.force_login(people.registrar)
    assert "新收待分办：1" in client.get(reverse("workspace:home")).content.decode()
