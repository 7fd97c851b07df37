import datetime

import pytest
import time_machine
from django.urls import reverse

from gongkai.disclosure.models import DisclosureAttribute, OfficialDocument
from gongkai.disclosure.register import RegisterError, pending_documents, save_document


def register(people, number, issued_on, attribute=DisclosureAttribute.PROACTIVE, **fields):
    return save_document(
        OfficialDocument(
            agency=people.agency,
            document_number=number,
            title=f"公文{number}",
            issued_on=issued_on,
            attribute=attribute,
            **fields,
        ),
        people.registrar,
    )


def test_a_proactive_document_shows_its_deadline_and_working_days_left(people):
    register(people, "乐退役军人发〔2026〕8号", datetime.date(2026, 2, 6))
    [row] = pending_documents(OfficialDocument.objects.all(), datetime.date(2026, 3, 10))
    # 11 and 12 March remain: the deadline is the 20th working day after 6 February.
    assert (row.due, row.left, row.overdue) == (datetime.date(2026, 3, 12), 2, False)


def test_a_document_past_its_deadline_is_overdue(people):
    register(people, "乐退役军人发〔2026〕8号", datetime.date(2026, 2, 6))
    [row] = pending_documents(OfficialDocument.objects.all(), datetime.date(2026, 3, 16))
    assert row.overdue and row.left == -2


def test_published_and_non_proactive_documents_are_not_pending(people, draft, publish):
    item = publish(draft())
    register(people, "乐退役军人发〔2026〕8号", datetime.date(2026, 2, 6), item=item)
    register(
        people,
        "乐退役军人发〔2026〕9号",
        datetime.date(2026, 2, 6),
        attribute=DisclosureAttribute.WITHHELD,
        attribute_reason="内部事务信息。",
    )
    assert pending_documents(OfficialDocument.objects.all(), datetime.date(2026, 3, 10)) == []


def test_a_document_not_disclosed_proactively_needs_a_reason(people):
    with pytest.raises(RegisterError, match="须说明理由"):
        register(
            people,
            "乐退役军人发〔2026〕9号",
            datetime.date(2026, 2, 6),
            attribute=DisclosureAttribute.ON_REQUEST,
        )


def test_the_register_page_shows_the_countdown(people, client):
    register(people, "乐退役军人发〔2026〕8号", datetime.date(2026, 2, 6))
    client.force_login(people.registrar)
    with time_machine.travel(datetime.datetime(2026, 3, 10, 10, tzinfo=datetime.UTC)):
        page = client.get(reverse("disclosure:register")).content.decode()
    assert "2026-03-12" in page and "2 个工作日" in page


def test_another_agencys_documents_are_not_listed(people, client):
    register(people, "乐退役军人发〔2026〕8号", datetime.date(2026, 2, 6))
    client.force_login(people.other_clerk)
    assert "乐退役军人发〔2026〕8号" not in client.get(reverse("disclosure:register")).content.decode()
