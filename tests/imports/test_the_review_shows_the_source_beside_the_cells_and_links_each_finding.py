"""The review screen of a PDF shows the text extracted from it with page and line, marks the line each cell
was read from, and links every finding to its cells and to the sentence in the source; a corrected year or
format reads the file again under that format."""

import re

import pytest

from gongkai.importer.pending import cells_of, findings_of
from tests.factories import make_pending_import, published_report_file

pytestmark = pytest.mark.django_db

STATES_999 = {"一": "本年度共收到政府信息公开申请 999 件。", "五": "无。", "六": "本年度无其他事项。"}


def test_a_pdf_is_shown_as_its_text_with_pages_and_each_finding_links_to_its_place(registrar, people):
    data = published_report_file(people.agency.name, 2022, output="pdf", narrative=STATES_999)
    pending = make_pending_import(people.agency, people.registrar, data=data, name="2022年报.pdf")
    page = registrar.get(f"/workspace/imports/{pending.pk}/").content.decode()
    assert "从文件中提取的文字" in page and "第 1 页，第 1 行" in page

    # The cell's note links to the line it was read from, and that line is marked as holding cells.
    address = "section3.new_received.total"
    line = pending.result["line_of"][address]
    cell = page[page.index(f'id="cell-{address}"') :]
    assert f'href="#line-{line}"' in cell[: cell.index("</td>")]
    assert re.search(rf'<li id="line-{line}" class="has-cells', page)

    # A9: the sentence contradicting the table links to the source line that holds it, and to the cell.
    a9 = next(f for f in findings_of(pending) if f["rule"] == "A9")
    sentence = next(i for i, li in enumerate(pending.source_lines) if "999" in li["text"])
    finding = page[page.index("[A9]") :]
    finding = finding[: finding.index("</li>")]
    assert f'href="#line-{sentence}"' in finding and "第一部分原文" in finding
    assert all(f'href="#cell-{a}"' in finding for a in a9["cells"] if a.startswith("section"))
    assert "[A10]" in page  # §六 does not account for the fees


def test_a_corrected_format_reads_the_file_again(registrar, people):
    from gongkai.formats.layout import format_value

    pending = make_pending_import(people.agency, people.registrar)  # a 2022 report in the 2021 format
    cells = cells_of(pending)
    form = {"year": 2022, "format_version": "2019"}
    form.update({a: format_value(cells[a], c.kind) for a, c in cells.format.cells()})
    assert registrar.post(f"/workspace/imports/{pending.pk}/", form).status_code == 302
    pending.refresh_from_db()
    assert pending.format_version == "2019" and cells_of(pending).format.version == "2019"
    assert any(f["rule"] == "import.template" for f in findings_of(pending))  # 2022 calls for the 2021 format
    page = registrar.get(f"/workspace/imports/{pending.pk}/").content.decode()
    assert re.search(r"<option value=\"2019\" selected>", page)


def test_every_cell_is_editable_and_an_unread_cell_is_blank_and_says_why(registrar, people):
    from tests.importer.support import FIXTURES

    data = (FIXTURES / "047_longgang_bm_2024.txt").read_bytes()  # the text breaks off inside §三
    pending = make_pending_import(people.agency, people.registrar, data=data, name="047.txt")
    page = registrar.get(f"/workspace/imports/{pending.pk}/").content.decode()
    cells = cells_of(pending)
    assert page.count('<input type="text" name="section') == len(cells.values)
    (entry, *_) = pending.result["unread"]
    address = entry["cells"][0]
    assert cells[address] is None
    cell = page[page.index(f'id="cell-{address}"') :]
    cell = cell[: cell.index("</td>")]
    assert f'name="{address}" value=""' in cell and 'href="#unread-0"' in cell
    assert "未能读入的单元格" in page and entry["reason"] in page
