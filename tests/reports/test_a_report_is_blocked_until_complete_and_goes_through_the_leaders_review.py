"""What stops a report from reaching the leader, and the leader's review.

A required section left empty, a §一 figure bound to a ledger category nobody filled, and a year not yet
over without a recorded 提前发布 reason are errors, not warnings: the check does not pass and the report
cannot be submitted. Submitted, it waits on the leaders' 待办; the leader approves it or returns it with an
opinion, which the office sees on its own 待办. Once published, only a correction is offered."""

from datetime import date

import pytest

from gongkai.reports import services
from gongkai.reports.content import live_content
from gongkai.reports.markers import from_markers, names, to_markers
from gongkai.reports.models import ReportStatus
from gongkai.reports.tasks import notify_leaders, publish_in_background
from gongkai.reports.todo import todo_for
from gongkai.rules.report_review import next_steps, publishes_early, required_sections, under_read
from tests.factories import make_personas
from tests.reports.published import fill_ledger

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 5)


def rules_of(findings, severity="error"):
    return sorted({f["rule"] for f in findings if f["severity"] == severity})


def test_an_empty_section_and_an_unfilled_ledger_are_errors_and_the_check_does_not_pass():
    people = make_personas()
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    findings = services.check(report, actor=people.registrar, today=TODAY)
    assert rules_of(findings) == ["台账未填写", "完整性"]
    (empty,) = [f for f in findings if f["rule"] == "完整性"]
    assert "第五部分" in empty["message"]
    ledger = [f for f in findings if f["rule"] == "台账未填写"]
    assert {"【领导小组会议次数】", "【业务培训次数】"} <= {f["message"][6:16].split("为")[0] for f in ledger}
    assert all(
        a["href"].startswith("/workspace/ledger/") for f in ledger for a in f["anchors"] if "href" in a
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    with pytest.raises(services.ReportError, match="校验通过"):
        services.submit(report, actor=people.registrar)

    sections = dict(report.sections)
    sections["五"] = "一是公开意识有待增强。下一步将加强培训。"
    services.save_sections(report, sections, actor=people.registrar)
    fill_ledger(people.agency, 2025)
    assert services.check(report, actor=people.registrar, today=TODAY) == []


def test_a_year_not_over_is_published_early_only_with_a_recorded_reason():
    people = make_personas()
    report = services.open_report(people.agency, 2026, actor=people.registrar)
    sections = dict(report.sections)
    sections["五"] = "问题与改进。"
    services.save_sections(report, sections, actor=people.registrar)
    fill_ledger(people.agency, 2026)
    findings = services.check(report, actor=people.registrar, today=TODAY)
    assert rules_of(findings) == ["提前发布"]
    assert "2026年尚未结束" in findings[0]["message"]

    services.record_early_reason(report, actor=people.registrar, reason="上级要求12月10日前报送")
    findings = services.check(report, actor=people.registrar, today=TODAY)
    assert rules_of(findings) == [] and rules_of(findings, "warning") == ["提前发布"]
    assert "上级要求12月10日前报送" in findings[0]["message"]
    # After 31 December the same report is not early any more.
    assert publishes_early(2026, date(2026, 12, 31)) and not publishes_early(2026, date(2027, 1, 1))


def test_the_leader_returns_with_an_opinion_then_approves_and_a_published_report_offers_only_a_correction(
    django_capture_on_commit_callbacks, mailoutbox
):
    people = make_personas()
    people.leader.email = "leader@yueqing.example.cn"
    people.leader.save()
    fill_ledger(people.agency, 2025)
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    sections = dict(report.sections)
    sections["五"] = "问题与改进。"
    services.save_sections(report, sections, actor=people.registrar)
    services.check(report, actor=people.registrar, today=TODAY)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(report, actor=people.registrar, notify=notify_leaders.enqueue)
    (mail,) = mailoutbox
    assert mail.subject.startswith("【提请审定】") and people.leader.email in mail.to

    (waiting,) = [t for t in todo_for(people.leader, TODAY) if "待我审定" in t.label]
    assert waiting.url == "/workspace/reports/yqtyjrswj/2025/"
    assert not [t for t in todo_for(people.registrar, TODAY) if "待我审定" in t.label]
    with pytest.raises(services.ReportError, match="审定或退回前不能修改"):
        services.save_sections(report, sections, actor=people.registrar)
    with pytest.raises(services.ReportError, match="须填写意见"):
        services.return_to_draft(report, actor=people.leader, opinion="  ")

    services.return_to_draft(report, actor=people.leader, opinion="第五部分过于简略，请写明具体问题。")
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT and "过于简略" in report.return_opinion
    assert [t for t in todo_for(people.registrar, TODAY) if "领导退回" in t.label]
    assert not [t for t in todo_for(people.leader, TODAY) if "待我审定" in t.label]

    sections["五"] = "一是部分科室公开意识不强；二是政策解读形式单一。下一步将加强培训、丰富解读形式。"
    services.save_sections(report, sections, actor=people.registrar)
    services.check(report, actor=people.registrar, today=TODAY)
    services.submit(report, actor=people.registrar)
    report = services.approve(report, actor=people.leader)
    assert report.status == ReportStatus.APPROVED and report.return_opinion == ""

    with django_capture_on_commit_callbacks(execute=True):
        report = services.request_publication(
            report, actor=people.registrar, publish_later=publish_in_background.enqueue
        )
        assert report.status == ReportStatus.PUBLISHING  # until the worker (at once in tests) is done
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED and report.latest_version().number == 1
    assert services.steps(report) == {"correct"}
    with pytest.raises(services.ReportError, match="已锁定"):
        services.save_sections(report, sections, actor=people.registrar)
    with pytest.raises(services.ReportError, match="已锁定"):
        services.redraft_section_one(report, actor=people.registrar)


def test_markers_read_as_chinese_labels_and_are_stored_as_stable_placeholders():
    people = make_personas()
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    content = live_content(report)
    labels = names(content.cells.format, content.values)
    assert labels["documents_issued"] == "本年制发公文数"
    assert labels["section3.new_received.total"] == "一、本年新收政府信息公开申请数量·总计"
    assert labels["section2.art20_1.regulations.made"] == "第二十条第（一）项·规章·本年制发件数"
    shown = to_markers(report.sections["一"], labels)
    assert "{{" not in shown and "全年共制发公文【本年制发公文数】件" in shown
    assert from_markers(shown, labels) == report.sections["一"]

    sections = dict(report.sections)
    sections["五"] = "全年新收申请【一、本年新收政府信息公开申请数量·总计】件，另有【不存在的数据】。"
    report = services.save_sections(report, sections, actor=people.registrar)
    assert report.sections["五"].startswith("全年新收申请{{section3.new_received.total}}件")
    findings = services.check(report, actor=people.registrar, today=TODAY)
    (unknown,) = [f for f in findings if f["rule"] == "数据标记"]
    assert "【不存在的数据】" in unknown["message"] and unknown["severity"] == "error"


def test_the_review_rules_say_what_may_happen_next():
    assert next_steps("draft", locked=False) == {"edit", "check", "redraft"}
    assert next_steps("checked", locked=False) == {"edit", "check", "redraft", "submit"}
    assert next_steps("submitted", locked=False) == {"approve", "return"}
    assert next_steps("approved", locked=False) == {"edit", "check", "redraft", "publish"}
    assert next_steps("publishing", locked=False) == set()
    assert next_steps("published", locked=True) == {"correct"}
    assert required_sections(fees_charged=False, fees_in_section6=False) == ("一", "五")
    assert required_sections(fees_charged=True, fees_in_section6=False) == ("一", "五", "六")
    assert under_read(0, 200) and under_read(99, 200) and not under_read(100, 200)
