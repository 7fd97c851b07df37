"""A parent whose report states its children's total: every cell that differs from the children's sum is
named with both figures and the difference; when they agree nothing is flagged."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import AgencyKind, Role
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.supervision.consistency import parent_vs_children
from tests.factories import make_agency, make_person, publish_cells, sample_cells

pytestmark = pytest.mark.django_db


def family(year: int, *, change: dict | None = None):
    parent = make_agency("乐清市人民政府", kind=AgencyKind.GOVERNMENT)
    children = [make_agency(parent=parent) for _ in range(3)]
    fmt = format_for_year(year)
    sums = ReportCells.blank(fmt, parent.name, year)
    child_cells = [sample_cells(child, year, seed=i) for i, child in enumerate(children)]
    for address, _ in fmt.cells():
        sums[address] = sum(c[address] for c in child_cells)
    for address, delta in (change or {}).items():
        sums[address] += delta
    for child, cells in zip(children, child_cells, strict=True):
        publish_cells(child, year, cells)
    publish_cells(parent, year, sums)
    return parent, children


def test_a_parent_that_states_its_childrens_total_has_no_differences():
    parent, children = family(2025)
    check = parent_vs_children(parent, children, 2025)
    assert check.possible
    assert check.differences == []
    assert check.compared == len(format_for_year(2025).cells())


def test_each_cell_that_differs_is_named_with_the_amount():
    parent, children = family(2025, change={"section3.granted.total": 2, "section4.review.corrected": -1})
    check = parent_vs_children(parent, children, 2025)

    by_address = {d.address: d for d in check.differences}
    assert set(by_address) == {"section3.granted.total", "section4.review.corrected"}
    assert by_address["section3.granted.total"].difference == 2
    assert by_address["section4.review.corrected"].difference == -1
    assert by_address["section3.granted.total"].label == "第三部分 （一）予以公开 总计"


def test_the_total_page_shows_the_difference_and_says_when_all_agree():
    parent, children = family(2025, change={"section3.granted.total": 2})
    client = Client()
    client.force_login(make_person(parent, Role.SUPERVISOR))
    html = client.get(reverse("supervision:total", args=[parent.code]), {"year": 2025}).content.decode()
    assert "第三部分 （一）予以公开 总计" in html and "相差 2" in html

    agreeing, _ = family(2024)
    client.force_login(make_person(agreeing, Role.SUPERVISOR))
    html = client.get(reverse("supervision:total", args=[agreeing.code]), {"year": 2024}).content.decode()
    assert "相差" not in html
    assert "个单元格全部一致" in html
