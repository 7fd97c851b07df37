"""Cases are scoped: another agency's registrar neither sees nor changes them; a leader reads but cannot
record results."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.appeals.services import close_appeal
from tests.factories import make_appeal, make_application

pytestmark = pytest.mark.django_db


def test_a_registrar_of_another_agency_cannot_open_or_close_this_agencys_case(personas, logged_in):
    appeal = make_appeal(personas.agency, filed_on=date(2026, 5, 6), case_number="乐政复〔2026〕3号")
    client = logged_in(personas.other_clerk)
    for name in ("appeals:detail", "appeals:close", "appeals:reopen"):
        assert client.get(reverse(name, args=[appeal.pk])).status_code == 404
    assert (
        client.post(
            reverse("appeals:close", args=[appeal.pk]), {"result": "upheld", "closed_on": "2026-06-01"}
        ).status_code
        == 404
    )
    assert "乐政复〔2026〕3号" not in client.get(reverse("appeals:list")).content.decode()
    # Nor can they register a case against this agency.
    assert client.get(reverse("appeals:register") + f"?agency={personas.agency.code}").status_code == 404


def test_a_case_cannot_be_linked_to_another_agencys_application(personas, logged_in):
    elsewhere, _ = make_application(personas.other_agency, received_on=date(2026, 3, 2))
    client = logged_in(personas.registrar)
    response = client.post(
        reverse("appeals:register"),
        {
            "agency": personas.agency.code,
            "kind": "review",
            "application": elsewhere.pk,
            "body": "乐清市人民政府",
            "filed_on": "2026-05-06",
        },
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()


def test_a_leader_and_the_supervisor_read_the_case_but_cannot_close_it(personas, logged_in, client):
    appeal = make_appeal(personas.agency, filed_on=date(2026, 5, 6))
    for person in (personas.leader, personas.supervisor):
        client = logged_in(person)
        page = client.get(reverse("appeals:detail", args=[appeal.pk]))
        assert page.status_code == 200 and "登记审结" not in page.content.decode()
        assert client.get(reverse("appeals:close", args=[appeal.pk])).status_code == 403
        assert client.get(reverse("appeals:register")).status_code == 403
    close_appeal(appeal, closed_on=date(2026, 6, 1), result="upheld", actor=None)
    assert logged_in(personas.leader).get(reverse("appeals:reopen", args=[appeal.pk])).status_code == 403


def test_the_pages_need_a_log_in(personas, client):
    appeal = make_appeal(personas.agency, filed_on=date(2026, 5, 6))
    response = client.get(reverse("appeals:detail", args=[appeal.pk]))
    assert response.status_code == 302 and "login" in response.url
