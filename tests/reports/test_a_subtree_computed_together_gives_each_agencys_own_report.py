"""A supervisor's subtree is computed in one go (build_cells_for); each agency's cells are exactly those of
its own report computed alone."""

import pytest

from gongkai.agencies.models import Agency
from gongkai.reports.compute import build_cells, build_cells_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def province(transactional_db):
    from benchmarks.province import SCALES, generate_province

    return generate_province(SCALES["tiny"], seed=11)


@pytest.mark.parametrize("year", [2021, 2022])
def test_every_agency_of_the_province_gets_its_own_cells(province, year):
    agencies = list(Agency.objects.all())
    together = build_cells_for(agencies, year)
    assert set(together) == {a.pk for a in agencies}
    busy = 0
    for agency in agencies:
        alone = build_cells(agency, year)
        assert together[agency.pk].values == alone.values, agency.name
        assert together[agency.pk].agency == agency.name
        busy += alone["section3.new_received.total"] > 0
    assert busy > len(agencies) // 2  # the comparison is between real counts, not zeros
