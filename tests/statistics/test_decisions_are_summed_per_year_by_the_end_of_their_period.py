"""An entry counts in the year its period ends; periods never span two years; counts are whole numbers."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from gongkai.audit.models import AuditEntry
from gongkai.statistics.models import StatisticEntry, StatisticKind
from gongkai.statistics.services import entry_total, record_entry
from tests.factories import make_agency, make_person

pytestmark = pytest.mark.django_db
KIND = StatisticKind.LICENSING_DECISIONS


def entry(agency, start, end, value, kind=KIND, source="审批系统"):
    return record_entry(
        agency, kind=kind, period_start=start, period_end=end, value=Decimal(value), source=source
    )


def test_entries_are_summed_in_the_year_their_period_ends():
    agency = make_agency()
    entry(agency, date(2020, 1, 1), date(2020, 6, 30), 120)
    entry(agency, date(2020, 7, 1), date(2020, 12, 31), 80)
    entry(agency, date(2021, 1, 1), date(2021, 1, 31), 7)
    assert entry_total(agency, KIND, 2020) == 200
    assert entry_total(agency, KIND, 2021) == 7
    assert entry_total(agency, KIND, 2019) == 0


def test_other_kinds_are_not_added_in():
    agency = make_agency()
    entry(agency, date(2020, 3, 1), date(2020, 3, 31), 5)
    entry(agency, date(2020, 3, 1), date(2020, 3, 31), 9, kind=StatisticKind.PENALTY_DECISIONS)
    assert entry_total(agency, KIND, 2020) == 5


def test_a_period_across_new_year_is_refused_in_chinese():
    agency = make_agency()
    with pytest.raises(ValidationError) as info:
        entry(agency, date(2020, 12, 1), date(2021, 1, 31), 10)
    assert "不能跨年度" in str(info.value)
    assert not StatisticEntry.objects.exists()


def test_a_fractional_count_is_refused_but_a_fractional_amount_is_kept():
    agency = make_agency()
    with pytest.raises(ValidationError) as info:
        entry(agency, date(2020, 1, 1), date(2020, 1, 31), "1.5")
    assert "整数" in str(info.value)
    kept = entry(agency, date(2020, 1, 1), date(2020, 1, 31), "1.55", kind=StatisticKind.FEES_AMOUNT)
    assert StatisticEntry.objects.get(pk=kept.pk).value == Decimal("1.55")


def test_the_same_figure_twice_is_refused_as_a_duplicate():
    agency = make_agency()
    entry(agency, date(2020, 1, 1), date(2020, 1, 31), 3)
    with pytest.raises(ValidationError) as info:
        entry(agency, date(2020, 1, 1), date(2020, 1, 31), 3)
    assert "已登记过相同的统计数据" in str(info.value)


def test_every_entry_is_audited_with_who_entered_it():
    agency = make_agency()
    clerk = make_person()
    saved = record_entry(
        agency,
        actor=clerk,
        kind=KIND,
        period_start=date(2020, 5, 1),
        period_end=date(2020, 5, 31),
        value=Decimal(4),
        source="审批系统",
    )
    assert saved.entered_by == clerk
    assert AuditEntry.objects.filter(action="statistics.entry.create", actor_id=clerk.pk).count() == 1
