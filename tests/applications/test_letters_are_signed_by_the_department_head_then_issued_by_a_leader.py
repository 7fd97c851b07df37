"""科室负责人签字, then 领导签发; each by the right role, never by the drafter, each recorded and audited."""

from datetime import date

import pytest

from gongkai.agencies.access import NotAllowed
from gongkai.applications import letters
from gongkai.applications.models import LetterStatus
from gongkai.audit.models import AuditEntry
from tests.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def receipts_signed_twice(personas):
    """This agency has its 受理回执 signed and issued like every other letter (LetterSettings)."""
    settings = letters.settings_for(personas.agency)
    settings.receipt_issued_by_registrar = False
    settings.save()


@pytest.fixture
def draft(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    return letters.draft_letter(application, "receipt", actor=personas.registrar)


def test_the_steps_record_who_and_when(personas, draft):
    signed = letters.sign_as_head(draft, actor=personas.department_head)
    assert signed.status == LetterStatus.HEAD_SIGNED and signed.head_signed_by == personas.department_head
    issued = letters.issue_letter(signed, actor=personas.leader, issued_on=date(2026, 1, 21))
    assert issued.status == LetterStatus.ISSUED and issued.leader_signed_by == personas.leader
    assert issued.head_signed_at <= issued.leader_signed_at
    actions = list(
        AuditEntry.objects.filter(action__startswith="letter.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["letter.draft", "letter.head_sign", "letter.issue"]


def test_a_leader_cannot_issue_before_the_head_signed(personas, draft):
    with pytest.raises(letters.LetterError, match="须先经科室负责人签字"):
        letters.issue_letter(draft, actor=personas.leader)


@pytest.mark.parametrize("who", ["registrar", "leader", "reviewer", "other_clerk"])
def test_only_a_department_head_signs_as_head(personas, draft, who):
    with pytest.raises(NotAllowed, match="科室负责人"):
        letters.sign_as_head(draft, actor=getattr(personas, who))


def test_only_a_leader_issues(personas, draft):
    signed = letters.sign_as_head(draft, actor=personas.department_head)
    with pytest.raises(NotAllowed, match="领导"):
        letters.issue_letter(signed, actor=personas.department_head)


def test_nobody_signs_their_own_draft(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    own = letters.draft_letter(application, "receipt", actor=personas.department_head)
    with pytest.raises(letters.LetterError, match="不能签署自己拟写的文书"):
        letters.sign_as_head(own, actor=personas.department_head)


def test_editing_a_signed_draft_withdraws_the_signature(personas, draft):
    signed = letters.sign_as_head(draft, actor=personas.department_head)
    edited = letters.edit_letter(signed, body="新的正文。", addressee="张三", actor=personas.registrar)
    assert edited.status == LetterStatus.DRAFT and edited.head_signed_by is None


def test_the_case_page_offers_each_step_to_its_role(personas, draft, logged_in, client):
    from django.urls import reverse

    url = reverse("applications:letter", args=[draft.application_id, draft.pk])
    page = logged_in(personas.department_head).get(url).content.decode()
    assert "科室负责人签字" in page and "领导签发</a>" not in page
    client.post(reverse("applications:letter_sign", args=[draft.application_id, draft.pk]))
    page = logged_in(personas.leader).get(url).content.decode()
    assert "领导签发</a>" in page
    client.post(reverse("applications:letter_issue", args=[draft.application_id, draft.pk]))
    draft.refresh_from_db()
    assert draft.status == LetterStatus.ISSUED and draft.number
