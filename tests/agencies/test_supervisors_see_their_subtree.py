import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from gongkai.agencies.access import NotAllowed, agencies_visible_to, authorized, require, roles_of
from gongkai.agencies.models import Agency, AgencyKind, Level, Membership, Role
from tests.factories import make_agency, make_person, make_personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    """浙江省 → 温州市 → 乐清市 → 柳市镇, with 瑞安市 as 乐清市's sibling and 台州市 as 温州市's."""
    province = make_agency("浙江省人民政府", level=Level.PROVINCE, kind=AgencyKind.GOVERNMENT)
    wenzhou = make_agency("温州市人民政府", parent=province, level=Level.CITY, kind=AgencyKind.GOVERNMENT)
    taizhou = make_agency("台州市人民政府", parent=province, level=Level.CITY, kind=AgencyKind.GOVERNMENT)
    yueqing = make_agency("乐清市人民政府", parent=wenzhou, kind=AgencyKind.GOVERNMENT)
    ruian = make_agency("瑞安市人民政府", parent=wenzhou, kind=AgencyKind.GOVERNMENT)
    liushi = make_agency("柳市镇人民政府", parent=yueqing, level=Level.TOWNSHIP, kind=AgencyKind.GOVERNMENT)
    return {a.name[:3]: a for a in [province, wenzhou, taizhou, yueqing, ruian, liushi]}


def names(queryset):
    return sorted(a.name for a in queryset)


def test_a_supervisor_sees_their_agency_its_children_and_grandchildren(tree):
    supervisor = make_person(tree["温州市"], Role.SUPERVISOR)
    assert names(agencies_visible_to(supervisor)) == names(
        [tree["温州市"], tree["乐清市"], tree["瑞安市"], tree["柳市镇"]]
    )


def test_a_supervisor_does_not_see_siblings_or_the_agencies_above(tree):
    supervisor = make_person(tree["乐清市"], Role.SUPERVISOR)
    visible = agencies_visible_to(supervisor)
    assert names(visible) == names([tree["乐清市"], tree["柳市镇"]])
    for other in ("瑞安市", "温州市", "浙江省", "台州市"):
        assert tree[other] not in visible


def test_a_clerk_sees_only_their_own_agency_not_the_ones_below(tree):
    clerk = make_person(tree["乐清市"], Role.REGISTRAR)
    assert names(agencies_visible_to(clerk)) == ["乐清市人民政府"]
    with pytest.raises(Http404):
        authorized(clerk, Agency, code=tree["柳市镇"].code)


def test_roles_in_several_agencies_add_up(tree):
    person = make_person(tree["乐清市"], Role.REGISTRAR)
    Membership.objects.create(user=person, agency=tree["瑞安市"], role=Role.LEADER)
    Membership.objects.create(user=person, agency=tree["乐清市"], role=Role.SECRECY_REVIEWER)
    assert names(agencies_visible_to(person)) == names([tree["乐清市"], tree["瑞安市"]])
    assert roles_of(person, tree["乐清市"]) == {Role.REGISTRAR, Role.SECRECY_REVIEWER}
    assert roles_of(person, tree["瑞安市"]) == {Role.LEADER}


def test_a_supervisor_holds_the_supervisor_role_in_every_agency_below(tree):
    supervisor = make_person(tree["温州市"], Role.SUPERVISOR)
    assert roles_of(supervisor, tree["柳市镇"]) == {Role.SUPERVISOR}
    require(supervisor, "report.import", tree["柳市镇"])  # an action of the supervisor role, held there
    assert roles_of(supervisor, tree["台州市"]) == set()


def test_an_action_the_persons_roles_do_not_allow_is_refused_in_chinese(tree):
    registrar = make_person(tree["乐清市"], Role.REGISTRAR)
    require(registrar, "report.check", tree["乐清市"])
    with pytest.raises(NotAllowed, match="审定年度报告须由乐清市人民政府的领导办理"):
        require(registrar, "report.approve", tree["乐清市"])
    with pytest.raises(NotAllowed, match="瑞安市人民政府的登记员、领导或管理员"):
        require(registrar, "report.check", tree["瑞安市"])


def test_a_superuser_sees_every_agency_but_holds_no_role_unless_given_one(tree):
    root = make_person(username="root", is_superuser=True, is_staff=True)
    assert agencies_visible_to(root).count() == 6
    with pytest.raises(NotAllowed):
        require(root, "report.approve", tree["乐清市"])


def test_anonymous_and_inactive_people_see_nothing(tree):
    assert not agencies_visible_to(AnonymousUser()).exists()
    former = make_person(tree["乐清市"], Role.REGISTRAR, is_active=False)
    assert not agencies_visible_to(former).exists()
    assert roles_of(former, tree["乐清市"]) == set()


def test_the_personas_see_what_their_roles_allow():
    p = make_personas()
    assert names(agencies_visible_to(p.registrar)) == ["乐清市退役军人事务局"]
    assert names(agencies_visible_to(p.other_clerk)) == ["乐清市民政局"]
    assert names(agencies_visible_to(p.supervisor)) == names(
        [p.government, p.agency, p.other_agency, p.township]
    )
