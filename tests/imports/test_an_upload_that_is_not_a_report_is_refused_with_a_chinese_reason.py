"""The upload judges a file by its content, not its name: a picture, a damaged old Word (.doc) file, an archive, an
empty or oversized file is refused at once with a Chinese reason, and nothing is stored; text that turns out
to be no annual report is said unreadable, with the reason, when it has been read; a report named .txt that
is really a PDF is read as the PDF it is."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.importer.models import ImportStatus, PendingImport
from tests.applications.conftest import PNG
from tests.factories import published_report_file

pytestmark = pytest.mark.django_db

# The start of an OLE container (Word 97–2003) naming the WordDocument stream, cut off: a damaged download.
OLE_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "WordDocument".encode("utf-16-le")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.pdf", PNG, "这是图片（PNG）"),
        (
            "report.docx",
            OLE_WORD,
            "这是 Word 97–2003（.doc）或 WPS 文字文件，但文件已损坏或不完整，无法读取；请用 WPS 或 Office 打开后另存为 .docx",
        ),
        ("report.zip", b"PK\x03\x04" + b"\0" * 100, "不是 Word（.docx）或 Excel（.xlsx）文件"),
        ("report.txt", b"   \n", "文件是空的"),
        ("report.txt", b"abc\x00\x01\x02", "含有二进制内容"),
    ],
)
def test_a_file_that_is_not_a_report_is_refused(registrar, people, name, content, reason):
    response = registrar.post(
        "/workspace/imports/", {"agency": people.agency.code, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_file_over_the_limit_is_refused(registrar, people, settings):
    settings.REPORT_IMPORT_MAX_BYTES = 1024 * 1024
    content = published_report_file(people.agency.name, 2022) * 300
    response = registrar.post(
        "/workspace/imports/", {"agency": people.agency.code, "file": SimpleUploadedFile("r.md", content)}
    )
    assert response.status_code == 400 and "文件过大：最大 1 MB" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_a_pdf_named_txt_is_read_as_a_pdf(registrar, people):
    content = published_report_file(people.agency.name, 2022, output="pdf")
    response = registrar.post(
        "/workspace/imports/", {"agency": people.agency.code, "file": SimpleUploadedFile("r.txt", content)}
    )
    assert response.status_code == 302
    assert PendingImport.objects.get().kind == "pdf"


def test_an_amount_with_more_digits_than_can_be_kept_exactly_is_refused(registrar, people):
    from decimal import Decimal

    from gongkai.formats import format_for_year

    amount = next(a for a, c in format_for_year(2022).cells() if c.kind == "amount")
    content = published_report_file(people.agency.name, 2022, **{amount: Decimal("1.12345678901234567891")})
    response = registrar.post(
        "/workspace/imports/", {"agency": people.agency.code, "file": SimpleUploadedFile("r.md", content)}
    )
    assert response.status_code == 302
    page = registrar.get(response["Location"]).content.decode()
    assert "无法读取" in page and "有效数字过多" in page
    assert PendingImport.objects.get().status == ImportStatus.UNREADABLE


def test_a_text_that_is_no_report_is_read_then_said_unreadable_and_can_be_discarded(registrar, people):
    content = "会议通知：请各科室准时参加。".encode()
    response = registrar.post(
        "/workspace/imports/",
        {"agency": people.agency.code, "file": SimpleUploadedFile("report.txt", content)},
    )
    pending = PendingImport.objects.get()
    page = registrar.get(response["Location"]).content.decode()
    assert pending.status == ImportStatus.UNREADABLE
    assert "不像是政府信息公开工作年度报告" in page and "重新上传" in page
    assert "保存为已发布报告" not in page
    assert registrar.post(f"/workspace/imports/{pending.pk}/discard/").status_code == 302
    pending.refresh_from_db()
    assert pending.status == ImportStatus.DISCARDED
