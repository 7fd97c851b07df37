"""Draft files of a report not yet published: the same PDF and Word file as a publication would give, marked
草稿 on every page, so the leader reads on paper exactly what would be published — and no draft can be
mistaken for the published report.

    draft_file(content, kind) -> bytes     kind "pdf" or "docx"
"""

from io import BytesIO

from gongkai.reports.charts import charts_by_section

MARK = "草稿"
NOTE = "草稿　未经审定发布，不得对外公开"
# WeasyPrint repeats a fixed element on every page; the page's top margin carries the note.
PDF_CSS = f"""
@page {{ @top-center {{ content: "{NOTE}"; font-family: "Noto Sans CJK SC", sans-serif; font-size: 10pt;
  color: #b00; }} }}
.gk-draft-mark {{ position: fixed; top: 95mm; left: 0; right: 0; text-align: center;
  font-family: "Noto Sans CJK SC", sans-serif; font-size: 120pt; color: rgba(200, 0, 0, 0.12);
  transform: rotate(-30deg); z-index: -1; }}
"""


def _pdf(content) -> bytes:
    from weasyprint import HTML

    from gongkai.formats.render.html import render_html

    html = render_html(
        content.cells, content.sections, content.contact, charts=charts_by_section(content.charts)
    )
    html = html.replace("</style>", PDF_CSS + "</style>", 1)
    html = html.replace("<body>", f'<body>\n<div class="gk-draft-mark" aria-hidden="true">{MARK}</div>', 1)
    return HTML(string=html).write_pdf()


def _docx(content) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    from gongkai.formats.render.word import HEADING_FONT, build_document, set_font

    document = build_document(
        content.cells, content.sections, content.contact, charts=charts_by_section(content.charts)
    )
    header = document.sections[0].header
    p = header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(NOTE)
    set_font(run, HEADING_FONT, 12, bold=True)
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
    p.paragraph_format.space_after = Pt(0)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def draft_file(content, kind: str) -> bytes:
    return {"pdf": _pdf, "docx": _docx}[kind](content)
