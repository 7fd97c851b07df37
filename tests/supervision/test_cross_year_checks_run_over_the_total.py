"""A6 and A7 over the summed reports: this year's 上年结转 against last year's 结转下年度, and the stock of
现行有效件数, for the agencies that reported in both years."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.supervision.consistency import cross_year
from tests.factories import make_agency, make_person, publish_cells

pytestmark = pytest.mark.django_db


def report(agency, year, *, carried_over: int, carried_forward: int, in_force: int, made: int = 0):
    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    cells["section3.carried_over.total"] = carried_over
    cells["section3.carried_forward.total"] = carried_forward
    cells["section2.art20_1.regulations.in_force"] = in_force
    cells["section2.art20_1.regulations.made"] = made
    cells["section2.art20_1.regulations.repealed"] = 0
    publish_cells(agency, year, cells)


def city(*, carried_over_b: int, in_force_b: int):
    root = make_agency()
    a, b = make_agency(parent=root), make_agency(parent=root)
    report(a, 2024, carried_over=0, carried_forward=3, in_force=10)
    report(b, 2024, carried_over=0, carried_forward=2, in_force=5)
    report(a, 2025, carried_over=3, carried_forward=0, in_force=12, made=2)
    report(b, 2025, carried_over=carried_over_b, carried_forward=0, in_force=in_force_b)
    return root, [root, a, b]


def test_years_that_follow_on_give_no_findings():
    root, agencies = city(carried_over_b=2, in_force_b=5)
    result = cross_year(agencies, 2025, published_only=True, name=root.name)
    assert result.findings == []
    assert len(result.agencies) == 2
    assert result.left_out == [root]  # no report in either year: not compared


def test_a_carry_over_that_does_not_follow_on_is_an_a6_finding():
    root, agencies = city(carried_over_b=1, in_force_b=7)
    result = cross_year(agencies, 2025, published_only=True, name=root.name)
    rules = {f.rule: f for f in result.findings}
    assert set(rules) == {"A6", "A7"}
    assert "4" in rules["A6"].message and "5" in rules["A6"].message
    assert rules["A6"].cells == ["section3.carried_over.total"]


def test_an_agency_reporting_in_one_year_only_is_left_out_rather_than_flagged():
    root, agencies = city(carried_over_b=2, in_force_b=5)
    newcomer = make_agency(parent=root)
    report(newcomer, 2025, carried_over=9, carried_forward=0, in_force=9)
    result = cross_year([*agencies, newcomer], 2025, published_only=True, name=root.name)
    assert result.findings == []
    assert newcomer in result.left_out


def test_the_total_page_lists_the_cross_year_findings():
    root, _ = city(carried_over_b=1, in_force_b=5)
    client = Client()
    client.force_login(make_person(root, Role.SUPERVISOR))
    html = client.get(reverse("supervision:total", args=[root.code]), {"year": 2025}).content.decode()
    assert "[A6]" in html
    assert "第三部分 二、上年结转政府信息公开申请数量 总计" in html
