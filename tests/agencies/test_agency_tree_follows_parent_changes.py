import pytest
from django.core.exceptions import ValidationError

from gongkai.agencies.access import agencies_visible_to
from gongkai.agencies.models import Agency, AgencyKind, Level, Role
from gongkai.agencies.tree import build_tree
from tests.factories import make_agency, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain():
    city = make_agency("温州市人民政府", level=Level.CITY, kind=AgencyKind.GOVERNMENT)
    county = make_agency("乐清市人民政府", parent=city, kind=AgencyKind.GOVERNMENT)
    bureau = make_agency("乐清市退役军人事务局", parent=county)
    other_county = make_agency("瑞安市人民政府", parent=city, kind=AgencyKind.GOVERNMENT)
    return city, county, bureau, other_county


def test_ancestors_are_listed_from_the_top_down(chain):
    city, county, bureau, _ = chain
    assert bureau.ancestors() == [city, county]
    assert city.ancestors() == []


def test_descendants_and_subtree(chain):
    city, county, bureau, other_county = chain
    assert set(city.descendants()) == {county, bureau, other_county}
    assert set(county.subtree()) == {county, bureau}
    assert not bureau.descendants().exists()


def test_moving_an_agency_moves_what_its_supervisors_see(chain):
    city, county, bureau, other_county = chain
    supervisor = make_person(other_county, Role.SUPERVISOR)
    assert bureau not in agencies_visible_to(supervisor)

    bureau.parent = other_county
    bureau.full_clean()
    bureau.save()

    assert bureau in agencies_visible_to(supervisor)
    assert set(county.descendants()) == set()
    assert Agency.objects.get(pk=bureau.pk).ancestors() == [city, other_county]


def test_an_agency_cannot_be_placed_under_itself_or_its_descendants(chain):
    city, county, bureau, _ = chain
    county.parent = bureau
    with pytest.raises(ValidationError) as error:
        county.full_clean()
    assert error.value.message_dict["parent"] == ["上级机关不能是本机关或其下级机关。"]
    city.parent = city
    with pytest.raises(ValidationError):
        city.full_clean()


def test_the_display_tree_nests_children_under_their_parents(chain):
    city, county, bureau, other_county = chain
    roots = build_tree(Agency.objects.order_by("name"))
    assert [n.agency for n in roots] == [city]
    assert {n.agency for n in roots[0].children} == {county, other_county}
    county_node = next(n for n in roots[0].children if n.agency == county)
    assert [n.agency for n in county_node.children] == [bureau]
