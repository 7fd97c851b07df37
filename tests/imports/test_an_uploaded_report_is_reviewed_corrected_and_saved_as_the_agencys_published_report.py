"""The disclosure office uploads a report published elsewhere, reviews it beside its source, corrects a cell
(the checks run again and name the imbalance the correction made) and saves it: the agency's published
report for that year holds the corrected cell and the uploaded file, and every step is audited."""

import hashlib

import pytest

from gongkai.audit.models import AuditEntry
from gongkai.importer.models import ImportStatus, PendingImport
from gongkai.reports.models import AnnualReport, Origin
from tests.factories import published_report_file

pytestmark = pytest.mark.django_db

CELL = "section3.new_received.natural_person"


def test_upload_review_correct_and_save(registrar, people):
    agency = people.agency
    data = published_report_file(agency.name, 2022, output="html")
    response = registrar.post(
        "/workspace/imports/", {"agency": agency.code, "file": _file("2022年报.html", data)}
    )
    assert response.status_code == 302
    pending = PendingImport.objects.get()
    assert response["Location"] == f"/workspace/imports/{pending.pk}/"
    assert (pending.agency, pending.year, pending.format_version, pending.kind) == (
        agency,
        2022,
        "2021",
        "html",
    )

    page = registrar.get(response["Location"]).content.decode()
    # Side by side: the source's lines on the left, the official labels and an input per cell on the right.
    assert "原文" in page and 'id="line-0"' in page
    assert "（一）予以公开" in page and f'id="cell-{CELL}"' in page
    assert "未发现勾稽关系" in page  # the rendered report balances

    read = pending.result["section3"]["new_received"]["natural_person"]
    form = _form_of(pending)
    form[CELL] = str(read + 5)
    response = registrar.post(f"/workspace/imports/{pending.pk}/", form)
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.corrections == {CELL: read + 5}
    page = registrar.get(f"/workspace/imports/{pending.pk}/").content.decode()
    assert "[A1] 错误" in page and f'href="#cell-{CELL}"' in page  # the checks ran on the correction
    assert f"已更正，原为“{read}”" in page

    confirm = registrar.get(f"/workspace/imports/{pending.pk}/save/").content.decode()
    assert f"{agency.name}2022年" in confirm and "确认保存" in confirm
    # The rendered file states no date of its own: saving asks for it, and keeps it as the publication date.
    response = registrar.post(f"/workspace/imports/{pending.pk}/save/", {})
    assert response.status_code == 400 and "原文中没有找到发布日期" in response.content.decode()
    response = registrar.post(f"/workspace/imports/{pending.pk}/save/", {"published_on": "2023-01-20"})
    assert response.status_code == 302

    report = AnnualReport.objects.get(agency=agency, year=2022)
    version = report.latest_version()
    assert version.origin == Origin.IMPORTED and report.locked
    assert version.published_at.date().isoformat() == "2023-01-20"
    assert version.cells["section3"]["new_received"]["natural_person"] == read + 5
    (source,) = version.files.all()
    assert bytes(source.content) == data and source.sha256 == hashlib.sha256(data).hexdigest()
    assert version.source_name == "2022年报.html"
    assert version.provenance["corrections"] == {CELL: read + 5}
    pending.refresh_from_db()
    assert pending.status == ImportStatus.SAVED and pending.saved_version == version
    page = registrar.get(f"/workspace/imports/{pending.pk}/").content.decode()
    assert f'href="/workspace/reports/{agency.code}/2022/"' in page
    assert [
        e.action for e in AuditEntry.objects.filter(action__startswith="import.").order_by("sequence")
    ] == [
        "import.upload",
        "import.read",
        "import.correct",
        "import.save",
    ]


def test_a_saved_import_can_no_longer_be_changed_or_discarded(registrar, people):
    from tests.factories import make_pending_import

    pending = make_pending_import(people.agency, people.registrar)
    registrar.post(f"/workspace/imports/{pending.pk}/save/", {"published_on": "2023-01-20"})
    form = _form_of(pending)
    form[CELL] = "999"
    registrar.post(f"/workspace/imports/{pending.pk}/", form)
    registrar.post(f"/workspace/imports/{pending.pk}/discard/")
    pending.refresh_from_db()
    assert pending.status == ImportStatus.SAVED and pending.corrections == {}


def test_discarding_asks_first_and_leaves_the_published_reports_alone(registrar, people):
    from tests.factories import make_pending_import

    pending = make_pending_import(people.agency, people.registrar)
    page = registrar.get(f"/workspace/imports/{pending.pk}/discard/").content.decode()
    assert "确认放弃" in page
    pending.refresh_from_db()
    assert pending.status == ImportStatus.PENDING  # asking changed nothing
    assert registrar.post(f"/workspace/imports/{pending.pk}/discard/").status_code == 302
    pending.refresh_from_db()
    assert pending.status == ImportStatus.DISCARDED
    assert not AnnualReport.objects.filter(agency=people.agency).exists()
    assert AuditEntry.objects.filter(action="import.discard", target_id=str(pending.pk)).exists()


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def _form_of(pending) -> dict:
    """What the review form holds as shown: the year, the format and every cell as read."""
    from gongkai.formats.layout import format_value
    from gongkai.importer.pending import cells_of

    cells = cells_of(pending)
    form = {"year": pending.year, "format_version": pending.format_version}
    for address, column in cells.format.cells():
        form[address] = format_value(cells[address], column.kind)
    return form
