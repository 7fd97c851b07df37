"""The item page reads the portal's generation and its item in one plain statement; every value must come
out as the ORM gives it (dates from SQLite's text, times in UTC, choices, empty and missing values), on
both databases, and the item must be the one its address names."""

import datetime

import pytest
from django.http import Http404
from django.utils import timezone

from gongkai.disclosure.models import Attachment, Item
from gongkai.portal import page_cache
from gongkai.portal.catalogue import ITEM_PAGE_FIELDS, read_public_item
from tests.factories import make_agency, make_category, make_item, make_personas

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
    generation, read = read_public_item(p.agency.code, item.index_number)
    assert generation == page_cache.generation()
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
    assert read_public_item(p.agency.code, item.index_number)[1].has_attachments is True


def test_the_address_names_one_item_of_that_agency(p, client):
    code = p.agency.code
    first = make_item(p.agency, title="第一条")
    without_number = make_item(p.agency, title="没有索引号")
    Item.objects.filter(pk=without_number.pk).update(index_number=None)
    # An index number that reads as another item's id: the index number wins.
    lookalike = make_item(p.agency, title="索引号像编号")
    Item.objects.filter(pk=lookalike.pk).update(index_number=str(first.pk))
    other = make_agency("永嘉县民政局", code="yjxmzj")
    elsewhere = make_item(other, title="别的机关的信息")
    draft = make_item(p.agency, title="草稿", status="draft")

    assert read_public_item(code, str(without_number.pk))[1].title == "没有索引号"
    assert read_public_item(code, str(first.pk))[1].title == "索引号像编号"
    assert read_public_item(code, first.index_number)[1].title == "第一条"
    for ref in (
        elsewhere.index_number,  # another agency's 索引号
        str(elsewhere.pk),  # another agency's id
        str(draft.pk),
        "".join(chr(0xFF10 + int(d)) for d in str(without_number.pk)),  # full-width digits
        "9" * 30,
        "x' OR '1'='1",
    ):
        with pytest.raises(Http404):
            read_public_item(code, ref)
    with pytest.raises(Http404):
        read_public_item("no-such-agency", first.index_number)
    for ref in (str(without_number.pk), first.index_number):
        assert client.get(f"/{code}/items/{ref}/").status_code == 200
    assert client.get(f"/{code}/items/{elsewhere.index_number}/").status_code == 404
    assert client.get(f"/{other.code}/items/{elsewhere.index_number}/").status_code == 200
