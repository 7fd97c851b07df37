"""A change refused by the period lock on any screen answers with the lock's Chinese message (403), and
nothing is saved."""

import pytest

from gongkai.disclosure.models import OfficialDocument
from tests.factories import PASSWORD, make_personas
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_registering_a_document_of_a_published_year_is_refused_with_the_reason(client):
    people = make_personas()
    lock_year(people.agency, 2025)
    client.login(username=people.registrar.username, password=PASSWORD)
    form = {
        "document_number": "乐退役军人〔2025〕7号",
        "title": "关于补登的通知",
        "issued_on": "2025-06-01",
        "attribute": "proactive",
        "attribute_reason": "",
    }
    response = client.post("/workspace/disclosure/register/new/", form)
    assert response.status_code == 403
    page = response.content.decode()
    assert "乐清市退役军人事务局2025年政府信息公开工作年度报告已发布" in page
    assert "2025年度的记录已锁定" in page and "公文登记" in page
    assert not OfficialDocument.objects.exists()

    response = client.post("/workspace/disclosure/register/new/", {**form, "issued_on": "2026-06-01"})
    assert response.status_code == 302 and OfficialDocument.objects.count() == 1
