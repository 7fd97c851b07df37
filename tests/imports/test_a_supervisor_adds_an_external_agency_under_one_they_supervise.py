"""A supervisor may add an agency outside gongkai under an agency they supervise (name, code, parent checked;
the 统一社会信用代码 may be left blank), audited, and then upload its report; nobody else may, and never under
an agency outside their tree."""

import pytest
from django.test import Client

from gongkai.agencies.access import NotAllowed
from gongkai.agencies.models import Agency
from gongkai.audit.models import AuditEntry
from gongkai.importer.external import create_external_agency
from tests.factories import make_agency

pytestmark = pytest.mark.django_db

NEW = {"name": "乐清市农业农村局", "code": "yqsnyncj", "uscc": "", "parent": "yqszf", "kind": "department"}


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_supervisor_adds_an_agency_and_may_import_for_it(people):
    client = _as(people.supervisor)
    response = client.post("/workspace/imports/agencies/new/", NEW)
    assert response.status_code == 302 and response["Location"] == "/workspace/imports/?agency=yqsnyncj"
    agency = Agency.objects.get(code="yqsnyncj")
    assert (agency.parent, agency.uscc, agency.level) == (people.government, None, people.government.level)
    assert AuditEntry.objects.filter(action="agency.create_external", target_id=str(agency.pk)).exists()
    assert 'value="yqsnyncj" selected' in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "Bad Code"}, "简称代码只能包含小写字母"),
        ({"code": "yqtyjrswj"}, "简称代码"),  # taken by the personas' agency
        ({"code": "workspace"}, "系统保留的网址"),
        ({"uscc": "123"}, "应为 18 位"),
        ({"name": ""}, "请填写机关名称"),
    ],
)
def test_an_invalid_agency_is_refused_in_chinese_and_the_form_kept(people, change, message):
    response = _as(people.supervisor).post("/workspace/imports/agencies/new/", {**NEW, **change})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    if "name" not in change:
        assert 'value="乐清市农业农村局"' in page  # what was typed is shown again
    assert not Agency.objects.filter(name="乐清市农业农村局").exists()


def test_only_a_supervisor_and_only_under_their_tree(people):
    assert _as(people.registrar).get("/workspace/imports/agencies/new/").status_code == 403
    outside = make_agency("温州市某局")
    response = _as(people.supervisor).post(
        "/workspace/imports/agencies/new/", {**NEW, "parent": outside.code}
    )
    assert "只能在您监督的机关之下新建机关" in response.content.decode()
    with pytest.raises(NotAllowed, match="上级监督员"):
        create_external_agency(name="某局", parent=outside, actor=people.supervisor)
