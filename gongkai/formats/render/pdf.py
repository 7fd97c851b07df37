"""The report as PDF: the standalone HTML document printed by WeasyPrint (fonts: Noto CJK)."""

from gongkai.formats.cells import ReportCells
from gongkai.formats.render.html import render_html


def render_pdf(
    cells: ReportCells,
    narrative: dict[str, str] | None = None,
    contact: dict | None = None,
    *,
    charts: dict | None = None,
) -> bytes:
    from weasyprint import HTML  # heavy; loaded only when a PDF is asked for

    return HTML(string=render_html(cells, narrative, contact, charts=charts)).write_pdf()
