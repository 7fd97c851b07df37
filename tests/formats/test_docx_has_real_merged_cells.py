"""The Word report: the same merged cells as the published table (gridSpan / vMerge in the XML),
公文 page and fonts."""

from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.formats.render.word import render_docx


def table_anchors(table) -> tuple[list[tuple[str, int, int]], set[int]]:
    """Cells as (text, rowspan, colspan) read from w:gridSpan and w:vMerge; also the row widths."""
    anchors: list[list] = []
    open_merges: dict[int, list] = {}
    widths = set()
    for tr in table._tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
            span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
            merge_el = pr.find(qn("w:vMerge")) if pr is not None else None
            merge = None if merge_el is None else (merge_el.get(qn("w:val")) or "continue")
            if merge == "continue":
                open_merges[col][1] += 1
            else:
                text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
                anchor = [text, 1, span]
                anchors.append(anchor)
                if merge == "restart":
                    open_merges[col] = anchor
            col += span
        widths.add(col)
    return [tuple(a) for a in anchors], widths


@pytest.fixture(params=["2019", "2021"])
def document(request, balanced):
    version = request.param
    narrative = {"一": "总体情况的正文。", "六": "本年度未收取信息处理费。"}
    return version, Document(BytesIO(render_docx(balanced(version), narrative, {"phone": "0577-1"})))


def test_the_tables_have_the_published_merged_cells(document, official_layout):
    version, doc = document
    anchors = [a for table in doc.tables for a in table_anchors(table)[0]]
    official_layout(anchors, version)


def test_every_table_row_fills_the_grid(document):
    _, doc = document
    assert len(doc.tables) == 3
    widths = [table_anchors(t)[1] for t in doc.tables]
    assert widths[1:] == [{10}, {15}]
    assert len(widths[0]) == 1


def test_the_page_is_a4_with_gbt_9704_margins(document):
    _, doc = document
    section = doc.sections[0]
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35}
    expected |= {"left_margin": 28, "right_margin": 26}
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) <= Mm(0.1), name


def test_every_run_names_an_east_asian_font(document):
    _, doc = document
    runs = list(doc.element.body.iter(qn("w:r")))
    assert runs
    for run in runs:
        fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")), "".join(t.text for t in run.iter(qn("w:t")))


def test_title_body_and_tables_use_the_official_faces_and_sizes(document):
    _, doc = document
    title = doc.paragraphs[0]
    assert title.text.endswith("年政府信息公开工作年度报告")
    title_font = title.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia"))
    assert title_font == "方正小标宋简体"
    body = next(p for p in doc.paragraphs if p.text == "总体情况的正文。")
    assert body.runs[0].font.size == Pt(16)
    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    table_sizes = {
        r.font.size
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    }
    assert table_sizes and max(table_sizes) <= Pt(10.5)


def test_headings_come_in_order_with_their_tables_after_them(document):
    _, doc = document
    body = doc.element.body
    order = []
    for child in body:
        if child.tag == qn("w:tbl"):
            order.append("table")
        elif child.tag == qn("w:p"):
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            if text[:2] in ("一、", "二、", "三、", "四、", "五、", "六、"):
                order.append(text[0])
    assert order == ["一", "二", "table", "三", "table", "四", "table", "五", "六"]
