"""Letters in 公文 layout (GB/T 9704): DOCX with python-docx, PDF through HTML with WeasyPrint.

render_docx(letter) -> bytes, render_pdf(letter) -> bytes
letter_bytes(letter, fmt) -> bytes              "docx" or "pdf"; the stored bytes once issued
"""

from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string
from docx.shared import Pt

from gongkai.documents import gongwen

from ..models import LetterError
from .templates import TEMPLATES


def heading(letter) -> tuple[str, str]:
    return letter.application.agency.name, TEMPLATES[letter.kind].title


def number_line(letter) -> str:
    return letter.number or "（草稿，签发时编号）"


def paragraphs(letter) -> list[str]:
    return [line.strip() for line in letter.body.splitlines() if line.strip()]


def render_docx(letter) -> bytes:
    document = gongwen.new_document()
    for line in heading(letter):
        title = gongwen.paragraph(
            document, line, gongwen.TITLE_FONT, gongwen.TITLE_SIZE, align=gongwen.ALIGN.CENTER, indent=False
        )
        title.paragraph_format.line_spacing = Pt(36)
    gongwen.paragraph(document, number_line(letter), align=gongwen.ALIGN.CENTER, indent=False)
    gongwen.paragraph(document, "", indent=False)
    gongwen.paragraph(document, f"{letter.addressee}：", indent=False)
    for text in paragraphs(letter):
        gongwen.paragraph(document, text)
    gongwen.paragraph(document, "", indent=False)
    for text in (letter.application.agency.name, gongwen.chinese_date(letter.issued_on)):
        p = gongwen.paragraph(document, text, align=gongwen.ALIGN.RIGHT, indent=False)
        p.paragraph_format.right_indent = Pt(gongwen.BODY_SIZE * 4)  # 右空四字, GB/T 9704 7.3.5.1
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def render_html(letter) -> str:
    agency_name, title = heading(letter)
    return render_to_string(
        "applications/letters/print.html",
        {
            "letter": letter,
            "agency_name": agency_name,
            "title": title,
            "number": number_line(letter),
            "paragraphs": paragraphs(letter),
            "date": gongwen.chinese_date(letter.issued_on),
        },
    )


# The page layout lives in a static file, not in a <style> element, so no template carries inline CSS.
PRINT_CSS = Path(__file__).parent.parent / "static" / "applications" / "letter_print.css"


def render_pdf(letter) -> bytes:
    from weasyprint import CSS, HTML  # heavy; loaded only when a PDF is asked for

    return HTML(string=render_html(letter)).write_pdf(stylesheets=[CSS(filename=str(PRINT_CSS))])


def letter_bytes(letter, fmt: str) -> bytes:
    if fmt not in ("docx", "pdf"):
        raise ValueError(fmt)
    if letter.is_issued:
        stored = getattr(letter, fmt)
        if stored is None:
            raise LetterError(
                "申请人个人信息已按保存期限删除，该文书的文件不再保存（文号、日期和校验值保留在案卷中）。"
            )
        return bytes(stored)
    return render_docx(letter) if fmt == "docx" else render_pdf(letter)
