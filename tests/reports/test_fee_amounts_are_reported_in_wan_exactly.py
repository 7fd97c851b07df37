"""2021 本年收费金额（单位：万元）: the year's fee entries in yuan divided by 10 000 as Decimal, no float drift."""

from datetime import date
from decimal import Decimal

import pytest

from gongkai.formats.cells import dumps, parse_cells_json
from gongkai.reports.compute import build_cells
from gongkai.statistics.models import StatisticKind
from gongkai.statistics.services import record_entry
from tests.factories import make_agency

pytestmark = pytest.mark.django_db
ADDRESS = "section2.art20_8.fees.amount_wan"


def fee(agency, month, yuan):
    record_entry(
        agency,
        kind=StatisticKind.FEES_AMOUNT,
        period_start=date(2022, month, 1),
        period_end=date(2022, month, 28),
        value=Decimal(yuan),
        source="非税收入系统",
    )


def test_yuan_are_divided_into_wan_exactly():
    agency = make_agency()
    fee(agency, 1, "0.10")
    fee(agency, 2, "0.20")
    fee(agency, 3, "1904573.79")
    value = build_cells(agency, 2022)[ADDRESS]
    assert isinstance(value, Decimal)
    assert value == Decimal("190.457409")  # (0.10 + 0.20 + 1904573.79) / 10000, with no float drift


def test_the_amount_survives_the_json_round_trip():
    agency = make_agency()
    fee(agency, 5, "1904573.79")
    cells = build_cells(agency, 2022)
    assert parse_cells_json(dumps(cells.to_dict()))[ADDRESS] == Decimal("190.457379")


def test_no_fees_is_zero_and_procurement_is_in_yuan_in_2019():
    agency = make_agency()
    assert build_cells(agency, 2022)[ADDRESS] == 0
    for kind, value in (
        (StatisticKind.PROCUREMENT_PROJECTS, 3),
        (StatisticKind.PROCUREMENT_AMOUNT, "456789.50"),
    ):
        record_entry(
            agency,
            kind=kind,
            period_start=date(2020, 1, 1),
            period_end=date(2020, 12, 31),
            value=Decimal(value),
            source="政府采购系统",
        )
    cells = build_cells(agency, 2020)
    assert cells["section2.art20_9.procurement.projects"] == 3
    assert cells["section2.art20_9.procurement.amount"] == Decimal("456789.50")
