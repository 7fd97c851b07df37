"""The 工作台 shows the registrar that a case is past its reply date: the 依申请公开 card counts it and leads
to the work queue, where it is listed as overdue with its due date, while a case received today is not."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from gongkai.applications.clock import clock_state
from tests.factories import PASSWORD, make_application, make_personas


def test_the_workspace_leads_to_the_overdue_case(page, log_in, db):
    people = make_personas()
    today = timezone.localdate()
    late, _ = make_application(people.agency, received_on=today - timedelta(days=60))
    fresh, _ = make_application(people.agency, received_on=today, request_description="本局2026年工作要点")
    due = clock_state(late).reply_due
    assert due < today

    log_in(people.registrar.username, PASSWORD)
    card = page.locator(".card", has=page.get_by_role("link", name="依申请公开"))
    card.get_by_role("link", name="已超期：1 件").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("依申请公开工作队列")
    overdue = page.locator("section", has=page.get_by_role("heading", name="已超期（1 件）"))
    row = overdue.get_by_role("row", name=re.compile(late.reference))
    expect(row).to_contain_text(f"答复期限 {due.isoformat()}")
    expect(row).to_contain_text(re.compile(r"已超期 \d+ 个工作日"))
    expect(overdue.get_by_text(fresh.reference)).to_have_count(0)

    row.get_by_role("link", name=late.reference).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(late.reference)
    expect(page.locator(".tag--overdue").first).to_be_visible()


def test_another_agencys_registrar_sees_no_overdue_case_of_this_agency(page, log_in, db):
    people = make_personas()
    late, _ = make_application(people.agency, received_on=timezone.localdate() - timedelta(days=60))

    log_in(people.other_clerk.username, PASSWORD)
    page.goto("/workspace/applications/queues/")
    expect(page.get_by_role("heading", name="已超期（0 件）")).to_be_visible()
    expect(page.get_by_text(late.reference)).to_have_count(0)
    response = page.goto(f"/workspace/applications/{late.pk}/")
    assert response.status == 404
