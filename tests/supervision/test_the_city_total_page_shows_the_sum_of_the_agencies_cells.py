"""The total page shows, in the report's own tables, the sum of the city's agencies for every cell, with
who reported, who did not and which cells were blank."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.formats import format_for_year
from gongkai.formats.layout import format_value
from tests.factories import make_person
from tests.supervision.tree import BLANK, build_city

pytestmark = pytest.mark.django_db


def shown_cells(html: str) -> dict[str, str]:
    return {
        address: unescape(text)
        for address, text in re.findall(r'<td class="gk-num"[^>]* id="cell-([\w.]+)"[^>]*>([^<]*)</td>', html)
    }


@pytest.mark.parametrize("year", [2020, 2025])
def test_every_cell_on_the_page_is_the_sum_over_the_city(year):
    city = build_city(year)
    client = Client()
    client.force_login(make_person(city.city, Role.SUPERVISOR))

    response = client.get(reverse("supervision:total", args=[city.city.code]), {"year": year})
    html = response.content.decode()

    shown = shown_cells(html)
    fmt = format_for_year(year)
    assert len(shown) == len(fmt.cells())
    members = [pk for pk in city.cells if pk != city.outside.pk]
    for address, column in fmt.cells():
        values = [city.cells[pk][address] for pk in members if city.cells[pk][address] is not None]
        assert shown[address] == format_value(sum(values), column.kind), address
    assert city.silent.name in html.split('id="coverage"')[1]
    for address in BLANK:
        assert f'href="#cell-{address}"' in html


def test_a_year_not_offered_is_refused_in_chinese_and_last_year_shown():
    city = build_city(2025)
    client = Client()
    client.force_login(make_person(city.city, Role.SUPERVISOR))
    html = client.get(reverse("supervision:total", args=[city.city.code]), {"year": "1999"}).content.decode()
    assert "请选择列出的年度。" in html
    assert "2025年合计" in html
