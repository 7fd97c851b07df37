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


def published_with_attachments(
    people, title: str, files: list[tuple[str, bytes]], body: str = "", image=None
):
    """An item the registrar drafts with `files` attached (name, content), then takes through every review
    to publication, as the workspace does. `body` may place the attachment named `image` where the editor
    would: at "{image}", its workspace address. Returns the published item and its attachments in order."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gongkai.disclosure.attachments import add_attachment

    item = workflow.save_draft(
        Item(agency=people.agency, drafter=people.registrar, title=title, formed_on="2026-03-02"),
        people.registrar,
    )
    attached = [
        add_attachment(item, SimpleUploadedFile(name, content), people.registrar) for name, content in files
    ]
    if body:
        shown = next((a for a in attached if a.original_name == image), None)
        address = f"/workspace/disclosure/{item.pk}/attachments/{shown.pk}/" if shown else ""
        item.body = body.format(image=address)
        workflow.save_draft(item, people.registrar)
    workflow.submit(item, people.registrar)
    for person in (people.department_head, people.reviewer, people.leader):
        item = approve(item, person)
    return item, attached


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
