"""Print-perfect files: a figure is written the same in every format (0, never 0.0; 12.5, never 12.50); every
narrative paragraph of the Word file has a two-character first-line indent and every section heading the same
size; the small tables are never split, so no block caption is left alone at the foot of a page; and a draft
is marked 草稿 on every page of its PDF and in the header of its Word file."""

import io
from decimal import Decimal

import pypdfium2
import pytest
from docx import Document
from docx.shared import Pt

from gongkai.formats import format_for_year
from gongkai.formats.cells import ReportCells
from gongkai.formats.declaration import Kind
from gongkai.formats.layout import format_value
from gongkai.formats.render import render
from gongkai.reports.content import live_content
from gongkai.reports.drafts import draft_file
from gongkai.reports.services import open_report
from tests.factories import make_personas

pytestmark = pytest.mark.django_db

LONG = "本机关坚持以公开为常态、不公开为例外，持续加大重点领域信息公开力度，及时回应社会关切。" * 3


def pages_text(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def test_amounts_and_counts_are_written_alike_everywhere():
    assert format_value(Decimal("0.0"), Kind.AMOUNT) == "0"
    assert format_value(0.0, Kind.AMOUNT) == "0"
    assert format_value(Decimal("12.50"), Kind.AMOUNT) == "12.5"
    assert format_value(Decimal("251000"), Kind.AMOUNT) == "251000"
    assert format_value(3, Kind.COUNT) == "3"

    cells = ReportCells.blank(format_for_year(2020), "某局", 2020)
    cells["section2.art20_9.procurement.amount"] = Decimal("0.0")
    cells["section2.art20_9.procurement.projects"] = 0
    html = render("html", cells).decode()
    assert 'data-cell="section2.art20_9.procurement.amount">0<' in html
    word = Document(io.BytesIO(render("docx", cells)))
    texts = {c.text for t in word.tables for row in t.rows for c in row.cells}
    assert "0.0" not in texts and ">0.0<" not in html


def test_word_paragraphs_are_indented_two_characters_and_headings_share_one_size():
    cells = ReportCells.blank(format_for_year(2021), "某局", 2021)
    narrative = {n: f"（一）小标题\n{LONG}\n{LONG}" for n in ("一", "五", "六")}
    word = Document(io.BytesIO(render("docx", cells, narrative)))
    body = [p for p in word.paragraphs if p.text.strip()]
    headings = [p for p in body if p.text[:2] in {f"{n}、" for n in "一二三四五六"}]
    assert len(headings) == 6
    assert {run.font.size for p in headings for run in p.runs} == {Pt(16)}
    prose = [p for p in body if p.text == LONG]
    assert len(prose) == 6
    assert all(p.paragraph_format.first_line_indent == Pt(32) for p in prose)  # two characters of 16 pt


def test_the_section2_table_is_never_split_so_no_caption_is_left_at_the_foot_of_a_page():
    cells = ReportCells.blank(format_for_year(2021), "某局", 2021)
    # Enough text before §二 to bring the table near the foot of a page, whatever the fonts.
    for lines in (8, 12, 16, 20):
        narrative = {"一": "\n".join([LONG] * lines)}
        pages = pages_text(render("pdf", cells, narrative))
        fmt = cells.format
        first, last = fmt.section2.blocks[0].caption, fmt.section2.blocks[-1].caption
        holding = [i for i, text in enumerate(pages) if first in text or last in text]
        assert len(set(holding)) == 1, (lines, holding)


def test_a_draft_is_marked_on_every_page_and_in_the_word_header():
    people = make_personas()
    content = live_content(open_report(people.agency, 2025, actor=people.registrar))
    pages = pages_text(draft_file(content, "pdf"))
    assert len(pages) > 1 and all("草稿" in text for text in pages)
    word = Document(io.BytesIO(draft_file(content, "docx")))
    assert "草稿" in word.sections[0].header.paragraphs[0].text
