"""上一年项目数量 is the list in force on 31 December of the previous year; 本年增/减 is this year's end minus it."""

from datetime import date

import pytest

from gongkai.statistics.models import MatterKind
from gongkai.statistics.services import matter_change, matters_in_force, record_matter
from tests.factories import make_agency

pytestmark = pytest.mark.django_db


def add(agency, name, start, until=None, kind=MatterKind.OTHER_SERVICES):
    return record_matter(
        agency, kind=kind, name=name, effective_from=start, effective_until=until, source="事项清单"
    )


def test_a_matter_added_on_new_years_day_counts_only_for_the_new_year():
    agency = make_agency()
    add(agency, "甲", date(2020, 1, 1))
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2019) == (0, 0)
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2020) == (0, 1)


def test_a_matter_added_on_new_years_eve_is_in_the_previous_years_count():
    agency = make_agency()
    add(agency, "甲", date(2019, 12, 31))
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2020) == (1, 0)


def test_a_matter_removed_on_new_years_day_still_counts_at_the_end_of_the_old_year():
    agency = make_agency()
    add(agency, "甲", date(2019, 3, 1), until=date(2021, 1, 1))
    assert matters_in_force(agency, MatterKind.OTHER_SERVICES, date(2020, 12, 31)) == 1
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2021) == (1, -1)


def test_a_matter_removed_on_new_years_eve_is_gone_at_the_end_of_that_year():
    agency = make_agency()
    add(agency, "甲", date(2019, 3, 1), until=date(2020, 12, 31))
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2020) == (1, -1)


def test_the_change_is_the_net_of_additions_and_removals():
    agency = make_agency()
    for n in range(4):
        add(agency, f"旧{n}", date(2018, 6, 1))
    add(agency, "撤销", date(2018, 6, 1), until=date(2020, 7, 1))
    for n in range(3):
        add(agency, f"新{n}", date(2020, 3, 1))
    add(agency, "当年增当年减", date(2020, 2, 1), until=date(2020, 10, 1))
    assert matter_change(agency, MatterKind.OTHER_SERVICES, 2020) == (5, 2)


def test_each_list_is_counted_on_its_own():
    agency = make_agency()
    add(agency, "许可", date(2019, 1, 1), kind=MatterKind.LICENSING)
    add(agency, "处罚", date(2019, 1, 1), kind=MatterKind.PENALTY)
    add(agency, "处罚二", date(2020, 1, 1), kind=MatterKind.PENALTY)
    assert matter_change(agency, MatterKind.LICENSING, 2020) == (1, 0)
    assert matter_change(agency, MatterKind.PENALTY, 2020) == (1, 1)
    assert matter_change(agency, MatterKind.COERCION, 2020) == (0, 0)
