"""The ledger screen: a registrar enters an entry (Chinese field errors keep what was typed), sees the
year's sums, deletes after confirming; another agency's entry is a 404."""

from datetime import date

import pytest

from gongkai.ledger.models import LedgerEntry
from gongkai.ledger.services import record_entry
from tests.factories import PASSWORD, make_personas
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_entering_checking_and_deleting_through_the_screens(client):
    people = make_personas()
    client.login(username=people.registrar.username, password=PASSWORD)
    url = "/workspace/ledger/?agency=yqtyjrswj&year=2025"
    form = {
        "agency": "yqtyjrswj",
        "year": "2025",
        "kind": "outreach",
        "date": "2025-05-01",
        "channel": "",
        "title": "专场招聘会政策宣传",
        "times": "1",
        "materials": "400",
        "participants": "0",
        "source": "签到表",
    }
    page = client.post(url, form).content.decode()
    assert "宣传推广须选择宣传渠道" in page and "专场招聘会政策宣传" in page
    response = client.post(url, {**form, "channel": "offline"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "宣传推广·线下活动" in page and "400 份" in page

    entry = LedgerEntry.objects.get()
    assert "确定要删除" in client.get(f"/workspace/ledger/{entry.pk}/delete/").content.decode()
    lock_year(people.agency, 2025)
    page = client.post(f"/workspace/ledger/{entry.pk}/delete/").content.decode()
    assert "2025年度的记录已锁定" in page and LedgerEntry.objects.exists()

    other = record_entry(
        people.other_agency, kind="meeting", date=date(2025, 3, 1), title="会议", source="纪要"
    )
    assert client.get(f"/workspace/ledger/{other.pk}/delete/").status_code == 404
