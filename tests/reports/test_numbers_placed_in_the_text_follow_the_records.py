"""A number placed in the text from the data is a placeholder bound to a fact or cell: when the records
change the text follows; a placeholder that names no data is kept as typed and is an error of the check
naming it; a number typed by
hand that disagrees with the records is flagged (A9) with a link to its sentence."""

from datetime import date

import pytest

from gongkai.disclosure.models import DisclosureAttribute, OfficialDocument
from gongkai.reports import services
from gongkai.reports.content import live_content
from tests.factories import make_application, make_personas
from tests.reports.published import fill_ledger

pytestmark = pytest.mark.django_db


def test_the_rendered_text_follows_the_records_and_an_unknown_placeholder_is_an_error_naming_it():
    people = make_personas()
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    sections = dict(report.sections)
    sections["五"] = (
        "全年受理申请{{section3.new_received.total}}件，其中自然人{{section3.new_received.natural_person}}件。"
    )
    report = services.save_sections(report, sections, actor=people.registrar)
    assert live_content(report).sections["五"] == "全年受理申请0件，其中自然人0件。"

    make_application(people.agency, received_on=date(2025, 6, 2))
    make_application(people.agency, received_on=date(2025, 7, 1))
    content = live_content(report)
    assert content.sections["五"] == "全年受理申请2件，其中自然人2件。"
    assert "全年新收政府信息公开申请2件" in content.sections["一"]

    sections["六"] = "收取费用{{fees.amont}}元。"
    report = services.save_sections(report, sections, actor=people.registrar)
    assert report.sections["六"] == "收取费用{{fees.amont}}元。"  # nothing typed is lost
    findings = services.check(report, actor=people.registrar)
    (unknown,) = [f for f in findings if f["rule"] == "数据标记"]
    assert unknown["severity"] == "error" and "第六部分" in unknown["message"]
    assert "{{fees.amont}}" in unknown["message"]
    report.refresh_from_db()
    assert report.status == "draft"


def test_a_hand_typed_figure_that_disagrees_with_the_register_is_a_warning_linked_to_its_paragraph():
    people = make_personas()
    for n in (1, 2, 3):
        OfficialDocument.objects.create(
            agency=people.agency,
            document_number=f"乐退役军人〔2025〕{n}号",
            title=f"关于测试的通知{n}",
            issued_on=date(2025, 3, n),
            attribute=DisclosureAttribute.PROACTIVE,
        )
    report = services.open_report(people.agency, 2025, actor=people.registrar)
    sections = dict(report.sections)
    sections["五"] = "问题与改进。\n全年共制发公文5件。"
    services.save_sections(report, sections, actor=people.registrar)
    fill_ledger(people.agency, 2025)

    findings = services.check(report, actor=people.registrar)
    (finding,) = [f for f in findings if f["rule"] == "A9"]
    assert finding["severity"] == "warning" and "5" in finding["message"] and "3" in finding["message"]
    assert finding["anchors"][0] == {"id": "gk-p-五-2", "label": "第五部分正文"}
    report.refresh_from_db()
    assert report.status == "checked"  # a warning does not stop the report

    client_html = live_content(report)
    from gongkai.formats.render.html import render_html_fragment

    assert '<p id="gk-p-五-2">全年共制发公文5件。</p>' in render_html_fragment(
        client_html.cells, client_html.sections
    )
