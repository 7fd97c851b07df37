import datetime

import pytest
from django.utils import timezone

from tests.factories import make_personas


@pytest.fixture
def people(db):
    return make_personas()


def at(year, month=1, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))
