"""退回 with 意见 at each signature step: the department head returns a draft, the leader a signed draft; the
letter goes back to its drafter (on their 待办) with the 意见 in its history, and after the fix it is signed
from the start. A 受理回执 is issued by the registrar alone unless the agency's letter settings say otherwise."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.agencies.access import NotAllowed
from gongkai.applications import letters
from gongkai.applications.models import LetterReview, LetterStatus
from gongkai.todo import todo_for
from tests.applications.letters_support import decided_case
from tests.factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    return letters.draft_letter(decided_case(personas), "reply_granted", actor=personas.registrar)


def labels(user):
    return {entry.label: entry for entry in todo_for(user, date(2026, 1, 21))}


def test_the_head_returns_a_draft_with_an_opinion_and_the_drafter_finds_it_on_the_todo(personas, draft):
    letters.return_letter(draft, actor=personas.department_head, comment="请写明提供的名单年度。")
    draft.refresh_from_db()
    assert draft.status == LetterStatus.RETURNED
    review = draft.reviews.get()
    assert (review.step, review.action, review.comment) == ("head", "returned", "请写明提供的名单年度。")
    entry = labels(personas.registrar)["退回我修改的文书"]
    assert entry.count == 1 and entry.url == reverse("applications:letters_returned")
    with pytest.raises(letters.LetterError, match="不在草稿状态"):
        letters.sign_as_head(draft, actor=personas.department_head)
    letters.edit_letter(
        draft, body=draft.body + "\n补充。", addressee=draft.addressee, actor=personas.registrar
    )
    draft.refresh_from_db()
    assert draft.status == LetterStatus.DRAFT and "退回我修改的文书" not in labels(personas.registrar)


def test_the_leader_returns_a_signed_draft_and_the_head_signature_falls(personas, draft):
    signed = letters.sign_as_head(draft, actor=personas.department_head)
    letters.return_letter(signed, actor=personas.leader, comment="理由不充分，请补充。")
    signed.refresh_from_db()
    assert signed.status == LetterStatus.RETURNED and signed.head_signed_by is None
    assert [(r.step, r.action) for r in signed.reviews.all()] == [("head", "signed"), ("leader", "returned")]


def test_a_return_needs_an_opinion_and_the_right_person(personas, draft):
    with pytest.raises(letters.LetterError, match="请填写退回意见"):
        letters.return_letter(draft, actor=personas.department_head, comment="  ")
    with pytest.raises(NotAllowed):
        letters.return_letter(draft, actor=personas.leader, comment="不同意")  # not yet signed by the head
    assert not LetterReview.objects.exists()


def test_the_case_page_and_letter_page_show_the_opinion_to_the_drafter(personas, draft, logged_in):
    letters.return_letter(draft, actor=personas.department_head, comment="请写明提供的名单年度。")
    client = logged_in(personas.registrar)
    page = client.get(reverse("applications:letter", args=[draft.application_id, draft.pk]))
    text = page.content.decode()
    assert "科室负责人已退回修改" in text and "请写明提供的名单年度。" in text
    assert "保存修改并重新送签" in text
    listed = client.get(reverse("applications:letters_returned")).content.decode()
    assert draft.application.reference in listed and "请写明提供的名单年度。" in listed


def test_the_registrar_issues_a_receipt_alone_by_default(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    receipt = letters.draft_letter(application, "receipt", actor=personas.registrar)
    assert receipt not in letters_waiting_for(personas.department_head)
    issued = letters.issue_letter(receipt, actor=personas.registrar, issued_on=date(2026, 1, 12))
    assert issued.status == LetterStatus.ISSUED and issued.number


def test_an_agency_may_keep_both_signatures_for_receipts(personas):
    settings = letters.settings_for(personas.agency)
    settings.receipt_issued_by_registrar = False
    settings.save()
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    receipt = letters.draft_letter(application, "receipt", actor=personas.registrar)
    assert receipt in letters_waiting_for(personas.department_head)
    with pytest.raises(NotAllowed):
        letters.issue_letter(receipt, actor=personas.registrar)


def letters_waiting_for(user):
    from gongkai.applications.queues import letters_to_sign

    return letters_to_sign(user)["letters_to_sign"]
