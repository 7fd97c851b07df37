"""Every notice and every outcome's 答复书 renders in DOCX and PDF and says what the law asks a letter to say:
the date the application was received, the legal basis by article and — for letters to the applicant —
the remedy clause (行政复议 60日, 行政诉讼 6个月)."""

import re
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from gongkai.applications import letters, services
from gongkai.applications.models import LetterKind
from gongkai.rules.outcomes import OUTCOMES, Outcome
from tests.factories import make_application

from .letters_support import RECEIVED

pytestmark = pytest.mark.django_db

PROCEDURAL_ARTICLES = {
    LetterKind.RECEIPT: "第三十一条",
    LetterKind.CORRECTION: "第三十条",
    LetterKind.EXTENSION: "第三十三条第二款",
    LetterKind.CONSULTATION_THIRD_PARTY: "第三十二条",
    LetterKind.CONSULTATION_AGENCY: "第三十四条",
    LetterKind.REASONS: "第三十五条",
    LetterKind.FEE_NOTICE: "国办函〔2020〕109号",
}
NOT_TO_THE_APPLICANT = {LetterKind.CONSULTATION_THIRD_PARTY, LetterKind.CONSULTATION_AGENCY}
# One outcome for each answer letter.
OUTCOME_OF_LETTER = {}
for _outcome in Outcome:
    OUTCOME_OF_LETTER.setdefault(OUTCOMES[_outcome].letter, _outcome)


def test_every_kind_is_either_a_notice_or_an_outcomes_answer():
    assert set(PROCEDURAL_ARTICLES) | set(OUTCOME_OF_LETTER) == set(LetterKind.values)


def _case_for(personas, kind):
    r = personas.registrar
    application, _ = make_application(personas.agency, received_on=RECEIVED, applicant_name="李四")
    if kind == LetterKind.FEE_NOTICE:
        services.record_event(
            application,
            "fee_notice_received",
            date=date(2026, 1, 14),
            data={"fee_method": "per_page", "pages": 40},
            actor=r,
        )
    if kind == LetterKind.EXTENSION:
        services.record_event(
            application, "extension_approved", date=date(2026, 2, 6), data={"workdays": 15}, actor=r
        )
    if kind in NOT_TO_THE_APPLICANT:
        party = "third_party" if kind == LetterKind.CONSULTATION_THIRD_PARTY else "agency"
        services.record_event(
            application,
            "consultation_sent",
            date=date(2026, 1, 14),
            data={"party": party, "addressee": "乐清市某某有限公司"},
            actor=r,
        )
    if kind in OUTCOME_OF_LETTER:
        services.record_event(
            application,
            "decided",
            date=date(2026, 1, 20),
            data={"outcome": OUTCOME_OF_LETTER[kind].value},
            actor=r,
        )
    return application


def _docx_text(data: bytes) -> str:
    return "".join(p.text for p in Document(BytesIO(data)).paragraphs)


def _pdf_text(data: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return re.sub(r"\s+", "", text)


def _expected_articles(kind):
    if kind in PROCEDURAL_ARTICLES:
        return [PROCEDURAL_ARTICLES[kind]]
    return list(OUTCOMES[OUTCOME_OF_LETTER[kind]].articles)


@pytest.mark.parametrize("kind", list(LetterKind.values))
def test_the_letter_renders_with_its_received_date_basis_and_remedy(personas, kind):
    application = _case_for(personas, kind)
    letter = letters.draft_letter(application, kind, actor=personas.registrar)
    for text in (
        _docx_text(letters.letter_bytes(letter, "docx")),
        _pdf_text(letters.letter_bytes(letter, "pdf")),
    ):
        assert "2026年1月12日" in text
        for article in _expected_articles(kind):
            assert article in text
        assert personas.agency.name in text
        if kind in NOT_TO_THE_APPLICANT:
            # A third party learns what was asked, never who asked.
            assert "李四" not in text and "行政复议" not in text
            assert "乐清市某某有限公司" in text
        else:
            assert "李四：" in text
            assert "60日内向乐清市人民政府申请行政复议" in text
            assert "6个月内" in text and "提起行政诉讼" in text


def test_the_fee_notice_states_the_computed_amount(personas):
    application = _case_for(personas, LetterKind.FEE_NOTICE)
    letter = letters.draft_letter(application, LetterKind.FEE_NOTICE, actor=personas.registrar)
    assert "人民币100元" in letter.body  # 40 pages: pages 31–40 at 10 元


def test_an_answer_waits_for_the_decision_and_must_match_its_outcome(personas):
    application, _ = make_application(personas.agency, received_on=RECEIVED)
    with pytest.raises(letters.LetterError, match="尚未作出答复决定"):
        letters.draft_letter(application, LetterKind.REPLY_GRANTED, actor=personas.registrar)
    services.record_event(
        application, "decided", date=date(2026, 1, 20), data={"outcome": "granted"}, actor=personas.registrar
    )
    with pytest.raises(letters.LetterError, match="应使用"):
        letters.draft_letter(application, LetterKind.REPLY_DENIED, actor=personas.registrar)


def test_the_remedy_periods_and_bodies_come_from_the_agencys_settings(personas):
    settings = letters.settings_for(personas.agency)
    settings.review_days, settings.court = 90, "乐清市人民法院"
    settings.save()
    application = _case_for(personas, LetterKind.REPLY_GRANTED)
    letter = letters.draft_letter(application, LetterKind.REPLY_GRANTED, actor=personas.registrar)
    assert "90日内" in letter.body and "向乐清市人民法院提起行政诉讼" in letter.body
