"""The answer is drafted from the decision: what is given, what is withheld and why. The disclosed material is
attached and listed in the 附件 line (GB/T 9704), in the PDF with the last paragraph and the 落款 on one
page; attachments are accepted by their content only."""

import io
from datetime import date

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from gongkai.applications import letters, services
from gongkai.applications.letters.render import render_docx, render_pdf
from tests.factories import make_application

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def partly_granted(personas):
    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12))
    services.record_event(
        application,
        "decided",
        date=date(2026, 1, 20),
        data={
            "outcome": "partially_granted",
            "disclosed": "2025年度补助发放名单（共3页）",
            "withheld_part": "名单中的身份证号码和银行账号",
            "withheld_reason": "属于个人隐私，公开会对第三方合法权益造成损害",
        },
        actor=personas.registrar,
    )
    return application


def test_the_decision_flows_into_the_draft(personas):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    assert "名单中的身份证号码和银行账号不予公开" in letter.body
    assert "可以公开的部分，即2025年度补助发放名单（共3页）（见附件）" in letter.body
    assert "说明理由如下：属于个人隐私，公开会对第三方合法权益造成损害。" in letter.body
    assert "第三十七条" in letter.body and letters.BLANK not in letter.body


def test_attachments_are_listed_in_the_letter_and_the_closing_stays_with_the_last_paragraph(personas):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    for title in ("2025年度补助发放名单", "补助标准"):
        letters.add_attachment(
            letter, SimpleUploadedFile("x.pdf", PDF), title=title + "。", actor=personas.registrar
        )
    docx = [p.text for p in Document(io.BytesIO(render_docx(letter))).paragraphs]
    assert "附件：1. 2025年度补助发放名单" in docx and "　　　2. 补助标准" in docx
    with pdfplumber.open(io.BytesIO(render_pdf(letter))) as pdf:
        pages = [(page.extract_text() or "").replace(" ", "") for page in pdf.pages]
    last = pages[-1]
    # The agency and the date never stand alone: the remedy clause (the last paragraph) is on their page.
    closing = last.splitlines()[-4:]  # agency, date (blank in a draft: 年月日), page number
    assert any(personas.agency.name in line for line in closing) and any("年" in line for line in closing)
    assert "行政诉讼" in last and "附件：1.2025年度补助发放名单" in last


def test_an_attachment_is_accepted_by_its_content_not_its_name(personas):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    disguised = SimpleUploadedFile("名单.pdf", b"MZ\x90\x00 not a document", content_type="application/pdf")
    with pytest.raises(letters.LetterError, match="按文件内容识别"):
        letters.add_attachment(letter, disguised, title="名单", actor=personas.registrar)
    with pytest.raises(letters.LetterError, match="附件名称"):
        letters.add_attachment(letter, SimpleUploadedFile("a.pdf", PDF), title=" ", actor=personas.registrar)
    assert not letter.attachments.exists()


def test_adding_an_attachment_withdraws_the_head_signature(personas):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    letter = letters.sign_as_head(letter, actor=personas.department_head)
    letters.add_attachment(letter, SimpleUploadedFile("a.pdf", PDF), title="名单", actor=personas.registrar)
    letter.refresh_from_db()
    assert letter.status == "draft" and letter.head_signed_by is None


def test_another_agencys_registrar_cannot_reach_an_attachment(personas, logged_in):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    attachment = letters.add_attachment(
        letter, SimpleUploadedFile("a.pdf", PDF), title="名单", actor=personas.registrar
    )
    url = reverse("applications:attachment_file", args=[letter.application_id, letter.pk, attachment.pk])
    assert logged_in(personas.other_clerk).get(url).status_code == 404
    response = logged_in(personas.registrar).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_removing_an_attachment_asks_first(personas, logged_in):
    letter = letters.draft_letter(
        partly_granted(personas), "reply_partially_granted", actor=personas.registrar
    )
    attachment = letters.add_attachment(
        letter, SimpleUploadedFile("a.pdf", PDF), title="名单", actor=personas.registrar
    )
    url = reverse("applications:attachment_remove", args=[letter.application_id, letter.pk, attachment.pk])
    client = logged_in(personas.registrar)
    asked = client.get(url).content.decode()
    assert "确认删除附件" in asked and "“名单”" in asked and letter.attachments.count() == 1
    assert client.post(url).status_code == 302 and letter.attachments.count() == 0
