"""The HTML report: merged headers as published, rectangular tables, escaped text, a full document."""

from html.parser import HTMLParser

import pytest

from gongkai.formats.render.html import render_html, render_html_fragment


class TableReader(HTMLParser):
    """Collects every table as rows of (text, rowspan, colspan)."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = [[], int(attrs.get("rowspan", 1)), int(attrs.get("colspan", 1))]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0].append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            text, rowspan, colspan = self._cell
            self.tables[-1][-1].append(("".join(text), rowspan, colspan))
            self._cell = None


def read_tables(html: str) -> list[list[list[tuple[str, int, int]]]]:
    reader = TableReader()
    reader.feed(html)
    return reader.tables


def occupancy_width(rows) -> set[int]:
    """Lay out the cells as a browser does; the set of row widths (one width if rectangular)."""
    taken: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        c = 0
        for _, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    assert (r + dr, c + dc) not in taken, "overlapping cells"
                    taken[(r + dr, c + dc)] = True
            c += colspan
    return {sum(1 for (row, _) in taken if row == r) for r in range(len(rows))}


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_the_tables_have_the_published_merged_headers(balanced, official_layout, version):
    tables = read_tables(render_html_fragment(balanced(version)))
    official_layout([cell for table in tables for row in table for cell in row], version)


@pytest.mark.parametrize("version", ["2019", "2021"])
def test_every_table_is_rectangular(balanced, version):
    tables = read_tables(render_html_fragment(balanced(version)))
    assert len(tables) == 3
    widths = [occupancy_width(t) for t in tables]
    assert all(len(w) == 1 for w in widths), widths
    assert widths[1] == {10} and widths[2] == {15}  # §三: 3 label + 7 columns; §四: 3 blocks × 5


def test_numbers_sit_in_the_cells_of_their_address(balanced):
    cells = balanced("2021")
    html = render_html_fragment(cells)
    value = cells["section3.denied_process_info.legal_service"]
    assert f'data-cell="section3.denied_process_info.legal_service">{value}<' in html


def test_a_blank_cell_renders_empty_not_zero(balanced):
    cells = balanced("2021")
    cells["section4.review.corrected"] = None
    assert 'data-cell="section4.review.corrected"></td>' in render_html_fragment(cells)


def test_agency_narrative_and_contact_are_escaped(balanced):
    cells = balanced("2021", agency="<script>alert(1)</script>局")
    html = render_html(cells, {"一": "甲 & 乙 <b>粗</b>"}, {"office": '办公室"', "phone": "<1>"})
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "甲 &amp; 乙 &lt;b&gt;粗&lt;/b&gt;" in html
    assert "&lt;1&gt;" in html


def test_the_standalone_document_has_the_title_sections_and_a4_style(balanced):
    cells = balanced("2019")
    html = render_html(cells, {"五": "第一段。\n\n第二段。"})
    assert html.startswith("<!DOCTYPE html>") and 'lang="zh-CN"' in html
    assert "<title>示例市测试局2020年政府信息公开工作年度报告</title>" in html
    for heading in ("一、总体情况", "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"):
        assert f"<h2>{heading}</h2>" in html
    # Each paragraph has an address a check finding can link to.
    assert '<p id="gk-p-五-1">第一段。</p>\n<p id="gk-p-五-2">第二段。</p>' in html
    assert "size: A4" in html and "Noto Serif CJK SC" in html


def test_an_unknown_narrative_section_is_refused(balanced):
    with pytest.raises(ValueError, match="七"):
        render_html_fragment(balanced(), {"七": "x"})
