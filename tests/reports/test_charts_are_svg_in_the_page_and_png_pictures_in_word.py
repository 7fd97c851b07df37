"""Charts of applications by outcome and by applicant type and the five-year trends are drawn by gongkai:
SVG with Chinese labels in HTML (and so in PDF), PNG pictures in the Word document. A trend leaves out the
years without a report instead of drawing them as 0, and its title says so."""

import io
from datetime import date

import pytest
from docx import Document

from gongkai.formats.render import render
from gongkai.reports.charts import charts_by_section
from gongkai.reports.content import live_content
from gongkai.reports.services import open_report
from tests.factories import make_personas
from tests.reports.placing import place
from tests.reports.published import lock_year

pytestmark = pytest.mark.django_db


def test_outcome_applicant_and_trend_charts_come_from_the_cells():
    people = make_personas()
    place(people.agency, date(2024, 3, 2), outcome="granted", decided=date(2024, 3, 20))
    lock_year(people.agency, 2024)  # 2024 was reported; 2021–2023 were not
    place(people.agency, date(2025, 3, 2), outcome="granted", decided=date(2025, 3, 20))
    place(people.agency, date(2025, 4, 1), outcome="unable_not_held", decided=date(2025, 4, 20))
    place(
        people.agency,
        date(2025, 5, 6),
        applicant_type="commercial",
        outcome="partially_granted",
        decided=date(2025, 5, 26),
    )
    content = live_content(open_report(people.agency, 2025))
    charts = {c.key: c for c in content.charts}

    outcomes = charts["outcomes"]
    assert dict(zip(outcomes.labels, outcomes.values, strict=True))["予以公开"] == 1
    assert dict(zip(outcomes.labels, outcomes.values, strict=True))["无法提供"] == 1
    assert dict(zip(charts["applicants"].labels, charts["applicants"].values, strict=True)) == {
        "自然人": 2,
        "商业企业": 1,
        "科研机构": 0,
        "社会公益组织": 0,
        "法律服务机构": 0,
        "其他": 0,
    }
    assert charts["applications_trend"].labels == ("2024年", "2025年")
    assert charts["applications_trend"].values == (1, 3)
    assert (
        charts["applications_trend"].title
        == "2024—2025年新收申请数量（2021、2022、2023年无年度报告，未列入）"
    )

    by_section = charts_by_section(content.charts)
    html = render("html", content.cells, content.sections, content.contact, charts=by_section).decode()
    assert html.count("<svg") == 3 and "申请办理结果" in html and "商业企业" in html
    docx = Document(
        io.BytesIO(render("docx", content.cells, content.sections, content.contact, charts=by_section))
    )
    pictures = [r for r in docx.part.related_parts.values() if r.content_type == "image/png"]
    assert len(pictures) == 3 and all(p.blob.startswith(b"\x89PNG") for p in pictures)
