"""第二十条第（一）项 from items: 2019 made/published/public, 2021 made/repealed/in force, by item kind."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from gongkai.disclosure.models import ItemEvent, ItemKind, ItemStatus, Validity
from gongkai.reports.compute import section2_cells
from tests.factories import make_agency, make_item, make_person

pytestmark = pytest.mark.django_db


def at(*args):
    return timezone.make_aware(datetime(*args))


def normative(agency, formed_on, published_at=None, **fields):
    status = fields.pop("status", ItemStatus.PUBLISHED)
    return make_item(
        agency,
        kind=ItemKind.NORMATIVE,
        formed_on=formed_on,
        status=status,
        published_at=published_at,
        **fields,
    )


def cells(agency, year):
    return section2_cells(agency, year)


def test_2019_made_published_and_total_public():
    agency = make_agency()
    normative(agency, date(2019, 11, 20), at(2019, 12, 5, 10))
    normative(agency, date(2020, 12, 20), at(2021, 1, 6, 10))  # made in 2020, published in 2021
    normative(agency, date(2020, 3, 1), at(2020, 3, 10, 10))
    make_item(agency, kind=ItemKind.REGULATION, formed_on=date(2020, 5, 1), published_at=at(2020, 5, 8, 9))
    make_item(agency, kind=ItemKind.GENERAL, formed_on=date(2020, 5, 1), published_at=at(2020, 5, 8, 9))
    normative(agency, date(2020, 4, 1), status=ItemStatus.DRAFT)  # a draft is not made yet
    c = cells(agency, 2020)
    assert [
        c[f"section2.art20_1.normative_documents.{k}"] for k in ("made", "published", "total_public")
    ] == [
        2,
        1,
        2,
    ]
    assert [c[f"section2.art20_1.regulations.{k}"] for k in ("made", "published", "total_public")] == [
        1,
        1,
        1,
    ]


def test_an_item_withdrawn_after_the_year_still_counts_as_public_at_its_end():
    agency = make_agency()
    kept = normative(agency, date(2020, 3, 1), at(2020, 3, 10, 10))
    gone = normative(agency, date(2020, 3, 2), at(2020, 3, 10, 10), status=ItemStatus.WITHDRAWN)
    later = normative(agency, date(2020, 3, 3), at(2020, 3, 10, 10), status=ItemStatus.WITHDRAWN)
    leader = make_person()
    for item, when in ((gone, at(2020, 9, 1, 9)), (later, at(2021, 2, 1, 9))):
        event = ItemEvent.objects.create(
            item=item, action="withdraw", actor=leader, from_status="published", to_status="withdrawn"
        )
        ItemEvent.objects.filter(pk=event.pk).update(at=when)
    c = cells(agency, 2020)
    assert c["section2.art20_1.normative_documents.published"] == 3
    assert c["section2.art20_1.normative_documents.total_public"] == 2
    assert kept.pk != gone.pk


def test_2021_made_repealed_and_in_force_satisfy_rule_a7():
    agency = make_agency()
    normative(agency, date(2020, 6, 1), at(2020, 6, 5, 9))
    normative(
        agency, date(2020, 7, 1), at(2020, 7, 5, 9), validity=Validity.REPEALED, invalid_from=date(2022, 3, 1)
    )
    normative(agency, date(2022, 1, 10), at(2022, 1, 15, 9))
    normative(
        agency,
        date(2022, 2, 10),
        at(2022, 2, 15, 9),
        validity=Validity.EXPIRED,
        invalid_from=date(2023, 1, 1),
    )
    normative(
        agency,
        date(2022, 4, 10),
        at(2022, 4, 15, 9),
        validity=Validity.REPEALED,
        invalid_from=date(2022, 12, 31),
    )
    c21, c22 = cells(agency, 2021), cells(agency, 2022)
    row = "section2.art20_1.normative_documents"
    assert (c21[f"{row}.made"], c21[f"{row}.repealed"], c21[f"{row}.in_force"]) == (0, 0, 2)
    assert (c22[f"{row}.made"], c22[f"{row}.repealed"], c22[f"{row}.in_force"]) == (3, 2, 3)
    assert c22[f"{row}.in_force"] == c21[f"{row}.in_force"] + c22[f"{row}.made"] - c22[f"{row}.repealed"]
    # Expired on 1 January 2023: in force at the end of 2022, not at the end of 2023.
    assert cells(agency, 2023)[f"{row}.in_force"] == 2
