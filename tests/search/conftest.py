import datetime

import pytest
from django.utils import timezone

from tests.factories import make_personas


@pytest.fixture
def people(db):
    return make_personas()


def shown(query):
    """What a reader is shown for `query`: the total and the ids on the first page, in order."""
    from gongkai.search.service import search_items

    results = search_items(query)
    return results.total, [hit.item.pk for hit in results.hits]


def at(year, month=1, day=15):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


BACKENDS = ["database", "index behind", "index caught up"]


@pytest.fixture(params=BACKENDS)
def search_backend(request, settings, db, monkeypatch):
    """Run the test on each way a search can be answered, which must all give the same results:

    - the database alone;
    - an index built before the test's items were written, none of them applied yet: every item is
      judged from the outbox rows waiting for this server;
    - the index with its follower caught up just before each search.
    """
    from gongkai.search import outbox

    settings.SEARCH_BACKEND = "database" if request.param == "database" else "index"
    if request.param != "database":
        outbox.rebuild()
    if request.param == "index caught up":
        state = outbox.node_state

        def caught_up():
            outbox.apply()
            return state()

        monkeypatch.setattr(outbox, "node_state", caught_up)
    return request.param
