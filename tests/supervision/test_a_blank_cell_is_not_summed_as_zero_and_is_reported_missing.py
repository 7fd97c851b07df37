"""A cell an imported report left blank is not a 0: it is left out of the total and named as missing."""

from decimal import Decimal

import pytest

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.supervision.aggregate import aggregate
from tests.factories import make_agency, publish_cells
from tests.supervision.tree import BLANK, build_city

pytestmark = pytest.mark.django_db


def test_the_blank_cells_name_the_agency_that_left_them_blank():
    city = build_city(2023)
    total = aggregate(city.city, 2023, published_only=True)

    for address in BLANK:
        assert total.blank[address] == [city.imported]
        assert set(total.missing(address)) == {city.imported, city.silent}
    assert total.without_report == [city.silent]
    assert dict(total.blank_cells()).keys() == set(BLANK)


def test_a_cell_every_agency_left_blank_stays_blank_in_the_total():
    parent = make_agency("乐清市人民政府")
    children = [make_agency(parent=parent), make_agency(parent=parent)]
    fmt = format_for_year(2023)
    for agency, value in zip(children, (4, None), strict=True):
        cells = ReportCells.blank(fmt, agency.name, 2023)
        cells["section3.new_received.total"] = value
        cells["section2.art20_8.fees.amount_wan"] = Decimal("1.5") if value else None
        publish_cells(agency, 2023, cells, imported=True)

    total = aggregate(parent, 2023, published_only=True)

    assert total.cells["section3.new_received.total"] == 4
    assert total.reported["section3.new_received.total"] == 1
    assert total.cells["section2.art20_8.fees.amount_wan"] == Decimal("1.5")
    # Nobody reported 予以公开: the total is blank, not 0, and both reports are named.
    assert total.cells["section3.granted.total"] is None
    assert total.reported["section3.granted.total"] == 0
    assert set(total.missing("section3.granted.total")) == {parent, *children}
