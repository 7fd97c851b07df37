"""PDF reports: every page's characters with their places, through pdfium, laid out by position.

pdfium (pypdfium2) gives each character and its box; characters that touch make words, and words are laid
out by position (gongkai.importer.readers.layout): cells that wrap are joined, a row's numbers are cells
of their own with their boxes, and a table — ruled or not — becomes lines of cells whose numbers the
table reader places under their columns by where they stand. Lines of one paragraph are joined again. A
page without a text layer (a scan) is read by text recognition (gongkai.importer.ocr), its words carrying
the engine's confidence.
"""

import pypdfium2
import pypdfium2.raw as pdfium_c

from gongkai.importer.readers.layout import Word, lay_out
from gongkai.importer.source import Line, Source

# Characters further apart than this (in points) are two words, as a PDF text extractor judges.
WORD_GAP = 1.5


def _words(textpage, page_height: float) -> list[Word]:
    """Words of a page: touching characters on one line. Across, a character's box is its advance (what
    separates words); up and down, its ink, so that the lines of a paragraph do not touch."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    words: list[Word] = []
    current: list = []  # [text, x0, top, x1, bottom, top of its line's box]

    def close():
        if current and current[0].strip():
            top, bottom = current[2], current[4]
            words.append(
                Word(current[0].strip(), current[1], top, current[3], bottom, max(bottom - top, 1.0))
            )

    for i in range(count):
        char = text[i] if len(text) == count else textpage.get_text_range(i, 1)
        if not char.strip():
            if char == " " and current and not pdfium_c.FPDFText_IsGenerated(textpage, i):
                current[0] += " "  # a space the text holds (“信息 120 条”), unlike one pdfium adds for a gap
                continue
            close()
            current = []
            continue
        left, loose_bottom, right, loose_top = textpage.get_charbox(i, loose=True)
        _, ink_bottom, _, ink_top = textpage.get_charbox(i)
        top, bottom = page_height - ink_top, page_height - ink_bottom
        if ink_top <= ink_bottom:  # a glyph without ink: take its line's box
            top, bottom = page_height - loose_top, page_height - loose_bottom
        line = page_height - loose_top
        same_line = current and abs(line - current[5]) < 0.3 * (loose_top - loose_bottom)
        if same_line and (left - current[3] <= WORD_GAP or current[0].endswith(" ")):
            current[0] += char
            current[3] = max(current[3], right)
            current[2], current[4] = min(current[2], top), max(current[4], bottom)
            continue
        close()
        current = [char, left, top, right, bottom, line]
    close()
    return words


def read_pdf(data: bytes) -> Source:
    pages: dict[int, list[Line]] = {}
    scanned: list[int] = []
    document = pypdfium2.PdfDocument(data)
    try:
        for index in range(len(document)):
            number = index + 1
            page = document[index]
            textpage = page.get_textpage()
            words = _words(textpage, page.get_height())
            width = page.get_width()
            textpage.close()
            page.close()
            if not words:
                scanned.append(number)
                continue
            right = max(w.x1 for w in words)
            pages[number] = [
                line for _, line in sorted(lay_out(words, number, width, [], right), key=lambda p: p[0])
            ]
    finally:
        document.close()
    if scanned:
        from gongkai.importer.ocr import read_scanned_pages  # loads the recognition model: only for scans

        pages.update(read_scanned_pages(data, scanned))
    lines = [line for number in sorted(pages) for line in pages[number]]
    if not any(t.text for line in lines for t in line.tokens):
        raise ValueError("PDF 中没有可提取的文字，文字识别也没有读出文字（可能是空白页或图片过于模糊）")
    return Source("pdf", lines, ocr_pages=scanned)
