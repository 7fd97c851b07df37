"""The city total of §二–§四 is, cell by cell, the sum of what the agencies of the city reported."""

import pytest

from gongkai.formats import format_for_year
from gongkai.supervision.aggregate import aggregate
from tests.factories import publish_cells, sample_cells
from tests.supervision.tree import build_city

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2020, 2023], ids=["2019-format", "2021-format"])
def test_every_cell_of_the_city_total_is_the_sum_over_the_city(year):
    city = build_city(year)
    total = aggregate(city.city, year, published_only=True)

    assert total.format is format_for_year(year)
    members = [city.city, *city.districts, *city.offices]
    for address, _column in total.format.cells():
        reported = [city.cells[a.pk][address] for a in members if a.pk in city.cells]
        reported = [v for v in reported if v is not None]
        assert total.cells[address] == sum(reported), address
        assert total.reported[address] == len(reported)


def test_a_district_total_covers_only_that_district():
    city = build_city(2023)
    district = city.districts[1]
    total = aggregate(district, 2023, published_only=True)

    assert {a.pk for a in total.agencies} == {district.pk, *(o.pk for o in city.offices[3:])}
    members = [a for a in total.agencies if a.pk in city.cells]
    address = "section3.new_received.total"
    assert total.cells[address] == sum(city.cells[a.pk][address] for a in members)


def test_a_correction_counts_instead_of_the_version_it_replaced():
    city = build_city(2023)
    office = city.offices[0]
    corrected = sample_cells(office, 2023, seed=99)
    publish_cells(office, 2023, corrected)

    total = aggregate(city.city, 2023, published_only=True)

    address = "section4.litigation_direct.total"
    before = city.cells[office.pk][address]
    others = sum(c[address] for pk, c in city.cells.items() if pk not in (office.pk, city.outside.pk))
    assert corrected[address] != before
    assert total.cells[address] == others + corrected[address]


def test_the_json_shape_is_the_report_formats_with_the_coverage_beside_it():
    city = build_city(2023)
    data = aggregate(city.city, 2023, published_only=True).to_dict()

    assert data["format_version"] == "2021"
    assert set(data) >= {"section2", "section3", "section4", "coverage"}
    assert data["section3"]["new_received"]["total"] == sum(
        c["section3.new_received.total"] for pk, c in city.cells.items() if pk != city.outside.pk
    )
    assert data["coverage"]["without_report"] == [city.silent.code]
    assert data["coverage"]["cells"]["section3.granted.total"]["blank"] == [city.imported.code]
