"""电子送达 with signed PDFs: an issued letter is signed (PAdES) with the agency's certificate; an applicant who
chose e-mail gets it with its attachments through the background worker, retried when the mail server fails;
the delivery record keeps the message id, and for the answer it is the case's 送达."""

import io
from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import letters
from gongkai.applications.clock import clock_state
from gongkai.applications.letters import delivery, signing
from gongkai.applications.models import LetterDelivery
from gongkai.rules.clock import DeliveryMethod, EventType, Status
from tests.applications.letters_support import decided_case

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def answer(personas, application, captured):
    letter = letters.draft_letter(application, "reply_granted", actor=personas.registrar)
    letters.add_attachment(
        letter,
        SimpleUploadedFile("名单.pdf", PDF, content_type="application/pdf"),
        title="补助发放名单",
        actor=personas.registrar,
    )
    letter = letters.sign_as_head(letter, actor=personas.department_head)
    with captured(execute=True):
        return letters.issue_letter(letter, actor=personas.leader, issued_on=date(2026, 1, 21))


@pytest.fixture
def certificate(personas):
    return signing.install_self_signed(personas.agency)


def emailing_case(personas):
    return decided_case(personas, carriers=["email"], routes=["email"], email="zhang@example.cn")


def test_the_issued_pdf_carries_an_intact_signature_of_the_agency(
    personas, certificate, django_capture_on_commit_callbacks
):
    letter = answer(personas, emailing_case(personas), django_capture_on_commit_callbacks)
    pdf = bytes(letter.pdf)
    checked = signing.verify_pdf(pdf, trusted_pem=certificate.certificate_pem)
    assert checked.valid and checked.signer == personas.agency.name
    assert checked.fingerprint == certificate.fingerprint
    assert certificate.fingerprint in letter.pdf_signer
    # One changed byte in the signed content (the binary comment under the header, which every reader
    # skips) and the signature no longer holds.
    assert pdf[9:10] == b"%"
    altered = pdf[:10] + bytes([pdf[10] ^ 0x01]) + pdf[11:]
    assert not signing.verify_pdf(altered, trusted_pem=certificate.certificate_pem).valid


def test_the_private_key_is_stored_encrypted(personas, certificate):
    assert "PRIVATE KEY" not in certificate.key_encrypted
    assert certificate.key_encrypted.startswith("gAAAAA")


def test_the_applicant_who_chose_email_gets_the_signed_letter_and_it_counts_as_delivered(
    personas, certificate, django_capture_on_commit_callbacks
):
    application = emailing_case(personas)
    letter = answer(personas, application, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["zhang@example.cn"] and letter.number in message.subject
    names = [name for name, _data, _type in message.attachments]
    assert names[0].endswith("答复书（予以公开）.pdf") and "附件1-补助发放名单.pdf" in names
    assert message.attachments[0][1] == bytes(letter.pdf)
    record = LetterDelivery.objects.get(letter=letter)
    assert record.status == LetterDelivery.Status.SENT
    assert record.message_id == message.extra_headers["Message-ID"]
    delivered = application.events.get(type=EventType.DELIVERED)
    assert delivered.data == {"method": DeliveryMethod.ELECTRONIC.value, "message_id": record.message_id}
    assert clock_state(application).status is Status.DELIVERED


def test_a_failing_mail_server_is_retried_and_then_recorded_as_failed(
    personas, certificate, django_capture_on_commit_callbacks, monkeypatch
):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("邮件服务器拒绝连接")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    application = emailing_case(personas)
    letter = answer(personas, application, django_capture_on_commit_callbacks)
    record = LetterDelivery.objects.get(letter=letter)
    assert record.status == LetterDelivery.Status.FAILED
    assert record.attempts == delivery.MAX_ATTEMPTS and "拒绝连接" in record.error
    assert not application.events.filter(type=EventType.DELIVERED).exists()


def test_an_applicant_who_asked_for_paper_gets_no_mail(
    personas, certificate, django_capture_on_commit_callbacks
):
    application = decided_case(personas, email="zhang@example.cn")  # paper, by post
    answer(personas, application, django_capture_on_commit_callbacks)
    assert mail.outbox == [] and not LetterDelivery.objects.exists()


def test_without_a_certificate_the_letter_is_issued_unsigned(personas, django_capture_on_commit_callbacks):
    letter = answer(personas, decided_case(personas), django_capture_on_commit_callbacks)
    assert letter.pdf_signer == "" and not signing.verify_pdf(bytes(letter.pdf)).signed


def test_an_agency_certificate_from_a_pkcs12_file_is_accepted_and_a_wrong_password_refused(personas):
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12

    made = signing.install_self_signed(personas.other_agency)
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    from gongkai.applications import crypto

    key = serialization.load_pem_private_key(crypto.decrypt(made.key_encrypted).encode(), None)
    cert = x509.load_pem_x509_certificate(made.certificate_pem.encode())
    p12 = pkcs12.serialize_key_and_certificates(b"ca", key, cert, None, BestAvailableEncryption(b"mima"))
    with pytest.raises(signing.SigningError, match="密码不正确"):
        signing.install_pkcs12(personas.agency, p12, "wrong", actor=personas.admin)
    with pytest.raises(signing.SigningError, match="PKCS#12"):
        signing.install_pkcs12(personas.agency, io.BytesIO(b"not a certificate").read(), "", actor=None)
    stored = signing.install_pkcs12(personas.agency, p12, "mima", actor=personas.admin)
    assert stored.fingerprint == made.fingerprint and not stored.self_signed


def test_a_receipt_is_mailed_to_any_address_given_and_shows_the_dates(
    personas, certificate, django_capture_on_commit_callbacks
):
    from tests.factories import make_application

    application, _ = make_application(personas.agency, received_on=date(2026, 1, 12), email="li@example.cn")
    receipt = letters.draft_letter(application, "receipt", actor=personas.registrar)
    assert "收到申请之日为2026年1月12日" in receipt.body and "2026年2月9日" in receipt.body
    assert application.request_description in receipt.body
    with django_capture_on_commit_callbacks(execute=True):
        letters.issue_letter(receipt, actor=personas.registrar, issued_on=date(2026, 1, 12))
    assert [m.to for m in mail.outbox] == [["li@example.cn"]]
    # A receipt is not the answer: the case is not delivered by it.
    assert not application.events.filter(type=EventType.DELIVERED).exists()
