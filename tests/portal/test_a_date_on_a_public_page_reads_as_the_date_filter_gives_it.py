"""The public pages print dates with their own `ymd` filter, cheaper than Django's `date:"Y-m-d"`. A reader
must see the same day either way: an aware time is shown in the site's time zone (a publication at
23:30 UTC is the next day in Beijing), a missing or unreadable value shows nothing."""

import datetime

from django.template import Context, Template

ZONES = [
    datetime.UTC,
    datetime.timezone(datetime.timedelta(hours=8)),
    datetime.timezone(datetime.timedelta(hours=-5)),
]


def shown(template_text: str, value) -> str:
    return Template("{% load dates %}" + template_text).render(Context({"value": value}))


def values():
    yield from (None, "", "2024-03-01", "not a date", 0, [])
    yield from (datetime.date(2024, 2, 29), datetime.date(5, 1, 9), datetime.date(9999, 12, 31))
    yield datetime.datetime(2024, 3, 1, 23, 59, 59)  # naive: shown as it is
    for zone in ZONES:
        for hour in (0, 15, 16, 23):
            yield datetime.datetime(2024, 12, 31, hour, 30, tzinfo=zone)


def test_every_kind_of_value_shows_the_day_the_date_filter_shows():
    for value in values():
        assert shown("{{ value|ymd }}", value) == shown('{{ value|date:"Y-m-d" }}', value), value


def test_a_publication_late_in_the_utc_day_is_the_next_day_in_beijing():
    late = datetime.datetime(2024, 12, 31, 16, 30, tzinfo=datetime.UTC)
    assert shown("{{ value|ymd }}", late) == "2025-01-01"
