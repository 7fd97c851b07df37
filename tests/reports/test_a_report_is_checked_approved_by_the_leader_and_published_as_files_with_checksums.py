"""The workflow of a report: draft → 已校验 (no error) → 提请审定 → 已审定 by a leader → 已发布. Publishing stores an
immutable version — cells, rendered text, PDF, DOCX and HTML with their SHA-256 — and locks the year; a
correction is a new version with its reason, the first one still downloadable."""

import hashlib
from datetime import date

import pytest

from gongkai.agencies.access import NotAllowed
from gongkai.audit.models import AuditEntry
from gongkai.disclosure.models import DisclosureAttribute, OfficialDocument
from gongkai.reports import services
from gongkai.reports.locks import YearLocked
from gongkai.reports.models import ReportStatus, ReportVersion
from tests.factories import make_personas
from tests.reports.published import fill_ledger

pytestmark = pytest.mark.django_db


def document(agency, n, day, attribute=DisclosureAttribute.PROACTIVE):
    return OfficialDocument.objects.create(
        agency=agency,
        document_number=f"乐退役军人〔2025〕{n}号",
        title=f"关于测试工作的通知（{n}）",
        issued_on=day,
        attribute=attribute,
        attribute_reason="" if attribute == DisclosureAttribute.PROACTIVE else "内部管理事务",
    )


def written(report, people):
    sections = dict(report.sections)
    sections["五"] = "一是政务公开业务水平有待提高。下一步将加强培训。"
    return services.save_sections(report, sections, actor=people.registrar)


def test_only_a_checked_report_approved_by_a_leader_is_published_and_publishing_locks_the_year():
    people = make_personas()
    document(people.agency, 1, date(2025, 3, 2))
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    assert report.format_version == "2021"
    assert "全年共制发公文{{documents_issued}}件" in report.sections["一"]

    with pytest.raises(services.ReportError, match="须先经校验"):
        services.publish(report, actor=people.registrar)
    report = written(report, people)
    fill_ledger(people.agency, 2025)
    assert services.check(report, actor=people.registrar) == []
    with pytest.raises(services.ReportError, match="提请审定"):
        services.approve(report, actor=people.leader)
    services.submit(report, actor=people.registrar)
    with pytest.raises(NotAllowed, match="领导"):
        services.approve(report, actor=people.registrar)

    # The records change after the check: the leader cannot approve what was not checked.
    document(people.agency, 2, date(2025, 5, 6))
    with pytest.raises(services.ReportError, match="重新校验"):
        services.approve(report, actor=people.leader)
    services.check(report, actor=people.registrar)
    services.submit(report, actor=people.registrar)
    report = services.approve(report, actor=people.leader)
    assert report.status == ReportStatus.APPROVED

    version = services.publish(report, actor=people.registrar)
    report.refresh_from_db()
    assert (report.status, report.locked, version.number) == (ReportStatus.PUBLISHED, True, 1)
    assert "全年共制发公文2件" in version.sections["一"]
    assert version.cells["section3"]["new_received"]["total"] == 0
    files = {f.kind: f for f in version.files.all()}
    assert set(files) == {"pdf", "docx", "html"}
    assert bytes(files["pdf"].content).startswith(b"%PDF")
    assert bytes(files["docx"].content).startswith(b"PK")
    for f in files.values():
        assert f.sha256 == hashlib.sha256(bytes(f.content)).hexdigest() and f.size == len(bytes(f.content))
    assert AuditEntry.objects.filter(action="report.publish", target_id=str(report.pk)).exists()

    with pytest.raises(ValueError, match="不能修改"):
        version.reason = "改写"
        version.save()
    with pytest.raises(YearLocked):
        document(people.agency, 3, date(2025, 8, 1))

    # A correction: the administrator unlocks 2025 with a reason, the record is added, v2 needs a reason.
    services.unlock_year(report, actor=people.admin, reason="漏登一件公文")
    document(people.agency, 3, date(2025, 8, 1))
    services.check(report, actor=people.registrar)
    services.submit(report, actor=people.registrar)
    services.approve(report, actor=people.leader)
    with pytest.raises(services.ReportError, match="更正理由"):
        services.publish(report, actor=people.registrar)
    second = services.publish(report, actor=people.registrar, reason="补登漏统计的公文1件")
    assert second.number == 2 and second.reason == "补登漏统计的公文1件"
    assert "全年共制发公文3件" in second.sections["一"]
    first = ReportVersion.objects.get(pk=version.pk)
    assert "全年共制发公文2件" in first.sections["一"] and first.files.count() == 3
    report.refresh_from_db()
    assert report.locked and report.unlocks.get().relocked_at == second.published_at
