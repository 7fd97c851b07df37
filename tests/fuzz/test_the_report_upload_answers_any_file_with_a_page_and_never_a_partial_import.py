"""The report upload takes anything a browser can send — any bytes under any name, mangled reports, files
over the size limits, odd agency codes — and answers with a page (200, 302, 400 or 413), never a server
error; a pending import is written whole (row, private file, audit entry) or not at all, and its reading
ends waiting for review or unreadable with a reason."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gongkai.audit.models import AuditEntry
from gongkai.importer.models import ImportStatus, PendingImport
from tests.factories import make_personas, published_report_file

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=60, suppress_health_check=list(HealthCheck), deadline=None)
REPORT = published_report_file("乐清市退役军人事务局", 2022)
IMPORT_LIMIT = 20_000  # bytes the importer accepts in this test
REQUEST_LIMIT = 40_000  # bytes of request body above which the middleware answers 413

CONTENTS = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [REPORT, b"%PDF-1.4", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG\r\n", b"<html><table>"]
    ),
    st.integers(0, len(REPORT)).map(lambda n: REPORT[:n]),
    st.sampled_from([IMPORT_LIMIT + 1, REQUEST_LIMIT + 1]).map(
        lambda n: (REPORT * (n // len(REPORT) + 1))[:n]
    ),
)


def uploadable(name: str) -> str:
    # Django cannot build an upload whose base name is empty, "." or ".."; a browser's is dropped by the parser.
    return name if os.path.basename(name) not in ("", ".", "..") else "f"


@pytest.fixture
def client_of_registrar(client, db, settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"
    settings.REPORT_IMPORT_MAX_BYTES = IMPORT_LIMIT
    settings.REQUEST_MAX_BYTES = REQUEST_LIMIT
    client.force_login(make_personas().registrar)
    return client, tmp_path / "private"


def _stored_files(root) -> int:
    return sum(len(files) for _, _, files in os.walk(root)) if root.exists() else 0


@FUZZ
@given(
    content=st.one_of(st.none(), CONTENTS),
    name=st.one_of(
        st.text(max_size=30), st.sampled_from(["r.txt", "r.pdf", "r.docx", "r.html", "r.doc", "r"])
    ),
    agency=st.one_of(st.just("yqtyjrswj"), st.text(max_size=12)),
)
@example(content=REPORT, name="2022年报.md", agency="yqtyjrswj")  # the whole write, at least once
@example(content=REPORT * 3, name="r.md", agency="yqtyjrswj")
@example(content=(REPORT * 20)[: REQUEST_LIMIT + 1], name="r.md", agency="yqtyjrswj")
def test_any_upload_gets_a_page_and_a_whole_import_or_none(client_of_registrar, content, name, agency):
    client, private = client_of_registrar
    data = {"agency": agency}
    if content is not None:
        data["file"] = SimpleUploadedFile(uploadable(name), content)
    before = (PendingImport.objects.count(), AuditEntry.objects.filter(action="import.upload").count())
    files_before = _stored_files(private)
    response = client.post("/workspace/imports/", data)
    assert response.status_code in (200, 302, 400, 413)
    after = (PendingImport.objects.count(), AuditEntry.objects.filter(action="import.upload").count())
    if response.status_code == 302:
        assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1]
        assert _stored_files(private) == files_before + 1
        pending = PendingImport.objects.latest("pk")
        with pending.source.open("rb") as stored:
            assert stored.read() == content
        # Read by the background task (at once here): waiting for review with what was read, or unreadable
        # with the reason; either way the page it leads to answers.
        if pending.status == ImportStatus.PENDING:
            assert pending.source_lines and "provenance" in pending.result and "unread" in pending.result
        else:
            assert pending.status == ImportStatus.UNREADABLE and pending.problem
        assert client.get(response["Location"]).status_code == 200
    else:
        assert after == before and _stored_files(private) == files_before
        if response.status_code == 400:
            assert "请" in response.content.decode() or "文件" in response.content.decode()
