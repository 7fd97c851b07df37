"""A draft letter waits in the department head's work queue for 签字, then in the leader's for 签发, and the
工作台 card counts it for them; the drafter and other agencies' staff are not asked to sign it."""

import pytest
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.applications import letters
from tests.applications.letters_support import decided_case
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def queue(client):
    return client.get(reverse("applications:queues")).content.decode()


def test_the_letter_moves_from_the_heads_queue_to_the_leaders(personas, client):
    application = decided_case(personas)
    letter = letters.draft_letter(application, "reply_granted", actor=personas.registrar)
    link = reverse("applications:letter", args=[application.pk, letter.pk])
    other_head = make_person(personas.other_agency, Role.DEPARTMENT_HEAD)

    client.force_login(personas.department_head)
    assert "文书待科室负责人签字（1 件）" in queue(client) and link in queue(client)
    assert "文书待科室负责人签字：1 件" in client.get(reverse("workspace:home")).content.decode()
    for person in (personas.leader, personas.registrar, other_head):
        client.force_login(person)
        assert link not in queue(client)

    letters.sign_as_head(letter, actor=personas.department_head)
    client.force_login(personas.leader)
    assert "文书待领导签发（1 件）" in queue(client) and link in queue(client)
    assert "文书待领导签发：1 件" in client.get(reverse("workspace:home")).content.decode()
    client.force_login(personas.department_head)
    assert link not in queue(client)

    letters.issue_letter(letter, actor=personas.leader)
    client.force_login(personas.leader)
    assert link not in queue(client)
