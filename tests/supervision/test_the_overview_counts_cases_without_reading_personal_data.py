"""Counting a subtree's overdue cases reads no applicant's name or contact data: on a server (or a command
line) without the personal-data key the overview still answers, and nothing is decrypted."""

from datetime import date

import pytest

from gongkai.agencies.models import AgencyKind
from gongkai.supervision.overview import overview
from tests.factories import make_agency, make_application

pytestmark = pytest.mark.django_db


def test_the_overview_needs_no_field_key(settings):
    root = make_agency(kind=AgencyKind.GOVERNMENT)
    office = make_agency(parent=root)
    make_application(office, received_on=date(2026, 9, 1))  # 20 working days ran out in October
    settings.FIELD_ENCRYPTION_KEYS = []
    settings.FIELD_KEY_FROM_SECRET = False

    rows = {row.agency: row for row in overview([root, office], 2026, date(2026, 11, 2))}

    assert (rows[root].overdue, rows[office].overdue) == (0, 1)
