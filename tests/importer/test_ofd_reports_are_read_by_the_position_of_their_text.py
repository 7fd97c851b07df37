"""OFD (GB/T 33190) is the fixed-layout format many agencies' document systems export: an OFD report is read
by the position of its text as a PDF is, to the same cells and narrative, whatever it is named; an OFD whose
text is kept only as glyph numbers, or that is incomplete, is refused with a Chinese reason."""

import io
import zipfile

import pytest

from gongkai.formats.render import render
from gongkai.importer import parse_bytes
from gongkai.importer.parse import UnreadableReport
from tests.importer.ofd_files import ofd_from_pdf
from tests.importer.support import NARRATIVE, cell_sets

CONTACT = {"office": "办公室", "phone": "0577-61882068"}


def _ofd(version: str, cell_set: str, **options) -> tuple:
    cells = cell_sets(version)[cell_set]
    return cells, ofd_from_pdf(render("pdf", cells, NARRATIVE, CONTACT), **options)


@pytest.mark.parametrize("version", ["2019", "2021"])
@pytest.mark.parametrize("cell_set", ["busy", "zeros", "mixed"])
def test_an_ofd_report_reads_back_to_its_cells_and_text(version, cell_set):
    cells, ofd = _ofd(version, cell_set)
    parsed = parse_bytes(ofd, "年报.ofd")
    assert parsed.kind == "ofd"
    assert (parsed.cells.agency, parsed.year, parsed.cells.format.version) == (
        cells.agency,
        cells.year,
        version,
    )
    assert {a: parsed.cells[a] for a in cells.values} == cells.values
    assert parsed.cells.cell_text == cells.cell_text
    assert parsed.unread == [] and parsed.findings == []
    assert {n: t for n, t in parsed.cells.sections.items() if t} == NARRATIVE


@pytest.mark.parametrize("name", ["年报.pdf", "年报.zip", "年报"])
def test_an_ofd_is_read_by_its_content_with_advances_written_out_or_compressed(name):
    cells, ofd = _ofd("2021", "mixed", compress_advances=False)
    parsed = parse_bytes(ofd, name)
    assert parsed.kind == "ofd" and {a: parsed.cells[a] for a in cells.values} == cells.values


def _rewrite(ofd: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ofd)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = change(item.filename, source.read(item))
            if data is not None:
                target.writestr(item, data)
    return out.getvalue()


def test_an_ofd_whose_text_is_only_glyph_numbers_is_refused_with_what_to_do():
    import re

    _, ofd = _ofd("2021", "mixed")
    glyphs_only = _rewrite(
        ofd,
        lambda name, data: (
            re.sub(rb"(<ofd:TextCode[^>]*>)[^<]*(</ofd:TextCode>)", rb"\1\2", data)
            if name.endswith("Content.xml")
            else data
        ),
    )
    with pytest.raises(UnreadableReport, match="没有可提取的文字.*另存为 PDF"):
        parse_bytes(glyphs_only, "年报.ofd")


def test_an_incomplete_ofd_is_refused_naming_what_is_missing():
    _, ofd = _ofd("2021", "mixed")
    without_document = _rewrite(ofd, lambda name, data: None if name.endswith("Document.xml") else data)
    with pytest.raises(UnreadableReport, match="缺少 Doc_0/Document.xml"):
        parse_bytes(without_document, "年报.ofd")
