"""A report is read by what its bytes are, whatever its name says, in whatever encoding it was saved: a
web page saved as .txt, UTF-8 pages without a charset, GBK and GB18030 with or without their declaration,
BOMs, a PDF named .doc, a Word or Excel file without an extension. Each variant, made here from the fixtures
and from reports gongkai renders, reads to the very same cells as the original."""

import re

import pytest

from gongkai.formats.render import render
from gongkai.importer import UnreadableReport, parse_bytes
from gongkai.importer.sniff import decode_text
from tests.importer.support import FIXTURES, NARRATIVE, cell_sets

FIXTURE = FIXTURES / "047_longgang_bm_2024.txt"
CONTACT = {"office": "办公室", "phone": "0577-61882068"}


def cells_and_texts(parsed):
    return parsed.cells.values, parsed.cells.cell_text, parsed.cells.agency, parsed.year


def text_variants(text: str):
    yield "utf-8", text.encode("utf-8")
    yield "utf-8 with BOM", b"\xef\xbb\xbf" + text.encode("utf-8")
    yield "gb18030", text.encode("gb18030")
    yield "utf-16 with BOM", text.encode("utf-16")
    try:
        gbk = text.encode("gbk")
    except UnicodeEncodeError:  # a character GBK lacks: that file can only be saved as GB18030
        return
    yield "gbk", gbk


@pytest.mark.parametrize("name", ["report.txt", "report", "报告.doc", "report.html"])
def test_a_text_report_reads_the_same_in_every_encoding_and_under_any_name(name):
    text = FIXTURE.read_text(encoding="utf-8")
    original = parse_bytes(text.encode("utf-8"), "report.txt")
    assert original.cells_read > 20
    for label, data in text_variants(text):
        parsed = parse_bytes(data, name)
        assert parsed.kind == "txt", label
        assert cells_and_texts(parsed) == cells_and_texts(original), label


def page_variants(page: str):
    """The rendered page as sites and browsers save it."""
    undeclared = page.replace('<meta charset="utf-8">', "")
    gbk_declared = page.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    )
    yield "utf-8, declared", page.encode("utf-8")
    yield "utf-8, undeclared", undeclared.encode("utf-8")
    yield "utf-8 BOM, undeclared", b"\xef\xbb\xbf" + undeclared.encode("utf-8")
    yield "gbk, declared gb2312", gbk_declared.encode("gbk")
    yield "gb18030, undeclared", undeclared.encode("gb18030")
    yield "gbk, declared utf-8 by mistake", page.encode("gbk")
    yield "xml declaration", ('<?xml version="1.0" encoding="gbk"?>\n' + undeclared).encode("gbk")


@pytest.mark.parametrize("name", ["report.html", "report.txt", "report.doc", "report"])
def test_a_web_page_reads_the_same_in_every_encoding_and_under_any_name(name):
    cells = cell_sets("2021")["mixed"]
    page = render("html", cells, NARRATIVE, CONTACT).decode("utf-8")
    for label, data in page_variants(page):
        parsed = parse_bytes(data, name)
        assert parsed.kind == "html", label
        assert parsed.cells.agency == cells.agency, label
        assert parsed.cells.values == cells.values, label
        assert parsed.cells.cell_text == cells.cell_text, label


def test_a_page_fragment_without_html_or_body_tags_saved_as_text_is_read_as_a_page():
    page = render("html", cell_sets("2019")["busy"], NARRATIVE, CONTACT).decode("utf-8")
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.S)[1]
    parsed = parse_bytes(body.encode("gb18030"), "copied.txt")
    assert parsed.kind == "html"
    assert parsed.cells.values == cell_sets("2019")["busy"].values


@pytest.mark.parametrize("output", ["pdf", "docx", "xlsx", "json"])
@pytest.mark.parametrize("name", ["report.txt", "report.doc", "report.html", "report"])
def test_binary_reports_are_read_by_their_content_under_any_name(output, name):
    cells = cell_sets("2021")["busy"]
    data = render(output, cells, NARRATIVE, CONTACT)
    parsed = parse_bytes(data, name)
    assert parsed.kind == output
    assert parsed.cells.values == cells.values


def test_encodings_are_found_by_bom_declaration_strict_utf8_or_a_guess():
    text = "乐清市民政局2022年政府信息公开工作年度报告"
    assert decode_text(text.encode("gbk")).encoding == "gb18030"
    assert decode_text(text.encode("gbk")).text == text
    assert decode_text(b"\xef\xbb\xbf" + text.encode()).how == "bom"
    declared = f'<meta charset="GBK"><p>{text}</p>'.encode("gbk")
    assert (decode_text(declared).how, decode_text(declared).text[-len(text) - 4 : -4]) == ("declared", text)
    assert decode_text(text.encode("utf-8")).how == "utf-8"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "Workbook".encode("utf-16-le"),
            "Excel 97–2003（.xls）",
        ),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "这是图片（PNG）"),
    ],
)
def test_files_no_reader_takes_are_named_for_what_they_are(data, reason):
    with pytest.raises(UnreadableReport, match=re.escape(reason)):
        parse_bytes(data, "report.pdf")
