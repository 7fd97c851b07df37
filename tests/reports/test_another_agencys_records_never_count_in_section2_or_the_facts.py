"""Every figure of §二 and §一 is scoped to the agency: a sibling's items, 公文, matters and entries never count."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from gongkai.disclosure.models import DisclosureAttribute, ItemKind, OfficialDocument
from gongkai.reports.compute import build_cells, facts
from gongkai.statistics.models import MatterKind, StatisticKind
from gongkai.statistics.services import record_entry, record_matter
from tests.factories import make_agency, make_category, make_item

pytestmark = pytest.mark.django_db


def busy(agency):
    """One of everything §二 and §一 count, in 2020."""
    category = make_category(agency, "公示公告")
    make_item(
        agency,
        kind=ItemKind.NORMATIVE,
        category=category,
        formed_on=date(2020, 3, 1),
        published_at=timezone.make_aware(datetime(2020, 3, 5, 9)),
    )
    OfficialDocument.objects.create(
        agency=agency,
        document_number="某局〔2020〕1号",
        title="关于某事的通知",
        issued_on=date(2020, 3, 1),
        attribute=DisclosureAttribute.PROACTIVE,
    )
    record_matter(
        agency, kind=MatterKind.LICENSING, name="某许可", effective_from=date(2019, 1, 1), source="清单"
    )
    for kind in StatisticKind:
        record_entry(
            agency,
            kind=kind,
            period_start=date(2020, 1, 1),
            period_end=date(2020, 12, 31),
            value=Decimal(7),
            source="某系统",
        )


def test_a_sibling_agencys_records_leave_the_report_at_zero():
    agency, sibling = make_agency(), make_agency()
    busy(sibling)
    cells = build_cells(agency, 2020)
    section2 = {a: v for a, v in cells.values.items() if a.startswith("section2.")}
    assert section2 and all(v == 0 for v in section2.values())
    assert facts(agency, 2020) == {
        "documents_issued": 0,
        "documents_proactive": 0,
        "documents_not_public": 0,
        "items_by_category": {},
    }


def test_the_same_records_count_for_their_own_agency():
    sibling = make_agency()
    busy(sibling)
    cells = build_cells(sibling, 2020)
    assert cells["section2.art20_1.normative_documents.made"] == 1
    assert cells["section2.art20_5.licensing.prev_items"] == 1
    assert cells["section2.art20_5.licensing.decisions"] == 7
    assert cells["section2.art20_9.procurement.amount"] == 7
    assert facts(sibling, 2020)["items_by_category"] == {"公示公告": 1}
