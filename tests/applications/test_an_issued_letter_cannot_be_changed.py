"""An issued letter is kept as it was sent: the services and the model both refuse changes."""

from datetime import date

import pytest
from django.urls import reverse

from gongkai.applications import letters
from gongkai.applications.models import Letter, LetterLocked, sha256_hex
from tests.factories import make_application

from .letters_support import issued_letter

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    return issued_letter(personas, application)


def test_the_service_refuses_edits(personas, issued):
    with pytest.raises(LetterLocked):
        letters.edit_letter(issued, body="改过的正文", addressee="张三", actor=personas.registrar)


def test_the_model_refuses_saves_and_deletes(issued):
    issued.body = "改过的正文"
    with pytest.raises(LetterLocked):
        issued.save()
    with pytest.raises(LetterLocked):
        Letter.objects.get(pk=issued.pk).delete()
    assert Letter.objects.get(pk=issued.pk).body != "改过的正文"


def test_the_stored_files_match_their_checksums_and_are_served_unchanged(personas, issued, logged_in):
    stored = Letter.objects.get(pk=issued.pk)
    assert sha256_hex(bytes(stored.docx)) == stored.docx_sha256
    assert sha256_hex(bytes(stored.pdf)) == stored.pdf_sha256
    client = logged_in(personas.registrar)
    response = client.get(reverse("applications:letter_file", args=[issued.application_id, issued.pk, "pdf"]))
    assert sha256_hex(response.getvalue()) == stored.pdf_sha256


def test_the_edit_form_says_it_was_not_saved(personas, issued, logged_in):
    client = logged_in(personas.registrar)
    url = reverse("applications:letter", args=[issued.application_id, issued.pk])
    response = client.post(url, {"body": "改过的正文", "addressee": "张三"})
    assert "改过的正文" not in Letter.objects.get(pk=issued.pk).body
    assert response.status_code == 200 and "文书已签发，不能修改" in response.content.decode()


def test_a_letter_with_blanks_left_is_not_issued(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    letter = letters.draft_letter(application, "correction", actor=personas.registrar)  # no items given yet
    letter = letters.sign_as_head(letter, actor=personas.department_head)
    with pytest.raises(letters.LetterError, match="未填写的空白"):
        letters.issue_letter(letter, actor=personas.leader)
    assert Letter.objects.get(pk=letter.pk).number is None
