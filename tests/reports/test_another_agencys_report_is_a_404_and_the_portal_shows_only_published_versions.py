"""Reports are scoped like every record: another agency's registrar gets 404 on its report pages and
files; the portal lists only published versions and never a draft."""

import pytest

from gongkai.reports.services import open_report
from tests.factories import PASSWORD, make_personas
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_scoping_in_the_workspace_and_on_the_portal(client):
    people = make_personas()
    open_report(people.agency, 2025, actor=people.registrar)
    lock_year(people.other_agency, 2025)

    client.login(username=people.other_clerk.username, password=PASSWORD)
    assert client.get("/workspace/reports/yqtyjrswj/2025/").status_code == 404
    assert client.get("/workspace/reports/yqtyjrswj/2025/edit/").status_code == 404
    assert client.get("/workspace/reports/yqsmzj/2025/").status_code == 200
    client.logout()

    client.login(username=people.registrar.username, password=PASSWORD)
    page = client.get("/workspace/reports/yqtyjrswj/2025/").content.decode()
    assert "草稿" in page and "编辑正文" in page
    assert ">审定</button>" not in page  # the leader approves, and only a checked report
    client.logout()

    assert client.get("/yqtyjrswj/reports/2025/").status_code == 404
    assert "暂无已发布的年度报告" in client.get("/yqtyjrswj/reports/").content.decode()
    listing = client.get("/yqsmzj/reports/").content.decode()
    assert "乐清市民政局2025年政府信息公开工作年度报告" in listing
