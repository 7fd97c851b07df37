"""§一 facts: the year's 公文 (issued, 主动公开, and 不公开 = 依申请公开 + 不予公开) and published items by category."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from gongkai.disclosure.models import DisclosureAttribute, ItemStatus, OfficialDocument
from gongkai.reports.compute import facts
from tests.factories import make_agency, make_category, make_item

pytestmark = pytest.mark.django_db
A = DisclosureAttribute


def document(agency, n, issued_on, attribute):
    OfficialDocument.objects.create(
        agency=agency,
        document_number=f"某局〔{issued_on.year}〕{n}号",
        title=f"文件{n}",
        issued_on=issued_on,
        attribute=attribute,
    )


def test_documents_of_the_year_are_split_into_proactive_and_not_public():
    agency = make_agency()
    document(agency, 1, date(2020, 1, 1), A.PROACTIVE)
    document(agency, 2, date(2020, 6, 1), A.PROACTIVE)
    document(agency, 3, date(2020, 7, 1), A.ON_REQUEST)
    document(agency, 4, date(2020, 12, 31), A.WITHHELD)
    document(agency, 1, date(2021, 1, 1), A.PROACTIVE)
    document(agency, 9, date(2019, 12, 31), A.WITHHELD)
    found = facts(agency, 2020)
    assert (found["documents_issued"], found["documents_proactive"], found["documents_not_public"]) == (
        4,
        2,
        2,
    )


def test_items_published_in_the_year_are_counted_by_category_name():
    agency = make_agency()
    notices, staff = (
        make_category(agency, "公示公告", position=2),
        make_category(agency, "人事任免", position=1),
    )

    def item(category, when, status=ItemStatus.PUBLISHED):
        make_item(agency, category=category, status=status, published_at=timezone.make_aware(when))

    item(notices, datetime(2020, 1, 1, 0, 30))  # just after midnight on New Year's Day, local time
    item(notices, datetime(2020, 12, 31, 23, 30))
    item(notices, datetime(2019, 12, 31, 23, 30))
    item(staff, datetime(2020, 5, 1, 9), status=ItemStatus.WITHDRAWN)  # was published in 2020
    item(None, datetime(2020, 5, 1, 9))
    make_item(agency, category=notices, status=ItemStatus.DRAFT)
    found = facts(agency, 2020)["items_by_category"]
    # In catalogue order, items without a category last.
    assert list(found.items()) == [("人事任免", 1), ("公示公告", 2), ("未分类", 1)]
