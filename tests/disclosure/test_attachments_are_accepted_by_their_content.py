import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.disclosure.attachments import DOC, DOCX, OFD, PDF, PNG, add_attachment, sniff
from gongkai.disclosure.models import Attachment

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def zipped(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("通知.pdf", PDF_BYTES, PDF),
        ("附件1.docx", zipped("[Content_Types].xml", "word/document.xml"), DOCX),
        ("附件2.DOC", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, DOC),
        ("版式文件.ofd", zipped("OFD.xml", "Doc_0/Document.xml"), OFD),
        ("照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, PNG),
    ],
)
def test_accepted_formats_are_recognised_by_their_bytes(name, content, kind):
    assert sniff(upload(name, content), name) == kind


def test_an_executable_renamed_pdf_is_refused():
    with pytest.raises(ValidationError, match="不支持该附件的格式"):
        sniff(upload("通知.pdf", EXE_BYTES), "通知.pdf")


def test_a_real_file_with_the_wrong_extension_is_refused():
    with pytest.raises(ValidationError, match="扩展名与内容不符"):
        sniff(upload("表格.xlsx", zipped("word/document.xml")), "表格.xlsx")


def test_a_zip_that_is_no_office_or_ofd_file_is_refused():
    with pytest.raises(ValidationError, match="不支持"):
        sniff(upload("资料.docx", zipped("readme.txt")), "资料.docx")


def test_the_size_limit_is_configurable(settings):
    settings.DISCLOSURE_ATTACHMENT_MAX_BYTES = 20
    with pytest.raises(ValidationError, match="附件过大"):
        sniff(upload("通知.pdf", PDF_BYTES), "通知.pdf")


def test_an_accepted_attachment_is_stored_with_its_checksum(people, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    attachment = add_attachment(draft(), upload("通知.pdf", PDF_BYTES), people.registrar)
    assert attachment.original_name == "通知.pdf" and attachment.content_type == PDF
    assert attachment.file.read() == PDF_BYTES
    assert not attachment.file.name.endswith(".pdf")  # stored under its checksum, never under the given name


def test_the_upload_screen_refuses_the_renamed_executable_in_chinese(
    people, draft, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    item = draft()
    client.force_login(people.registrar)
    response = client.post(
        reverse("disclosure:attachment_upload", args=[item.pk]),
        {"file": upload("通知.pdf", EXE_BYTES)},
        follow=True,
    )
    assert "不支持该附件的格式" in response.content.decode()
    assert not Attachment.objects.exists()
