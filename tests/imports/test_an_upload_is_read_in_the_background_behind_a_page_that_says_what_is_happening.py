"""An upload is stored at once and read by the background worker: until the worker has read it, its page says
what is happening and refreshes itself; once read, the same address is the review. An import discarded
while it waits is not brought back by the reading, and a reading that fails says why."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.importer.models import ImportStatus, PendingImport
from gongkai.importer.pending import read_pending
from tests.factories import published_report_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_not_yet_run(settings):
    # Tasks are queued and kept, as in the database queue before `gongkai worker` takes them.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def upload(client, agency, name="2022年报.html", data=None):
    data = data or published_report_file(agency.name, 2022, output="html")
    response = client.post(
        "/workspace/imports/", {"agency": agency.code, "file": SimpleUploadedFile(name, data)}
    )
    assert response.status_code == 302
    return response["Location"], PendingImport.objects.latest("pk")


def test_the_page_of_an_upload_being_read_refreshes_and_then_becomes_the_review(
    registrar, people, worker_not_yet_run
):
    address, pending = upload(registrar, people.agency)
    assert pending.status == ImportStatus.READING and pending.result == {}
    page = registrar.get(address).content.decode()
    assert 'data-refresh="3"' in page and "停止自动刷新" in page
    assert "正在读取“2022年报.html”" in page and "排队等待读取" in page and "放弃导入" in page
    index = registrar.get("/workspace/imports/").content.decode()
    assert "正在读取" in index

    assert read_pending(pending.pk) == ImportStatus.PENDING
    page = registrar.get(address).content.decode()
    assert "data-refresh" not in page
    assert "核对导入的报告" in page and "（一）予以公开" in page
    pending.refresh_from_db()
    assert (pending.year, pending.format_version, pending.read_at is not None) == (2022, "2021", True)


def test_an_import_discarded_while_it_waits_stays_discarded(registrar, people, worker_not_yet_run):
    address, pending = upload(registrar, people.agency)
    confirm = registrar.get(f"/workspace/imports/{pending.pk}/discard/").content.decode()
    assert "确认放弃" in confirm
    registrar.post(f"/workspace/imports/{pending.pk}/discard/")
    assert read_pending(pending.pk) == ImportStatus.DISCARDED
    pending.refresh_from_db()
    assert pending.status == ImportStatus.DISCARDED and pending.result == {}


def test_a_reading_that_fails_ends_unreadable_with_the_reason(registrar, people, worker_not_yet_run):
    address, pending = upload(registrar, people.agency, "notes.txt", "这是一份会议纪要，没有表格。".encode())
    assert read_pending(pending.pk) == ImportStatus.UNREADABLE
    page = registrar.get(address).content.decode()
    assert "data-refresh" not in page
    assert "无法读取“notes.txt”" in page and "不像是政府信息公开工作年度报告" in page


def test_a_corrected_year_or_format_is_read_again_in_the_background_keeping_what_was_typed(
    registrar, people, worker_not_yet_run
):
    from gongkai.importer.pending import correct

    address, pending = upload(registrar, people.agency)
    read_pending(pending.pk)
    pending.refresh_from_db()
    fmt_cell = "section2.art20_1.regulations.made"
    pending = correct(
        pending, values={fmt_cell: 99}, year=2022, format_version="2021", actor=people.registrar
    )
    assert (
        pending.corrections[fmt_cell] == 99 and pending.status == ImportStatus.PENDING
    )  # nothing to re-read

    queued = []
    pending = correct(
        pending,
        values={},
        year=2021,
        format_version="2021",
        actor=people.registrar,
        read_later=lambda *args: queued.append(args),
    )
    assert queued == [(pending.pk, 2021, "2021")]
    assert pending.status == ImportStatus.READING
    page = registrar.get(address).content.decode()
    assert 'data-refresh="3"' in page and "重新读取" in page

    assert read_pending(*queued[0]) == ImportStatus.PENDING
    pending.refresh_from_db()
    assert (pending.year, pending.format_version, pending.corrections[fmt_cell]) == (2021, "2021", 99)
