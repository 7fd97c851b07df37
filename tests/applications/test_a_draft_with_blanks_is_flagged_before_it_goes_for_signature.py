"""A draft that still has blanks (＿＿＿＿) the template could not fill says so on its page, so the clerk
completes it before it goes to the department head; completed, the warning goes."""

import pytest
from django.urls import reverse

from gongkai.applications import letters
from tests.applications.letters_support import decided_case

pytestmark = pytest.mark.django_db


def test_the_blanks_of_a_partial_disclosure_draft_are_flagged_until_completed(personas, logged_in):
    application = decided_case(personas, "partially_granted")
    letter = letters.draft_letter(application, "reply_partially_granted", actor=personas.registrar)
    url = reverse("applications:letter", args=[application.pk, letter.pk])
    client = logged_in(personas.registrar)

    blanks = letter.body.count(letters.BLANK)
    assert blanks == 2  # the withheld part and the reason for withholding it
    assert f"还有 {blanks} 处空白" in client.get(url).content.decode()

    body = letter.body.replace(letters.BLANK, "申请人以外的个人身份信息", 1).replace(
        letters.BLANK, "属于个人隐私，公开后会对第三方合法权益造成损害。", 1
    )
    client.post(url, {"body": body, "addressee": letter.addressee})
    assert "处空白" not in client.get(url).content.decode()
