"""Undoing a closing overwrites the result, so it asks first, needs a reason, and is audited."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.appeals.services import close_appeal
from gongkai.audit.models import AuditEntry
from tests.factories import make_appeal

pytestmark = pytest.mark.django_db


def test_the_reopen_page_asks_before_anything_changes_and_a_reason_is_required(personas, logged_in):
    appeal = close_appeal(
        make_appeal(personas.agency, filed_on=date(2026, 5, 6)),
        closed_on=date(2026, 6, 1),
        result="upheld",
        actor=None,
    )
    client = logged_in(personas.registrar)
    page = client.get(reverse("appeals:reopen", args=[appeal.pk])).content.decode()
    assert "确认撤销" in page and "结果维持" in page
    appeal.refresh_from_db()
    assert not appeal.is_open

    response = client.post(reverse("appeals:reopen", args=[appeal.pk]), {"reason": ""})
    assert response.status_code == 200
    appeal.refresh_from_db()
    assert not appeal.is_open

    client.post(reverse("appeals:reopen", args=[appeal.pk]), {"reason": "误将另一案件的结果登记在本案"})
    appeal.refresh_from_db()
    assert appeal.is_open and appeal.result == "pending" and appeal.closed_on is None
    entry = AuditEntry.objects.get(action="appeal.reopen")
    assert entry.details["result"] == "upheld"
