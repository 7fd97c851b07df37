import datetime

import pytest

from gongkai.disclosure import workflow
from gongkai.disclosure.models import DisclosureAttribute, Item
from gongkai.rules.secrecy import CODES
from tests.factories import make_personas

# A 保密审查 that finds nothing against disclosure: every question answered 否, with an opinion.
CLEARED = {
    "checklist": dict.fromkeys(CODES, False),
    "opinion": "经审查，不涉及国家秘密和第三方权益，同意公开。",
}


def approve(item, person):
    """Pass the item's current review as `person`, answering the 保密审查 checklist when it is that step."""
    return workflow.approve(item, person, **(CLEARED if item.status == "secrecy_review" else {}))


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
            item = approve(item, reviewer)
        return item

    return _publish
