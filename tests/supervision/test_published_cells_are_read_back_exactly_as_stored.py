"""The aggregate reads stored versions by the format's addresses; what it reads is what the cells reader of
gongkai.formats gives for the same version: blanks stay None, amounts stay exact decimals."""

from decimal import Decimal

import pytest

from gongkai.formats.cells import cells_from_dict
from gongkai.supervision.aggregate import report_cells
from tests.factories import make_agency, publish_cells, sample_cells

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2020, 2025])
def test_a_stored_version_reads_back_cell_for_cell(year):
    agency = make_agency()
    cells = sample_cells(agency, year, seed=4, blank=("section3.granted.total",))
    amount = next(a for a, c in cells.format.cells() if c.kind == "amount")
    cells[amount] = Decimal("190.457379")
    version = publish_cells(agency, year, cells, imported=True)

    read = report_cells(agency, year, published_only=True)

    assert read.values == cells_from_dict(version.cells).values == cells.values
    assert read["section3.granted.total"] is None
    assert read[amount] == Decimal("190.457379")
