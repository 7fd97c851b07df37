"""Saving an import for a year that already has a published report says so on the confirmation page, refuses
without a reason (the form is shown again), and with one stores a new version with that reason: the old
version and its files stay."""

import pytest

from gongkai.importer.models import ImportStatus
from gongkai.reports.models import AnnualReport
from tests.factories import make_pending_import, published_report_file

pytestmark = pytest.mark.django_db


def test_replacing_needs_a_reason_and_keeps_the_old_version(registrar, people):
    agency = people.agency
    first = make_pending_import(agency, people.registrar)
    assert (
        registrar.post(f"/workspace/imports/{first.pk}/save/", {"published_on": "2023-01-20"}).status_code
        == 302
    )

    corrected = published_report_file(agency.name, 2022, **{"section2.art20_1.regulations.made": 7})
    second = make_pending_import(agency, people.registrar, data=corrected, name="更正版.md")
    confirm = registrar.get(f"/workspace/imports/{second.pk}/save/").content.decode()
    assert "已有发布的报告（第1版" in confirm and "第2版" in confirm

    response = registrar.post(
        f"/workspace/imports/{second.pk}/save/", {"reason": "  ", "published_on": "2023-01-20"}
    )
    assert response.status_code == 400
    assert "替换须说明理由" in response.content.decode()
    report = AnnualReport.objects.get(agency=agency, year=2022)
    assert report.versions.count() == 1
    second.refresh_from_db()
    assert second.status == ImportStatus.PENDING

    reason = "原报告第二部分规章制发件数有误"
    assert (
        registrar.post(
            f"/workspace/imports/{second.pk}/save/", {"reason": reason, "published_on": "2023-01-20"}
        ).status_code
        == 302
    )
    old, new = report.versions.order_by("number")
    assert (old.number, new.number, new.reason) == (1, 2, reason)
    assert old.cells["section2"]["art20_1"]["regulations"]["made"] == 3
    assert new.cells["section2"]["art20_1"]["regulations"]["made"] == 7
    assert old.files.get().sha256 != new.files.get().sha256  # each version keeps its own source


def test_the_service_refuses_a_replacement_without_a_reason(people):
    from gongkai.importer.pending import ImportRefused, save

    save(make_pending_import(people.agency, people.registrar), actor=people.registrar)
    with pytest.raises(ImportRefused, match="替换须说明理由"):
        save(make_pending_import(people.agency, people.registrar), actor=people.registrar)
