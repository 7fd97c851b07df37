"""The item page reads its item in one plain statement; every value must come out as the ORM gives it
(dates from SQLite's text, times in UTC, choices, empty and missing values), on both databases."""

import datetime

import pytest
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.disclosure.models import Attachment, Item
from gongkai.portal.catalogue import ITEM_PAGE_FIELDS, find_public_item
from tests.factories import make_category, make_item, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def p():
    return make_personas()


def test_every_field_the_page_reads_equals_the_orms_value(p):
    policy = make_item(p.agency, title="关于优待证的办法")
    item = make_item(
        p.agency,
        title="关于优待证办法的解读",
        category=make_category(p.agency, "政策解读"),
        topic="民政、扶贫、救灾",
        publisher="乐清市退役军人事务局",
        formed_on=datetime.date(2025, 6, 3),
        published_at=timezone.make_aware(datetime.datetime(2025, 6, 5, 23, 59, 58, 123456)),
        document_number="乐退役军人〔2025〕7号",
        validity="repealed",
        valid_from=datetime.date(2025, 7, 1),
        invalid_from=datetime.date(2026, 1, 1),
        summary="",
        body="<p>正文。</p>",
        interprets=policy,
    )
    agency = Agency.objects.get(pk=p.agency.pk)
    read = find_public_item(agency, item.index_number)
    expected = Item.objects.get(pk=item.pk)
    for field in ITEM_PAGE_FIELDS:
        assert getattr(read, field.attname) == getattr(expected, field.attname), field.name
    assert read.published_at.tzinfo is not None
    assert read.get_validity_display() == expected.get_validity_display()
    assert read.has_attachments is False
    # The one column left out is loaded only if asked for, never shown as empty.
    assert read.search_tokens == expected.search_tokens


def test_an_item_with_an_attachment_says_so(p):
    item = make_item(p.agency, title="附件测试")
    Attachment.objects.create(
        item=item,
        file="x.pdf",
        original_name="表.pdf",
        content_type="application/pdf",
        size=3,
        sha256="0" * 64,
    )
    assert find_public_item(Agency.objects.get(pk=p.agency.pk), item.index_number).has_attachments is True
