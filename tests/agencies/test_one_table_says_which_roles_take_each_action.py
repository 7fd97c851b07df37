"""One vocabulary of permissions: ACTIONS says which roles take each action; allows, allowed_actions and
agencies_where answer from it alike; a refusal is NotAllowed, a PermissionDenied whose Chinese message names
the step, the agency and the roles that may take it; load_authorized hands a view the record of the person's
agencies (404 elsewhere) once the action is allowed."""

import ast
import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

import gongkai
from gongkai.agencies.access import (
    ACTIONS,
    NotAllowed,
    agencies_where,
    allowed_actions,
    allows,
    load_authorized,
    require,
)
from gongkai.agencies.models import Agency
from tests.factories import make_person, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return make_personas()


def everyone(people):
    root = make_person(username="root", is_superuser=True, is_staff=True)
    return [
        people.registrar,
        people.department_head,
        people.reviewer,
        people.leader,
        people.supervisor,
        people.admin,
        people.other_clerk,
        root,
    ]


def test_where_a_person_may_act_agrees_with_what_they_may_do_in_each_agency(people):
    agencies = list(Agency.objects.all())
    for user in everyone(people):
        for action in ACTIONS:
            expected = {agency for agency in agencies if allows(user, action, agency)}
            assert set(agencies_where(user, action)) == expected, (user, action)
        for agency in agencies:
            assert allowed_actions(user, agency) == {a for a in ACTIONS if allows(user, a, agency)}


def test_a_supervisor_acts_in_every_agency_below_and_a_superuser_only_where_the_table_says(people):
    assert set(agencies_where(people.supervisor, "report.import")) == {
        people.government,
        people.agency,
        people.other_agency,
        people.township,
    }
    assert not agencies_where(people.supervisor, "report.edit").exists()
    root = make_person(username="root", is_superuser=True, is_staff=True)
    assert {a for a in ACTIONS if allows(root, a, people.agency)} == {
        a for a, permission in ACTIONS.items() if permission.superuser
    }


def test_a_refusal_names_the_step_the_agency_and_the_roles_that_may_take_it(people):
    with pytest.raises(NotAllowed) as refused:
        require(people.department_head, "report.check", people.agency)
    assert isinstance(refused.value, PermissionDenied)
    assert str(refused.value) == "校验年度报告须由乐清市退役军人事务局的登记员、领导或管理员办理。"
    assert refused.value.action == "report.check" and refused.value.agency == people.agency
    assert str(NotAllowed("letter.settings")) == "维护文书设置须由本机关的管理员办理。"
    assert (
        str(NotAllowed("case.handle", what="上传送达凭证")) == "上传送达凭证须由本机关的登记员或管理员办理。"
    )


def test_a_view_gets_the_record_of_the_persons_agencies_once_the_action_is_allowed(people):
    @load_authorized(Agency, "catalogue.edit", lookup={"code": "code"})
    def view(request, agency, extra):
        return agency, extra

    request = RequestFactory().get("/")
    request.user = people.admin
    assert view(request, code=people.agency.code, extra=1) == (people.agency, 1)
    request.user = people.registrar
    with pytest.raises(NotAllowed, match="管理员"):
        view(request, code=people.agency.code, extra=1)
    request.user = people.other_clerk  # another agency's: as if it did not exist
    with pytest.raises(Http404):
        view(request, code=people.agency.code, extra=1)


# The calls and template tests through which code asks for an action.
ASKING = {
    "require",
    "allows",
    "agencies_where",
    "roles_for",
    "NotAllowed",
    "load_authorized",
    "authorized",
    "Review",
}


def actions_asked_for() -> set[str]:
    root = Path(gongkai.__file__).parent
    asked = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in ASKING:
                arguments = [*node.args, *(k.value for k in node.keywords)]
                asked |= {
                    a.value for a in arguments if isinstance(a, ast.Constant) and isinstance(a.value, str)
                }
    for path in root.rglob("*.html"):
        asked |= set(re.findall(r'"([a-z_]+\.[a-z_]+)" in allowed', path.read_text(encoding="utf-8")))
    return {a for a in asked if re.fullmatch(r"[a-z_]+\.[a-z_]+", a)}


def test_every_action_of_the_table_guards_something_and_nothing_asks_for_one_outside_it():
    asked = actions_asked_for()
    assert sorted(set(ACTIONS) - asked) == [], "表中有未使用的操作"
    assert sorted(asked - set(ACTIONS)) == [], "代码中使用了表中没有的操作"


def test_the_operators_guide_lists_every_action_with_the_roles_that_take_it():
    guide = Path(gongkai.__file__).parent.parent / "docs" / "operator-guide.md"
    rows = {}
    for line in guide.read_text(encoding="utf-8").splitlines():
        found = re.fullmatch(r"\| [^|]+ \| ([^|]+) \| ([^|]+) \| `([a-z_]+\.[a-z_]+)` \|", line)
        if found:
            rows[found[3]] = (found[1], found[2])
    expected = {
        action: (p.what, p.roles_text + ("；系统管理员亦可" if p.superuser else ""))
        for action, p in ACTIONS.items()
    }
    assert rows == expected
