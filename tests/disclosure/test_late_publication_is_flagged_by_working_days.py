"""《条例》第二十六条: published within 20 working days of formation, counted on the holiday calendar."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.disclosure.models import Item
from gongkai.disclosure.timeliness import is_late, late_items, publication_due


@pytest.mark.parametrize(
    ("formed_on", "due"),
    [
        # Across the 2026 Spring Festival (15–23 Feb off, Sat 14 and Sat 28 Feb worked).
        (datetime.date(2026, 2, 6), datetime.date(2026, 3, 12)),
        # Across the 2025 National Day and Mid-Autumn holiday (1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked).
        (datetime.date(2025, 9, 26), datetime.date(2025, 10, 30)),
        # An ordinary month: four weeks of Monday–Friday.
        (datetime.date(2025, 11, 3), datetime.date(2025, 12, 1)),
    ],
)
def test_the_deadline_is_the_twentieth_working_day_after_formation(db, formed_on, due):
    assert publication_due(formed_on) == due


def test_publishing_on_the_last_day_is_in_time_and_a_day_later_is_late(db):
    formed_on = datetime.date(2026, 2, 6)
    assert not is_late(formed_on, datetime.date(2026, 3, 12))
    assert is_late(formed_on, datetime.date(2026, 3, 13))


def published_on(day, draft, publish, **fields):
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC)):
        return publish(draft(**fields))


def test_late_items_lists_only_items_published_after_their_deadline(people, draft, publish):
    formed = datetime.date(2026, 2, 6)
    published_on(datetime.date(2026, 3, 12), draft, publish, title="按时发布", formed_on=formed)
    published_on(datetime.date(2026, 3, 13), draft, publish, title="超期发布", formed_on=formed)

    late = late_items(Item.objects.all())

    assert [(row.item.title, row.due) for row in late] == [("超期发布", datetime.date(2026, 3, 12))]


def test_the_item_page_marks_a_late_publication(people, draft, publish, client):
    item = published_on(datetime.date(2026, 3, 13), draft, publish, formed_on=datetime.date(2026, 2, 6))
    client.force_login(people.registrar)
    page = client.get(reverse("disclosure:item", args=[item.pk])).content.decode()
    assert "超过20个工作日发布" in page and "2026-03-12" in page
