"""Another city's agency, and the parent above the chosen root, never count in a subtree's total."""

import pytest

from gongkai.supervision.aggregate import aggregate
from tests.supervision.tree import build_city

pytestmark = pytest.mark.django_db


def test_neither_another_city_nor_the_agencies_above_the_root_count():
    city = build_city(2023)
    district = city.districts[0]

    whole = aggregate(city.city, 2023, published_only=True)
    part = aggregate(district, 2023, published_only=True)

    assert city.outside not in whole.agencies
    assert city.city not in part.agencies and city.districts[1] not in part.agencies
    address = "section3.new_received.total"
    inside = [pk for pk in city.cells if pk != city.outside.pk]
    assert whole.cells[address] == sum(city.cells[pk][address] for pk in inside)
    outside_alone = aggregate(city.outside, 2023, published_only=True)
    assert outside_alone.cells[address] == city.cells[city.outside.pk][address]
    assert [a.pk for a in outside_alone.agencies] == [city.outside.pk]
