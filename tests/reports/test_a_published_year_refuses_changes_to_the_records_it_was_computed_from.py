"""Once the 2025 report is published, every kind of record it was computed from is frozen for 2025:
creating, changing or deleting one is refused with a message naming the year and the report, while the
same work on an unlocked year, and changes that do not alter the 2025 report, go through."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.utils import timezone

from gongkai.appeals.services import close_appeal
from gongkai.applications.services import record_event
from gongkai.disclosure.models import DisclosureAttribute, Distribution, OfficialDocument
from gongkai.ledger.models import EntryKind, OutreachChannel
from gongkai.ledger.services import record_entry as record_ledger_entry
from gongkai.reports.locks import YearLocked
from gongkai.statistics.services import record_entry, record_matter
from tests.factories import make_agency, make_appeal, make_application, make_item, make_person
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency():
    agency = make_agency("乐清市退役军人事务局")
    lock_year(agency, 2025)
    return agency


def refused(action):
    with pytest.raises(YearLocked) as caught:
        action()
    message = str(caught.value)
    assert "2025年政府信息公开工作年度报告已发布（第1版" in message
    assert "2025年度的记录已锁定" in message and "解锁" in message
    return message


def aware(day):
    return timezone.make_aware(datetime.combine(day, time(10)))


def test_an_application_received_in_the_year_cannot_be_registered_changed_or_deleted(agency):
    message = refused(lambda: make_application(agency, received_on=date(2025, 6, 2)))
    assert message.startswith("乐清市退役军人事务局2025年政府信息公开工作年度报告已发布")
    assert "政府信息公开申请" in message
    make_application(agency, received_on=date(2026, 3, 2))  # 2026 is open

    # A case received in 2024 and still open at the end of 2025 is in 2025's carried-over row.
    other = make_agency()
    open_case, _ = make_application(other, received_on=date(2024, 12, 2))
    lock_year(other, 2025)
    open_case.applicant_type = "commercial"
    refused(open_case.save)
    refused(open_case.delete)


def test_a_decision_dated_in_the_year_is_refused_but_a_later_one_on_a_case_it_carried_forward_is_not():
    before = make_agency("乐清市退役军人事务局")
    case, _ = make_application(before, received_on=date(2025, 12, 20))
    lock_year(before, 2025)

    assert "申请办理事件" in refused(
        lambda: record_event(
            case, "decided", date=date(2025, 12, 29), data={"outcome": "granted"}, actor=None
        )
    )
    # Decided in 2026: the 2025 report counted it as carried forward and still does.
    record_event(case, "decided", date=date(2026, 1, 8), data={"outcome": "granted"}, actor=None)
    case.applicant_type = "research"
    refused(case.save)  # 2025 counted it under 自然人


def test_an_appeal_filed_in_the_year_is_refused_but_closing_it_the_next_year_is_not(agency):
    assert "行政复议、行政诉讼案件" in refused(lambda: make_appeal(agency, filed_on=date(2025, 5, 1)))
    other = make_agency()
    appeal = make_appeal(other, filed_on=date(2025, 5, 1))
    lock_year(other, 2025)
    close_appeal(appeal, closed_on=date(2026, 2, 1), result="upheld", actor=None)  # 2025: still 尚未审结
    refused(appeal.delete)  # 2025 counted it as 尚未审结


def test_a_document_of_the_register_keeps_its_date_and_disclosure_attribute(agency):
    assert "公文登记" in refused(
        lambda: OfficialDocument.objects.create(
            agency=agency,
            document_number="乐退役军人〔2025〕9号",
            title="关于测试的通知",
            issued_on=date(2025, 4, 1),
            attribute=DisclosureAttribute.PROACTIVE,
        )
    )
    other = make_agency()
    document = OfficialDocument.objects.create(
        agency=other,
        document_number="乐测〔2025〕1号",
        title="关于测试的通知",
        issued_on=date(2025, 4, 1),
        attribute=DisclosureAttribute.PROACTIVE,
    )
    lock_year(other, 2025)
    document.title = "关于测试的通知（标题更正）"
    document.save()  # the title is not in the report
    document.attribute = DisclosureAttribute.WITHHELD
    refused(document.save)
    refused(document.delete)


def test_a_published_item_keeps_its_kind_and_dates_but_its_body_may_be_corrected(agency):
    refused(lambda: make_item(agency, formed_on=date(2025, 3, 3), published_at=aware(date(2025, 3, 5))))
    other = make_agency()
    item = make_item(other, formed_on=date(2025, 3, 3), published_at=aware(date(2025, 3, 5)))
    lock_year(other, 2025)
    item.body = "<p>错别字已更正。</p>"
    item.save()
    item.kind = "normative"
    assert "主动公开信息" in refused(item.save)


def test_outreach_statistics_matters_and_ledger_entries_of_the_year_are_refused(agency):
    other = make_agency()
    item = make_item(other, formed_on=date(2025, 3, 3), published_at=aware(date(2025, 3, 5)))
    lock_year(other, 2025)
    assert "发布渠道记录" in refused(
        lambda: Distribution.objects.create(
            item=item, channel="newspaper", outlet="乐清日报", count=2, date=date(2025, 3, 6)
        )
    )
    Distribution.objects.create(
        item=item, channel="newspaper", outlet="乐清日报", count=2, date=date(2026, 3, 6)
    )

    assert "统计数据" in refused(
        lambda: record_entry(
            agency,
            kind="other_services_decisions",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 1, 31),
            value=Decimal(12),
            source="浙江政务服务网",
        )
    )
    assert "事项清单" in refused(
        lambda: record_matter(
            agency, kind="other_services", name="优待证申领", effective_from=date(2025, 3, 1), source="清单"
        )
    )
    # In force only from 2026 on: neither the end of 2024 nor the end of 2025 sees it.
    record_matter(
        agency, kind="other_services", name="优待证申领", effective_from=date(2026, 3, 1), source="清单"
    )

    registrar = make_person()
    assert "工作台账" in refused(
        lambda: record_ledger_entry(
            agency,
            actor=registrar,
            kind=EntryKind.OUTREACH,
            channel=OutreachChannel.SCREEN,
            date=date(2025, 7, 1),
            title="南虹广场电子宣传屏",
            times=20,
            source="播放记录",
        )
    )
    record_ledger_entry(
        agency,
        actor=registrar,
        kind=EntryKind.TRAINING,
        date=date(2026, 7, 1),
        title="业务培训",
        source="签到表",
    )
