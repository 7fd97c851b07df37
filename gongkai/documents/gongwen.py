"""公文 layout (GB/T 9704) shared by every document the system writes in Word: the page set-up, fonts and
paragraph helpers of the annual report's renderer, under public names for letters and other documents.

    new_document() -> docx Document       A4, margins 37/35/28/26 mm, body 仿宋 三号
    paragraph(container, text, font=BODY_FONT, size=BODY_SIZE, *, align=None, indent=True, bold=False)
    chinese_date(date) -> "2026年3月2日"
"""

from datetime import date

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gongkai.formats.render.word import (
    BODY_FONT,
    BODY_SIZE,
    HEADING_FONT,
    LINE_SPACING,
    TITLE_FONT,
    TITLE_SIZE,
    add_paragraph,
    page_setup,
    set_font,
)

__all__ = [
    "BODY_FONT",
    "BODY_SIZE",
    "HEADING_FONT",
    "LINE_SPACING",
    "TITLE_FONT",
    "TITLE_SIZE",
    "ALIGN",
    "new_document",
    "paragraph",
    "set_font",
    "chinese_date",
]

ALIGN = WD_ALIGN_PARAGRAPH


def new_document():
    document = Document()
    page_setup(document)
    return document


def paragraph(container, text, font=BODY_FONT, size=BODY_SIZE, *, align=None, indent=True, bold=False):
    return add_paragraph(container, text, font, size, align=align, indent=indent, bold=bold)


def chinese_date(day: date | None) -> str:
    """公文 dates are written with Arabic numerals and no leading zeros (GB/T 9704 7.3.5.3)."""
    if day is None:
        return "    年  月  日"
    return f"{day.year}年{day.month}月{day.day}日"
