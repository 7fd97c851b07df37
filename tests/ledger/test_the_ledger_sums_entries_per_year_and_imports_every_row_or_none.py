"""The work ledger: entries with a date and a source, summed per year and channel for §一; an import with
one bad row saves nothing and names the row; a row in a published year is refused by name."""

from datetime import date

import pytest

from gongkai.ledger.models import LedgerEntry
from gongkai.ledger.services import import_entries, record_entry, year_totals
from tests.factories import make_agency, make_person
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db

HEADER = "类别,日期,宣传渠道,名称,次数,发放材料,参加人数,来源,备注\n"


def test_entries_are_summed_by_year_kind_and_channel():
    agency = make_agency()
    person = make_person()
    for day, materials in ((date(2025, 3, 1), 300), (date(2025, 9, 1), 500), (date(2026, 1, 5), 100)):
        record_entry(
            agency,
            actor=person,
            kind="outreach",
            channel="offline",
            date=day,
            title="宣传活动",
            materials=materials,
            source="签到表",
        )
    record_entry(
        agency,
        actor=person,
        kind="outreach",
        channel="screen",
        date=date(2025, 6, 30),
        title="电子屏",
        times=180,
        source="播放记录",
    )
    record_entry(
        agency,
        actor=person,
        kind="training",
        date=date(2025, 4, 1),
        title="条例学习",
        participants=35,
        source="签到表",
    )
    record_entry(
        agency, actor=person, kind="meeting", date=date(2025, 2, 1), title="领导小组会议", source="纪要"
    )

    totals = year_totals(agency, 2025)
    assert totals.channel("offline") == {
        "channel": "offline",
        "label": "线下活动",
        "times": 2,
        "materials": 800,
        "entries": 2,
    }
    assert totals.channel("screen")["times"] == 180 and totals.outreach_times == 182
    assert (totals.trainings, totals.training_participants, totals.meetings) == (1, 35, 1)
    assert year_totals(agency, 2026).outreach_materials == 100
    assert year_totals(make_agency(), 2025).outreach_times == 0


def test_an_outreach_entry_needs_a_channel():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="宣传渠道"):
        record_entry(make_agency(), kind="outreach", date=date(2025, 3, 1), title="活动", source="表")


def test_an_import_with_one_bad_row_saves_nothing_and_names_the_row():
    agency = make_agency()
    good = "宣传推广,2025-05-01,线下活动,专场招聘会,1,400,,签到表,\n"
    bad = "宣传推广,2025-05-02,广播,某活动,1,,,签到表,\n"
    result = import_entries(agency, (HEADER + good + bad).encode(), "台账.csv")
    assert [e.describe() for e in result.errors] == [
        "第3行：宣传渠道“广播”不是政府网站、政务新媒体/公众号、新闻媒体、电子屏、线下活动之一"
    ]
    assert not LedgerEntry.objects.exists()

    result = import_entries(
        agency, (HEADER + good + "业务培训,2025年6月3日,,条例学习,1,,40,签到表,\n").encode(), "台账.csv"
    )
    assert result.ok and result.entries == 2
    assert year_totals(agency, 2025).training_participants == 40

    lock_year(agency, 2025)
    result = import_entries(agency, (HEADER + good).encode("gb18030"), "台账.csv")
    assert result.errors[0].row == 2 and "2025年度的记录已锁定" in result.errors[0].message
    assert LedgerEntry.objects.count() == 2
