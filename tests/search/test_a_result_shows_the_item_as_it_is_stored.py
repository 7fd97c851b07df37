"""A result is read from the database in a statement of its own, not through the ORM: what it shows must
still be the item as stored, on every way a search is answered."""

import datetime

import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def test_every_shown_field_is_the_stored_value(people):
    moments = [
        datetime.datetime(2024, 3, 5, 8, 30, 15, 123456, tzinfo=datetime.UTC),
        datetime.datetime(2019, 12, 31, 23, 59, 59, tzinfo=datetime.UTC),  # a local date a day later
        datetime.datetime(2026, 6, 1, 0, 0, 0, 1, tzinfo=datetime.UTC),
    ]
    stored = [
        make_item(
            people.agency,
            title=f"养老服务补贴发放公告{number}",
            summary="" if number == 1 else f"关于养老服务补贴的摘要{number}",
            body="<p>养老服务补贴的正文&amp;说明</p>",
            document_number=f"乐民发〔2024〕{number + 1}号",
            published_at=moment,
        )
        for number, moment in enumerate(moments)
    ]
    hits = {hit.item.pk: hit.item for hit in search_items("养老服务").hits}
    assert set(hits) == {item.pk for item in stored}
    for item in stored:
        shown = hits[item.pk]
        assert shown.published_at == item.published_at
        assert shown.published_at.utcoffset() == datetime.timedelta(0)
        assert shown.published_at.microsecond == item.published_at.microsecond
        assert (shown.title, shown.summary) == (item.title, item.summary)
        assert (shown.index_number, shown.document_number) == (item.index_number, item.document_number)
        assert (shown.agency.pk, shown.agency.code, shown.agency.name) == (
            item.agency.pk,
            item.agency.code,
            item.agency.name,
        )
        # The body is read only where there is no summary to quote from.
        assert shown.text_without_summary == ("" if item.summary else item.body)
