"""Attack: Word and Excel files are zip archives, and a few kilobytes of zip can inflate to gigabytes of
XML. Such a file — uploaded for report import, given to `gongkai report parse/check`, or uploaded as
statistics or ledger figures — is refused with a Chinese reason from its zip directory alone, in well under
a second, and nothing is stored; the command line exits 2."""

import io
import struct
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.cli import main
from gongkai.importer.models import PendingImport
from gongkai.ledger.models import LedgerEntry
from gongkai.security import archives
from gongkai.statistics.models import Matter
from tests.factories import make_personas, published_report_file
from tests.statistics.importfiles import GOOD_ROWS, xlsx_bytes

pytestmark = pytest.mark.django_db

INFLATED = 24 * 1024 * 1024  # what the bomb's document.xml inflates to


def with_member(archive: bytes, name: str, content: bytes) -> bytes:
    """`archive` with member `name` replaced by `content` (deflated)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for info in source.infolist():
            if info.filename != name:
                zf.writestr(info, source.read(info))
        zf.writestr(name, content)
    return out.getvalue()


def docx_bomb(real: bytes) -> bytes:
    """A real report's Word file whose document.xml is one enormous text node."""
    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    return with_member(real, "word/document.xml", head + b"\xe5\x85\xac" * (INFLATED // 3) + tail)


def lying_about_its_size(archive: bytes, name: str) -> bytes:
    """`archive` with `name`'s declared size cut to 100 bytes in both the local header and the directory:
    a reader that trusted the directory and inflated on would get far more than it planned for."""
    data = bytearray(archive)
    with zipfile.ZipFile(io.BytesIO(archive)) as zf:
        offset = zf.getinfo(name).header_offset
    struct.pack_into("<I", data, offset + 22, 100)  # local header: uncompressed size
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(name)] != name.encode():
        entry = data.find(b"PK\x01\x02", entry + 4)
    struct.pack_into("<I", data, entry + 24, 100)  # central directory: uncompressed size
    return bytes(data)


@pytest.fixture(scope="module")
def real() -> bytes:
    return published_report_file("乐清市退役军人事务局", 2022, output="docx")


@pytest.fixture(scope="module")
def bomb(real) -> bytes:
    return docx_bomb(real)


@pytest.fixture
def people(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    return make_personas()


def test_the_bomb_is_a_few_kilobytes_that_would_inflate_to_megabytes(bomb):
    assert len(bomb) < 200 * 1024
    with zipfile.ZipFile(io.BytesIO(bomb)) as zf:
        assert zf.getinfo("word/document.xml").file_size > INFLATED


def test_the_report_upload_refuses_the_bomb_quickly_and_stores_nothing(client, people, bomb):
    client.force_login(people.registrar)
    started = time.monotonic()
    response = client.post(
        "/workspace/imports/", {"agency": people.agency.code, "file": SimpleUploadedFile("年报.docx", bomb)}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 400
    page = response.content.decode()
    assert "压缩炸弹" in page and "已拒绝读取" in page
    assert not PendingImport.objects.exists()
    assert elapsed < 5, f"拒绝用了 {elapsed:.1f} 秒"


@pytest.mark.parametrize("command", ["parse", "check"])
def test_the_report_commands_exit_2_with_the_reason(bomb, tmp_path, capsys, command):
    path = tmp_path / "年报.docx"
    path.write_bytes(bomb)
    assert main(["report", command, str(path)]) == 2
    err = capsys.readouterr().err
    assert "年报.docx" in err and "压缩炸弹" in err


def test_a_zip_that_understates_a_parts_size_is_refused_as_damaged(real, tmp_path, capsys):
    path = tmp_path / "年报.docx"
    path.write_bytes(lying_about_its_size(real, "word/document.xml"))
    assert main(["report", "parse", str(path)]) == 2
    assert "已损坏" in capsys.readouterr().err


def test_too_many_parts_or_too_many_tags_are_refused(real, monkeypatch):
    archives.check_archive(real, "Word 文档")  # a real report passes every limit
    monkeypatch.setattr(archives, "MAX_MEMBERS", 5)
    with pytest.raises(archives.ArchiveRefused, match="个部件，超过上限 5 个"):
        archives.check_archive(real, "Word 文档")
    monkeypatch.setattr(archives, "MAX_MEMBERS", 2000)
    monkeypatch.setattr(archives, "MAX_XML_TAGS", 50)
    with pytest.raises(archives.ArchiveRefused, match="XML 标记超过 50 个"):
        archives.check_archive(real, "Word 文档")


def test_a_statistics_workbook_bomb_is_refused_by_row_import_and_page(client, people, tmp_path, capsys):
    bomb = with_member(xlsx_bytes(GOOD_ROWS), "xl/worksheets/sheet1.xml", b"<x>" + b" " * INFLATED + b"</x>")
    path = tmp_path / "figures.xlsx"
    path.write_bytes(bomb)
    assert main(["statistics", "import", "--agency", people.agency.code, str(path)]) == 2
    assert "压缩炸弹" in capsys.readouterr().err
    client.force_login(people.registrar)
    response = client.post(
        "/workspace/statistics/import/",
        {"agency": people.agency.code, "file": SimpleUploadedFile("figures.xlsx", bomb)},
    )
    assert "压缩炸弹" in response.content.decode()
    assert not Matter.objects.exists()
    response = client.post(
        "/workspace/ledger/import/",
        {"agency": people.agency.code, "file": SimpleUploadedFile("ledger.xlsx", bomb)},
    )
    assert "压缩炸弹" in response.content.decode()
    assert not LedgerEntry.objects.exists()
