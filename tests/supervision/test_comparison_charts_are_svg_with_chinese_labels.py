"""The comparison page draws the agencies side by side and the subtree's trend as SVG with Chinese labels,
without inline styles or scripts (the workspace's Content-Security-Policy)."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Role
from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.supervision.aggregate import aggregate
from gongkai.supervision.charts import agencies_chart
from gongkai.supervision.metrics import METRICS
from tests.factories import make_agency, make_person, publish_cells

pytestmark = pytest.mark.django_db


def publish(agency, year, granted, total):
    cells = ReportCells.blank(format_for_year(year), agency.name, year)
    cells["section3.granted.total"] = granted
    cells["section3.partially_granted.total"] = 0
    cells["section3.total.total"] = total
    cells["section3.new_received.total"] = total
    publish_cells(agency, year, cells)


def test_agencies_side_by_side_and_a_trend_over_years():
    root = make_agency("乐清市人民政府")
    a = make_agency("乐清市民政局", parent=root)
    b = make_agency("乐清市司法局", parent=root)
    for year in (2023, 2024, 2025):
        publish(a, year, 2, 3)
        publish(b, year, 0, 0)
    client = Client()
    client.force_login(make_person(root, Role.SUPERVISOR))

    html = client.get(
        reverse("supervision:compare", args=[root.code]),
        {"year": 2025, "metric": "substantive_disclosure_rate"},
    ).content.decode()

    assert html.count("<svg") == 2
    assert "2025年各机关实质公开率（单位：%）" in html
    assert "乐清市人民政府实质公开率（2021—2025年）" in html
    assert ">66.7<" in html
    assert "（予以公开 + 部分公开）÷ 办理结果总计" in html
    assert "style=" not in html.split("<main", 1)[-1] and "<script>" not in html
    # 司法局 decided nothing: its rate is 无, listed but not drawn.
    row = html.split("乐清市司法局</th>", 1)[1].split("</tr>", 1)[0]
    assert "无" in row


def test_only_agencies_with_a_value_are_drawn():
    root = make_agency()
    a, b = make_agency(parent=root), make_agency(parent=root)
    publish(a, 2025, 1, 4)
    publish(b, 2025, 0, 0)
    chart, values = agencies_chart(
        aggregate(root, 2025, published_only=True), METRICS["substantive_disclosure_rate"]
    )
    assert chart.labels == (a.name,) and chart.values == (25.0,)
    assert dict(values)[b] is None and dict(values)[root] is None
