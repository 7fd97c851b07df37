import datetime

import pytest

from gongkai.disclosure import workflow
from gongkai.disclosure.models import DisclosureAttribute, Item
from tests.factories import make_personas


@pytest.fixture
def people(db):
    return make_personas()


@pytest.fixture
def draft(people):
    """A draft of the registrar's, ready for review."""

    def _draft(**fields):
        item = Item(
            agency=fields.pop("agency", people.agency),
            drafter=fields.pop("drafter", people.registrar),
            title=fields.pop("title", "关于开展2026年度退役军人优待证申领工作的通知"),
            formed_on=fields.pop("formed_on", datetime.date(2026, 3, 2)),
            attribute=fields.pop("attribute", DisclosureAttribute.PROACTIVE),
            **fields,
        )
        return workflow.save_draft(item, item.drafter)

    return _draft


@pytest.fixture
def publish(people):
    """Take an item through every review with the personas who hold the roles."""

    def _publish(item):
        workflow.submit(item, item.drafter)
        for reviewer in (people.department_head, people.reviewer, people.leader):
            item = workflow.approve(item, reviewer)
        return item

    return _publish
