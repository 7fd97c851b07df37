import datetime

import pytest

from gongkai.search.service import search_items
from tests.factories import make_item

from .conftest import at

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_backend")]


def titles(results):
    return {hit.item.title for hit in results.hits}


def test_a_publication_date_range_includes_both_end_days(people):
    make_item(people.agency, title="补贴甲", published_at=at(2024, 3, 1))
    make_item(people.agency, title="补贴乙", published_at=at(2024, 3, 31))
    make_item(people.agency, title="补贴丙", published_at=at(2024, 4, 1))
    make_item(people.agency, title="补贴丁", published_at=at(2024, 2, 29))
    march = {"published_from": datetime.date(2024, 3, 1), "published_to": datetime.date(2024, 3, 31)}
    assert titles(search_items("补贴", **march)) == {"补贴甲", "补贴乙"}
    assert titles(search_items("", published_from=datetime.date(2024, 3, 31))) == {"补贴乙", "补贴丙"}
    assert titles(search_items("", published_to=datetime.date(2024, 2, 29))) == {"补贴丁"}


def test_the_document_number_year_is_read_from_its_brackets_whatever_the_publication_year(people):
    make_item(people.agency, title="通知甲", document_number="乐政办发〔2019〕12号", published_at=at(2024))
    make_item(people.agency, title="通知乙", document_number="乐政办发[2019]3号", published_at=at(2020))
    make_item(people.agency, title="通知丙", document_number="乐政办发〔2020〕2019号", published_at=at(2019))
    make_item(people.agency, title="通知丁", published_at=at(2019))
    assert titles(search_items("通知", document_year=2019)) == {"通知甲", "通知乙"}
    assert titles(search_items("", document_year=2020)) == {"通知丙"}
    assert search_items("通知", document_year=2019).filtered


def test_an_agency_filter_and_a_document_year_combine(people):
    from tests.factories import make_agency

    other = make_agency("乐清市民政局")
    make_item(people.agency, title="办法甲", document_number="乐退役发〔2023〕1号")
    make_item(other, title="办法乙", document_number="乐民发〔2023〕1号")
    assert titles(search_items("办法", agencies=[other], document_year=2023)) == {"办法乙"}


def test_changing_a_document_number_moves_the_item_to_its_new_year(people):
    item = make_item(people.agency, title="规定甲", document_number="乐退役发〔2022〕1号")
    item.document_number = "乐退役发〔2023〕1号"
    item.save()
    assert titles(search_items("规定", document_year=2023)) == {"规定甲"}
    assert titles(search_items("规定", document_year=2022)) == set()
