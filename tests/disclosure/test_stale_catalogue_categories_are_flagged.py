"""栏目不更新: a category with no publication in its last period, or with items overdue for publication."""

import datetime

import time_machine
from django.urls import reverse

from gongkai.disclosure.models import CatalogueCategory, UpdateFrequency
from gongkai.disclosure.timeliness import previous_period, stale_categories

TODAY = datetime.date(2026, 4, 15)


def make_category(people, code, frequency, parent=None):
    return CatalogueCategory.objects.create(
        agency=people.agency, code=code, name=f"类目{code}", update_frequency=frequency, parent=parent
    )


def publish_on(day, item, publish):
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 10, tzinfo=datetime.UTC)):
        return publish(item)


def stale_codes(people, today=TODAY):
    return sorted(row.category.code for row in stale_categories(people.agency, today))


def test_the_periods_are_the_last_complete_calendar_month_quarter_and_year():
    assert previous_period(UpdateFrequency.MONTHLY, TODAY) == (
        datetime.date(2026, 3, 1),
        datetime.date(2026, 3, 31),
    )
    assert previous_period(UpdateFrequency.QUARTERLY, TODAY) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
    )
    assert previous_period(UpdateFrequency.QUARTERLY, datetime.date(2026, 2, 1)) == (
        datetime.date(2025, 10, 1),
        datetime.date(2025, 12, 31),
    )
    assert previous_period(UpdateFrequency.YEARLY, TODAY) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 12, 31),
    )
    assert previous_period(UpdateFrequency.LONG_TERM, TODAY) is None


def test_a_monthly_category_without_a_publication_last_month_is_stale(people, draft, publish):
    fresh = make_category(people, "fresh", UpdateFrequency.MONTHLY)
    make_category(people, "stale", UpdateFrequency.MONTHLY)
    old = make_category(people, "old", UpdateFrequency.MONTHLY)
    publish_on(
        datetime.date(2026, 3, 20), draft(category=fresh, formed_on=datetime.date(2026, 3, 18)), publish
    )
    publish_on(datetime.date(2026, 2, 20), draft(category=old, formed_on=datetime.date(2026, 2, 18)), publish)

    assert stale_codes(people) == ["old", "stale"]


def test_a_long_term_category_is_never_stale(people):
    make_category(people, "jgzn", UpdateFrequency.LONG_TERM)
    assert stale_codes(people) == []


def test_a_parent_is_kept_fresh_by_publications_in_its_children(people, draft, publish):
    parent = make_category(people, "parent", UpdateFrequency.QUARTERLY)
    child = make_category(people, "child", UpdateFrequency.QUARTERLY, parent=parent)
    publish_on(
        datetime.date(2026, 2, 10), draft(category=child, formed_on=datetime.date(2026, 2, 9)), publish
    )
    assert stale_codes(people) == []


def test_a_twenty_workday_category_is_stale_while_an_item_formed_too_long_ago_is_unpublished(people, draft):
    category = make_category(people, "tzgg", UpdateFrequency.WITHIN_20_WORKDAYS)
    draft(category=category, formed_on=datetime.date(2026, 2, 6))  # due 2026-03-12

    assert stale_codes(people, datetime.date(2026, 3, 12)) == []
    assert stale_codes(people, datetime.date(2026, 3, 13)) == ["tzgg"]


def test_the_dashboard_shows_stale_categories_to_the_agencys_staff(people, client):
    make_category(people, "stale", UpdateFrequency.MONTHLY)
    client.force_login(people.registrar)
    with time_machine.travel(datetime.datetime(2026, 4, 15, 10, tzinfo=datetime.UTC)):
        page = client.get(reverse("workspace:home")).content.decode()
    assert "栏目未按时更新" in page and "类目stale" in page and "2026-03-01至2026-03-31" in page
