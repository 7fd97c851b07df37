"""A scanned report (PDF pages that are images) is read by text recognition: made here by rasterising a report
gongkai renders and wrapping the image into a PDF. Every recognised cell carries the engine's confidence;
a cell below the threshold, a cell where nothing was recognised, and a row whose recognised numbers do not
add up are unread with the reason — never a guess, never a blank for a miss."""

import io

import pypdfium2
import pytest

from gongkai.formats import get_format
from gongkai.formats.render import render
from gongkai.importer import parse_bytes
from gongkai.importer.ocr import MIN_CONFIDENCE
from gongkai.importer.readers.text import read_text
from gongkai.importer.source import Token
from gongkai.importer.tables import read_tables
from tests.importer.support import NARRATIVE, cell_sets


def scanned(pdf: bytes, pages: list[int], dpi: int = 150) -> bytes:
    """The pages as a scanner gives them: images in a PDF, no text layer."""
    document = pypdfium2.PdfDocument(pdf)
    images = [document[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in pages]
    document.close()
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


@pytest.fixture(scope="module")
def scan_of_section3():
    cells = cell_sets("2021")["busy"]
    pdf = render("pdf", cells, NARRATIVE, {"office": "办公室"})
    return cells, parse_bytes(scanned(pdf, [1]), "扫描件.pdf", kind="pdf")


def test_a_scanned_table_is_recognised_and_every_cell_read_is_right(scan_of_section3):
    cells, parsed = scan_of_section3
    assert parsed.ocr_pages == [1]
    assert any(f.rule == "import.ocr" for f in parsed.findings)
    s3 = [a for a, _ in parsed.cells.format.cells() if a.startswith("section3.")]
    read = [a for a in s3 if a in parsed.provenance]
    # The page holds §三 down to （五）3.; of its cells, at least four in five are recognised well enough.
    missed = [a for u in parsed.unread if "扫描页" in u.reason for a in u.cells]
    assert len(read) >= 100 and len(read) >= 4 * len(missed)
    for address in read:
        assert parsed.cells[address] == cells[address], address
        assert parsed.provenance[address].confidence >= MIN_CONFIDENCE
        assert parsed.to_dict()["provenance"][address]["ocr"] >= MIN_CONFIDENCE
    for address in set(s3) - set(read):
        assert address in parsed.unread_cells and parsed.cells[address] is None


def recognised_lines(text: str, confidence: float, overrides: dict[str, tuple[str, float]] = None):
    """A report's lines as if a recognition engine had read them, each cell with a confidence; `overrides`
    maps a row label to (the first figure as misread, its confidence)."""
    lines = read_text(text, "md").lines
    for line in lines:
        tokens = [Token(t.text, t.where, t.kind, confidence=confidence) for t in line.tokens]
        label = tokens[0].text if tokens else ""
        if label in (overrides or {}) and line.structured:
            first = next(i for i, t in enumerate(tokens) if t.text.isdigit())
            text_, score = overrides[label]
            tokens[first] = Token(text_, tokens[first].where, confidence=score)
        line.tokens = tokens
    return lines


def test_a_figure_recognised_without_enough_confidence_is_unread_with_its_score():
    cells = cell_sets("2021")["busy"]
    text = render("md", cells, NARRATIVE).decode("utf-8")
    lines = recognised_lines(text, 0.99, {"规章": ("3", 0.5)})
    tables = read_tables(lines, get_format("2021"))
    [entry] = [u for u in tables.unread if "section2.art20_1.regulations.made" in u.cells]
    assert "置信度 0.50" in entry.reason and "“3”" in entry.reason
    assert "section2.art20_1.regulations.made" not in tables.read
    assert tables.read["section2.art20_1.regulations.repealed"].confidence == 0.99


def test_a_recognised_row_that_does_not_add_up_is_unread_as_a_whole():
    cells = cell_sets("2021")["busy"]
    text = render("md", cells, NARRATIVE).decode("utf-8")
    row = "一、本年新收政府信息公开申请数量"
    right = cells["section3.new_received.natural_person"]
    lines = recognised_lines(text, 0.97)  # as rendered: the row adds up
    assert (
        read_tables(lines, get_format("2021")).read["section3.new_received.total"].value
        == cells["section3.new_received.total"]
    )
    misread = str(right + 3)
    assert f"| {row} | {right} |" in text
    lines = recognised_lines(text.replace(f"| {row} | {right} |", f"| {row} | {misread} |"), 0.97)
    tables = read_tables(lines, get_format("2021"))
    assert not any(a.startswith("section3.new_received.") for a in tables.read)
    [entry] = [u for u in tables.unread if "section3.new_received.total" in u.cells]
    assert "之和" in entry.reason and "对照原件" in entry.reason


def test_a_scan_far_longer_than_a_report_is_refused_before_any_recognition():
    from PIL import Image

    from gongkai.importer import UnreadableReport
    from gongkai.importer.ocr import MAX_PAGES

    blank = Image.new("L", (100, 140), 255)
    out = io.BytesIO()
    blank.save(out, "PDF", save_all=True, append_images=[blank] * MAX_PAGES)
    with pytest.raises(UnreadableReport, match=f"{MAX_PAGES + 1} 页扫描图像"):
        parse_bytes(out.getvalue(), "整本文件汇编.pdf")
