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


def attachment_lines(letter) -> list[str]:
    """The 附件说明 (GB/T 9704 7.3.4): “附件：名称”, or numbered “附件：1. 名称” with the next names aligned
    under the first; no punctuation after a name. Empty without attachments."""
    titles = [a.title.rstrip("。；，.;,") for a in letter.attachments.all()] if letter.pk else []
    if len(titles) == 1:
        return [f"附件：{titles[0]}"]
    return [f"{'附件：' if i == 1 else '　　　'}{i}. {title}" for i, title in enumerate(titles, 1)]


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
    texts = paragraphs(letter)
    for i, text in enumerate(texts):
        p = gongwen.paragraph(document, text)
        # The 落款 never stands alone on a page: the last paragraph goes with it (GB/T 9704 7.3.5.4).
        p.paragraph_format.keep_with_next = i == len(texts) - 1
    attachments = attachment_lines(letter)
    if attachments:
        gongwen.paragraph(document, "", indent=False).paragraph_format.keep_with_next = True
        for text in attachments:
            # 正文下空一行左空二字编排 (GB/T 9704 7.3.4)
            gongwen.paragraph(document, text).paragraph_format.keep_with_next = True
    # Room for the seal (about 42 mm): it sits over the agency's name and the date, its top within one
    # line of the text (GB/T 9704 7.3.5.1); three empty lines keep that space on the same page.
    for _ in range(3):
        gongwen.paragraph(document, "", indent=False).paragraph_format.keep_with_next = True
    closing = (letter.application.agency.name, gongwen.chinese_date(letter.issued_on))
    for i, text in enumerate(closing):
        p = gongwen.paragraph(document, text, align=gongwen.ALIGN.RIGHT, indent=False)
        p.paragraph_format.right_indent = Pt(gongwen.BODY_SIZE * 4)  # 右空四字, GB/T 9704 7.3.5.1
        p.paragraph_format.keep_with_next = i == 0
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
            "paragraphs": paragraphs(letter)[:-1],
            "last_paragraph": (paragraphs(letter) or [""])[-1],
            "attachments": attachment_lines(letter),
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
