"""The report as a Word document in 公文 layout (GB/T 9704): A4, margins 37/35/28/26 mm, title in
小标宋, headings in 黑体, body in 仿宋 三号, tables with real merged cells drawn from the layout grid.
"""

from io import BytesIO

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import CAPTION, LABEL, NOTE, Grid, column_weights
from gongkai.formats.render.document import contact_paragraphs, is_subheading, report_sections, report_title

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
BODY_FONT = "仿宋_GB2312"
SUBHEADING_FONT = "楷体_GB2312"
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
TABLE_SIZE = 10.5  # 五号
SMALL_TABLE_SIZE = 9  # 小五: the 15-column §四 table and the §三 note
LINE_SPACING = Pt(28)  # 公文: 22 lines a page at 三号

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}
TEXT_WIDTH_MM = 210 - 28 - 26
KEEP_TOGETHER = ("section2", "section4")
KEEP_FIRST_ROWS = 4


def set_font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    # Word picks the face for Chinese characters from w:eastAsia; w:ascii alone would leave them in the default.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def add_paragraph(
    container, text: str, font: str, size: float, *, align=None, indent: bool = True, bold=False
):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_SPACING
    if indent:
        fmt.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    set_font(p.add_run(text), font, size, bold)
    return p


def _column_widths(grid: Grid) -> list[float]:
    """Millimetres per grid column, filling the text width in the layout's proportions."""
    weights = column_weights(grid)
    return [TEXT_WIDTH_MM * w / sum(weights) for w in weights]


def _mark_header_row(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def add_table(document, grid: Grid) -> None:
    table = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = _column_widths(grid)
    # LibreOffice lays tables out from the grid (w:gridCol), Word from the cells (w:tcW): set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = Mm(widths[i])
    for i in range(grid.header_rows):
        _mark_header_row(table.rows[i])
    # A small table stays on one page: each row keeps with the next (Word and LibreOffice honour this).
    keep_together = grid.key in KEEP_TOGETHER
    size = SMALL_TABLE_SIZE if grid.key == "section4" else TABLE_SIZE
    # The cells are taken once, before any merge: python-docx's table.cell() walks the whole table on each
    # call, which made a §三 table seconds of work. Merged regions never overlap, so the corners of every
    # region taken here stay the cells they were.
    before_merging = table._cells
    n_cols = grid.n_cols

    def at(row: int, col: int):
        return before_merging[row * n_cols + col]

    for spec in grid.cells:
        cell = at(spec.row, spec.col)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(at(spec.row + spec.rowspan - 1, spec.col + spec.colspan - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for extra in cell.paragraphs[1:]:  # merging keeps one empty paragraph per merged cell
            extra._element.getparent().remove(extra._element)
        p = cell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT if spec.role == LABEL else WD_ALIGN_PARAGRAPH.CENTER
        # A small table stays whole; a long one keeps its header with its first rows, and a block's caption
        # row with the block: no title or header left alone at the foot of a page.
        last_row = spec.row + spec.rowspan
        head = last_row <= grid.header_rows + KEEP_FIRST_ROWS
        if last_row < grid.n_rows and (keep_together or head or spec.role == CAPTION):
            p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
        if spec.text:
            font = HEADING_FONT if spec.role == CAPTION else BODY_FONT
            cell_size = SMALL_TABLE_SIZE if spec.role == NOTE else size
            set_font(p.add_run(spec.text), font, cell_size, bold=spec.role == CAPTION)


def page_setup(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for name, value in MARGINS.items():
        setattr(section, name, value)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(BODY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def add_chart(document, chart) -> None:
    from gongkai.formats.render.charts import chart_png

    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(6)
    p.add_run().add_picture(BytesIO(chart_png(chart)), width=Mm(TEXT_WIDTH_MM * 0.9))


def build_document(
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
):
    """The python-docx Document, for callers that add to it before saving."""
    document = Document()
    page_setup(document)
    title = add_paragraph(
        document, report_title(cells), TITLE_FONT, TITLE_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False
    )
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_after = Pt(BODY_SIZE)
    for text in contact_paragraphs(contact):
        add_paragraph(document, text, BODY_FONT, BODY_SIZE)
    for section in report_sections(cells, narrative, charts):
        heading = add_paragraph(document, section.heading, HEADING_FONT, BODY_SIZE)
        heading.paragraph_format.keep_with_next = True
        for text in section.paragraphs:
            # GB/T 9704: the second heading level （一） is set in 楷体, and stays with its paragraph.
            sub = is_subheading(text)
            p = add_paragraph(document, text, SUBHEADING_FONT if sub else BODY_FONT, BODY_SIZE)
            p.paragraph_format.keep_with_next = sub
        if section.grid is not None:
            add_table(document, section.grid)
        for chart in section.charts:
            add_chart(document, chart)
    return document


def render_docx(
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
) -> bytes:
    out = BytesIO()
    build_document(cells, narrative, contact, charts=charts).save(out)
    return out.getvalue()
