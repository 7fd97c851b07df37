"""Denied actions reach the audit trail — a signed-in person's 403s and 404s on another agency's records,
forms posted without a CSRF token, requests over a rate limit — counted per minute, actor and kind: a
hundred refusals in a minute are one entry with the count, written when the minute is over, and the chain
still verifies. An anonymous visitor's 404 is not a refusal and is not kept."""

import time

import pytest
import time_machine
from django.test import Client

from gongkai import audit
from gongkai.audit.models import AuditEntry
from gongkai.security import denials
from gongkai.security.models import DenialTally
from tests.factories import make_application

pytestmark = pytest.mark.django_db


def entries(kind=None):
    found = AuditEntry.objects.filter(action="security.denied")
    return [e for e in found if kind is None or e.details["kind"] == kind]


def next_minute():
    denials.flush(before=int(time.time() // 60) + 1)


def test_a_hundred_refusals_in_a_minute_are_one_entry_with_the_count(client, personas):
    case, _ = make_application(personas.other_agency)  # another agency's case
    client.force_login(personas.registrar)
    with time_machine.travel("2026-11-02 10:00:05 +0800", tick=False):
        for _ in range(100):
            assert client.get(f"/workspace/applications/{case.pk}/").status_code == 404
        assert entries() == []  # nothing written while the minute lasts
        assert DenialTally.objects.get().count == 100
    with time_machine.travel("2026-11-02 10:01:05 +0800", tick=False):
        client.get(f"/workspace/applications/{case.pk}/")  # the next refusal writes the last minute
    (entry,) = entries()
    assert entry.details["kind"] == "http.404" and entry.details["count"] == 100
    assert entry.actor_id == personas.registrar.pk
    assert entry.details["path"] == f"/workspace/applications/{case.pk}/"
    assert audit.verify().ok


def test_a_form_without_its_csrf_token_is_audited(personas):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/apply/track/", {"reference": "X", "query_code": "Y"}, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 403 and "提交未被接受" in response.content.decode()
    next_minute()
    (entry,) = entries("csrf")
    assert entry.details["ip"] == "198.51.100.9" and entry.actor_id is None


def test_a_request_over_a_rate_limit_is_audited(client, settings):
    settings.API_RATE_LIMIT = 2
    statuses = [client.get("/api/agencies/").status_code for _ in range(4)]
    assert statuses == [200, 200, 429, 429]
    next_minute()
    (entry,) = entries("http.429")
    assert entry.details["count"] == 2


def test_a_403_is_audited_with_who_was_refused(client, personas):
    client.force_login(personas.registrar)
    assert client.get("/admin/").status_code == 302  # not staff: sent to log in, not a refusal
    client.force_login(personas.other_clerk)
    response = client.get(f"/workspace/reports/{personas.agency.code}/2025/")
    assert response.status_code in (403, 404)
    next_minute()
    (entry,) = entries()
    assert entry.actor_id == personas.other_clerk.pk


def test_an_anonymous_404_is_not_kept(client, db):
    for _ in range(5):
        assert client.get("/no-such-page/").status_code == 404
    next_minute()
    assert entries() == [] and not DenialTally.objects.exists()
