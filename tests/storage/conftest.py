import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.disclosure import workflow
from gongkai.disclosure.attachments import add_attachment
from gongkai.disclosure.models import DisclosureAttribute, Item
from tests.disclosure.conftest import approve
from tests.factories import make_personas

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def people(db):
    return make_personas()


@pytest.fixture
def item_with_attachment(people):
    """A draft of the registrar's with one PDF attachment, and a way to publish it."""

    def make(name="关于退役军人优待证申领的通知.pdf", content=PDF, publish=False):
        item = workflow.save_draft(
            Item(
                agency=people.agency,
                drafter=people.registrar,
                title="关于开展2026年度退役军人优待证申领工作的通知",
                formed_on=datetime.date(2026, 3, 2),
                attribute=DisclosureAttribute.PROACTIVE,
                body="<p>申领办法见附件。</p>",
            ),
            people.registrar,
        )
        attachment = add_attachment(item, SimpleUploadedFile(name, content), people.registrar)
        if publish:
            workflow.submit(item, item.drafter)
            for reviewer in (people.department_head, people.reviewer, people.leader):
                item = approve(item, reviewer)
        return item, attachment

    return make
