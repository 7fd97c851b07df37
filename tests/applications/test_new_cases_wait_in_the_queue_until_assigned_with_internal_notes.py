"""Issue 13 item 2: new cases wait in 新收待分办 until given to a 承办科室 and a handler (an event of the case,
audited); the list filters and searches; bulk assignment is all or nothing; internal notes are never shown
to the applicant."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from gongkai.applications import casework, services
from gongkai.applications.queues import queues_for
from gongkai.audit.models import AuditEntry
from tests.factories import make_application, make_department

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_a_new_case_is_in_the_new_bucket_until_it_is_assigned(personas, logged_in):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 19))
    assert [r.application for r in queues_for(personas.registrar).new] == [application]
    client = logged_in(personas.registrar)

    response = client.post(
        reverse("applications:assign", args=[application.pk]),
        {"department": personas.office.pk, "handler": personas.department_head.pk, "note": "请核实原件"},
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.department == personas.office and application.handler == personas.department_head
    assert queues_for(personas.registrar).new == []
    assigned = application.events.get(type="assigned")
    assert assigned.data["department_name"] == "办公室" and assigned.note == "请核实原件"
    assert AuditEntry.objects.filter(action="application.assign").count() == 1


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_the_list_filters_by_bucket_status_department_and_searches_the_subject(personas, logged_in):
    first, _ = make_application(
        personas.agency, received_on=date(2026, 1, 12), request_description="2025年优待证发放名单"
    )
    second, _ = make_application(
        personas.agency, received_on=date(2026, 1, 13), request_description="烈士纪念设施维修经费"
    )
    casework.assign(second, department=personas.office, handler=None, actor=personas.registrar)
    client = logged_in(personas.registrar)
    url = reverse("applications:list")

    def refs(**query):
        page = client.get(url, query).content.decode()
        return [a.reference for a in (first, second) if a.reference in page]

    assert refs(bucket="new") == [first.reference]
    assert refs(bucket="open", department=personas.office.pk) == [second.reference]
    assert refs(bucket="all", q="纪念设施") == [second.reference]
    assert refs(bucket="all", received_from="2026-01-13") == [second.reference]
    assert refs(bucket="all", status="registered") == [first.reference, second.reference]
    services.record_event(second, "decided", date=date(2026, 1, 19), data={"outcome": "granted"}, actor=None)
    assert refs(bucket="all", outcome="granted") == [second.reference]
    assert refs(bucket="all", status="decided") == [second.reference]


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_the_list_shows_a_natural_persons_name_masked(personas, logged_in):
    make_application(personas.agency, applicant_name="欧阳娜娜")
    page = logged_in(personas.registrar).get(reverse("applications:list")).content.decode()

    assert "自然人（欧***）" in page and "欧阳娜娜" not in page


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_bulk_assignment_assigns_every_ticked_case_or_none(personas, logged_in):
    cases = [make_application(personas.agency)[0] for _ in range(3)]
    foreign = make_department(personas.other_agency, "社会救助科")
    client = logged_in(personas.registrar)
    url = reverse("applications:bulk_assign")
    ticked = [c.pk for c in cases[:2]]

    refused = client.post(
        url, {"agency": personas.agency.code, "cases": ticked, "department": foreign.pk}, follow=True
    )
    assert "未分办" in refused.content.decode()
    assert not any(c.events.filter(type="assigned").exists() for c in cases)

    client.post(url, {"agency": personas.agency.code, "cases": ticked, "department": personas.office.pk})
    assigned = [c.events.filter(type="assigned").exists() for c in cases]
    assert assigned == [True, True, False]


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_another_agencys_case_cannot_be_bulk_assigned(personas, logged_in):
    theirs, _ = make_application(personas.other_agency)
    client = logged_in(personas.registrar)

    client.post(
        reverse("applications:bulk_assign"),
        {"agency": personas.agency.code, "cases": [theirs.pk], "department": personas.office.pk},
    )

    assert not theirs.events.filter(type="assigned").exists()


@time_machine.travel(date(2026, 1, 20), tick=False)
def test_internal_notes_and_assignments_never_reach_the_applicant(personas, logged_in, client):
    application, code = make_application(personas.agency, received_on=date(2026, 1, 19))
    casework.assign(
        application,
        department=personas.office,
        handler=None,
        note="内部：申请人曾多次来电",
        actor=personas.registrar,
    )
    casework.add_note(application, text="内部：待主任批示", actor=personas.registrar)

    tracked = client.post(reverse("apply:track"), {"reference": application.reference, "query_code": code})
    public = tracked.content.decode()
    assert application.reference in public
    assert "内部" not in public and "分办" not in public and "办公室" not in public
    assert [label for label, _ in services.public_milestones(application)] == ["收到申请"]

    from gongkai.applications.personal_data import export_applicant

    _, data = export_applicant(application, actor=personas.registrar)
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        text = "".join(package.read(name).decode("utf-8", "replace") for name in package.namelist())
    assert "待主任批示" not in text and "分办" not in text


def test_after_bulk_assignment_the_page_returns_only_within_the_site(personas, logged_in):
    case, _ = make_application(personas.agency)
    client = logged_in(personas.registrar)
    data = {"agency": personas.agency.code, "cases": [case.pk], "department": personas.office.pk}

    away = client.post(reverse("applications:bulk_assign"), {**data, "next": "//evil.example/x"})
    home = client.post(
        reverse("applications:bulk_assign"), {**data, "next": "/workspace/applications/?bucket=new"}
    )

    assert away["Location"] == reverse("applications:list")
    assert home["Location"] == "/workspace/applications/?bucket=new"
