import re

import time_machine

from gongkai.disclosure import workflow
from gongkai.disclosure.models import DisclosureSettings, ItemStatus


def test_the_first_item_of_a_year_gets_the_national_pattern_with_sequence_one(people, draft, publish):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        item = publish(draft())

    assert item.status == ItemStatus.PUBLISHED
    assert item.index_number == f"{people.agency.uscc[8:17]}/2026-00001"
    assert re.fullmatch(r"[0-9A-Z]{9}/\d{4}-\d{5}", item.index_number)


def test_sequence_numbers_count_up_per_agency_and_restart_each_year(people, draft, publish):
    with time_machine.travel("2026-12-30 10:00 +0800"):
        first = publish(draft())
        second = publish(draft())
    with time_machine.travel("2027-01-04 10:00 +0800"):
        next_year = publish(draft())

    assert (first.index_seq, second.index_seq, next_year.index_seq) == (1, 2, 1)
    assert next_year.index_number.endswith("/2027-00001")


def test_a_withdrawn_item_keeps_its_number_and_the_number_is_not_given_again(people, draft, publish):
    with time_machine.travel("2026-03-10 10:00 +0800"):
        withdrawn = publish(draft())
        workflow.withdraw(withdrawn, people.leader, "内容已过时")
        later = publish(draft())

    withdrawn.refresh_from_db()
    assert withdrawn.status == ItemStatus.WITHDRAWN
    assert withdrawn.index_number.endswith("-00001")
    assert later.index_number.endswith("-00002")


def test_an_agency_may_configure_its_own_pattern(people, draft, publish):
    DisclosureSettings.objects.create(agency=people.agency, index_pattern="{uscc}/{year}{month}-{seq:05d}")
    with time_machine.travel("2026-10-21 10:00 +0800"):
        item = publish(draft())

    assert item.index_number == f"{people.agency.uscc}/202610-00001"
