"""The 工作台 待办 tells each person the truth: what waits for them, counted, each count a link to its list."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.todo import todo_for
from tests.factories import make_application, make_item, make_personas

pytestmark = pytest.mark.django_db


def entries(user, today):
    return {entry.label: entry for entry in todo_for(user, today)}


def test_a_registrar_sees_an_overdue_case_counted_and_linked_to_its_queue():
    people = make_personas()
    with time_machine.travel(date(2026, 3, 2), tick=False):
        make_application(people.agency, received_on=date(2026, 1, 5))  # due 2026-02-02

        found = entries(people.registrar, date(2026, 3, 2))

    assert found["已超期"].count == 1
    assert found["已超期"].url == reverse("applications:queues") + "#overdue"
    assert found["已超期"].area == "依申请公开"


def test_another_agencys_clerk_sees_none_of_it():
    people = make_personas()
    with time_machine.travel(date(2026, 3, 2), tick=False):
        make_application(people.agency, received_on=date(2026, 1, 5))

        assert "已超期" not in entries(people.other_clerk, date(2026, 3, 2))


def test_an_item_waiting_for_the_department_head_is_on_their_todo_and_the_home_page():
    people = make_personas()
    make_item(people.agency, status="department_review", drafter=people.registrar)

    found = [e for e in todo_for(people.department_head, date(2026, 3, 2)) if e.area == "主动公开"]

    assert [e.count for e in found] == [1]
    assert found[0].url.startswith(reverse("disclosure:items") + "?status=department_review")


def test_a_report_overdue_and_unpublished_is_on_the_registrars_todo_and_not_the_reviewers():
    people = make_personas()
    found = entries(people.registrar, date(2026, 2, 10))  # the 2025 report was due on 31 January

    report = [e for e in found.values() if e.area == "年度报告" and people.agency.name in e.label]
    assert len(report) == 1 and report[0].hint == "已超期"
    assert report[0].url == reverse("reports:detail", args=[people.agency.code, 2025])
    assert not [e for e in todo_for(people.reviewer, date(2026, 2, 10)) if e.area == "年度报告"]


def test_the_home_page_shows_the_todo_and_no_construction_notice(client):
    people = make_personas()
    client.force_login(people.registrar)

    with time_machine.travel(date(2026, 2, 10), tick=False):
        page = client.get(reverse("workspace:home")).content.decode()

    assert "待办事项" in page and "年度报告：尚未起草" in page
    assert "建设中" not in page


def test_a_person_with_nothing_waiting_is_told_so(client):
    people = make_personas()
    client.force_login(people.reviewer)

    with time_machine.travel(date(2026, 6, 1), tick=False):
        page = client.get(reverse("workspace:home")).content.decode()

    assert "目前没有等您处理的事项" in page
