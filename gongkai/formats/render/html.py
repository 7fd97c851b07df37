"""The report as HTML: a fragment for pages to include, and a standalone document (also for PDF)."""

from html import escape
from pathlib import Path

from gongkai.formats.cells import ReportCells
from gongkai.formats.layout import CAPTION, HEADER, LABEL, NOTE, Grid, GridCell, column_weights, is_heading
from gongkai.formats.render.document import contact_paragraphs, is_subheading, report_sections, report_title

REPORT_CSS = (Path(__file__).parent / "report.css").read_text(encoding="utf-8")


def _cell(cell: GridCell) -> str:
    attrs = []
    if cell.rowspan > 1:
        attrs.append(f' rowspan="{cell.rowspan}"')
    if cell.colspan > 1:
        attrs.append(f' colspan="{cell.colspan}"')
    classes = {CAPTION: "gk-caption", HEADER: "gk-head", NOTE: "gk-head gk-note", LABEL: "gk-label"}.get(
        cell.role, "gk-num"
    )
    if cell.address:
        attrs.append(f' id="cell-{escape(cell.address)}" data-cell="{escape(cell.address)}"')
    # A row's label heads its row: a <th scope="row">, so a screen reader names the row of each number.
    tag = "th" if is_heading(cell) or cell.role == LABEL else "td"
    if cell.role == LABEL:
        attrs.append(' scope="row"')
    return f'<{tag} class="{classes}"{"".join(attrs)}>{escape(cell.text)}</{tag}>'


def table_html(grid: Grid, caption: str = "", *, width_attributes: bool = False) -> str:
    """The grid as a <table>. Column widths go in style attributes for print (WeasyPrint), or in width
    attributes for pages served under a Content-Security-Policy that forbids inline styles."""
    rows = grid.rows()
    lines = [f'<table class="gk-table gk-{grid.key}">']
    if caption:
        lines.append(f"<caption>{escape(caption)}</caption>")
    weights = column_weights(grid)
    template = '<col width="{:.2f}%">' if width_attributes else '<col style="width:{:.2f}%">'
    lines.append(
        "<colgroup>" + "".join(template.format(100 * w / sum(weights)) for w in weights) + "</colgroup>"
    )
    if grid.header_rows:
        lines.append("<thead>")
        lines += ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows[: grid.header_rows]]
        lines.append("</thead>")
    lines.append("<tbody>")
    lines += ["<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows[grid.header_rows :]]
    lines.append("</tbody>")
    lines.append("</table>")
    return "\n".join(lines)


def _paragraph(number: str, i: int, text: str) -> str:
    # Each paragraph has an address (gk-p-一-3) so that a check finding can point at its sentence.
    css = ' class="gk-subheading"' if is_subheading(text) else ""
    return f'<p id="gk-p-{number}-{i}"{css}>{escape(text)}</p>'


def _figure(chart) -> str:
    from gongkai.formats.render.charts import chart_svg

    return f'<figure class="gk-chart" id="chart-{escape(chart.key)}">{chart_svg(chart)}</figure>'


def render_html_fragment(
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
    for_page: bool = False,
) -> str:
    """The report as an <article>, to be placed inside a page that links report.css (REPORT_CSS);
    `for_page` leaves out inline styles, for pages under a Content-Security-Policy."""
    parts = ['<article class="gk-report">', f"<h1>{escape(report_title(cells))}</h1>"]
    parts += [f'<p class="gk-contact">{escape(p)}</p>' for p in contact_paragraphs(contact)]
    for section in report_sections(cells, narrative, charts):
        parts.append(f'<section class="gk-part" id="gk-part-{section.number}">')
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts += [_paragraph(section.number, i, p) for i, p in enumerate(section.paragraphs, start=1)]
        if section.grid is not None:
            parts.append(table_html(section.grid, width_attributes=for_page))
        parts += [_figure(chart) for chart in section.charts]
        parts.append("</section>")
    parts.append("</article>")
    return "\n".join(parts)


def render_html(
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
) -> str:
    """A complete HTML document with its style sheet inline; WeasyPrint prints it to PDF."""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(report_title(cells))}</title>\n<style>\n{REPORT_CSS}</style>\n</head>\n<body>\n"
        f"{render_html_fragment(cells, narrative, contact, charts=charts)}\n</body>\n</html>\n"
    )
