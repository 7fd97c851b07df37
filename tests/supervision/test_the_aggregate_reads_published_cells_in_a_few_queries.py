"""The published cells of a subtree are read together: more agencies do not mean more queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gongkai.supervision.aggregate import aggregate
from tests.factories import make_agency, publish_cells, sample_cells

pytestmark = pytest.mark.django_db


def queries(root) -> int:
    with CaptureQueriesContext(connection) as captured:
        aggregate(root, 2023, published_only=True)
    return len(captured)


def test_ten_times_the_offices_take_the_same_number_of_queries():
    city = make_agency()
    district = make_agency(parent=city)
    for agency in (city, district, make_agency(parent=district)):
        publish_cells(agency, 2023, sample_cells(agency, 2023))
    few = queries(city)
    for _ in range(10):
        office = make_agency(parent=district)
        publish_cells(office, 2023, sample_cells(office, 2023))
    assert queries(city) == few <= 6
