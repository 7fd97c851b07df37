"""`make demo`: the demo supervisor of 乐清市人民政府 sees the city's agencies and a 2020 total of three
published reports (the seed's and two imported ones, one with a blank cell), whose figures balance."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.demo import load_demo
from gongkai.demo.supervision import FIGURES, YEAR
from gongkai.formats.checks import ERROR, check_cells
from gongkai.supervision.aggregate import aggregate, report_cells

pytestmark = pytest.mark.django_db


def test_the_demo_supervisor_sees_the_city_total():
    load_demo()
    load_demo()  # twice: nothing is imported again
    city = Agency.objects.get(code="yqszf")
    total = aggregate(city, YEAR, published_only=True)

    reporting = {a.code for a in total.with_report}
    assert reporting == {"yqtyjrswj", *FIGURES}
    for code in FIGURES:
        cells = report_cells(Agency.objects.get(code=code), YEAR, published_only=True)
        assert [f for f in check_cells(cells) if f.severity == ERROR] == []
    assert [a.code for a in total.blank["section2.art20_9.procurement.amount"]] == ["yqslsz"]

    client = Client()
    client.force_login(get_user_model().objects.get(username="jiandu"))
    html = client.get(reverse("supervision:total", args=["yqszf"]), {"year": YEAR}).content.decode()
    assert "乐清市财政局" in html and "乐清市人民政府2020年合计" in html
    tree = client.get(reverse("supervision:tree", args=["yqszf"]), {"year": YEAR}).content.decode()
    assert "乐清市柳市镇人民政府" in tree
